// The three report renderers, built around a default guidance lookup so this module does not depend
// on the classifier (index.ts supplies the real one; tests supply a fake).
import type { Summary } from '../types.js';
import { buildViewModel } from './build-view-model.js';
import { displayStrings } from './display-text.js';
import { exploreView } from './explore-view.js';
import { guideCatalogue, type GuideCatalogue } from './guide-catalogue.js';
import { dropIndent } from './html-indent.js';
import { PARTIAL_PREFIX, renderTemplate, type ReportKind } from './handlebars-env.js';
import type { Guide, RenderOptions, ReportRenderer, TemplateSet } from './options.js';
import { allowedStyles, contentSecurityPolicy } from './page-security.js';
import { renderJson } from './summary-json.js';

export interface ReportRenderers {
  renderHtml: ReportRenderer;
  renderMarkdown: ReportRenderer;
  renderJson: ReportRenderer;
}

/** The sources of the HTML template and its partials: the only places a style block may come from. */
const htmlSources = (t: TemplateSet): string[] => [
  t.html,
  ...Object.entries(t.partials)
    .filter(([name]) => name.startsWith(PARTIAL_PREFIX.html))
    .map(([, source]) => source),
];

export function makeReportRenderers(defaultGuide: Guide): ReportRenderers {
  const viewOf = (summary: Summary, options: RenderOptions, displayed?: Summary, catalogue?: GuideCatalogue) =>
    buildViewModel(summary, {
      top: options.top,
      guide: options.guide ?? defaultGuide,
      generatedAt: options.generatedAt ?? null,
      displayed,
      catalogue,
    });
  const viaTemplate =
    (kind: ReportKind): ReportRenderer =>
    (summary: Summary, options: RenderOptions) =>
      renderTemplate(options.templates, kind, viewOf(summary, options));
  /**
   * Rendered twice: the style blocks the page ends up with (some partials bring their own) are known
   * once it is rendered, and their hashes go into the policy at its top. The blocks do not depend on
   * the policy, so the second page has the same ones.
   */
  const renderHtml: ReportRenderer = (summary, options) => {
    const guide = options.guide ?? defaultGuide;
    const displayed = displayStrings(summary);
    // one list of guides for the page and its data: the data refers to the guides the page shows
    const catalogue = guideCatalogue(displayed.groups, (key) => displayStrings(guide(key)));
    const explore = exploreView(displayed, catalogue, options.templates.script);
    const view = { ...viewOf(summary, options, displayed, catalogue), explore };
    const script = explore === null ? null : explore.script;
    const first = renderTemplate(options.templates, 'html', { ...view, csp: contentSecurityPolicy(script, []) });
    const csp = contentSecurityPolicy(script, allowedStyles(first, htmlSources(options.templates)));
    return dropIndent(renderTemplate(options.templates, 'html', { ...view, csp }));
  };
  return {
    renderHtml,
    renderMarkdown: viaTemplate('md'),
    renderJson: (summary) => renderJson(summary),
  };
}
