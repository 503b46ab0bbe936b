// The size of the samples' report.html (what `npm start` writes and commits). Issue 18 set its budget at
// 250 KB; the page is at 278 KB after each guide text went into the page once and the script was
// minified (it was 338 KB), so this holds the line where it is now while the rest of the repetition
// (Causes sentences, Needs attention evidence, the page data beside the static table) is taken out.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../render/helpers.js';

/** Issue 18's budget for the samples' report. */
const BUDGET = 250 * 1024;
/** What it may not grow past until the budget is met (the size measured now, rounded up). */
const CEILING = 280 * 1024;

describe("the samples' report.html", () => {
  it(`stays under ${CEILING / 1024} KB on its way to the ${BUDGET / 1024} KB budget`, () => {
    const size = statSync(join(ROOT, 'reports/samples/report.html')).size;
    expect(size).toBeLessThan(CEILING);
  });
});
