// JSON with comments (// and /* */) and trailing commas, as editors write settings files. An exact
// lexer rather than regexes: '//' inside a string ("arn:aws:s3:::b//k") is text, not a comment.

/** The same text as JSON: comments become spaces (so JSON.parse positions still point at the right place), trailing commas go. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  let pendingComma = -1; // index in `out` of a comma that may turn out to be trailing
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      pendingComma = -1;
    } else if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < n && text[j] !== '\n') j++;
      out += ' '.repeat(j - i);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end === -1 ? n : end + 2;
      out += text.slice(i, j).replace(/[^\n]/g, ' ');
      i = j;
    } else {
      if ((c === ']' || c === '}') && pendingComma >= 0) out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`;
      if (c === ',') pendingComma = out.length;
      else if (!/\s/.test(c)) pendingComma = -1;
      out += c;
      i++;
    }
  }
  return out;
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonc(text));
}
