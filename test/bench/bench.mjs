// npm run bench [-- --size 1024 --seed 7 --single --many --attack --principals --repeat 3 --json results.json --compare <checkout>]
// npm run bench -- --html [--groups 10000 --denials 1000000]   (the HTML report: html-bench.mjs)
// Generates (once) a seeded corpus, then times in one run: the gunzip-only floor on all cores (as the
// issue defines it, and the tool's own gunzip into a reused window), the
// tool on all cores and on one, two `zcat | jq` pipelines (when jq is installed), DuckDB (when
// @duckdb/node-api is installed) and the SQL path (DuckDB runs the query `sql --dialect duckdb` prints,
// then report reads its results.csv; plain and aggregated), and a 1-day window over the 30-day corpus. --single: one 1 GiB file
// (the streaming path's memory). --many: 200 MB in files of 5-20 KB, as busy trails write them (the
// costs per file: the floor and the tool on all cores and on one). --attack: 512 MB of errors only,
// each from a new address (the memory aggregation holds). --principals [--denials 1000000]: every record a
// denial from a principal never seen before (the groups aggregation holds). Each is a child process
// under /usr/bin/time for wall time and peak RSS, --repeat times (the median is kept). Ratios are only
// ever taken within one run. --compare <checkout>: the report of another build (a checkout with its own
// dist/, e.g. the commit before a change) is timed in the same rounds, interleaved, and its summary.json
// must be byte-identical; the corpus mode then times only the floor and the two builds.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, ensurePrincipalsCorpus, ensureSingleFile } from './corpus.mjs';

// --html: the HTML report's budgets instead (html-bench.mjs reads its own options)
if (process.argv.includes('--html')) {
  await import('./html-bench.mjs');
  process.exit(0);
}

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const { values: opt } = parseArgs({
  options: {
    size: { type: 'string' },
    seed: { type: 'string', default: '7' },
    single: { type: 'boolean', default: false },
    many: { type: 'boolean', default: false },
    attack: { type: 'boolean', default: false },
    principals: { type: 'boolean', default: false },
    denials: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '3' },
    json: { type: 'string' },
    cache: { type: 'string', default: join(tmpdir(), 'cloudtrail-denials-bench') },
    compare: { type: 'string' },
  },
});
const sizeMB = Number(opt.size ?? (opt.many ? 200 : opt.attack ? 512 : 1024));
const seed = Number(opt.seed);
const cores = availableParallelism();
const hasTime = existsSync('/usr/bin/time');

const repeat = Math.max(1, Number(opt.repeat));

/**
 * Runs each job `repeat` times, round-robin (every round runs every job, so a noisy minute on this
 * shared machine falls on all of them alike), and keeps each job's run of median wall time.
 */
function timedRounds(jobs) {
  const runs = new Map(jobs.map((j) => [j.label, []]));
  for (let round = 0; round < repeat; round++) {
    for (const j of jobs) runs.get(j.label).push(timedOnce(j.label, j.cmd, j.args));
  }
  return new Map(
    jobs.map((j) => {
      const sorted = runs.get(j.label).sort((a, b) => a.seconds - b.seconds);
      return [j.label, { ...sorted[(sorted.length - 1) >> 1], runs: runs.get(j.label).map((r) => +r.seconds.toFixed(3)) }];
    }),
  );
}

function timed(label, cmd, args) {
  return timedRounds([{ label, cmd, args }]).get(label);
}

function timedOnce(label, cmd, args) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '__TIME__ %e %M %U %S', cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  // CPU seconds of every thread of the process (user + system), V8's own background threads included
  return { label, seconds: wall, rssMB: m ? Number(m[2]) / 1024 : null, cpuSeconds: m ? Number(m[3]) + Number(m[4]) : null, stdout: r.stdout };
}

function row(t, bytes, files) {
  return { ...t, mbps: bytes / 1e6 / t.seconds, filesPerSec: files / t.seconds, stdout: undefined };
}

