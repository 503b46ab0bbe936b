// The data the HTML report's script works from, embedded once in the page as
// <script type="application/json" id="ctd-data"> (render/explore-data.ts writes it; the browser script
// in render/report-script/ reads it). Declared globally, not exported, because the browser script is
// compiled as one classic script by its own tsconfig and cannot import: both programs include this
// file, so the type checker holds writer and reader to one shape.
//
// Every text from a log is in `strings` once, already cleaned for display (control characters shown
// as \u001b, fields cut at 2,000 characters, as the static page shows them); everything else refers to
// it by index. The script only ever puts these texts into the page as text (textContent).

/** A list of (string index, count) pairs, flattened: [s0, c0, s1, c1, …]. */
type CtdPairs = number[];

interface CtdPageData {
  v: 1;
  /** Denials in the report (all groups). */
  denials: number;
  strings: string[];
  /** Days of the timelines, sorted: YYYY-MM-DD, and 'unknown' last for times that were not dates. */
  days: string[];
  /** Denials per day of the whole report: (day index, count) pairs. */
  all: CtdPairs;
  /** false when a group has no timeline (a summary.json from before groups had one): no timeline of a filtered set then. */
  timelines: boolean;
  facets: CtdFacet[];
  /** The lists a group's detail shows, in order (resources, source IPs, …). */
  lists: CtdListInfo[];
  /** The guides the groups refer to by index; their texts are in the page once, each in the element `el` names. */
  guides: CtdGuide[];
  /** In the Summary's order: count, largest first, then key. */
  groups: CtdGroup[];
}

interface CtdFacet {
  id: string; // the name in the URL fragment: 'policyType', 'account', …
  label: string; // 'Policy type'
  /** Its values by string index, most denials first. */
  values: number[];
  /** The label each value is shown with (string index), in the order of `values`. */
  labels: number[];
}

interface CtdListInfo {
  id: string; // a Group field: 'resources', 'sourceIps', …
  label: string;
  mono: boolean; // shown in a monospace font (identifiers)
}

interface CtdGuide {
  el: string; // the id of the guide's element in the page ('guide-3'): the detail view shows a copy of it
  id: string; // the guidance id ('hint/mfa-absent'), shown when a template left the element out
}

/**
 * One group, as a tuple (10,000 groups repeat no field name): string indices unless said otherwise.
 * The CSS classes come from fixed tables (labels.ts), never from data: 'pt-identity-based', 'pt-other'.
 */
type CtdGroup = [
  key: number, // -1 when it is 'principal | action | policy type | deny kind' as the group shows them (always, but for folded rows)
  principal: number,
  principalName: number, // the part of the ARN a reader recognises ('role/ci')
  principalType: number,
  action: number,
  policyType: number, // the key ('service-control-policy')
  policyTypeLabel: number,
  policyTypeClass: number,
  denyKind: number,
  denyKindLabel: number,
  denyKindClass: number,
  count: number, // denials
  firstSeen: number,
  lastSeen: number,
  /** One entry per CtdPageData.lists: the values the page holds (a long list is cut: see more). */
  lists: CtdPairs[],
  /** (list index, how many more values summary.json has) pairs, for the lists the page cut. */
  more: number[],
  /** Indices of the lists that hold only their most frequent values (counts are upper bounds). */
  bound: number[],
  /** One entry per CtdPageData.facets: the group's values (index into that facet's values, denials) pairs. */
  facets: number[][],
  samples: number[], // sample event IDs
  guides: number[], // indices into CtdPageData.guides
  /** Other facts of the group, as (label, text) pairs. */
  facts: number[],
  /** Denials per day: (day index, count) pairs. */
  timeline: CtdPairs,
  folded: 0 | 1, // 1 for a row of folded groups (its principal stands for many)
];
