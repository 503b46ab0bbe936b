import { describe, expect, it } from 'vitest';
import { cutLong, displayText } from '../../src/render/display-text.js';
import { escapeMarkdown, markdownCode } from '../../src/render/markdown-escape.js';
import { sanitizeTerminal } from '../../src/render/sanitize-terminal.js';

describe('escapeMarkdown', () => {
  const cases: [string, string][] = [
    ['a|b', 'a\\|b'],
    ['`x`', '\\`x\\`'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    // `&` stays as it is unless it starts something a Markdown renderer reads as an entity.
    ['<b>&', '&lt;b&gt;&'],
    ['R&D, AT&T & co', 'R&D, AT&T & co'],
    ['&lt; &#60; &#x3C; &copy;', '&amp;lt; &\\#60; &\\#x3C; &amp;copy;'], // `\#` already keeps `&#60;` from being one
    ['*a* _b_ ~c~ $d$', '\\*a\\* \\_b\\_ \\~c\\~ \\$d\\$'],
    ['# title', '\\# title'],
    ['one\ntwo\r\nthree\rfour\u2028five\u2029six', 'one two three four\\\\u2028five\\\\u2029six'],
    ['tab\there', 'tab here'],
    ['back\\slash|', 'back\\\\slash\\|'],
    ['\u001b[31mred\u0007', '\\\\u001b\\[31mred\\\\u0007'],
    ['@team', '\\@team'],
    ['arn:aws:iam::123456789012:role/ci-deployer', 'arn:aws:iam::123456789012:role/ci-deployer'],
  ];
  for (const [input, output] of cases) it(`${JSON.stringify(input)}`, () => expect(escapeMarkdown(input)).toBe(output));
});

describe('markdownCode', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(markdownCode('aws sts decode-authorization-message')).toBe('`aws sts decode-authorization-message`');
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownCode('``x')).toBe('``` ``x ```');
  });
  it('falls back to escaped text when a pipe or backslash could end a table cell', () => {
    expect(markdownCode('a|b')).toBe('a\\|b');
    expect(markdownCode('a\\|b')).toBe('a\\\\\\|b');
  });
});

describe('sanitizeTerminal', () => {
  it('shows escape sequences, C1 controls and bidi overrides as \\uXXXX, and keeps output on one line', () => {
    expect(sanitizeTerminal('\u001b]0;pwned\u0007\u001b[2J\u009b31mred')).toBe('\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31mred');
    expect(sanitizeTerminal('a\u202eb\u2066c\u200fd\u0000e\u007ff')).toBe('a\\u202eb\\u2066c\\u200fd\\u0000e\\u007ff');
    expect(sanitizeTerminal('one\ntwo\r\nthree\rfour\tfive\u2028six')).toBe('one two three four five\\u2028six');
    expect(sanitizeTerminal('arn:aws:iam::1:role/ünïcødé ✓')).toBe('arn:aws:iam::1:role/ünïcødé ✓');
  });
});

describe('displayText', () => {
  it('shows invisible characters as \\uXXXX and keeps line breaks (CRLF as LF) for the format to handle', () => {
    expect(displayText('a\u001bb\u202ec\nd\te\r\nf\rg\u2028h')).toBe('a\\u001bb\\u202ec\nd\te\nf\\u000dg\\u2028h');
  });
});

describe('cutLong (a field longer than HTML and Markdown show)', () => {
  it('keeps a field of up to 2,000 characters whole and cuts a longer one, saying how many more there were', () => {
    expect(cutLong('x'.repeat(2000))).toBe('x'.repeat(2000));
    expect(cutLong('x'.repeat(2001))).toBe(`${'x'.repeat(2000)}… 1 more character (full text in summary.json)`);
    expect(cutLong('y'.repeat(12_345), 10)).toBe('yyyyyyyyyy… 12,335 more characters (full text in summary.json)');
  });
  it('counts characters, not UTF-16 units, and never cuts a surrogate pair', () => {
    const faces = '😀'.repeat(5); // 10 UTF-16 units
    expect(cutLong(faces, 5)).toBe(faces);
    expect(cutLong(`a${faces}`, 3)).toBe('a😀😀… 3 more characters (full text in summary.json)');
  });
  it('is applied by displayText before controls are shown', () => {
    expect(displayText(`${'\u001b'.repeat(3)}abc`.padEnd(3000, 'z'))).toMatch(/^(\\u001b){3}abcz{1994}… 1,000 more characters/);
  });
});
