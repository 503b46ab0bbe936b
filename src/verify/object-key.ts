// Digest files name objects by S3 key (`[prefix/]AWSLogs/…`); a local copy keeps the part from
// `AWSLogs/` on, under any folder. That part is what a digest's key and a local path are matched by.

/** 'prefix/AWSLogs/1/CloudTrail/…' or 'C:\\copy\\AWSLogs\\1\\…' → 'AWSLogs/1/…'; null without AWSLogs/. */
export function objectSuffix(keyOrPath: string): string | null {
  const p = keyOrPath.replaceAll('\\', '/');
  const at = p.lastIndexOf('AWSLogs/');
  if (at < 0 || (at > 0 && p[at - 1] !== '/')) return null;
  return p.slice(at);
}

/** 's3://bucket/key', 'bucket/key' or 'key' → the AWSLogs suffix, as a signatures file may give it. */
export function signatureKeySuffix(given: string): string | null {
  return objectSuffix(given.trim().replace(/^s3:\/\//, ''));
}
