import { describe, expect, it } from 'vitest';
import { showControls } from '../../src/render/control-chars.js';
import { CSV_COLUMNS, csvCell, csvWriter } from '../../src/render/csv-writer.js';
import { parseCsv } from '../helpers/csv.js';
import { loadDenials } from './helpers.js';

describe('denials.csv', () => {
  const denials = loadDenials();
  const text = csvWriter.header + denials.map(csvWriter.row).join('');
  const rows = parseCsv(text);

  it('has exactly the documented columns, one record per denial, every record complete', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS.join(',')).toBe(
      'time,account,region,principal,action,resource,errorCode,category,denyKind,policyType,policyArn,eventId,sourceIp,message,eventName,actionVerified,resourceSource,causeKind,causePolicy,causeStatement,userAgent,sessionName,sourceFile',
    );
    expect(rows).toHaveLength(denials.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('round-trips every cell (nulls as empty) apart from the formula guard and control characters (shown as \\uXXXX)', () => {
    denials.forEach((d, n) => {
      const cells = rows[n + 1];
      const expected = [
        d.eventTime,
        d.account,
        d.region,
        d.principal,
        d.action,
        d.resource,
        d.errorCode,
        d.category,
        d.denyKind,
        d.policyType,
        d.policyArn,
        d.eventId,
        d.sourceIp,
        d.message,
      ];
      expected.forEach((v, i) => {
        const text = v ?? '';
        expect(cells[i]).toBe(showControls(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text, ['\t', '\n', '\r\n']));
      });
    });
  });

  it('prefixes cells a spreadsheet would evaluate', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('quotes commas, quotes and line breaks, and leaves plain cells bare', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('one\rtwo')).toBe('"one\\u000dtwo"'); // a lone CR would hide the text before it on a terminal
    expect(csvCell('\u001b]0;x\u0007\u202e\u0000')).toBe('\\u001b]0;x\\u0007\\u202e\\u0000');
    expect(csvCell('arn:aws:iam::1:role/x')).toBe('arn:aws:iam::1:role/x');
    expect(csvCell(null)).toBe('');
  });

  it('ends every record with LF', () => {
    expect(csvWriter.header.endsWith('\n')).toBe(true);
    for (const d of denials) expect(csvWriter.row(d).endsWith('\n')).toBe(true);
  });
});

describe('denials.csv with --policies', () => {
  it('gives each denial its cause: the kind, the policy and where it is attached, the statement', async () => {
    const { denial } = await import('../helpers/denial.js');
    const d = denial({
      cause: {
        kind: 'explicit-deny',
        summary: 's',
        lacking: [],
        unknown: [],
        supplied: [],
        missing: [],
        disagreement: null,
        guidance: null,
        exportedOn: '2026-11-23',
        statement: {
          layer: 'service-control-policy',
          policy: 'arn:aws:organizations::1:policy/o-1/service_control_policy/p-1',
          attachedTo: 'OU r-1/ou-1',
          sid: 'DenyOutsideEU',
          index: 2,
          text: '{}',
          marks: [],
          missed: [],
          why: [],
        },
      },
    });
    const cells = parseCsv(csvWriter.header + csvWriter.row(d))[1];
    expect(cells.slice(17, 20)).toEqual([
      'explicit-deny',
      'arn:aws:organizations::1:policy/o-1/service_control_policy/p-1 (attached to OU r-1/ou-1)',
      'DenyOutsideEU #2',
    ]);
    expect(parseCsv(csvWriter.header + csvWriter.row(denial()))[1].slice(17, 20)).toEqual(['', '', '']);
  });
});