function reportRun(label, target, extra) {
  const out = mkdtempSync(join(tmpdir(), 'ctd-bench-out-'));
  const t = timed(label, process.execPath, [CLI, 'report', target, '--format', 'json', '--out', out, '--quiet', ...extra]);
  return { ...t, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
}

/**
 * What bounds concurrency 1 / N besides the machine: a one-thread report keeps more than one core busy
 * (V8 compiles hot code on background threads, on the cores the report does not use), and N threads
 * spend more CPU on the same work than one (each thread compiles its own code; scans cross threads).
 */
function cpuRatios(one, tool) {
  if (one.cpuSeconds === null || tool.cpuSeconds === null) return {};
  return {
    'cores busy, report --concurrency 1': one.cpuSeconds / one.seconds,
    'CPU seconds, report N threads / 1': tool.cpuSeconds / one.cpuSeconds,
  };
}

/** --compare: this build against the other, on the same rounds (below 1: this build is faster). */
function compareRatios(t) {
  if (!t.toolCompare) return {};
  return {
    'report N threads, this build / --compare (summary.json identical)': t.tool.seconds / t.toolCompare.seconds,
    'report --concurrency 1, this build / --compare': t.one.seconds / t.oneCompare.seconds,
    'CPU seconds, N threads, this build / --compare': t.tool.cpuSeconds / t.toolCompare.cpuSeconds,
    'CPU seconds, --concurrency 1, this build / --compare': t.one.cpuSeconds / t.oneCompare.cpuSeconds,
    'rounds, report N threads (this, --compare)': `${t.tool.runs.join(' ')} / ${t.toolCompare.runs.join(' ')}`,
    'rounds, --concurrency 1 (this, --compare)': `${t.one.runs.join(' ')} / ${t.oneCompare.runs.join(' ')}`,
  };
}

function machine() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores, memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
}

function print(rows, ratios) {
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`\n${pad('method', 34)}${pad('seconds', 10)}${pad('CPU s', 10)}${pad('MB/s', 10)}${pad('files/s', 10)}peak RSS MB`);
  for (const r of rows) {
    console.log(
      `${pad(r.label, 34)}${pad(r.seconds.toFixed(2), 10)}${pad(r.cpuSeconds?.toFixed(2) ?? '-', 10)}${pad(r.mbps.toFixed(0), 10)}${pad(r.filesPerSec.toFixed(0), 10)}${r.rssMB?.toFixed(0) ?? '-'}`,
    );
  }
  console.log('');
  for (const [k, v] of Object.entries(ratios)) console.log(`${pad(k, 44)}${typeof v === 'number' ? v.toFixed(2) : v}`);
}

/** The corpus, the floor and the tool on all cores and on one: the jobs every corpus mode times. */
function baseJobs(kind) {
  const dir = join(opt.cache, `${kind}-${sizeMB}MB-seed${seed}`);
  process.stderr.write(`corpus: ${dir} (generated on first use)\n`);
  const corpus = ensureCorpus(dir, { sizeMB, seed, small: kind === 'many', attack: kind === 'attack' });
  const paths = corpus.list.map((f) => join(dir, f.path));
  const list = join(mkdtempSync(join(tmpdir(), 'ctd-bench-list-')), 'paths');
  writeFileSync(list, paths.join('\n')); // more paths than an argument list holds
  const floorJs = join(import.meta.dirname, 'floor.mjs');
  const outDir = () => mkdtempSync(join(tmpdir(), 'ctd-bench-out-'));
  const toolOut = outDir();
  const oneOut = outDir();
  const report = (out, extra) => [CLI, 'report', dir, '--format', 'json', '--out', out, '--quiet', ...extra];
  const jobs = [
    { key: 'floor', label: `gunzip only, ${cores} threads (floor)`, cmd: process.execPath, args: [floorJs, String(cores), `@${list}`] },
    { key: 'floorOne', label: 'gunzip only, 1 thread', cmd: process.execPath, args: [floorJs, '1', `@${list}`] },
    { key: 'windowFloor', label: `gunzip into a window, ${cores} threads`, cmd: process.execPath, args: [floorJs, String(cores), '--window', `@${list}`] },
    { key: 'tool', label: `report, ${cores} threads`, cmd: process.execPath, args: report(toolOut, []) },
    { key: 'one', label: 'report, --concurrency 1', cmd: process.execPath, args: report(oneOut, ['--concurrency', '1']) },
  ];
  const compareOuts = opt.compare ? [outDir(), outDir()] : [];
  if (opt.compare) {
    const other = join(opt.compare, 'dist/cli/main.js');
    const otherReport = (out, extra) => [other, ...report(out, extra).slice(1)];
    jobs.push({ key: 'toolCompare', label: `report, ${cores} threads, --compare`, cmd: process.execPath, args: otherReport(compareOuts[0], []) });
    jobs.push({
      key: 'oneCompare',
      label: 'report, --concurrency 1, --compare',
      cmd: process.execPath,
      args: otherReport(compareOuts[1], ['--concurrency', '1']),
    });
  }
  const sameSummaries = () => {
    const oneSummary = readFileSync(join(oneOut, 'summary.json'), 'utf8');
    if (oneSummary !== readFileSync(join(toolOut, 'summary.json'), 'utf8')) throw new Error('--concurrency 1 and N gave different summaries');
    for (const out of compareOuts)
      if (readFileSync(join(out, 'summary.json'), 'utf8') !== oneSummary) throw new Error('--compare: the other build wrote another summary.json');
    return JSON.parse(oneSummary);
  };
  return { dir, corpus, paths, jobs, sameSummaries };
}

