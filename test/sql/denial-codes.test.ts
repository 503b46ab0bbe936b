// The query's codes come from the classifier's catalog: a code added there is in the SQL, and the
// engine returns exactly the records classify calls denials (console sign-in failures included).
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../../src/classify/index.js';
import { ERROR_CODES, type ErrorCodeRow } from '../../src/classify/error-codes.js';
import { DIALECTS, denialCodes, denialQuery, type QueryOptions } from '../../src/sql/index.js';

const options = (o: Partial<QueryOptions> = {}): QueryOptions => ({
  dialect: 'athena',
  table: 'cloudtrail_logs',
  aggregate: false,
  partitions: ['timestamp'],
  filter: { since: null, until: null, accounts: [], regions: [] },
  version: 'test',
  ...o,
});

describe('catalog → SQL', () => {
  it.each(DIALECTS.flatMap((d) => [false, true].map((a) => [d, a] as const)))(
    'every denial code of the catalog is in the %s query (aggregated: %s), as written and with Client.',
    (dialect, aggregate) => {
      const text = denialQuery(options({ dialect, aggregate }));
      for (const row of ERROR_CODES) {
        const listed = text.includes(`'${row.code}'`) && text.includes(`'Client.${row.code}'`);
        expect(listed, row.code).toBe(row.category !== null);
      }
    },
  );

  it('a code added to the catalog is in the SQL', () => {
    const added: ErrorCodeRow = { code: 'BrandNewDenied', category: 'authorization', services: 'test', note: 'test' };
    expect(denialCodes([...ERROR_CODES, added])).toContain('BrandNewDenied');
    expect(denialQuery(options({ catalog: [...ERROR_CODES, added] }))).toContain("'Client.BrandNewDenied'");
    expect(denialQuery(options())).not.toContain('BrandNewDenied');
  });
});

describe('the WHERE clause, run by DuckDB', () => {
  // one record per catalog code, its Client. form, codes the catalog does not know, and the
  // console sign-in shapes
  const codes = [
    ...ERROR_CODES.map((r) => r.code),
    ...ERROR_CODES.map((r) => `Client.${r.code}`),
    'Client.Client.AccessDenied',
    'accessdenied',
    'Whatever',
    '',
  ];
  const records: Record<string, unknown>[] = [
    ...codes.map((code, i) => ({ eventID: `e${i}`, eventName: 'GetObject', ...(code === '' ? {} : { errorCode: code }) })),
    { eventID: 'login-failed', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Failure' } },
    { eventID: 'login-ok', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: 'Success' } },
    { eventID: 'login-odd', eventName: 'ConsoleLogin', responseElements: { ConsoleLogin: { x: 'Failure' } } },
    { eventID: 'login-failed-code', eventName: 'ConsoleLogin', errorCode: 'Whatever', responseElements: { ConsoleLogin: 'Failure' } },
  ];
  const denials = records
    .filter((r) => classifyRecord(r).kind === 'denial')
    .map((r) => r.eventID as string)
    .sort();

  it.each(DIALECTS)('%s: returns exactly the records classify calls denials', async (dialect) => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      await c.run('CREATE TABLE cloudtrail_logs (eventid VARCHAR, eventname VARCHAR, errorcode VARCHAR, responseelements VARCHAR)');
      for (const r of records) {
        const v = (x: unknown) => (x === undefined ? 'NULL' : `'${String(typeof x === 'object' ? JSON.stringify(x) : x).replaceAll("'", "''")}'`);
        await c.run(`INSERT INTO cloudtrail_logs VALUES (${v(r.eventID)}, ${v(r.eventName)}, ${v(r.errorCode)}, ${v(r.responseElements)})`);
      }
      await c.run('CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)');
      const where = denialQuery(options({ dialect, partitions: [] }))
        .split('\nWHERE ')[1]
        .split('\nORDER BY')[0];
      const got = (await c.runAndReadAll(`SELECT eventid FROM cloudtrail_logs WHERE ${where}`)).getRows().map((r) => String(r[0]));
      expect(got.sort()).toEqual(denials);
      expect(denials.length).toBeGreaterThan(50);
    } finally {
      c.closeSync();
      db.closeSync();
    }
  });
});
