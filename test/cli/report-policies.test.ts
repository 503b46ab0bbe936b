// report --policies, end to end: the one line without the optional engine, the one line for a file
// that is no export, the causes in every output with it, and no engine loaded without it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/types.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { spawnSync } from 'node:child_process';

const tmp = mkdtempSync(join(tmpdir(), 'ctd-i16-cli-'));
const out = (name: string) => join(tmp, name);

describe('report --policies', () => {
  it('without the optional engine: one clear line, exit 1, nothing written', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'report', 'samples', '--out', out('no-engine'), '--policies', 'samples/policies'], {
      cwd: ROOT,
      encoding: 'utf8',
      // the seam: the engine's package name, here one that is not installed (as after npm install --omit=optional)
      env: { ...process.env, CLOUDTRAIL_DENIALS_POLICY_ENGINE: '@cloud-copilot/iam-simulate-omitted' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'cloudtrail-denials: --policies needs the optional package @cloud-copilot/iam-simulate-omitted (AGPL-3.0-or-later), which is not installed (npm install --omit=optional leaves it out): install it with `npm install @cloud-copilot/iam-simulate-omitted`, or leave out --policies\n',
    );
    expect(existsSync(out('no-engine'))).toBe(false);
  });

  it('with a file that is no policy export: one line naming it and what was expected, exit 1', () => {
    const bogus = out('config.json');
    writeFileSync(bogus, '{"region": "eu-west-1"}');
    const r = runCli(['report', 'samples', '--out', out('bogus'), '--policies', bogus]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `cloudtrail-denials: --policies ${bogus}: not a policy export; expected \`aws iam get-account-authorization-details --output json\` output, a session-policies file ({"sessionPolicies": […]}) or an iam-collect store folder`,
    ]);
  });

  describe('over the samples', () => {
    const dir = out('samples');
    const r = runCli(['report', 'samples', '--out', dir, '--quiet', '--policies', 'samples/policies']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;

    it('says on the console what the policies say, and writes every report', () => {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const line =
        /^causes \(policies as exported on 2026-11-23\): \d+ explicit-deny, \d+ implicit-deny, \d+ allowed-now, \d+ undetermined; (\d+) no policy decision \(failed sign-ins, credentials, account state\); \d+ requests simulated$/m.exec(
          r.stdout,
        );
      expect(line, r.stdout).not.toBeNull();
      // the failed sign-ins and credential refusals, which the evaluator leaves without a cause
      const unevaluated = summary.byCategory.filter((c) => c.key !== 'authorization').reduce((n, c) => n + c.count, 0);
      expect(unevaluated).toBeGreaterThan(0);
      expect(Number(line?.[1])).toBe(unevaluated);
    });

    it('puts the causes in summary.json: per group, and the inputs with their export date', () => {
      expect(summary.policies?.inputs.map((i) => [i.kind, i.exportedOn, i.dateFrom])).toEqual([
        ['authorization-details', '2026-11-23', 'name'],
        ['iam-collect', '2026-11-23', 'name'],
        ['session-policies', '2026-11-23', 'name'],
      ]);
      expect(summary.policies?.engine).toMatch(/^@cloud-copilot\/iam-simulate \d+\.\d+\.\d+$/);
      const scp = summary.groups.find((g) => g.action === 'cloudformation:CreateStack')!;
      expect(scp.cause?.causes[0].cause).toMatchObject({
        kind: 'explicit-deny',
        statement: { layer: 'service-control-policy', sid: 'DenyOutsideApprovedRegions' },
      });
      // failed sign-ins and expired keys are no policy decisions: no cause
      for (const g of summary.groups) expect(g.cause === undefined, g.key).toBe(g.categories.every((c) => c.key !== 'authorization'));
      // every authorization denial has its cause
      const withCause = summary.groups.reduce((n, g) => n + (g.cause?.kinds.reduce((m, k) => m + k.count, 0) ?? 0), 0);
      const authorization = summary.byCategory.find((c) => c.key === 'authorization')!.count;
      expect(withCause).toBe(authorization);
    });

    it('shows the section in HTML (statement marked) and Markdown (statement fenced)', () => {
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toContain('<section class="card long" id="causes">');
      expect(html).toContain('<mark>&quot;aws:RequestedRegion&quot;</mark>');
      const md = readFileSync(join(dir, 'report.md'), 'utf8');
      expect(md).toContain('## Why it was denied: the exported policies');
      expect(md).toContain('```json\n{\n  "Sid": "DenyOutsideApprovedRegions",');
    });

    it('adds the cause columns to denials.csv and the cause to denials.jsonl', () => {
      const csv = readFileSync(join(dir, 'denials.csv'), 'utf8').split('\n');
      expect(csv[0]).toContain(',causeKind,causePolicy,causeStatement');
      expect(csv.some((l) => l.includes(',explicit-deny,') && l.includes('DenyOutsideApprovedRegions #2'))).toBe(true);
      const lines = readFileSync(join(dir, 'denials.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { category: string; cause?: { kind: string } });
      for (const l of lines) expect(l.cause !== undefined).toBe(l.category === 'authorization');
    });
  });

  it('with --redact: no account, role, bucket or organization of the policies left in any output', () => {
    const dir = out('redacted');
    const r = runCli(['report', 'samples', '--out', dir, '--quiet', '--policies', 'samples/policies', '--redact']);
    expect(r.code).toBe(0);
    for (const name of ['report.html', 'report.md', 'summary.json', 'denials.csv', 'denials.jsonl']) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const secret of ['111122223333', '444455556666', '999900001111', 'o-7kq2m9xw4d', 'acme-prod-shared-datasets', 'etl-batch', 'github-actions-deploy'])
        expect(text.includes(secret), `${name}: ${secret}`).toBe(false);
    }
  });

  describe('the engine is loaded only with --policies', () => {
    // a module hook records every module resolved in the main thread
    const hooks = out('hooks.mjs');
    writeFileSync(
      hooks,
      "import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.CTD_TRACE, r.url + '\\n'); return r; }\n",
    );
    const register = out('register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const loaded = (args: string[], name: string): string => {
      const trace = out(`${name}.trace`);
      writeFileSync(trace, '');
      const r = spawnSync(
        process.execPath,
        ['--import', register, join(ROOT, 'dist/cli/main.js'), 'report', 'samples', '--out', out(name), '--quiet', ...args],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CTD_TRACE: trace } },
      );
      expect(r.status).toBe(0);
      return readFileSync(trace, 'utf8');
    };

    it('not without it', () => {
      const modules = loaded([], 'plain');
      expect(modules).toContain('/dist/analyze.js');
      expect(modules).not.toContain('iam-simulate');
      expect(modules).not.toContain('/dist/policy-evaluation.js');
      expect(modules).not.toContain('/dist/evaluate/');
    });

    it('with it', () => {
      const modules = loaded(['--policies', 'samples/policies'], 'evaluated');
      expect(modules).toContain('iam-simulate');
      expect(modules).toContain('/dist/policy-evaluation.js');
    });
  });
});
