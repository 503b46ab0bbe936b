// The gzip-bomb bound, applied to each compression layer on its own: an archive's (a tar.gz's gzip, a
// zip entry's deflate) here, an entry's or a file's own gzip in read/. CloudTrail files compress
// 8-20×, deflate cannot exceed ~1032×: 250× leaves room (--max-expansion changes it).
export const DEFAULT_MAX_EXPANSION = 250;
