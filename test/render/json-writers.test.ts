import { describe, expect, it } from 'vitest';
import { jsonlWriter } from '../../src/render/jsonl-writer.js';
import { renderJson } from '../../src/render/summary-json.js';
import type { Summary } from '../../src/types.js';
import { loadDenials, loadSummary } from './helpers.js';

/** The same object with its keys inserted in reverse order, at every level. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('summary.json', () => {
  for (const name of ['realistic', 'empty', 'hostile']) {
    it(`${name}: loses nothing and does not depend on key insertion order`, () => {
      const s = loadSummary(name);
      const text = renderJson(s);
      expect(JSON.parse(text)).toEqual(s);
      expect(renderJson(reversedKeys(s) as Summary)).toBe(text);
    });
  }

  it('uses 2-space indent, a trailing newline, and escapes U+2028/U+2029', () => {
    const text = renderJson(loadSummary('hostile'));
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('\\u2028');
  });
});

describe('denials.jsonl', () => {
  const denials = loadDenials();
  const text = jsonlWriter.header + denials.map(jsonlWriter.row).join('');

  it('writes one parseable Denial per line, with every field', () => {
    expect(jsonlWriter.header).toBe('');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(denials.length);
    lines.forEach((l, i) => expect(JSON.parse(l)).toEqual(denials[i]));
  });

  it('cannot be split by tools that treat U+2028/U+2029 as line ends', () => {
    expect(text).not.toMatch(/[\u2028\u2029\r]/);
    expect(text.split(/\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/).filter(Boolean)).toHaveLength(denials.length);
  });

  it('writes keys in the declared order whatever the input order', () => {
    const d = denials[0];
    const reversed = reversedKeys(d) as typeof d;
    expect(jsonlWriter.row(reversed)).toBe(jsonlWriter.row(d));
    expect(Object.keys(JSON.parse(jsonlWriter.row(reversed)))[0]).toBe('eventTime');
  });
});

describe('denials.jsonl with --policies', () => {
  it('ends each denial with its cause, compact: no statement text (summary.json has it, per group)', async () => {
    const { denial } = await import('../helpers/denial.js');
    const { jsonlWriter } = await import('../../src/render/jsonl-writer.js');
    const statement = {
      layer: 'identity-based' as const,
      policy: 'inline policy p',
      attachedTo: 'role r',
      sid: null,
      index: 3,
      text: '{"Effect":"Deny"}',
      marks: [],
      missed: [],
      why: ['x'],
    };
    const line = JSON.parse(
      jsonlWriter.row(
        denial({
          cause: {
            kind: 'explicit-deny',
            summary: 'S',
            statement,
            lacking: [],
            unknown: [],
            supplied: [],
            missing: [],
            disagreement: null,
            guidance: 'G',
            exportedOn: '2026-11-23',
          },
        }),
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(line).at(-1)).toBe('cause');
    expect(line.cause).toEqual({
      kind: 'explicit-deny',
      summary: 'S',
      layer: 'identity-based',
      policy: 'inline policy p',
      attachedTo: 'role r',
      sid: null,
      index: 3,
      lacking: [],
      unknown: [],
      disagreement: null,
      exportedOn: '2026-11-23',
    });
    expect(JSON.parse(jsonlWriter.row(denial()))).not.toHaveProperty('cause');
  });
});
