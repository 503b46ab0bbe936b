// The contracts between the renderers and their callers (the CLI, the library API, tests).
import type { GuidanceEntry } from '../classify/guidance-types.js';
import type { Denial, Summary } from '../types.js';

/** Raw template sources. Loading them from disk (built-in or `--templates <dir>`) is the CLI's job. */
export interface TemplateSet {
  html: string;
  md: string;
  /** Partial name (file name under `partials/` without `.hbs`) → source. */
  partials: Record<string, string>;
  /** Where each came from ('html', 'md' or a partial name → file), to name it in a template error. */
  files?: Record<string, string>;
  /** The HTML page's script (render/report-script/, compiled); without it the page is static. */
  script?: string;
}

/** What guidance is looked up by: the fields of a denial that change the advice. */
export type GuideKey = Pick<Denial, 'category' | 'denyKind' | 'policyType' | 'hints' | 'errorCode' | 'authorizationId'>;

/** Injected so that render/ stays testable without the classifier's tables. */
export type Guide = (key: GuideKey) => GuidanceEntry[];

export interface RenderOptions {
  /** Long lists in HTML and Markdown are cut here, with an "and N more" line. */
  top: number;
  templates: TemplateSet;
  /** Shown only when the user asks for it: reports carry no wall-clock time by default (determinism). */
  generatedAt?: string | null;
  /** Defaults to the classifier's guidance table. */
  guide?: Guide;
}

export type ReportRenderer = (summary: Summary, options: RenderOptions) => string;

/** Streams denials to a file without holding them all: header first, then one row per denial. */
export interface DenialWriter {
  /** '' when the format has none (JSON Lines). */
  header: string;
  /** Always ends with '\n'. */
  row: (d: Denial) => string;
}
