import { Command, Option } from 'commander';
import { FORMAT_NAMES } from '../render/formats.js';
import { sanitizeTerminalLines } from '../render/sanitize-terminal.js';
import { DEFAULT_SEED } from '../samples/seed.js';
import { VERSION } from '../version.js';
import type { ExplainFlags } from './explain-command.js';
import { UserError } from '../errors.js';
import { parseThreads, startReportWorkers } from './early-workers.js';
import { collectFiles, collectList, parsePositiveInt } from './parse-options.js';
import type { ReportFlags } from './report-command.js';
import type { SqlFlags } from './sql-command.js';
import type { VerifyFlags } from './verify-command.js';

const DEFAULT_TABLE = 'cloudtrail_logs';
// CloudTrail's first day (November 2013): a table projected from then leaves no log out of reach.
const DEFAULT_PROJECTION_START = '2013/11/01';

const parseHashes = (value: string): number => parsePositiveInt(value, '--hash-concurrency');

function renamedConcurrency(): never {
  throw new UserError('verify has no reading threads: --concurrency is now --hash-concurrency <n> (files hashed at once)');
}

/** A list option whose empty default is shown as what it means (`every account`), not as `[]`. */
function listOption(flags: string, description: string, meaning: string, parse?: (value: string, previous: string[]) => string[]): Option {
  const option = new Option(flags, description).default([], meaning);
  return parse === undefined ? option : option.argParser(parse);
}

// Each command loads its modules when it runs: start-up stays small, which a report run's reading
// threads and every explain call feel.

