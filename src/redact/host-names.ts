// Which dotted names in free text are host names, and what --redact makes of them. A name counts as a
// host when its last label is a top-level name from TOP_LEVEL (two labels are enough: `ec2.internal`,
// `acme.com`), or a country code from COUNTRY and it has three labels or more (`db.acme.de`; `acme.de`
// alone is left, and so are file names such as `x.json.gz` and `notes.v2.md`). AWS's own hosts (`s3.amazonaws.com`,
// `docs.aws.amazon.com`) stay readable, except for the labels in them that are the customer's: an
// address spelled out (`ec2-54-1-2-3.compute-1…`), an EC2 resource ID (`vpce-0abc….s3…`) or a bucket
// name in front of `s3` (`my-bucket.s3.us-east-1.amazonaws.com`).
import type { Pseudonyms } from './pseudonym.js';

// Generic top-level names seen in host names, and the names private networks use (RFC 6762 `local`,
// RFC 2606 `test`/`example`/`invalid`/`localhost`, AWS's `internal`, and common home/corporate ones).
// prettier-ignore
const TOP_LEVEL = new Set([
  'com', 'net', 'org', 'io', 'dev', 'app', 'cloud', 'info', 'biz', 'edu', 'gov', 'mil', 'int', 'arpa', 'xyz', 'tech',
  'online', 'site', 'internal', 'local', 'localdomain', 'localhost', 'lan', 'corp', 'intra', 'intranet', 'home',
  'private', 'test', 'example', 'invalid',
]);

// Hosts that are AWS's, not the customer's (`*.amazonaws.com` service endpoints, `*.amazon.com` pages).
const AWS_DOMAINS = ['amazonaws.com', 'amazonaws.com.cn', 'amazon.com'];

// Anywhere in a label: an EC2 resource ID (`vpce-0abc…`), four numbers spelling an address (`ec2-54-1-2-3`).
const EC2_LABEL = /(?:^|-)([a-z]+(?:-[a-z]+)?)-(?:[0-9a-f]{17}|[0-9a-f]{8})(?:-|$)/;
const ADDRESS_LABEL = /(?:^|-)(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:-|$)/;
const S3_LABEL = /^s3(?:-|$)/;

// Country codes in wide use for company hosts (IANA root zone), leaving out the ones that are also
// common file extensions (`md`, `sh`, `py`, `pl`, `rs`, `in`, …), which `a.b.md` would otherwise hit.
// prettier-ignore
const COUNTRY = new Set([
  'uk', 'de', 'fr', 'nl', 'be', 'lu', 'ch', 'at', 'se', 'no', 'dk', 'fi', 'is', 'ie', 'es', 'pt', 'it', 'cz', 'sk', 'hu',
  'ro', 'bg', 'gr', 'ru', 'ua', 'tr', 'il', 'ae', 'za', 'ng', 'ke', 'eg', 'cn', 'jp', 'kr', 'tw', 'hk', 'sg', 'my', 'th',
  'vn', 'ph', 'au', 'nz', 'ca', 'us', 'mx', 'br', 'ar', 'cl', 'co', 'pe', 'eu',
]);

function isHostName(labels: string[]): boolean {
  const last = labels[labels.length - 1];
  return TOP_LEVEL.has(last) || (COUNTRY.has(last) && labels.length >= 3);
}

export function isAwsHost(host: string): boolean {
  const h = host.toLowerCase();
  return AWS_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}

/** An AWS host with the customer's labels replaced; the service, region and domain stay. */
function awsHost(labels: string[], p: Pseudonyms): string {
  const lower = labels.map((l) => l.toLowerCase());
  const s3 = lower.findIndex((l, i) => i > 0 && S3_LABEL.test(l));
  const out = lower.map((label, i) => {
    const address = ADDRESS_LABEL.exec(label);
    if (address !== null && address.slice(1).every((x) => Number(x) <= 255)) return p.of('host', label);
    const ec2 = EC2_LABEL.exec(label);
    if (ec2 !== null) return p.of(ec2[1], label);
    return labels[i];
  });
  // `<bucket>.s3….amazonaws.com`, unless what stands before `s3` was an endpoint ID (`vpce-…`)
  const replaced = out.slice(0, s3).some((l, i) => l !== labels[i]);
  if (s3 > 0 && !replaced) return [p.of('name', lower.slice(0, s3).join('.')), ...out.slice(s3)].join('.');
  return out.join('.');
}

/**
 * The host's pseudonym (`host-…`), an AWS host with only its customer labels replaced, or null when
 * it is no host name. A dotted name that goes on past a host (`db.acme.com.txt`, a file named after
 * it) has its longest host part replaced.
 */
export function redactHost(match: string, p: Pseudonyms): string | null {
  const labels = match.split('.');
  for (let n = labels.length; n >= 2; n--) {
    const head = labels.slice(0, n).join('.');
    const tail = n === labels.length ? '' : `.${labels.slice(n).join('.')}`;
    if (isAwsHost(head)) return awsHost(labels.slice(0, n), p) + tail;
    if (isHostName(head.toLowerCase().split('.'))) return p.of('host', head.toLowerCase()) + tail;
  }
  return null;
}
