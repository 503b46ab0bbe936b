// The Causes section: the statement shown with the parts that met the request marked (HTML) or in a
// fence no backtick run inside can close (Markdown); policy text is untrusted and stays text.
import { describe, expect, it } from 'vitest';
import { fenceFor, markSegments } from '../../src/render/cause-view.js';
import { makeReportRenderers } from '../../src/render/report-renderers.js';
import type { Cause, Summary } from '../../src/types.js';
import { expectSnapshotFile, fakeGuide, loadSummary, loadTemplates } from './helpers.js';

const templates = loadTemplates();
const r = makeReportRenderers(fakeGuide);

const HOSTILE_SID = 'Deny```</pre><script>alert(1)</script>';
const statementText = JSON.stringify(
  {
    Sid: HOSTILE_SID,
    Effect: 'Deny',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/<img src=x onerror=alert(1)>*',
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
  null,
  2,
);

function cause(kind: Cause['kind'], over: Partial<Cause> = {}): Cause {
  return {
    kind,
    summary: `Statement \`${HOSTILE_SID}\` (index 1) of bucket policy of arn:aws:s3:::b denies s3:GetObject on arn:aws:s3:::b/k`,
    statement: {
      layer: 'resource-based',
      policy: 'bucket policy of arn:aws:s3:::b',
      attachedTo: null,
      sid: HOSTILE_SID,
      index: 1,
      text: statementText,
      marks: ['"s3:GetObject"', '"aws:SecureTransport"'],
      missed: ['"Deny"'],
      why: ['action s3:GetObject matches "s3:GetObject"', "condition Bool aws:SecureTransport false holds: the request's false"],
    },
    lacking: [],
    unknown: [],
    supplied: ['resource-based', 'identity-based'],
    missing: ['session-policy'],
    disagreement: null,
    guidance: `Remove or narrow statement \`${HOSTILE_SID}\` (index 1) of bucket policy of arn:aws:s3:::b`,
    exportedOn: '2026-11-23',
    ...over,
  };
}

function withCauses(s: Summary): Summary {
  const groups = s.groups.map((g, i) =>
    i === 0
      ? {
          ...g,
          cause: {
            requests: 3,
            kinds: [
              { key: 'explicit-deny', count: g.count - 1 },
              { key: 'undetermined', count: 1 },
            ],
            causes: [
              { count: g.count - 1, requests: 2, resources: ['arn:aws:s3:::b/k', 'arn:aws:s3:::b/<b>bold</b>'], cause: cause('explicit-deny') },
              {
                count: 1,
                requests: 1,
                resources: [],
                cause: cause('undetermined', {
                  statement: null,
                  summary: 'The log and the exports cannot settle it',
                  unknown: ['condition on aws:ResourceTag/team: unknown from the log'],
                  disagreement: "AWS's message said an explicit deny in an SCP",
                }),
              },
            ],
          },
        }
      : g,
  );
  return {
    ...s,
    groups,
    policies: {
      inputs: [
        {
          path: 'exports/auth-111122223333-2026-11-23.json',
          kind: 'authorization-details',
          accounts: ['111122223333'],
          exportedOn: '2026-11-23',
          dateFrom: 'name',
        },
      ],
      engine: '@cloud-copilot/iam-simulate 0.1.173',
      simulations: 3,
      maxSimulations: 20000,
      overCap: 0,
      issues: [{ path: 'exports/iam-data', reason: 'inline policy x of role y: damaged policy document (no "Statement"): left out' }],
    },
  };
}

const summary = withCauses(loadSummary('realistic'));
const html = r.renderHtml(summary, { top: 20, templates });
const md = r.renderMarkdown(summary, { top: 20, templates });
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe('markSegments and fenceFor', () => {
  it('cuts text into runs at each mark, the longest first', () => {
    expect(markSegments('"a": "ab", "b"', ['"ab"', '"a"'])).toEqual([
      { text: '"a"', mark: true, miss: false },
      { text: ': ', mark: false, miss: false },
      { text: '"ab"', mark: true, miss: false },
      { text: ', "b"', mark: false, miss: false },
    ]);
    expect(markSegments('plain', [])).toEqual([{ text: 'plain', mark: false, miss: false }]);
    expect(markSegments('"r": "x"', ['"r"'], ['"x"']).map((s) => [s.text, s.mark, s.miss])).toEqual([
      ['"r"', true, false],
      [': ', false, false],
      ['"x"', false, true],
    ]);
  });

  it('makes a fence longer than any backtick run', () => {
    expect(fenceFor('no ticks')).toBe('```');
    expect(fenceFor('a ``` b ```` c')).toBe('`````');
  });
});

describe('the Causes section', () => {
  const causesHtml = section(html, '<section class="card long" id="causes">', '</section>');
  const causesMd = section(md, '## Why it was denied', '## Timeline');

  it('is linked from the table of contents, and absent from a report without --policies', () => {
    expect(html).toContain('<a href="#causes">Causes</a>');
    const plain = r.renderHtml(loadSummary('realistic'), { top: 20, templates });
    expect(plain).not.toContain('id="causes"');
    expect(r.renderMarkdown(loadSummary('realistic'), { top: 20, templates })).not.toContain('## Why it was denied');
  });

  it('shows the statement as text in HTML, marking only the parts that met the request', () => {
    expect(causesHtml).not.toMatch(/<script|<img|<b>bold/);
    expect(causesHtml).toContain('arn:aws:s3:::b/&lt;b&gt;bold&lt;/b&gt;');
    expect(causesHtml).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(causesHtml.match(/<mark>/g)).toHaveLength(2);
    expect(causesHtml).toContain('<mark class="miss">&quot;Deny&quot;</mark>');
    expect(causesHtml).toContain('<mark>&quot;s3:GetObject&quot;</mark>');
    expect(causesHtml).toContain('<mark>&quot;aws:SecureTransport&quot;</mark>');
    expect(causesHtml.match(/<\/pre>/g)).toHaveLength(1);
  });

  it('quotes the statement in Markdown in a fence its backticks cannot close', () => {
    expect(causesMd).toContain(`\`\`\`\`json\n${statementText}\n\`\`\`\``);
    expect(causesMd).toContain('- condition on aws:ResourceTag/team: unknown from the log');
    expect(causesMd).toContain("_AWS's message said an explicit deny in an SCP_");
  });

  it('says when the policies were exported, by which engine, and what was damaged', () => {
    expect(causesHtml).toContain('Policies as exported on 2026-11-23, evaluated offline by @cloud-copilot/iam-simulate 0.1.173 (3 distinct requests)');
    expect(causesMd).toContain('| exports/auth-111122223333-2026-11-23.json | authorization-details | 111122223333 | on 2026-11-23 (from its name) |');
    expect(causesMd).toContain('- exports/iam-data: inline policy x of role y: damaged policy document (no "Statement"): left out');
  });

  it('matches the committed rendering', () => {
    expectSnapshotFile(causesHtml, 'causes.expected.html');
    expectSnapshotFile(causesMd, 'causes.expected.md');
  });
});
