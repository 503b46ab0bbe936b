// The partials the built-in templates use (files `templates/partials/<name>.hbs`). A `--templates`
// folder may bring its own set; names starting `html-` reach report.html.hbs only, `md-` report.md.hbs.
export const PARTIAL_NAMES = [
  'html-accounting',
  'html-change-table',
  'html-changes',
  'html-group',
  'html-guidance',
  'html-inline-list',
  'html-integrity',
  'html-more',
  'html-share-table',
  'html-styles',
  'html-suppressed',
  'html-timeline',
  'md-accounting',
  'md-change-table',
  'md-changes',
  'md-guidance',
  'md-integrity',
  'md-more',
  'md-share-table',
  'md-suppressed',
] as const;
