// --help shows what a list option's default means, not how it is stored (`(default: [])`).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe.each(['report', 'verify'])('%s --help', (command) => {
  const help = runCli([command, '--help']).stdout.replace(/\s+/g, ' ');

  it('shows no empty list as a default', () => {
    expect(help).toContain('--account <id...>');
    expect(help).not.toContain('(default: [])');
    expect(help).not.toMatch(/default: \[/);
  });

  it('says what an empty list means', () => {
    expect(help).toContain('only these account IDs (default: every account)');
    expect(help).toContain('only these regions (default: every region)');
    if (command === 'report') {
      expect(help).toContain('(default: html,md,json,csv,jsonl,findings)');
      expect(help).toMatch(/--principal <glob\.\.\.> .*\(default: every principal\)/);
      expect(help).toMatch(/--fail-on <gate> .*\(default: none\)/);
    }
  });
});
