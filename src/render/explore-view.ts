// What report.html.hbs needs to make the page interactive: the browser script (render/report-script/,
// compiled by its own tsconfig, loaded with the templates) and the page data, each as the raw text of
// its <script> element (the data packed: packed-data.ts). Both go into the page with {{{triple}}}
// braces, so the script is checked here for the one thing that could end the element early.
import type { Summary } from '../types.js';
import { exploreData } from './explore-data.js';
import type { GuideCatalogue } from './guide-catalogue.js';
import { packData } from './packed-data.js';
import type { ExploreView } from './view-model.js';

const ENDS_ELEMENT = /<\/script|<!--|<script/i;

/** null when there is no script to run (a TemplateSet without one) or no group to explore. */
export function exploreView(displayed: Summary, catalogue: GuideCatalogue, script: string | undefined): ExploreView | null {
  if (script === undefined || displayed.groups.length === 0) return null;
  if (ENDS_ELEMENT.test(script)) throw new Error('the report script holds text that would end its <script> element');
  // one function scope, so no name of the script lands on window
  const wrapped = `(function () {\n${script.trim()}\n})();\n`;
  return { script: wrapped, data: packData(exploreData(displayed, catalogue)), groups: displayed.groups.length };
}
