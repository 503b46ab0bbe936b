// templates/README.md documents the view-model templates receive; its reference part is made from
// src/render/view-model.ts (test/render/view-model-doc.ts), so it cannot drift from the code.
// UPDATE_DOCS=1 rewrites it instead of comparing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildViewModel } from '../../src/render/build-view-model.js';
import { fakeGuide, loadSummary } from './helpers.js';
import { viewModelDoc } from './view-model-doc.js';

const README = join(import.meta.dirname, '../../templates/README.md');
const START = '<!-- view-model: made from src/render/view-model.ts by test/render/view-model-doc.ts; do not edit by hand -->\n';
const END = '<!-- /view-model -->';

describe('templates/README.md', () => {
  const text = readFileSync(README, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);

  it('holds the view-model reference made from the types', () => {
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const made = `${START}\n${viewModelDoc()}\n`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(README, text.slice(0, from) + made + text.slice(to));
    else expect(text.slice(from, to), 'templates/README.md is out of date: run UPDATE_DOCS=1 npx vitest run test/render/view-model-doc.test.ts').toBe(made);
  });

  it('names every field a real view-model has at the top level', () => {
    const view = buildViewModel(loadSummary('realistic'), { top: 5, guide: fakeGuide });
    for (const field of Object.keys(view)) expect(text).toContain(`| \`${field}\` |`);
  });
});
