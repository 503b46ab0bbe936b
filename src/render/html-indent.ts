// The HTML page without the templates' indentation: every line of a nested partial carries the spaces
// of each level it is included at (handlebars indents partials), a few kilobytes of repeated blanks in
// a page with a size budget. Only blanks between a line end and a tag go, never inside <pre> (policy
// statements keep their layout), <textarea>, <script> or <style> (hashed by the policy as written).
//
//   const page = dropIndent(renderTemplate(templates, 'html', view));
const KEEP = /(<(pre|textarea|script|style)\b[\s\S]*?<\/\2\s*>)/i;

/** Removes the blanks that start a line before a tag, outside the elements whose text is kept as written. */
export function dropIndent(html: string): string {
  const parts = html.split(new RegExp(KEEP.source, 'gi'));
  // split with two capture groups: [text, kept element, its tag name, text, …]
  let out = '';
  for (let i = 0; i < parts.length; i += 3) {
    out += parts[i].replace(/\n[ \t]+</g, '\n<');
    if (i + 1 < parts.length) out += parts[i + 1];
  }
  return out;
}
