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
 *
 * The runtime is split in files (scripts/runtime-split.mjs): the parts it loads when a call first
 * needs them come through here as well, each with a cache of its own (code-cache-file.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { Script } from 'node:vm';
import { dropOtherCaches, partCacheFile, readCache, writeCache } from './code-cache-file.js';

export { cacheFileFor, encodeCache, partCacheFile, readCache } from './code-cache-file.js';

export interface LoadedBundle<T> {
  exports: T;
  /** Saves the code cache of each file loaded so far that had none (or V8 refused it); never throws. */
  persist(): void;
}

// The same wrapper Node's CommonJS loader uses, on one line so stack traces keep their lines.
const HEAD = Buffer.from('(function (exports, require, module, __filename, __dirname) { ');
const TAIL = Buffer.from('\n})');

/**
 * The wrapped source as one string made in one step: wrapping a string read first would make a
 * joined string that V8 copies flat before it compiles, twice the bytes for the young
 * generation, and on a Bash call that is what tips it into a collection (several ms).
 */
function wrapped(path: string): string {
  return Buffer.concat([HEAD, readFileSync(path), TAIL]).toString('utf8');
}

interface LoadedFile {
  module: { exports: unknown };
  script: Script;
  cacheFile: string | undefined;
  usable: boolean;
}

/**
 * The files of one runtime in this process, each run once. A file it requires by a relative
 * `.cjs` path (a part, a shared file) comes through `load` too, never through Node's own loader
 * as well: two copies of a module would be two caches and two classes.
 */
class RuntimeFiles {
  private readonly loaded = new Map<string, LoadedFile>();

  constructor(
    private readonly entry: string,
    private readonly cacheFile: string | undefined,
  ) {}

  load(path: string): LoadedFile {
    const known = this.loaded.get(path);
    if (known) return known;
    const cacheFile = path === this.entry ? this.cacheFile : this.cacheFile && partCacheFile(this.cacheFile, relative(dirname(this.entry), path));
    const cachedData = readCache(cacheFile);
    const script = new Script(wrapped(path), { filename: path, cachedData });
    const file: LoadedFile = { module: { exports: {} }, script, cacheFile, usable: cachedData !== undefined && !script.cachedDataRejected };
    // Registered before it runs, as Node does, so a require cycle sees the exports so far; a
    // file that throws is forgotten, so the next require tries again.
    this.loaded.set(path, file);
    try {
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper.call(file.module.exports, file.module.exports, this.requireFrom(path), file.module, path, dirname(path));
    } catch (error) {
      this.loaded.delete(path);
      throw error;
    }
    return file;
  }

  private requireFrom(path: string): NodeJS.Require {
    const node = createRequire(path);
    const local = (id: string): unknown => (id.startsWith('./') && id.endsWith('.cjs') ? this.load(join(dirname(path), id)).module.exports : node(id));
    return Object.assign(local, { resolve: node.resolve, cache: node.cache, main: node.main, extensions: node.extensions });
  }

  /** Made after the run, so the functions the call compiled lazily are in each cache too. */
  persist(): void {
    if (this.cacheFile === undefined) return;
    const missing = [...this.loaded.values()].filter((f) => !f.usable && f.cacheFile !== undefined);
    for (const f of missing) {
      writeCache(f.cacheFile!, f.script.createCachedData());
      f.usable = true;
    }
    if (missing.length > 0) dropOtherCaches(this.cacheFile);
  }
}

/** `require(file)` for the runtime's entry, compiled with `cacheFile`'s data when it is usable. */
export function requireWithCodeCache<T>(file: string, cacheFile: string | undefined): LoadedBundle<T> {
  const files = new RuntimeFiles(file, cacheFile);
  return {
    exports: files.load(file).module.exports as T,
    persist() {
      try {
        files.persist();
      } catch {
        // A read-only or full state dir only costs speed, never a decision.
      }
    },
  };
}
