import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** Raw template sources: the report templates and partials by name. Same shape as render's TemplateSet. */
export interface TemplateSources {
  html: string;
  md: string;
  partials: Record<string, string>;
  /** 'html', 'md' and each partial's name → the file it was read from (named in template errors). */
  files: Record<string, string>;
  /** The HTML page's script, compiled from src/render/report-script/ by `npm run build`. */
  script: string;
}

// templates/ sits two levels above both src/read/ and dist/read/.
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

// The page script is built, not written: it sits in dist/ beside the code (two levels up, as above).
export const BUILTIN_SCRIPT = fileURLToPath(new URL('../../dist/report-script.js', import.meta.url));

const REPORTS = { html: 'report.html.hbs', md: 'report.md.hbs' } as const;

async function pageScript(): Promise<string> {
  return readFile(BUILTIN_SCRIPT, 'utf8').catch(() => {
    throw new UserError(`the HTML report's script ${BUILTIN_SCRIPT} is missing: run npm run build`);
  });
}

async function partialsIn(dir: string): Promise<{ partials: Record<string, string>; files: Record<string, string> }> {
  const names = await readdir(join(dir, 'partials')).catch(() => [] as string[]);
  const partials: Record<string, string> = {};
  const files: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
    const file = join(dir, 'partials', name);
    partials[name.slice(0, -'.hbs'.length)] = await readFile(file, 'utf8');
    files[name.slice(0, -'.hbs'.length)] = file;
  }
  return { partials, files };
}

/**
 * The built-in templates, overlaid with a user's folder: a file there replaces the built-in one of
 * the same name. A user folder that holds neither report template is a mistake worth stopping for.
 */
export async function loadTemplates(userDir?: string): Promise<TemplateSources> {
  const builtinPartials = await partialsIn(BUILTIN_TEMPLATES);
  const builtin: TemplateSources = {
    html: await readFile(join(BUILTIN_TEMPLATES, REPORTS.html), 'utf8'),
    md: await readFile(join(BUILTIN_TEMPLATES, REPORTS.md), 'utf8'),
    partials: builtinPartials.partials,
    files: { html: join(BUILTIN_TEMPLATES, REPORTS.html), md: join(BUILTIN_TEMPLATES, REPORTS.md), ...builtinPartials.files },
    script: await pageScript(),
  };
  if (userDir === undefined) return builtin;
  const entries = await readdir(userDir).catch(() => {
    throw new UserError(`templates folder not found or not readable: ${userDir}`);
  });
  if (!entries.includes(REPORTS.html) && !entries.includes(REPORTS.md)) {
    throw new UserError(`templates folder ${userDir} holds neither ${REPORTS.html} nor ${REPORTS.md}`);
  }
  const own = (name: string) => (entries.includes(name) ? readFile(join(userDir, name), 'utf8') : null);
  const mine = await partialsIn(userDir);
  const html = await own(REPORTS.html);
  const md = await own(REPORTS.md);
  return {
    html: html ?? builtin.html,
    md: md ?? builtin.md,
    partials: { ...builtin.partials, ...mine.partials },
    files: {
      ...builtin.files,
      ...(html === null ? {} : { html: join(userDir, REPORTS.html) }),
      ...(md === null ? {} : { md: join(userDir, REPORTS.md) }),
      ...mine.files,
    },
    // a folder of templates changes what the page shows, not how it works: the script is the built-in one
    script: builtin.script,
  };
}
