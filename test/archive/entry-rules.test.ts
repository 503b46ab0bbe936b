import { describe, expect, it } from 'vitest';
import { archiveFormat } from '../../src/archive/archive-format.js';
import { cleanEntryName, entryPath, unsafeEntryName } from '../../src/archive/entry-name.js';
import { refusedEntry } from '../../src/archive/entry-rules.js';
const LOG = 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/111122223333_CloudTrail_us-east-1_20240301T1000Z_ab12.json.gz';

describe('archive entries', () => {
  it.each([
    ['/etc/passwd', 'absolute path'],
    ['C:\\Windows\\x.json', 'absolute path'],
    ['../x.json', "'..' in the path"],
    ['a/../../x.json', "'..' in the path"],
    ['a\\..\\x.json', "'..' in the path"],
    ['./AWSLogs/x.json', null],
    ['a..b/x.json', null],
  ])('unsafeEntryName(%s)', (name, reason) => expect(unsafeEntryName(name)).toBe(reason));

  it('names: ./ and empty segments dropped; unsafe names shown as stored', () => {
    expect(cleanEntryName('./AWSLogs//a.json')).toBe('AWSLogs/a.json');
    expect(entryPath('b.tgz', `./${LOG}`)).toBe(`b.tgz!/${LOG}`);
    expect(entryPath('b.zip', '../x.json')).toBe('b.zip!/../x.json');
  });

  it('formats by name', () => {
    expect(['a.zip', 'a.ZIP', 'a.tar', 'a.tar.gz', 'a.tgz', 'a.json.gz', 'a.gz'].map(archiveFormat)).toEqual(['zip', 'zip', 'tar', 'tgz', 'tgz', null, null]);
  });

  it('refuses unsafe names, links, devices, unread methods and nested archives; a plain file passes', () => {
    expect(refusedEntry({ name: '../x.json', kind: 'file' })).toBe('unsafe-entry-path');
    expect(refusedEntry({ name: 'x/l.json', kind: 'link' })).toBe('link-entry');
    expect(refusedEntry({ name: 'x/dev', kind: 'special' })).toBe('special-entry');
    expect(refusedEntry({ name: 'x/e.json', kind: 'unsupported' })).toBe('unsupported-entry');
    expect(refusedEntry({ name: './x/inner.tgz', kind: 'file' })).toBe('nested-archive');
    expect(refusedEntry({ name: 'x/y.json', kind: 'file' })).toBeNull();
  });
});
