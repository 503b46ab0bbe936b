import { readdirSync, statSync, type Dirent } from 'node:fs';
import type { SkipReason } from '../types.js';

export interface FolderWalk {
  files: string[];
  /** Entries that are neither files nor folders to walk, with the reason: counted, never opened. */
  skipped: { path: string; reason: SkipReason }[];
}

/**
 * Every file under a folder, as paths that start with it ('base/a/b.json.gz'), in no particular order.
 * Follows symbolic links, but a link to a folder is walked only after every real folder, and only when
 * it leads somewhere not walked yet: a link back into the tree (a loop, or a second way to a folder)
 * is skipped as `link-loop`, so the same files are never read twice and a loop ends. Skips names that
 * start with a dot, as a `**` glob does; a folder that cannot be listed is passed over. A FIFO, socket
 * or device is never opened (a FIFO would block until something writes to it).
 * (globby did this before; loading it was most of a report's start-up time.)
 */
export function walkFolder(base: string): FolderWalk {
  const walk: FolderWalk = { files: [], skipped: [] };
  const seen = new Set<string>();
  const links: string[] = []; // links to folders, walked last
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
      if (e.isDirectory()) visit(path);
      else if (e.isFile()) walk.files.push(path);
      else if (!e.isSymbolicLink()) walk.skipped.push({ path, reason: 'special-file' });
      else {
        const target = targetKind(path);
        if (target === 'dir') links.push(path);
        else if (target === 'file') walk.files.push(path);
        else walk.skipped.push({ path, reason: target });
      }
    }
  };
  visit(base);
  // in path order, so which of two links to one folder is walked does not depend on the file system
  for (let batch = links.splice(0).sort(); batch.length > 0; batch = links.splice(0).sort()) {
    for (const link of batch) {
      const id = folderId(link);
      if (id === null || seen.has(id)) walk.skipped.push({ path: link, reason: 'link-loop' });
      else visit(link);
    }
  }
  return walk;
}

function folderId(dir: string): string | null {
  try {
    const s = statSync(dir, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

function targetKind(path: string): 'dir' | 'file' | SkipReason {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'special-file';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'link-loop' : 'dangling-link';
  }
}
