// This tool's own outputs, recognised by content wherever they lie and whatever their name, so that a
// report written under its input (`report .`, `--week` in a repository) is never read back as logs
// (which doubled the denials at each run). Paths are checked before opening (discover/own-output.ts);
// this catches copies and renames. Both checks look at keys CloudTrail records never carry together.

const has = (v: object, k: string): boolean => Object.hasOwn(v, k);

export type OwnOutput = 'summary' | 'denial' | 'finding';

/**
 * 'summary': a summary.json (its `tool.name` is this tool's); 'denial': a line of denials.jsonl (a
 * Denial object: `eventId`, `denyKind`, `policyType`, and none of a record's `eventID`, `userIdentity`);
 * 'finding': a line of findings.jsonl (`rule`, `severity`, `technique`, `evidence`, none of a record's).
 */
export function ownOutputKind(value: object): OwnOutput | null {
  if (has(value, 'denyKind') && has(value, 'eventId') && has(value, 'policyType') && !has(value, 'eventID') && !has(value, 'userIdentity')) return 'denial';
  if (
    has(value, 'rule') &&
    has(value, 'severity') &&
    has(value, 'technique') &&
    has(value, 'evidence') &&
    !has(value, 'eventID') &&
    !has(value, 'userIdentity')
  )
    return 'finding';
  const tool = (value as { tool?: unknown }).tool;
  if (has(value, 'schemaVersion') && typeof tool === 'object' && tool !== null && (tool as { name?: unknown }).name === 'cloudtrail-denials') return 'summary';
  return null;
}

/** How such a value is named when it sits among CloudTrail records (then it is a damaged record). */
export const OWN_OUTPUT_REASON: Record<OwnOutput, string> = {
  summary: 'a summary.json this tool wrote, not a CloudTrail record',
  denial: 'a denial this tool wrote (a line of denials.jsonl), not a CloudTrail record',
  finding: 'a finding this tool wrote (a line of findings.jsonl), not a CloudTrail record',
};
