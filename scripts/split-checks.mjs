// What the split hook runtime must hold to be correct and worth it, checked on every build
// (scripts/runtime-split.mjs) and by test/reliability/runtime-split-build.test.ts.
import { KEEP_OUT } from './runtime-parts.mjs';

const nameOf = (path) => path.replace(/^.*\//, '').replace(/(-[0-9a-f]{12})?\.cjs$/, '');

/** A file and the files it requires as it loads (not the parts its stand-ins load later). */
export function loadSet(metafile, output) {
  const set = new Set();
  const visit = (path) => {
    if (set.has(path)) return;
    set.add(path);
    for (const i of metafile.outputs[path]?.imports ?? []) if (!i.external && i.kind === 'import-statement') visit(i.path);
  };
  visit(output);
  return [...set];
}

/**
 * Throws unless every module of ours is in exactly one file (two copies of a module would be two
 * caches and two classes in one process) and no file set holds code KEEP_OUT keeps out of it.
 */
export function checkSplit(metafile) {
  const home = new Map();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(output.inputs).filter((p) => p.startsWith('src/'))) {
      if (home.has(input)) throw new Error(`${input} is in both ${home.get(input)} and ${path}`);
      home.set(input, path);
    }
  }
  for (const [name, patterns] of Object.entries(KEEP_OUT)) {
    const output = Object.keys(metafile.outputs).find((path) => nameOf(path) === name);
    if (output === undefined) throw new Error(`the runtime build has no ${name}`);
    const held = loadSet(metafile, output).flatMap((path) => Object.keys(metafile.outputs[path].inputs));
    const wrong = held.filter((input) => patterns.some((p) => p.test(input)));
    if (wrong.length > 0) throw new Error(`${name} loads ${wrong.slice(0, 5).join(', ')}${wrong.length > 5 ? ', ...' : ''}, which it must not`);
  }
}
