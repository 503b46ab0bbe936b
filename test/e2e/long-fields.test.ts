// A 10 MB field (an error message, a user agent, an object key) was repeated 2-4 times into a 63 MB
// report.html that took 82 s to open. HTML and Markdown cut every displayed field at 2,000
// characters and say how much was left out; summary.json, denials.csv and denials.jsonl keep it whole.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const MB = 10 * 1024 * 1024;
/** Letters that compress and escape as themselves: 10 MiB of them, different per field. */
const long = (seed: string) => seed.repeat(Math.ceil(MB / seed.length)).slice(0, MB);

describe('a 10 MB field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-long-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true })); // ~130 MB
  const input = join(dir, 'in');
  mkdirSync(input);
  const message = long('odd message text ');
  const agent = long('agent/');
  const key = long('k');
  const record = (i: number) => ({
    eventVersion: '1.09',
    eventTime: `2026-11-20T10:00:0${i}Z`,
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: agent,
    recipientAccountId: '111122223333',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/u', accountId: '111122223333' },
    eventID: `id-${i}`,
    errorCode: 'AccessDenied',
    errorMessage: i === 0 ? message : `User: arn:aws:iam::111122223333:user/u is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/${key}"`,
  });
  writeFileSync(join(input, 'trail.json'), JSON.stringify({ Records: [record(0), record(1)] }));
  const out = join(dir, 'out');
  const r = runCli(['report', input, '--out', out, '--quiet']);
  const size = (name: string) => statSync(join(out, name)).size;
  const read = (name: string) => readFileSync(join(out, name), 'utf8');

  it('ran', () => expect(r.code).toBe(0));

  it('report.html and report.md stay small: each field cut at 2,000 characters, with how much was left out', () => {
    expect(size('report.html')).toBeLessThan(200_000);
    expect(size('report.md')).toBeLessThan(100_000);
    const more = (n: number) => `… ${n.toLocaleString('en-US')} more characters (full text in summary.json)`;
    const html = read('report.html');
    const md = read('report.md');
    for (const text of [html, md]) {
      expect(text).toContain(`${message.slice(0, 2000)}${more(MB - 2000)}`); // the unrecognised message
      // a group's top resource, as far as the classifier took it from the message
      expect(text).toMatch(/arn:aws:s3:::b\/k{1900,}… [\d,]+ more characters \(full text in summary\.json\)/);
      expect(text).not.toContain(key.slice(0, 2001));
    }
    expect(html).toContain(`${agent.slice(0, 2000)}${more(MB - 2000)}`); // a group's user agents (HTML only)
    expect(html).not.toContain(agent.slice(0, 2001));
  });

  it('summary.json, denials.csv and denials.jsonl keep the whole text', () => {
    const summary = JSON.parse(read('summary.json')) as { groups: { userAgents: { key: string }[] }[]; unrecognizedMessages: { key: string }[] };
    expect(summary.groups[0].userAgents[0].key).toBe(agent);
    expect(summary.unrecognizedMessages[0].key).toBe(message);
    expect(read('denials.csv')).toContain(message);
    const first = JSON.parse(read('denials.jsonl').split('\n')[0]) as { userAgent: string; message: string };
    expect(first.userAgent).toBe(agent);
    expect(first.message).toBe(message);
    expect(size('denials.jsonl')).toBeGreaterThan(4 * MB);
  });
});
