import { resolve } from 'node:path';
import { problem, type Scope, type Session } from './scope.js';
import { analyseText, SHELLS } from './shells.js';

/** Aliases defined but not used still hold commands that may run (in a later line): analyse them. */
export function analyseUnusedAliases(session: Session, scope: Scope): void {
  const aliases = [...session.aliases.entries()];
  session.aliases.clear();
  for (const [name, text] of aliases) if (!session.aliasesUsed.has(name)) analyseText(text, scope, 'alias');
}

/**
 * A script read from disk is only what will run if this command does not write it first
 * (`echo 'git push' > x.sh; bash x.sh`).
 */
export function checkScriptsNotRewritten(session: Session, scope: Scope): void {
  const base = session.options.cwd ?? process.cwd();
  for (const script of session.scriptsRun) {
    for (const write of session.writes) {
      const target = write.path === undefined || write.cwd === undefined ? undefined : resolve(base, write.cwd, write.path);
      if (target === undefined || target === script.path) {
        problem(scope, `the command writes ${write.path ?? 'a file it names at run time'} and runs the script ${script.path}; the script cannot be analysed before it is written`);
        return;
      }
    }
  }
}

function shellFlags(session: Session): string {
  return session.commands
    .filter((c) => SHELLS.has(c.name) || c.name === 'set')
    .flatMap((c) => c.args.filter((a): a is string => a !== undefined && /^-[a-zA-Z]+$/.test(a) || a === 'xtrace'))
    .join(' ');
}

/** A hidden prompt value is a problem only when bash would show that prompt in this command. */
export function checkHiddenPrompts(session: Session, scope: Scope): void {
  if (session.hiddenPrompts.length === 0) return;
  const flags = shellFlags(session);
  const interactive = /-[a-zA-Z]*i/.test(flags);
  const xtrace = /-[a-zA-Z]*x|xtrace/.test(flags);
  for (const name of new Set(session.hiddenPrompts)) {
    if (name === 'PS4' ? xtrace : interactive) problem(scope, `${name} is set to a value that cannot be seen, and bash runs the substitutions in it`);
  }
}