/**
 * The command line, parsed once (commander, with the parsers of parse-options.ts); each action
 * resolves to an exit code, stored for main to return.
 */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command()
    .name('cloudtrail-denials')
    .description('Find every request AWS refused in CloudTrail logs, explain why, and write reports. Works offline.')
    .version(VERSION)
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(add --help for usage)')
    // commander's errors quote the arguments (a path found by a script, say): controls shown, not obeyed
    .configureOutput({ outputError: (text, write) => write(sanitizeTerminalLines(text)) });

  program
    .command('report')
    .description('scan log files, folders or globs and write the reports')
    .argument('[paths...]', 'CloudTrail log files (.json, .json.gz, .jsonl, lookup-events output), archives (.zip, .tar, .tar.gz), folders or globs')
    .option('-o, --out <dir>', 'output folder (default: reports/<window>/ with --week/--day/--last, else cloudtrail-denials-report/)')
    .addOption(listOption('-f, --format <list>', `formats, comma-separated: ${FORMAT_NAMES.join(',')}`, FORMAT_NAMES.join(','), collectList))
    .option('--since <time>', 'only events at or after: ISO date/time, or 24h, 7d, 2w back from now')
    .option('--until <time>', 'only events at or before: ISO date/time (a bare date means the end of that day)')
    .option('--week <iso-week>', 'one ISO week, UTC, e.g. 2026-W47 (Monday 00:00 to Sunday 23:59:59)')
    .option('--day <date>', 'one UTC day, e.g. 2026-11-20')
    .option('--last <span>', 'the span up to now: 24h, 7d, 2w (output folder reports/last-7d/)')
    .option(
      '--baseline <summary>',
      "compare with an earlier summary.json (or its folder); with --week/--day the previous period's report beside --out is used when present",
    )
    .option('--no-baseline', 'do not compare with an earlier report')
    .option('--change-threshold <pct>', 'a group rose/fell when its count moved by at least this % (and by at least 2)', '50')
    .option('--suppress <file>', 'expected-denial rules, JSON with comments (default: .cloudtrail-denials.jsonc when present)')
    .option('--no-suppress', 'apply no suppression rules')
    .addOption(
      listOption(
        '--fail-on <gate>',
        'exit 3 when: new (a group new since the baseline), explicit (an explicit deny), any (any denial), <n> (more than n denials), finding (any finding), finding:high / finding:medium (one of that severity or above); comma-separated or repeated',
        'none',
        collectList,
      ),
    )
    .option(
      '--redact',
      'replace account IDs, IPs, user/role/session and resource names, access keys, e-mail addresses, host names and EC2 IDs with stable pseudonyms in every output',
    )
    .option('--redact-key <file>', 'key for --redact (implies it): the same key gives the same pseudonyms, week after week')
    .option('--redact-user-agents', 'with --redact (implies it): also replace host names inside user agents (which then lose tool names and links)')
    .addOption(listOption('--account <id...>', 'only these account IDs', 'every account'))
    .addOption(listOption('--region <name...>', 'only these regions', 'every region'))
    .addOption(
      listOption(
        '--principal <glob...>',
        'only denials of principals matching (* and ?, case-insensitive): an ARN, a name (contractor-bob), a session name or session ARN',
        'every principal',
      ),
    )
    .addOption(listOption('--action <glob...>', 'only denials of actions matching, e.g. "s3:*"', 'every action'))
    .option('--top <n>', 'entries shown per list in HTML and Markdown', '20')
    .option('--title <text>', 'report title')
    .option('--templates <dir>', 'folder of handlebars templates overriding the built-in ones')
    .option('--concurrency <n>', 'threads reading files, this one included (default: one per core)', parseThreads)
    .option('--hash-concurrency <n>', 'with --verify: files hashed at once (default: two per core)', parseHashes)
    .option('--max-expansion <ratio>', 'refuse gzip files that expand more than this many times (gzip bombs)', '250')
    .option('--strict-json', 'check the whole JSON grammar of every record, also of records without an error (slower)')
    .option('--quiet', 'no progress line')
    .option('--allow-empty', 'write the reports even when no log file was read (they say so); without it such a run stops with exit 1')
    .option('--verify', 'also check log file integrity (digest files, hashes, chain; see `verify`) and add an Integrity section')
    .addOption(listOption('--public-keys <file>', 'with --verify: `aws cloudtrail list-public-keys` output (repeat per region)', 'none', collectFiles))
    .option('--signatures <file>', 'with --verify: digest signatures from S3 metadata (see README)')
    .option(
      '--allow-partial <what>',
      'with --verify: exit 0 although partial for these reasons: uncovered, unsigned, outside-layout, all (comma-separated or repeated)',
      collectList,
    )
    .addOption(
      listOption(
        '--policies <path...>',
        'exported policies: `aws iam get-account-authorization-details` output, iam-collect stores, session-policy files, or folders of them (after the log paths): name the policy and statement that refused each request',
        'none',
      ),
    )
    .option('--max-simulations <n>', 'with --policies: distinct requests evaluated at most; the rest are undetermined', '20000')
    .addHelpText(
      'after',
      '\nExit codes: 0 done; 1 usage or fatal error, or no log file read (without --allow-empty);\n' +
        '2 done, but some inputs were damaged or reuse an eventID with other content (see the report);\n' +
        '3 done, but a --fail-on gate tripped (3 wins over 2: reports are written either way).\n' +
        'Suppressed denials never trip a gate.',
    )
    .addHelpText(
      'after',
      '4 done, but --verify found an integrity failure; 5 done, but --verify proved only part of the input\n' +
        '(--allow-partial accepts it). 4 wins over 5, 5 over 3 and 2; reports are written either way.',
    )
    .addHelpText('after', '130/143 stopped by Ctrl-C/SIGTERM: nothing written, temporary files removed.')
    .action(async (paths: string[], flags: ReportFlags) => {
      const format = flags.format.length > 0 ? flags.format : [...FORMAT_NAMES];
      // the reading threads first, then the report's modules (early-workers.ts); closed by the reading, or here
      const workers = startReportWorkers(flags.concurrency);
      try {
        const { runReport } = await import('./report-command.js');
        setExit(await runReport(paths, { ...flags, format }, workers));
      } finally {
        await Promise.all(workers.map((w) => w.close()));
      }
    });

  program
    .command('verify')
    .description('check log file integrity offline: digest chains, SHA-256 of every log file, unlisted files, signatures')
    .argument('<paths...>', 'folders or globs holding AWSLogs/…/CloudTrail/ and AWSLogs/…/CloudTrail-Digest/')
    .addOption(
      listOption('--public-keys <file>', '`aws cloudtrail list-public-keys` output, saved before going offline (repeat per region)', 'none', collectFiles),
    )
    .option('--signatures <file>', 'digest signatures from S3 object metadata: JSON {"<key>": "<hex>"} or "<key> <hex>" lines (see README)')
    .option('--since <time>', 'only digests and log files delivered at or after: ISO date/time, or 24h, 7d, 2w back from now')
    .option('--until <time>', 'only digests and log files delivered at or before: ISO date/time (a bare date means the end of that day)')
    .addOption(listOption('--account <id...>', 'only these account IDs', 'every account'))
    .addOption(listOption('--region <name...>', 'only these regions', 'every region'))
    .option('--top <n>', 'failures and notices printed (--json has them all)', '50')
    .option('--hash-concurrency <n>', 'files hashed at once (default: two per core)', parseHashes)
    // verify reads on no threads of its own: its --concurrency meant files hashed at once
    .addOption(new Option('--concurrency <n>').hideHelp().argParser(renamedConcurrency))
    .option('--json', 'print the result object as JSON')
    .option(
      '--allow-partial <what>',
      'exit 0 although partial for these reasons: uncovered, unsigned, outside-layout, all (comma-separated or repeated)',
      collectList,
    )
    .addHelpText(
      'after',
      '\nNo network: without --public-keys, hashes and the chain are checked but not signatures.\n' +
        'Exit codes: 0 every log file verified (hashes, chain, signatures), or partial for reasons --allow-partial accepts;\n' +
        '1 usage or fatal error; 4 an integrity check failed; 5 partial: some log files not covered by a digest,\n' +
        'or signatures not checked (the verdict says which).',
    )
    .action(async (paths: string[], flags: VerifyFlags) => {
      const { runVerify } = await import('./verify-command.js');
      setExit(await runVerify(paths, flags));
    });

  program
    .command('explain')
    .description('classify one error message (argument or stdin) or one record (--event) and say what to check')
    .argument('[message]', 'the errorMessage text, or the AWS CLI error line (none or -: read from stdin)')
    .option('--error-code <code>', 'the errorCode that came with the message')
    .option('--event <file>', 'a whole CloudTrail record in a JSON file')
    .option('--json', 'print the Denial object as JSON')
    .action(async (message: string | undefined, flags: ExplainFlags) => {
      const { runExplain } = await import('./explain-command.js');
      setExit(await runExplain(message, flags));
    });

  program
    .command('sql')
    .description('print SQL for Athena (or DuckDB) that finds the denial candidates; `report results.csv` reads what it returns')
    .option('--dialect <name>', 'athena (engine version 3, Trino) or duckdb', 'athena')
    .option('--table <name>', 'the table of CloudTrail logs', DEFAULT_TABLE)
    .option('--aggregate', 'group identical candidates, with count, first and last time and sample event IDs')
    .addOption(
      listOption(
        '--partitions <list>',
        "the table's partition columns: timestamp, account, region (as sql --ddl made them), or none",
        'timestamp',
        collectList,
      ),
    )
    .option('--since <time>', 'only events at or after: ISO date/time, or 24h, 7d, 2w back from now')
    .option('--until <time>', 'only events at or before: ISO date/time (a bare date means the end of that day)')
    .option('--week <iso-week>', 'one ISO week, UTC, e.g. 2026-W47')
    .option('--day <date>', 'one UTC day, e.g. 2026-11-20')
    .option('--last <span>', 'the span up to now: 24h, 7d, 2w')
    .addOption(listOption('--account <id...>', 'only these account IDs (with --ddl --org: the accounts projected)', 'every account'))
    .addOption(listOption('--accounts <id...>', 'the same as --account', 'every account').hideHelp())
    .addOption(listOption('--region <name...>', 'only these regions (with --ddl: the regions projected)', 'every region'))
    .addOption(listOption('--regions <name...>', 'the same as --region', 'every region').hideHelp())
    .option('--ddl', 'print the table instead: CREATE EXTERNAL TABLE with partition projection (athena), or a view over local files (duckdb)')
    .option('--location <where>', "with --ddl: s3://bucket/[prefix/]AWSLogs/[o-org/] (athena), or the log files' glob (duckdb)")
    .option('--org', 'with --ddl: an organization trail (account and region projected too)')
    .option('--projection-start <day>', 'with --ddl: the first day projected, yyyy/MM/dd', DEFAULT_PROJECTION_START)
    .addHelpText(
      'after',
      '\nThe tool connects nowhere: run the SQL yourself (Athena console, aws athena start-query-execution, duckdb),\n' +
        'download the result CSV, then: cloudtrail-denials report results.csv (with the same window and filters).',
    )
    .action(async (flags: SqlFlags) => {
      const { runSql } = await import('./sql-command.js');
      setExit(runSql(flags, Date.now()));
    });

  program
    .command('samples')
    .description('write the seeded demo archive (AWSLogs/… layout) into a folder')
    .argument('<dir>', 'target folder')
    .addOption(new Option('--seed <n>', 'generator seed').default(String(DEFAULT_SEED)))
    .action(async (dir: string, flags: { seed: string }) => {
      const { runSamples } = await import('./samples-command.js');
      setExit(runSamples(dir, Number(flags.seed)));
    });

  return program;
}
