// The one private handlebars instance: helpers registered here never leak into, or collide with,
// another library's use of the global Handlebars object.
import { createRequire } from 'node:module';
import type HandlebarsNs from 'handlebars';
import { formatCount } from './format-count.js';
import { escapeMarkdown, markdownCode } from './markdown-escape.js';
import type { TemplateSet } from './options.js';
import { TemplateProblem, templateError } from './template-error.js';

export type ReportKind = 'html' | 'md';

// Loaded at the first render, not at start-up: a `--format json,csv` run never needs it (~25 ms).
let made: typeof HandlebarsNs | undefined;
function handlebars(): typeof HandlebarsNs {
  if (made === undefined) {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsNs;
    made = Handlebars.create();
    registerHelpers(made);
  }
  return made;
}

function asText(value: unknown): string {
  if (value === null) return '';
  // the view-model holds strings, numbers, booleans and null where text is wanted: String() as handlebars does
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return typeof value === 'string' ? value : String(value);
}

// Strict mode only checks the head of an expression: `{{md titel}}` or `{{#if titel}}` would quietly
// get undefined. The view-model never holds undefined (absent values are null), so every helper,
// the built-in block helpers included, treats undefined as a misspelt field and throws.
function defined(helper: string, value: unknown, options: HandlebarsNs.HelperOptions): unknown {
  if (value !== undefined) return value;
  const loc = (options as { loc?: { start?: { line?: number; column?: number } } }).loc?.start;
  const at = loc?.line === undefined ? null : { line: loc.line, column: loc.column ?? 0 };
  throw new TemplateProblem(at === null ? `{{${helper}}} was given a field the view-model does not have` : 'the view-model has no such field here', at);
}

function registerHelpers(hbs: typeof HandlebarsNs): void {
  for (const name of ['if', 'unless', 'each', 'with'] as const) {
    const builtIn = hbs.helpers[name];
    hbs.registerHelper(name, function (this: unknown, value: unknown, options: HandlebarsNs.HelperOptions) {
      return builtIn.call(this, defined(`#${name}`, value, options), options) as unknown;
    });
  }
  hbs.registerHelper('num', (n: unknown, options: HandlebarsNs.HelperOptions) => {
    const value = defined('num', n, options);
    return typeof value === 'number' ? formatCount(value) : asText(value);
  });
  hbs.registerHelper('md', (s: unknown, options: HandlebarsNs.HelperOptions) => escapeMarkdown(asText(defined('md', s, options))));
  hbs.registerHelper('mdCode', (s: unknown, options: HandlebarsNs.HelperOptions) => markdownCode(asText(defined('mdCode', s, options))));
}

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

/**
 * Compiled on first use (handlebars parses then), and wrapped: a mistake met while parsing or
 * running it becomes a TemplateError naming its file; one from a partial inside is passed on as it is.
 */
function guarded(hbs: typeof HandlebarsNs, source: string, options: CompileOptions, where: string): HandlebarsTemplateDelegate {
  const run = hbs.compile(source, options);
  return (context, runtime) => {
    try {
      return run(context, runtime);
    } catch (err) {
      throw templateError(err, where, source);
    }
  };
}

function compile(templates: TemplateSet, kind: ReportKind): Compiled {
  const options = COMPILE_OPTIONS[kind];
  const hbs = handlebars();
  const where = (name: string, what: string) => templates.files?.[name] ?? what;
  const partials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [name, source] of Object.entries(templates.partials)) {
    if (name.startsWith(PARTIAL_PREFIX[kind])) partials[name] = guarded(hbs, source, options, where(name, `partial ${name}`));
  }
  return { main: guarded(hbs, templates[kind], options, where(kind, `the ${kind} template`)), partials };
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
