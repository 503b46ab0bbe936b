// Archives built in the test, in memory: tar and tar.gz with tar-stream's packer, zip with yazl.
import { gzipSync } from 'node:zlib';
import { pack, type Header } from 'tar-stream';
import yazl from 'yazl';

export interface ArchiveItem {
  name: string;
  content?: string | Buffer;
  type?: Header['type']; // tar only (zip: mode)
  linkname?: string;
  mode?: number; // zip: unix mode, e.g. 0o120777 for a symbolic link
  store?: boolean; // zip: stored as is (method 0), not deflated
}

async function collect(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(Buffer.from(p as Uint8Array));
  return Buffer.concat(parts);
}

export async function makeTar(items: ArchiveItem[], gzip = false): Promise<Buffer> {
  const p = pack();
  const done = collect(p);
  for (const it of items) {
    const body = it.content === undefined ? undefined : Buffer.from(it.content);
    p.entry({ name: it.name, type: it.type ?? 'file', linkname: it.linkname, size: body?.length ?? 0 }, body ?? Buffer.alloc(0));
  }
  p.finalize();
  const tar = await done;
  return gzip ? gzipSync(tar) : tar;
}

/**
 * yazl refuses unsafe names (rightly), so such entries are written under a placeholder of the same
 * length and renamed in the bytes (local header and central directory): `rename: { placeholder: name }`.
 */
export async function makeZip(items: ArchiveItem[], rename: Record<string, string> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const it of items) {
    if (it.content === undefined) zip.addEmptyDirectory(it.name);
    else zip.addBuffer(Buffer.from(it.content), it.name, { ...(it.mode === undefined ? {} : { mode: it.mode }), ...(it.store ? { compress: false } : {}) });
  }
  zip.end();
  let bytes = await collect(zip.outputStream as AsyncIterable<unknown>);
  for (const [from, to] of Object.entries(rename)) {
    if (from.length !== to.length) throw new Error('placeholder and name must have the same length');
    bytes = Buffer.from(bytes.toString('latin1').replaceAll(from, to), 'latin1');
  }
  return bytes;
}
