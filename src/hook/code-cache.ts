/**
 * Loads the runtime bundle through V8's code cache. Node 20 has no built-in compile cache, so
 * every hook process would otherwise parse and compile the whole bundle again; with the bytes V8
 * saved from an earlier run it skips most of that work (measured in bench/results.md).
 *
 * The cache is only an accelerator: any problem reading, using or writing it falls back to the
 * normal compile. V8 refuses data made by another V8 version, other flags or another source
 * length, but it does not checksum the data in release builds: corrupt bytes crash the process
 * (a V8 fatal error, which Claude Code treats as "let the call through"). So the file holds the
 * data twice and both copies must be identical (one native compare, no hash library to load):
 * damage to any block changes one copy only. The file name carries a hash of the bundle
 * (written in at build time) so data for one bundle is never offered to another.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface LoadedBundle<T> {
  exports: T;
  /** Saves the code cache when there was none (or V8 refused it); never throws. */
  persist(): void;
}

const PREFIX = 'hook-runtime-';

export function cacheFileFor(cacheDir: string, bundleId: string): string {
  return join(cacheDir, `${PREFIX}${bundleId}-${process.version}-${process.arch}.v8`);
}

const MAGIC = Buffer.from('kei-v8c1');

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

/** Writes through a synced temp file and rename (parallel hooks, power loss), drops older caches. */
function writeCache(file: string, data: Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, encodeCache(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const keep = file.slice(dir.length + 1);
  for (const name of readdirSync(dir)) {
    if (name.startsWith(PREFIX) && name !== keep && !name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
}

/** `require(file)` for a CommonJS bundle, compiled with `cacheFile`'s data when it is usable. */
export function requireWithCodeCache<T>(file: string, cacheFile: string | undefined): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(cacheFile);
  // The same wrapper Node's CommonJS loader uses, on one line so stack traces keep their lines.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    persist() {
      if (usable || cacheFile === undefined) return;
      try {
        // Made after the run, so the functions this call compiled lazily are in it too.
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // A read-only or full state dir only costs speed, never a decision.
      }
    },
  };
}
