// Opens rendered reports in a real headless Chromium (test/tools/screenshot.mjs) and fails on any
// network request: the report must be complete offline and must not load anything, even from a
// compromised account's logs.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/index.js';
import { loadSummary, loadTemplates, ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCRIPT = join(ROOT, 'test', 'tools', 'screenshot.mjs');
const available = existsSync(CHROMIUM);
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ctd-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ShotResult {
  code: number;
  requests: { url: string }[];
  failed: { url: string }[];
  png: string;
}

async function shoot(html: string, name: string): Promise<ShotResult> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, file, join(dir, `${name}.png`)], { timeout: 60_000 });
    return { code: 0, ...(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<ShotResult, 'code'>) };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: err.code ?? -1, ...(JSON.parse((err.stdout ?? '{}').trim().split('\n').pop() ?? '{}') as Omit<ShotResult, 'code'>) };
  }
}

describe.skipIf(!available)(`report.html in headless Chromium${available ? '' : ` — skipped: ${CHROMIUM} is not installed`}`, () => {
  it('renders the realistic report with no request besides the file itself', async () => {
    const result = await shoot(renderHtml(loadSummary('realistic'), { top: 20, templates: loadTemplates() }), 'realistic');
    expect(result.requests).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(result.code).toBe(0);
    expect(statSync(result.png).size).toBeGreaterThan(50_000);
  });

  it('renders the hostile report with no request either', async () => {
    const result = await shoot(renderHtml(loadSummary('hostile'), { top: 20, templates: loadTemplates() }), 'hostile');
    expect(result.requests).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('catches a page that does make a request (the check itself works)', async () => {
    const result = await shoot('<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/pixel.png">', 'leaky');
    expect(result.requests.map((r) => r.url)).toEqual(['http://127.0.0.1:9/pixel.png']);
    expect(result.code).not.toBe(0);
  });
});
