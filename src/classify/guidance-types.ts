// Shape of the advice attached to a denial; the tables live in guidance.ts.
export interface GuidanceEntry {
  id: string; // stable identifier, e.g. 'authorization/explicit/service-control-policy' or 'hint/mfa-absent'
  title: string; // one short line
  checks: string[]; // concrete checks, in order, each one sentence (may name a CLI command in backticks)
}
