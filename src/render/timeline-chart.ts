// The per-day timeline as numbers a template can draw as inline SVG: the geometry is computed here so
// templates stay free of arithmetic, and every coordinate is a number we made (only day labels come
// from the data, and templates print those through handlebars escaping, inside SVG too).
import type { Counted, TimelineBuckets } from '../types.js';

export interface TimelineBar {
  day: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, for its axis label. */
  cx: number;
  /** Only some bars get an axis label so the labels never overlap. */
  labelled: boolean;
  /** The axis label: `day`, shorter where it can be ('11-19 06:00' for '2026-11-19 06:00'). */
  short: string;
}

export interface TimelineTick {
  y: number;
  label: number;
}

export interface TimelineChart {
  empty: boolean;
  width: number;
  height: number;
  /** Bottom of the plot area (the x axis) and where the axis labels sit. */
  baseline: number;
  labelY: number;
  left: number;
  right: number;
  bars: TimelineBar[];
  ticks: TimelineTick[];
  /** Largest daily count. */
  max: number;
  /** Days with zero denials were added between the first and the last day. */
  gapsFilled: boolean;
  /** Rows for a text rendering (Markdown): a bar of block characters scaled to the busiest day. */
  rows: { day: string; count: number; bar: string }[];
  /** The bucket size in minutes (1440: a day), and the heading of the chart: 'Denials per 6 hours (UTC)'. */
  bucketMinutes: number;
  caption: string;
  /** The time column's heading in a table: 'Day (UTC)', '6 hours from (UTC)'. */
  column: string;
  /** The buckets that had denials, for a list that print shows (a chart's bar titles need a pointer). */
  counts: { day: string; count: number }[];
  /** What "busiest" is said of: 'day', '6 hours'. */
  unit: string;
}

const WIDTH = 960;
const HEIGHT = 220;
const MARGIN = { left: 56, right: 12, top: 14, bottom: 34 };
const MAX_LABELS = 12;
const MAX_FILLED_DAYS = 400; // past this a day-by-day chart is unreadable; show the days as given
const TEXT_BAR = 24;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Adds the missing days as zeros when every key is a real YYYY-MM-DD; otherwise keeps the data. */
export function fillDays(timeline: readonly Counted[]): { days: Counted[]; filled: boolean } {
  const times = timeline.map((c) => (/^\d{4}-\d{2}-\d{2}$/.test(c.key) ? Date.parse(`${c.key}T00:00:00Z`) : NaN));
  if (timeline.length < 2 || times.some((t) => Number.isNaN(t))) return { days: [...timeline], filled: false };
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.round((last - first) / 86_400_000) + 1;
  if (span > MAX_FILLED_DAYS || span === timeline.length) return { days: [...timeline], filled: false };
  const byDay = new Map<string, number>();
  for (const c of timeline) byDay.set(c.key, (byDay.get(c.key) ?? 0) + c.count);
  const days: Counted[] = [];
  for (let i = 0; i < span; i++) {
    const key = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    days.push({ key, count: byDay.get(key) ?? 0 });
  }
  return { days, filled: true };
}

/** '6 hours', 'minute', 'day', 'week'. */
function unitOf(minutes: number): string {
  if (minutes === 10_080) return 'week';
  if (minutes % 1440 === 0) return minutes === 1440 ? 'day' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'hour' : `${minutes / 60} hours`;
  return minutes === 1 ? 'minute' : `${minutes} minutes`;
}

/** A bucket's label: its start, as much of it as the bucket size needs ('2026-11-19 06:00', '10:42', '2026-11-19'). */
function bucketLabels(buckets: TimelineBuckets): Counted[] {
  const keys = buckets.buckets.map((b) => b.key); // 'YYYY-MM-DDTHH:MMZ'
  const oneDay = keys.length > 0 && keys[0].slice(0, 10) === keys[keys.length - 1].slice(0, 10);
  const label = (k: string) => (buckets.minutes >= 1440 ? k.slice(0, 10) : oneDay ? k.slice(11, 16) : `${k.slice(0, 10)} ${k.slice(11, 16)}`);
  return buckets.buckets.map((b) => ({ key: label(b.key), count: b.count }));
}

/**
 * The chart of `buckets` (the timeline whose bucket fits the span) when the Summary has them, else of
 * the per-day `timeline` (a summary from before buckets existed).
 */
export function timelineChart(timeline: readonly Counted[], buckets?: TimelineBuckets): TimelineChart {
  const fitted = buckets !== undefined && buckets.buckets.length > 0;
  const minutes = fitted ? buckets.minutes : 1440;
  const { days, filled } = fitted ? { days: bucketLabels(buckets), filled: buckets.buckets.some((b) => b.count === 0) } : fillDays(timeline);
  const max = days.reduce((m, d) => Math.max(m, d.count), 0);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotH;
  const slot = days.length > 0 ? plotW / days.length : plotW;
  const barW = Math.max(1, slot * 0.8);
  // '2026-11-19 06:00' → '11-19 06:00' on the axis (the year is in the counts and the heading)
  const shortOf = (label: string) => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(label) ? label.slice(5) : label);
  // as many labels as fit: ~6.6 px a character at 11 px, and a gap
  const longest = days.reduce((m, d) => Math.max(m, shortOf(d.key).length), 1);
  const fit = Math.max(2, Math.min(MAX_LABELS, Math.floor(plotW / (longest * 6.6 + 14))));
  const every = Math.max(1, Math.ceil(days.length / fit));
  const bars = days.map((d, i) => {
    const h = max > 0 ? (d.count / max) * plotH : 0;
    const x = MARGIN.left + i * slot + (slot - barW) / 2;
    return {
      day: d.key,
      count: d.count,
      x: round(x),
      y: round(baseline - h),
      width: round(barW),
      height: round(h),
      cx: round(x + barW / 2),
      labelled: i % every === 0,
      short: shortOf(d.key),
    };
  });
  const tickValues = max >= 2 ? [0, Math.round(max / 2), max] : [0, max];
  const ticks = [...new Set(tickValues)].map((v) => ({ label: v, y: round(baseline - (max > 0 ? (v / max) * plotH : 0)) }));
  const rows = days.map((d) => ({
    day: d.key,
    count: d.count,
    bar: '█'.repeat(max > 0 ? Math.round((d.count / max) * TEXT_BAR) : 0),
  }));
  const unit = unitOf(minutes);
  const oneDay = fitted && minutes < 1440 && days.length > 0 && !days[0].key.includes('-');
  return {
    bucketMinutes: minutes,
    caption: `Denials per ${unit} (UTC)${oneDay ? `, on ${buckets.buckets[0].key.slice(0, 10)}` : ''}`,
    column: minutes === 1440 ? 'Day (UTC)' : `${unit[0].toUpperCase()}${unit.slice(1)} from (UTC)`,
    counts: days.filter((d) => d.count > 0).map((d) => ({ day: d.key, count: d.count })),
    unit,
    empty: days.length === 0,
    width: WIDTH,
    height: HEIGHT,
    baseline: round(baseline),
    labelY: round(baseline + 20),
    left: MARGIN.left,
    right: WIDTH - MARGIN.right,
    bars,
    ticks,
    max,
    gapsFilled: filled,
    rows,
  };
}
