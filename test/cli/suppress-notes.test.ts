// Expired and stale suppression rules are said on stderr too (one line each, not under --quiet):
// a weekly job's log is where someone looks, not the last section of a report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ctd-rules-'));
writeFileSync(
  join(dir, 'rules.jsonc'),
  JSON.stringify({
    rules: [
      { principal: '*', action: 's3:GetObject', reason: 'reads are expected' },
      { action: 'ec2:TerminateInstances', reason: 'old cleanup job', expires: '2020-01-31' },
      { principal: 'arn:aws:iam::*:role/retired-scanner', reason: 'scanner \u001b[31mprobes' },
    ],
  }),
);
const run = (...extra: string[]) =>
  runCli(['report', 'samples', '--out', join(dir, `out${extra.join('')}`), '-f', 'json', '--suppress', join(dir, 'rules.jsonc'), ...extra]);

describe('suppression rules that did nothing', () => {
  it('are said on stderr, one line each', () => {
    const r = run();
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `cloudtrail-denials: suppression rule 2 of ${join(dir, 'rules.jsonc')} (action ec2:TerminateInstances) expired on 2020-01-31, so it suppressed nothing: renew its "expires" or remove it`,
      `cloudtrail-denials: suppression rule 3 of ${join(dir, 'rules.jsonc')} (principal arn:aws:iam::*:role/retired-scanner) matched no denial: remove it if it is no longer needed`,
    ]);
  });

  it('are not said with --quiet (the report lists them either way)', () => {
    expect(run('--quiet').stderr).toBe('');
  });
});
