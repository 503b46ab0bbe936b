// Attack: live links in report.md made from log text. GitHub renders Markdown with cmark-gfm and its
// autolink extension: a bare https://…, www.… or e-mail address in any field (a user agent, an error
// message, an object key, a federated user's name) becomes a link in the committed weekly report,
// one click from a phishing page, with no markup in the log at all (47 links in one hostile report).
// Checked with two GFM implementations, as GitHub has two algorithms (micromark's parse-time one, and
// mdast-util-gfm-autolink-literal's, which GitHub also runs on text after escapes are resolved).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { DEFANG, escapeMarkdown } from '../../src/render/markdown-escape.js';
import { runCli } from '../helpers/run-cli.js';

const LINKS = [
  'https://evil.example/login?next=/',
  'http://evil.example',
  'HTTPS://EVIL.EXAMPLE/X',
  'www.evil.example/path',
  'WWW.Evil.Example',
  'mallory@evil.example',
  'user+tag@sub.evil.example',
  'mailto:mallory@evil.example',
  'xmpp:mallory@evil.example',
  'ftp://evil.example/f',
  '<https://evil.example/angle>',
  '[click](https://evil.example/md)',
  '![img](https://evil.example/i.png)',
  '(www.evil.example)',
  '*www.evil.example*',
  '_https://evil.example_',
  '~mallory@evil.example~',
];
const ALL = LINKS.join(' ');

function records(): unknown[] {
  return LINKS.map((link, i) => ({
    eventVersion: '1.09',
    eventTime: `2026-11-20T10:00:${String(i).padStart(2, '0')}Z`,
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: 'us-east-1',
    sourceIPAddress: `198.51.100.${i}`,
    userAgent: `aws-cli/2 ${link}`,
    recipientAccountId: '111122223333',
    userIdentity:
      i % 2 === 0
        ? { type: 'FederatedUser', arn: `arn:aws:sts::111122223333:federated-user/${link}`, accountId: '111122223333' }
        : { type: 'WebIdentityUser', userName: link, principalId: `accounts.google.com:${link}` },
    eventID: `id-${i}`,
    errorCode: 'AccessDenied',
    errorMessage: `User: ${link} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/${link}" because ${ALL}`,
    requestParameters: { bucketName: 'b', key: link },
  }));
}

/** Every link and image node mdast-util-gfm makes (GitHub's transform-time autolinks included). */
function linkNodes(node: Nodes): string[] {
  const here = node.type === 'link' || node.type === 'image' ? [node.url] : [];
  return 'children' in node ? [...here, ...node.children.flatMap((c) => linkNodes(c as Nodes))] : here;
}

describe('Markdown with links in log text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctd-autolinks-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'trail.json'), JSON.stringify({ Records: records() }));
  writeFileSync(join(input, 'www.evil.example mallory@evil.example.json'), '{"Records":['); // a damaged file named like a link
  const out = join(dir, 'out');
  const r = runCli(['report', input, '--out', out, '--quiet', '--top', '100']);
  const md = readFileSync(join(out, 'report.md'), 'utf8');

  it('ran, with the links in the report', () => {
    expect(r.code).toBe(2);
    expect(md).toContain('evil.example');
  });

  it('attack: GFM (micromark, parse-time autolinks) makes no <a> and no <img> from log text', () => {
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<table>');
    expect(html.match(/<a\b[^>]*>/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<img\b/);
  });

  it("attack: GFM (mdast-util-gfm, GitHub's transform-time autolinks too) makes no link or image node", () => {
    const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    expect(linkNodes(tree)).toEqual([]);
  });

  it('attack: the text still reads, the links written the way threat reports write them', () => {
    const text = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).replace(/<[^>]+>/g, '');
    for (const shown of [
      'https[:]//evil.example/login?next=/',
      'HTTPS[:]//EVIL.EXAMPLE/X',
      'www[.]evil.example/path',
      'mallory[@]evil.example',
      'user+tag[@]sub.evil.example',
      'ftp[:]//evil.example/f',
      'mailto[:]mallory[@]evil.example',
    ]) {
      expect(text).toContain(shown);
    }
  });

  it('attack: each row of the table turns its example into text that is no link', () => {
    for (const { link, example } of DEFANG) {
      const html = micromark(escapeMarkdown(example[0]), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
      expect(html, link).toBe(`<p>${example[1]}</p>`);
      expect(linkNodes(fromMarkdown(escapeMarkdown(example[0]), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })), link).toEqual([]);
    }
  });
});
