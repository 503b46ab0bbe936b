// The rules file's `findings` part, checked as strictly as the suppression rules: a misspelt rule id or
// threshold would silently leave a rule at its default, a misspelt suppress field would hide findings.
//
//   "findings": {
//     "rules": { "enumeration-burst": { "denials": 25, "minutes": 5 }, "new-source-ip": { "enabled": false } },
//     "knownAccounts": ["210987654321"],
//     "suppress": [{ "id": "f-3b1c0e9a7d42", "reason": "red-team exercise RT-112", "expires": "2027-01-31" },
//                  { "rule": "outside-principal", "subject": "210987654321", "reason": "the auditors' account" }] }
import { RULE_BY_ID, RULE_IDS, type FindingSuppression, type FindingsConfig, type RuleSettings } from '../findings/index.js';
import { UserError } from '../errors.js';
import { isObject } from '../classify/coerce.js';

const FIELDS = ['rules', 'knownAccounts', 'suppress'];
const SUPPRESS_FIELDS = ['id', 'rule', 'subject', 'reason', 'expires'];

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function unknownField(where: string, raw: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(raw).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw new UserError(`${where} has an unknown field "${unknown}": use ${allowed.join(', ')}`);
}

function ruleSettings(id: string, raw: unknown, source: string): RuleSettings {
  const where = `${source}: findings.rules.${id}`;
  const rule = RULE_BY_ID.get(id);
  if (rule === undefined) throw new UserError(`${source}: findings.rules has an unknown rule "${id}": the rules are ${RULE_IDS.join(', ')}`);
  if (!isObject(raw))
    throw new UserError(`${where} is not an object: give { "enabled": false } or thresholds such as { "${Object.keys(rule.thresholds)[0] ?? 'enabled'}": … }`);
  const names = Object.keys(rule.thresholds);
  unknownField(where, raw, ['enabled', ...names]);
  const out: RuleSettings = {};
  if (raw.enabled !== undefined) {
    if (typeof raw.enabled !== 'boolean') throw new UserError(`${where}: "enabled" must be true or false`);
    out.enabled = raw.enabled;
  }
  const thresholds: Record<string, number> = {};
  for (const name of names) {
    const v = raw[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new UserError(`${where}: "${name}" must be a whole number of 1 or more, not ${JSON.stringify(v)}`);
    thresholds[name] = v;
  }
  if (Object.keys(thresholds).length > 0) out.thresholds = thresholds;
  return out;
}

function text(raw: Record<string, unknown>, field: string, where: string): string | null {
  const v = raw[field];
  if (v === undefined) return null;
  if (typeof v !== 'string' || v.trim() === '') throw new UserError(`${where}: "${field}" must be a non-empty text`);
  return v.trim();
}

function suppression(raw: unknown, n: number, source: string): FindingSuppression {
  const where = `${source}: findings.suppress entry ${n}`;
  if (!isObject(raw)) throw new UserError(`${where} is not an object: give { "id": "f-…", "reason": "…" }`);
  unknownField(where, raw, SUPPRESS_FIELDS);
  const id = text(raw, 'id', where);
  const rule = text(raw, 'rule', where);
  const subject = text(raw, 'subject', where);
  if (id === null && rule === null && subject === null) throw new UserError(`${where} matches every finding: give "id", or "rule" and/or "subject"`);
  if (id !== null && !/^f-[0-9a-f]{12}$/.test(id))
    throw new UserError(`${where}: "id" must be a finding id as the report prints it (f- and 12 hex digits), not ${JSON.stringify(id)}`);
  if (rule !== null && !RULE_BY_ID.has(rule))
    throw new UserError(`${where}: "rule" ${JSON.stringify(rule)} is not a rule: the rules are ${RULE_IDS.join(', ')}`);
  const reason = text(raw, 'reason', where);
  if (reason === null) throw new UserError(`${where} has no "reason": say why this finding is expected`);
  const expires = raw.expires;
  if (expires !== undefined && (typeof expires !== 'string' || !isDate(expires))) {
    throw new UserError(`${where}: "expires" must be a date such as 2027-03-31, not ${JSON.stringify(expires)}`);
  }
  return { number: n, id, rule, subject, reason, expires: expires ?? null };
}

/** The `findings` value of the rules file (undefined: none) → the settings; `asOf` is the report's reference day. */
export function parseFindingsConfig(raw: unknown, source: string, asOf: string): FindingsConfig {
  const config: FindingsConfig = { source, asOf, rules: {}, knownAccounts: [], suppress: [] };
  if (raw === undefined) return config;
  if (!isObject(raw)) throw new UserError(`${source}: "findings" must be an object: { "rules": { … }, "knownAccounts": [ … ], "suppress": [ … ] }`);
  unknownField(`${source}: findings`, raw, FIELDS);
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) throw new UserError(`${source}: findings.rules must be an object of rule id → settings`);
    for (const [id, settings] of Object.entries(raw.rules)) config.rules[id as keyof FindingsConfig['rules']] = ruleSettings(id, settings, source);
  }
  if (raw.knownAccounts !== undefined) {
    const list = raw.knownAccounts;
    if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !/^\d{12}$/.test(a.replaceAll('-', '')))) {
      throw new UserError(`${source}: findings.knownAccounts must be a list of account IDs (12 digits each)`);
    }
    config.knownAccounts = (list as string[]).map((a) => a.replaceAll('-', ''));
  }
  if (raw.suppress !== undefined) {
    if (!Array.isArray(raw.suppress)) throw new UserError(`${source}: findings.suppress must be a list of { "id" | "rule" | "subject", "reason" }`);
    config.suppress = raw.suppress.map((s, i) => suppression(s, i + 1, source));
  }
  return config;
}
