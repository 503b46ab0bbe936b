import { createGzip } from 'node:zlib';

/**
 * gzip of `before` + `mib` MiB of letters + `after`, streamed (never held uncompressed): a record with a
 * string field far larger than any real one. Level 1 over a varied 1 MiB block keeps it ~135× smaller,
 * under the gzip-bomb limit, and quick to make.
 */
export async function gzipWithHugeField(before: string, after: string, mib = 200): Promise<Buffer> {
  const parts: Buffer[] = [];
  const gz = createGzip({ level: 1 });
  gz.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => gz.on('end', resolve));
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = 0x61 + ((i * 7 + (i >> 12)) % 26);
  gz.write(before);
  for (let k = 0; k < mib; k++) gz.write(block);
  gz.end(after);
  await done;
  return Buffer.concat(parts);
}
