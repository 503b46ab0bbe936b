// The floor plan of src/ (README, "How it is built"), kept by dependency-cruiser: `npm run lint` runs
// it. A room may import only rooms on a lower floor, never one on its own floor or above; pure rooms
// do no I/O; nothing imports cli/; archive/ imports no other room; no cycles; no file that nothing
// imports (entry points and the worker script aside).
//
// Floors, lowest first (a room may import the floors below it):
const FLOORS = [
  ['types.ts', 'errors.ts', 'version.ts'], // contracts that cross rooms, the errors every room throws, the version
  ['archive'], // zip and tar(.gz) entries as streams
  ['discover'], // which sources: paths, folders, globs, archive listings, S3 key layout
  ['classify'], // one record → a Denial or nothing
  ['sql', 'verify', 'evaluate', 'samples'], // pure rooms over classify's tables (or none)
  ['read', 'policies'], // one source → records → classified scans; the worker pool; policy exports → a PolicyStore
  ['aggregate'], // fold scans into the Summary
  ['redact', 'findings'], // pseudonyms for denials, summaries and baselines; rules over the aggregate
  ['render'], // Summary → text, the registry of formats
  ['integrity', 'policy-evaluation.ts', 'findings-run.ts'], // composition: the integrity check (discover, read digests, hash logs, verify/); policies + evaluate/ joined to the fold (--policies); a run's findings
  ['analyze.ts'], // composition: the whole pipeline, the integrity check with --verify
  ['index.ts'], // the library API
  ['cli'], // the command line: the only place that prints
];

// Rooms that do no I/O: no file system, compression, threads, processes or network.
const PURE = ['classify', 'aggregate', 'render', 'verify', 'redact', 'samples', 'evaluate', 'findings', 'sql'];
const IO_MODULES = ['fs', 'fs/promises', 'zlib', 'worker_threads', 'child_process', 'net', 'http', 'https', 'http2', 'dgram', 'tls'];

const room = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const any = (names) => names.map(room).join('|');

const floorRules = FLOORS.flatMap((floor, i) => {
  const above = FLOORS.slice(i + 1).flat();
  return floor.flatMap((name) => {
    const rules = [];
    const same = floor.filter((other) => other !== name);
    const forbidden = [...above, ...same];
    if (forbidden.length > 0) {
      rules.push({
        name: `floor-${name.replace(/\.ts$/, '')}`,
        comment: `${name} may import only lower floors of .dependency-cruiser.cjs, not ${forbidden.join(', ')}`,
        severity: 'error',
        from: { path: room(name) },
        to: { path: any(forbidden) },
      });
    }
    return rules;
  });
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: 'pure-rooms-do-no-io',
      comment: `${PURE.join(', ')} are pure: no ${IO_MODULES.join(', ')} (I/O happens in archive/, discover/, read/, policies/, integrity/ and cli/)`,
      severity: 'error',
      from: { path: any(PURE) },
      to: { dependencyTypes: ['core'], path: `^(node:)?(${IO_MODULES.join('|')})$` },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'cli/ is the top floor: the command line uses everything, nothing uses it',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'archive-imports-no-room',
      comment: 'archive/ stands alone: besides packages and node, only types.ts, errors.ts and its own files',
      severity: 'error',
      from: { path: '^src/archive/' },
      to: { path: '^src/', pathNot: '^src/(archive/|types\\.ts$|errors\\.ts$)' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle makes two modules one: take the shared part out',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'a module nothing imports is dead code (the entry points, the worker script and the page script, compiled on its own, aside)',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '^src/cli/main\\.ts$', '^src/index\\.ts$', '^src/read/scan-worker\\.ts$', '^src/render/report-script/'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'src/ ships: it may not need a devDependency',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
