// JSON.stringify leaves U+2028 and U+2029 raw. They are valid JSON, but tools that split text into
// lines (Python's splitlines, some editors and log shippers) break a JSON Lines record on them, so
// we write them as escapes. Inside JSON they can only occur in strings, so the replacement is safe.
export function escapeLineSeparators(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
