// Files this tool wrote, recognised by path before anything is opened, so a report written under its
// own input (`report .`, `--week` in a repository: reports/2026-W46/ under the synced folder) is not
// read back as logs at the next run (60 → 120 → 180 denials). Copies and renames are caught by
// content when read (read/own-output.ts).
//
//   const own = ownOutputRule(candidates.map((c) => c.path), 'reports/2026-W47');
//   own('reports/2026-W46/summary.json')  // 'own-output': in a folder that holds the tool's outputs
import { realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** The names the report command writes (render/formats.ts; a test keeps the two lists equal). */
export const OUTPUT_FILE_NAMES: readonly string[] = ['report.html', 'report.md', 'summary.json', 'denials.csv', 'denials.jsonl', 'findings.jsonl'];
const OUTPUTS = new Set(OUTPUT_FILE_NAMES);

/** `denials.csv.tmp-4711`: an output being written (this run's) or left by a run that was cut short. */
const TEMP = /^(.+)\.tmp-\d+$/;

/** A folder with at least this many of the output names holds the tool's outputs. */
const OUTPUT_FOLDER = 2;

export type OwnOutputVerdict = 'own-output' | 'in-progress' | null;

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

const folderOf = (path: string): string => dirname(path.replaceAll('\\', '/'));

/**
 * The rule over one run's candidate paths. A file named as an output is the tool's own output when it
 * lies in the output folder of this run (`outDir`, compared by real path) or in a folder that holds
 * two or more such names. In this run's output folder a temporary output (`summary.json.tmp-123`) is
 * 'in-progress': not a file of the input at all (it is this run's, or a leftover of one cut short).
 * Costs nothing for files with other names.
 */
export function ownOutputRule(paths: readonly string[], outDir: string | null): (path: string) => OwnOutputVerdict {
  const perFolder = new Map<string, number>();
  for (const p of paths) {
    if (!OUTPUTS.has(basename(p))) continue;
    const dir = folderOf(p);
    perFolder.set(dir, (perFolder.get(dir) ?? 0) + 1);
  }
  const out = outDir === null ? null : real(outDir);
  const inOut = (p: string) => out !== null && real(folderOf(p)) === out;
  return (path) => {
    const name = basename(path);
    if (OUTPUTS.has(name)) return (perFolder.get(folderOf(path)) ?? 0) >= OUTPUT_FOLDER || inOut(path) ? 'own-output' : null;
    const temp = TEMP.exec(name);
    return temp !== null && OUTPUTS.has(temp[1]) && inOut(path) ? 'in-progress' : null;
  };
}
