import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** Raw template sources: the report templates and partials by name. Same shape as render's TemplateSet. */
export interface TemplateSources {
  html: string;
  md: string;
  partials: Record<string, string>;
}

// templates/ sits two levels above both src/read/ and dist/read/.
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

const REPORTS = { html: 'report.html.hbs', md: 'report.md.hbs' } as const;

async function partialsIn(dir: string): Promise<Record<string, string>> {
  const names = await readdir(join(dir, 'partials')).catch(() => [] as string[]);
  const out: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
    out[name.slice(0, -'.hbs'.length)] = await readFile(join(dir, 'partials', name), 'utf8');
  }
  return out;
}

/**
 * The built-in templates, overlaid with a user's folder: a file there replaces the built-in one of
 * the same name. A user folder that holds neither report template is a mistake worth stopping for.
 */
export async function loadTemplates(userDir?: string): Promise<TemplateSources> {
  const builtin = {
    html: await readFile(join(BUILTIN_TEMPLATES, REPORTS.html), 'utf8'),
    md: await readFile(join(BUILTIN_TEMPLATES, REPORTS.md), 'utf8'),
    partials: await partialsIn(BUILTIN_TEMPLATES),
  };
  if (userDir === undefined) return builtin;
  const entries = await readdir(userDir).catch(() => {
    throw new UserError(`templates folder not found or not readable: ${userDir}`);
  });
  if (!entries.includes(REPORTS.html) && !entries.includes(REPORTS.md)) {
    throw new UserError(`templates folder ${userDir} holds neither ${REPORTS.html} nor ${REPORTS.md}`);
  }
  const own = (name: string) => (entries.includes(name) ? readFile(join(userDir, name), 'utf8') : null);
  return {
    html: (await own(REPORTS.html)) ?? builtin.html,
    md: (await own(REPORTS.md)) ?? builtin.md,
    partials: { ...builtin.partials, ...(await partialsIn(userDir)) },
  };
}
