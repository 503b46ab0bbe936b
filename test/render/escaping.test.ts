import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/render/display-text.js';
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
    ['one\ntwo\r\nthree\rfour\u2028five\u2029six', 'one two three four five six'],
    ['tab\there', 'tab here'],
    ['back\\slash|', 'back\\\\slash\\|'],
    ['\u001b[31mred\u0007', '\\[31mred'],
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
  it('removes escape sequences, C1 controls and bidi overrides, and keeps output on one line', () => {
    expect(sanitizeTerminal('\u001b]0;pwned\u0007\u001b[2J\u009b31mred')).toBe(']0;pwned[2J31mred');
    expect(sanitizeTerminal('a\u202eb\u2066c\u200fd')).toBe('abcd');
    expect(sanitizeTerminal('one\ntwo\r\nthree\rfour\tfive\u2028six')).toBe('one two three four five six');
    expect(sanitizeTerminal('arn:aws:iam::1:role/ünïcødé ✓')).toBe('arn:aws:iam::1:role/ünïcødé ✓');
  });
});

describe('displayText', () => {
  it('marks invisible characters with U+FFFD and keeps line breaks for the format to handle', () => {
    expect(displayText('a\u001bb\u202ec\nd\te')).toBe('a\uFFFDb\uFFFDc\nd\te');
  });
});
