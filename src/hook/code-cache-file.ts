/**
 * The files of the V8 code cache (see code-cache.ts for why they look like this): one for the
 * runtime's entry, named after its build, and one next to it for each other file it loads.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const PREFIX = 'hook-runtime-';
const MAGIC = Buffer.from('kei-v8c1');

export function cacheFileFor(cacheDir: string, bundleId: string): string {
  return join(cacheDir, `${PREFIX}${bundleId}-${process.version}-${process.arch}.v8`);
}

/**
 * The cache file of a file the runtime requires (a part, a shared file, a deferred library):
 * the runtime's own cache name, which carries the build, plus the file's place in dist/.
 */
export function partCacheFile(cacheFile: string, relativePath: string): string {
  return `${cacheFile.slice(0, -'.v8'.length)}.${relativePath.replace(/\.cjs$/, '').replace(/[^\w.-]/g, '_')}.v8`;
}

/** The cached data, or undefined when missing, short, or the two copies differ. */
export function readCache(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + 4;
  if (raw.length < start || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const size = raw.readUInt32LE(MAGIC.length);
  if (size === 0 || raw.length !== start + 2 * size) return undefined;
  const first = raw.subarray(start, start + size);
  return first.equals(raw.subarray(start + size)) ? first : undefined;
}

export function encodeCache(data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([MAGIC, size, data, data]);
}

/** Writes through a synced temp file and rename (parallel hooks, power loss). */
export function writeCache(file: string, data: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, encodeCache(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Drops the caches of other builds: every cache of this build starts with the runtime's own name. */
export function dropOtherCaches(cacheFile: string): void {
  const dir = dirname(cacheFile);
  const stem = basename(cacheFile, '.v8');
  for (const name of readdirSync(dir)) {
    if (name.startsWith(PREFIX) && !name.startsWith(stem) && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}
