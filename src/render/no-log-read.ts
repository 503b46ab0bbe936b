import type { Summary } from '../types.js';

/**
 * No log file was read: none was read to the end and no record came out of the damaged ones. Such a
 * summary says nothing about refused requests (an empty folder, a window that pruned every file):
 * the command line stops on it unless --allow-empty, and the reports say it plainly.
 */
export function noLogRead(s: Summary): boolean {
  return s.files.read === 0 && s.totals.records === 0;
}
