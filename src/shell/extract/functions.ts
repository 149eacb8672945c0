import type { CommandNode } from '../parse/ast.js';
import { visitCommand } from './walk.js';
import { child, type Scope, type Session } from './scope.js';

export interface FunctionNode {
  name: string;
  body: CommandNode;
  changesDir: boolean;
  analysed: boolean;
}

/** `name() { … }`: remembered; the body is analysed where it is called (and at the end if never). */
export function defineFunction(session: Session, name: string, body: CommandNode, changesDir: boolean): void {
  const def: FunctionNode = { name, body, changesDir, analysed: false };
  session.functions.set(name, def);
  session.functionDefs.push(def);
}

/** A call of a function defined earlier in the same command; args known = positional known. */
export function callFunction(def: FunctionNode, args: (string | undefined)[], scope: Scope): void {
  const known = args.every((arg) => arg !== undefined);
  const key = `${def.name}\0${known ? args.join('\0') : '?'}`;
  const session = scope.session;
  if (session.calls.has(key) || session.callStack.includes(def.name)) return;
  session.calls.add(key);
  def.analysed = true;
  session.callStack.push(def.name);
  try {
    visitCommand(def.body, child(scope, { origin: 'function', positional: known ? [def.name, ...(args as string[])] : undefined }));
  } finally {
    session.callStack.pop();
  }
}

/** Bodies never called statically could still run (trap, `$f`, command_not_found_handle): analyse them once. */
export function analyseUncalled(session: Session, scope: Scope): void {
  for (const def of session.functionDefs) {
    if (def.analysed) continue;
    def.analysed = true;
    visitCommand(def.body, child(scope, { origin: 'function', positional: undefined, copyCwd: true }));
  }
}
