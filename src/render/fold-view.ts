// How folded groups (aggregate/group-fold.ts) read in a report: a row of folded groups says how many
// it stands for where a principal (an action) would be, and the Groups section says what folding
// means for the counts. Nothing here for a summary without folding: its reports are unchanged.
import type { Group, GroupFold } from '../types.js';
import { formatCount } from './format-count.js';

/** The principal and action cells of a group row: a folded row's say what it stands for. */
export function foldedNames(g: Group): { principal: string; principalName: string; action: string } | null {
  if (g.folded === undefined) return null;
  const { principals, actions } = g.folded;
  return {
    principal: `(other principals: up to ${formatCount(principals)})`,
    principalName: 'other principals',
    action: actions === undefined ? g.action : `(other actions: up to ${formatCount(actions)})`,
  };
}

/** '' without folding; else what a reader must know about the group counts. */
export function groupFoldNote(f: GroupFold | undefined): string {
  if (f === undefined) return '';
  return (
    `More groups than a report keeps: the ${formatCount(f.kept)} largest are listed as themselves and ${formatCount(f.folded)} groups of rarer principals ` +
    'are folded into "(other principals)" rows, one per action, policy type and deny kind. Totals and breakdowns stay exact (a list that holds only its ' +
    `most frequent values says so). A listed group's count may be up to ${formatCount(f.maxError)} below its true count (the rest is in a row), ` +
    `and a group not listed had at most ${formatCount(f.maxError)} denials. denials.csv has every denial.`
  );
}