/** --many (the costs per file) and --attack (every record an error: the memory aggregation holds). */
async function costMode(kind) {
  const { corpus, paths, jobs, sameSummaries } = baseJobs(kind);
  const timings = timedRounds(jobs);
  const t = Object.fromEntries(jobs.map((j) => [j.key, timings.get(j.label)]));
  const rows = jobs.map((j) => row(t[j.key], corpus.bytes, paths.length));
  const summary = sameSummaries();
  const ratios = {
    'report / floor': t.tool.seconds / t.floor.seconds,
    'report / gunzip into a window': t.tool.seconds / t.windowFloor.seconds,
    'concurrency 1 / concurrency N': t.one.seconds / t.tool.seconds,
    'gunzip only, 1 thread / N threads': t.floorOne.seconds / t.floor.seconds,
    ...cpuRatios(t.one, t.tool),
    'microseconds per file, report (all threads)': (t.tool.seconds * 1e6) / paths.length,
    'peak RSS MB, report': t.tool.rssMB ?? 'unknown',
    'peak RSS MB, report --concurrency 1': t.one.rssMB ?? 'unknown',
    records: summary.totals.records,
    'denials + other errors': summary.totals.denials + summary.totals.otherErrors,
    ...compareRatios(t),
  };
  print(rows, ratios);
  return { mode: kind, machine: machine(), corpus: { sizeMB, seed, bytes: corpus.bytes, files: paths.length, records: corpus.records }, rows, ratios };
}

/** --principals: the report on all cores and on one, over denials each from a new principal (the bound on groups). */
async function principalsMode() {
  const denials = Number(opt.denials);
  const dir = join(opt.cache, `principals-${denials}-seed${seed}`);
  process.stderr.write(`corpus: ${dir} (generated on first use)\n`);
  const corpus = ensurePrincipalsCorpus(dir, { denials, seed });
  const outs = [mkdtempSync(join(tmpdir(), 'ctd-bench-out-')), mkdtempSync(join(tmpdir(), 'ctd-bench-out-'))];
  // every format: the CSV and JSON Lines are written row by row, the HTML and Markdown from the Summary
  const report = (out, extra) => [CLI, 'report', dir, '--out', out, '--quiet', ...extra];
  const jobs = [
    { key: 'tool', label: `report, ${cores} threads`, cmd: process.execPath, args: report(outs[0], []) },
    { key: 'one', label: 'report, --concurrency 1', cmd: process.execPath, args: report(outs[1], ['--concurrency', '1']) },
  ];
  const timings = timedRounds(jobs);
  const t = Object.fromEntries(jobs.map((j) => [j.key, timings.get(j.label)]));
  const rows = jobs.map((j) => row(t[j.key], corpus.bytes, corpus.files));
  const text = outs.map((o) => readFileSync(join(o, 'summary.json'), 'utf8'));
  if (text[0] !== text[1]) throw new Error('--concurrency 1 and N gave different summaries');
  const summary = JSON.parse(text[0]);
  const size = (name) => (readFileSync(join(outs[0], name)).length / 1e6).toFixed(2);
  const ratios = {
    'peak RSS MB, report': t.tool.rssMB ?? 'unknown',
    'peak RSS MB, report --concurrency 1': t.one.rssMB ?? 'unknown',
    denials: summary.totals.denials,
    groups: summary.groups.length,
    'groups kept / folded': `${summary.groupFold?.kept} / ${summary.groupFold?.folded}`,
    'MB: summary.json / report.html / report.md': `${size('summary.json')} / ${size('report.html')} / ${size('report.md')}`,
  };
  for (const o of outs) rmSync(o, { recursive: true, force: true }); // two copies of ~1 GB of CSV and JSON Lines
  print(rows, ratios);
  return { mode: 'principals', machine: machine(), corpus: { denials, seed, bytes: corpus.bytes, files: corpus.files }, rows, ratios };
}

