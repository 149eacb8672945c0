import { existsSync } from 'node:fs';
import { readRegular } from '../../state/regular-file.js';
import { resolve } from 'node:path';
import { LIMITS } from '../limits.js';
import { parseProgram } from '../parse/list.js';
import type { Word } from '../types.js';
import { deeper, problem, type Scope } from './scope.js';
import { visitList } from './walk.js';

/** The absolute path of a script operand, or undefined (with a problem) when it cannot be known. */
export function scriptPath(word: Word, scope: Scope): string | undefined {
  if (!word.static) {
    problem(scope, `runs a script whose path is not static (${word.raw})`);
    return undefined;
  }
  const path = word.value!;
  if (path.startsWith('/')) return path;
  if (scope.cwd.value === undefined) {
    problem(scope, `runs the script ${path} after changing to a directory that cannot be known`);
    return undefined;
  }
  return resolve(scope.session.options.cwd ?? process.cwd(), scope.cwd.value, path);
}

/** `bash x.sh`, `source x.sh`, BASH_ENV=x.sh: reads the script and analyses it as part of the command. */
export function runScript(word: Word, args: Word[], scope: Scope): void {
  const path = scriptPath(word, scope);
  if (path === undefined) return;
  const text = readLocalScript(path, word.raw, scope);
  if (text === undefined) return;
  analyseScript(text, path, [word.value!, ...args.map((a) => a.value ?? '')], scope, args.every((a) => a.static));
}

function readLocalScript(path: string, shown: string, scope: Scope): string | undefined {
  const session = scope.session;
  session.scripts += 1;
  if (session.scripts > LIMITS.scripts) {
    problem(scope, `runs more than ${LIMITS.scripts} scripts`);
    return undefined;
  }
  const text = session.options.readScript?.(path);
  if (text === undefined) problem(scope, `could not read the script ${shown} to see what it runs`);
  return text;
}

function analyseScript(text: string, path: string, positional: string[], scope: Scope, known: boolean): void {
  scope.session.scriptsRun.push({ path, cwd: scope.cwd.value });
  const next = deeper(scope, 'script');
  next.positional = known ? positional : undefined;
  visitList(parseProgram(text, scope.session.shared, next.chain), next);
}

const BINARY_MAGIC = ['\x7fELF', 'MZ', '\xcf\xfa\xed\xfe', '\xce\xfa\xed\xfe', '\xca\xfe\xba\xbe'];

/**
 * `./x.sh` or `/path/to/tool`: a shell script (shebang sh/bash/…, or none) is analysed; a binary
 * or a script in another language is a program like any other.
 */
export function runExecutable(word: Word, args: Word[], scope: Scope): void {
  const path = scriptPath(word, scope);
  if (path === undefined || !existsSync(path)) return;
  const head = readHead(path);
  if (head === undefined || BINARY_MAGIC.some((magic) => head.startsWith(magic))) return;
  if (head.startsWith('#!') && !/^#!\s*\S*\/(?:env\s+(?:-\S+\s+)*)?(?:ba|z|da|k|mk|a|r)?sh\b/.test(head)) return;
  const text = readLocalScript(path, word.raw, scope);
  if (text === undefined || text.includes('\0')) return;
  analyseScript(text, path, [word.value!, ...args.map((a) => a.value ?? '')], scope, args.every((a) => a.static));
}

function readHead(path: string): string | undefined {
  // Not a plain open: a FIFO named as the program would block the hook (state/regular-file.ts).
  const read = readRegular(path, Infinity, 128);
  return read.ok ? read.data.toString('latin1') : undefined;
}
