// A list cut to its most frequent values (aggregate/top-tally.ts) says so in every format.
import { describe, expect, it } from 'vitest';
import { LIST_CAP } from '../../src/aggregate/group.js';
import { formatCount } from '../../src/render/format-count.js';
import { makeReportRenderers } from '../../src/render/index.js';
import type { Summary } from '../../src/types.js';
import { attackSummary } from '../helpers/attack-summary.js';
import { fakeGuide, loadTemplates } from './helpers.js';

const r = makeReportRenderers(fakeGuide);
const templates = loadTemplates();

describe('cut lists in reports', () => {
  const s = attackSummary(5 * LIST_CAP);
  const ipCut = s.groups[0].cuts!.find((c) => c.list === 'sourceIps')!;
  const short = `top 1,000 kept, counts up to ${ipCut.maxError} high`;

  it('summary.json keeps the cuts of the groups and of the summary', () => {
    const json = JSON.parse(r.renderJson(s, { top: 5, templates })) as Summary;
    expect(json.groups[0].cuts).toEqual(s.groups[0].cuts);
    expect(json.cuts).toEqual(s.cuts);
  });

  it('the HTML and the Markdown say which lists are approximate and where every denial is', () => {
    const html = r.renderHtml(s, { top: 5, templates });
    expect(html).toContain(`(${short})`);
    expect(html).toContain(`arn:aws:s3:::bucket/secret <span class="sub">×≤${formatCount(s.groups[0].resources[0].count)}</span>`);
    expect(html).toContain(`203.0.113.9 (≤${s.groups[0].sourceIps[0].count})`); // the details line
    expect(html).toContain('only the 1,000 most frequent are listed');
    expect(html).toContain('denials.csv has every denial');
    const md = r.renderMarkdown(s, { top: 5, templates });
    expect(md).toContain('only the 1,000 most frequent are listed');
  });

  it('a summary of exact lists renders without any of it', () => {
    const exact = attackSummary(LIST_CAP);
    expect(r.renderJson(exact, { top: 5, templates })).not.toContain('"cuts"');
    expect(r.renderHtml(exact, { top: 5, templates })).not.toContain('kept, counts up to');
    expect(r.renderMarkdown(exact, { top: 5, templates })).not.toContain('most frequent are listed');
  });
});