async function corpusMode() {
  const { dir, corpus, paths, jobs, sameSummaries } = baseJobs('corpus');
  const bytes = corpus.bytes;
  const rows = [];
  if (!opt.compare && spawnSync('jq', ['--version']).status === 0) {
    const half = Math.ceil(paths.length / 2);
    const lists = [paths.slice(0, half), paths.slice(half)].map((l, i) => {
      const f = join(mkdtempSync(join(tmpdir(), 'ctd-bench-jq-')), `list${i}`);
      writeFileSync(f, l.join('\n'));
      return f;
    });
    const pipe = (f) => `xargs -a ${f} zcat | jq -c '.Records[] | select(.errorCode != null)' | wc -l`;
    jobs.push({ key: 'jq', label: 'zcat | jq, 2 pipelines', cmd: 'bash', args: ['-c', `(${pipe(lists[0])}) & (${pipe(lists[1])}) & wait`] });
  }
  const sqlResults = mkdtempSync(join(tmpdir(), 'ctd-bench-sql-'));
  const resultsCsv = (kind) => join(sqlResults, `${kind}.csv`);
  if (!opt.compare && existsSync(join(ROOT, 'node_modules/@duckdb/node-api'))) {
    jobs.push({
      key: 'duck',
      label: `DuckDB read_json, ${cores} threads`,
      cmd: process.execPath,
      args: [join(import.meta.dirname, 'duckdb.mjs'), String(cores), `${dir}/AWSLogs/**/*.json.gz`],
    });
    // The SQL path (issue 19): DuckDB runs the duckdb-dialect query, report reads its results. Each
    // query job comes before the report of its results in every round.
    const sqlPath = join(import.meta.dirname, 'sql-path.mjs');
    const logs = `${dir}/AWSLogs/**/*_CloudTrail_*.json.gz`;
    for (const kind of ['plain', 'aggregated']) {
      jobs.push({
        key: `query-${kind}`,
        label: `SQL path: DuckDB query, ${kind}`,
        cmd: process.execPath,
        args: [sqlPath, String(cores), logs, resultsCsv(kind), ...(kind === 'aggregated' ? ['--aggregate'] : [])],
      });
      jobs.push({
        key: `results-${kind}`,
        label: `SQL path: report results.csv, ${kind}`,
        cmd: process.execPath,
        args: [CLI, 'report', resultsCsv(kind), '--format', 'json', '--out', join(sqlResults, `out-${kind}`), '--quiet'],
      });
    }
  }
  const timings = timedRounds(jobs);
  const t = Object.fromEntries(jobs.map((j) => [j.key, timings.get(j.label)]));
  for (const j of jobs) rows.push(row(t[j.key], bytes, paths.length));
  const { floor, floorOne, windowFloor, one } = t;
  const jq = t.jq ?? null;
  const duck = t.duck ?? null;
  const tool = { ...t.tool, summary: sameSummaries() };

  // A 1-day window over the 30-day corpus: how many files were opened, against 3 days of files.
  const day = '2026-10-15';
  const windowed = reportRun('report, 1-day window', dir, ['--since', day, '--until', day]);
  const s = windowed.summary;
  const opened = s.files.read + s.files.damaged;
  const dayIndex = 14;
  const threeDays = corpus.list.filter((f) => Math.abs(f.day - dayIndex) <= 1).length;

  const errorsByTool = tool.summary.totals.records - tool.summary.totals.noError;
  const ratios = {
    'report / floor (target <= 1.5)': tool.seconds / floor.seconds,
    "report / gunzip into a window (the tool's own gunzip)": tool.seconds / windowFloor.seconds,
    'concurrency 1 / concurrency N (target >= 1.7)': one.seconds / tool.seconds,
    'gunzip only, 1 thread / N threads (what the machine scales)': floorOne.seconds / floor.seconds,
    ...cpuRatios(one, tool),
    'jq / report (target >= 10)': jq ? jq.seconds / tool.seconds : 'jq not installed',
    'DuckDB / report (target >= 3)': duck ? duck.seconds / tool.seconds : '@duckdb/node-api not installed',
    'peak RSS MB, report (target <= 300)': tool.rssMB ?? 'unknown',
    'files opened by a 1-day window': `${opened} (3 days hold ${threeDays}; corpus ${paths.length})`,
    'records / records with an error (tool)': `${tool.summary.totals.records} / ${errorsByTool}`,
    ...compareRatios(t),
  };
  if (jq)
    ratios['records with an error (jq)'] = jq.stdout
      .trim()
      .split(/\s+/)
      .reduce((a, b) => a + Number(b), 0);
  if (duck) ratios['records with an error (DuckDB)'] = JSON.parse(duck.stdout).errors;
  for (const kind of ['plain', 'aggregated']) {
    const query = t[`query-${kind}`];
    const results = t[`results-${kind}`];
    if (!query || !results) continue;
    const viaSql = JSON.parse(readFileSync(join(sqlResults, `out-${kind}`, 'summary.json'), 'utf8'));
    if (viaSql.totals.denials !== tool.summary.totals.denials)
      throw new Error(`SQL path (${kind}) found ${viaSql.totals.denials} denials, report ${tool.summary.totals.denials}`);
    ratios[`SQL path, ${kind}: query + report results.csv, seconds`] =
      `${(query.seconds + results.seconds).toFixed(2)} (${query.seconds.toFixed(2)} + ${results.seconds.toFixed(2)})`;
    ratios[`SQL path, ${kind} / report`] = (query.seconds + results.seconds) / tool.seconds;
    ratios[`SQL path, ${kind}: result rows / denials`] = `${JSON.parse(query.stdout).rows} / ${viaSql.totals.denials}`;
  }
  rmSync(sqlResults, { recursive: true, force: true });
  print(rows, ratios);
  return {
    mode: 'corpus',
    machine: machine(),
    corpus: { sizeMB, seed, bytes, files: paths.length, records: corpus.records },
    rows,
    ratios,
    window: { opened, threeDays },
  };
}

async function singleMode() {
  const file = await ensureSingleFile(opt.cache, { sizeMB, seed });
  const rows = [];
  const tool = reportRun(`report, one ${sizeMB} MB file`, file.path, []);
  rows.push(row(tool, file.bytes, 1));
  const ratios = { 'peak RSS MB (target <= 300)': tool.rssMB ?? 'unknown', records: tool.summary.totals.records };
  print(rows, ratios);
  return { mode: 'single', machine: machine(), file: { sizeMB, bytes: file.bytes, records: file.records }, rows, ratios };
}

if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
const result = opt.single
  ? await singleMode()
  : opt.many
    ? await costMode('many')
    : opt.attack
      ? await costMode('attack')
      : opt.principals
        ? await principalsMode()
        : await corpusMode();
const jsonPath = opt.json ?? join(opt.cache, `results-${result.mode}-${sizeMB}MB.json`);
writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nresults: ${jsonPath}`);
