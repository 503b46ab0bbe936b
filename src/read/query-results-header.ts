// Whether a file is query results of `cloudtrail-denials sql`, from its first line. Cheap enough to
// ask of every file's first chunk: a log file starts with `{` or `[`, so only text starting with
// the first column's name is looked at further (the reader itself loads when one is met).
const FIRST_COLUMNS = ['eventtime', 'first_eventtime'];

export function mayBeQueryResults(head: Buffer): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head[i] === 0x22) i++; // Athena quotes every cell, the header's too
  const start = head.toString('latin1', i, i + 16);
  return FIRST_COLUMNS.some((name) => start.startsWith(name) && /^["\r\n,]/.test(start.slice(name.length)));
}
