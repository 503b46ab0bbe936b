// JSON for the inside of a <script type="application/json"> element. The HTML parser reads that
// element as raw text up to the first `</script` (and treats `<!--` and `<script` inside it
// specially), whatever the JSON means; so every `<`, `>` and `&` is written as a \u escape, as are
// U+2028/2029 and the other active characters (json-text.ts). JSON.parse gives back the same value,
// and no text from a log can end the element or start another.
import { jsonText } from './json-text.js';

const HTML_SPECIAL = /[<>&]/g;

export function scriptJson(value: unknown): string {
  return jsonText(value).replace(HTML_SPECIAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
