// The three report renderers, built around a default guidance lookup so this module does not depend
// on the classifier (index.ts supplies the real one; tests supply a fake).
import type { Summary } from '../types.js';
import { buildViewModel } from './build-view-model.js';
import { renderTemplate, type ReportKind } from './handlebars-env.js';
import type { Guide, RenderOptions, ReportRenderer } from './options.js';
import { renderJson } from './summary-json.js';

export interface ReportRenderers {
  renderHtml: ReportRenderer;
  renderMarkdown: ReportRenderer;
  renderJson: ReportRenderer;
}

export function makeReportRenderers(defaultGuide: Guide): ReportRenderers {
  const viaTemplate =
    (kind: ReportKind): ReportRenderer =>
    (summary: Summary, options: RenderOptions) => {
      const view = buildViewModel(summary, {
        top: options.top,
        guide: options.guide ?? defaultGuide,
        generatedAt: options.generatedAt ?? null,
      });
      return renderTemplate(options.templates, kind, view);
    };
  return {
    renderHtml: viaTemplate('html'),
    renderMarkdown: viaTemplate('md'),
    renderJson: (summary) => renderJson(summary),
  };
}
