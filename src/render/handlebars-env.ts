// The one private handlebars instance: helpers registered here never leak into, or collide with,
// another library's use of the global Handlebars object.
import Handlebars from 'handlebars';
import { formatCount } from './format-count.js';
import { escapeMarkdown, markdownCode } from './markdown-escape.js';
import type { TemplateSet } from './options.js';

export type ReportKind = 'html' | 'md';

const hbs = Handlebars.create();

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

hbs.registerHelper('num', (n: unknown) => (typeof n === 'number' ? formatCount(n) : asText(n)));
hbs.registerHelper('md', (s: unknown) => escapeMarkdown(asText(s)));
hbs.registerHelper('mdCode', (s: unknown) => markdownCode(asText(s)));

// Markdown is compiled without HTML escaping (it would turn `&` into `&amp;` twice and is the wrong
// escaping anyway); its templates escape every value with {{md}} instead.
const COMPILE_OPTIONS: Record<ReportKind, CompileOptions> = {
  html: { strict: true },
  md: { strict: true, noEscape: true },
};

/** Partials are given to the template of their prefix only, so an HTML partial never runs unescaped. */
export const PARTIAL_PREFIX: Record<ReportKind, string> = { html: 'html-', md: 'md-' };

type Compiled = { main: HandlebarsTemplateDelegate; partials: Record<string, HandlebarsTemplateDelegate> };

// Compiling is the slow part; a TemplateSet is usually loaded once per run and rendered twice or more.
const cache = new WeakMap<TemplateSet, Partial<Record<ReportKind, Compiled>>>();

function compile(templates: TemplateSet, kind: ReportKind): Compiled {
  const options = COMPILE_OPTIONS[kind];
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [name, source] of Object.entries(templates.partials)) {
    if (name.startsWith(PARTIAL_PREFIX[kind])) partials[name] = hbs.compile(source, options);
  }
  return { main: hbs.compile(templates[kind], options), partials };
}

export function renderTemplate(templates: TemplateSet, kind: ReportKind, view: object): string {
  let entry = cache.get(templates);
  if (!entry) {
    entry = {};
    cache.set(templates, entry);
  }
  const compiled = (entry[kind] ??= compile(templates, kind));
  return compiled.main(view, { partials: compiled.partials });
}
