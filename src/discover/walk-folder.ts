import { readdirSync, statSync, type Dirent } from 'node:fs';

/**
 * Every file under a folder, as paths that start with it ('base/a/b.json.gz'), in no particular order.
 * Follows symbolic links (a folder reached twice, as by a link loop, is walked once); skips names that
 * start with a dot, as a `**` glob does; a folder that cannot be listed is passed over.
 * (globby did this before; loading it was most of a report's start-up time.)
 */
export function walkFolder(base: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    const id = folderId(dir);
    if (id === null || seen.has(id)) return;
    seen.add(id);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const path = `${dir}/${e.name}`;
      const kind = e.isSymbolicLink() ? targetKind(path) : e.isDirectory() ? 'dir' : e.isFile() ? 'file' : null;
      if (kind === 'dir') visit(path);
      else if (kind === 'file') files.push(path);
    }
  };
  visit(base);
  return files;
}

function folderId(dir: string): string | null {
  try {
    const s = statSync(dir, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function targetKind(path: string): 'dir' | 'file' | null {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
  } catch {
    return null; // a dangling link
  }
}
