// The report renderers with the classifier's guidance table: the only import of the classifier from
// render/ (the renderers themselves take any Guide, so tests can give a fake one).
import { guidanceFor } from '../classify/index.js';
import type { Guide } from './options.js';
import { makeReportRenderers } from './report-renderers.js';

export const defaultGuide: Guide = (key) => guidanceFor(key);

export const { renderHtml, renderMarkdown, renderJson } = makeReportRenderers(defaultGuide);
