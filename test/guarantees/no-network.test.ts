// Safe on an air-gapped machine: nothing in src/ can open a socket, statically or at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');
const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'dns', 'tls', 'dgram', 'undici'];
// Our own code may not start processes either (a child could reach the network for us).
const SRC_BANNED = [...NETWORK_MODULES, 'child_process', 'cluster'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Bare module specifiers imported anywhere in a file (static and dynamic imports, require). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  for (const re of [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ]) {
    for (const m of code.matchAll(re)) found.push(m[1]);
  }
  return found;
}

describe('no network', () => {
  const files = walk(SRC).filter((f) => f.endsWith('.ts'));

  it('no source file imports a network module or calls fetch', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const code = readFileSync(f, 'utf8');
      for (const s of specifiers(code)) {
        const name = s.replace(/^node:/, '').split('/')[0];
        if (SRC_BANNED.includes(name)) offenders.push(`${relative(ROOT, f)} imports ${s}`);
      }
      if (/\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/.test(code)) offenders.push(`${relative(ROOT, f)} calls fetch/XHR/WebSocket`);
    }
    expect(offenders).toEqual([]);
  });

  it('the runtime dependencies import no network module either', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const dir = join(ROOT, 'node_modules', name);
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      for (const f of walk(dir).filter((p) => /\.(c|m)?js$/.test(p) && !p.includes(`${name}/node_modules/`))) {
        for (const s of specifiers(readFileSync(f, 'utf8'))) {
          const mod = s.replace(/^node:/, '').split('/')[0];
          if (NETWORK_MODULES.includes(mod)) offenders.push(`${relative(join(ROOT, 'node_modules'), f)} imports ${s}`);
        }
      }
      for (const dep of Object.keys(meta.dependencies ?? {})) visit(dep);
    };
    for (const dep of Object.keys(pkg.dependencies)) visit(dep);
    expect(seen.size).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('a whole run with every socket API booby-trapped still succeeds', () => {
    const trap = join(ROOT, 'test/guarantees/network-trap.mjs');
    const r = runCli(['report', 'samples', '--out', join(ROOT, 'node_modules/.cache/ctd-no-net'), '--quiet', '--concurrency', '2'], {
      nodeArgs: ['--import', trap],
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
