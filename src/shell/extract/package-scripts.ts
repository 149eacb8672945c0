import { resolve } from 'node:path';
import type { ExecutedCommand } from '../types.js';
import { problem, type Scope } from './scope.js';
import { analyseText } from './shells.js';

const RUN = new Set(['run', 'run-script', 'rum', 'urn']);
const LIFECYCLE: Record<string, string> = { test: 'test', t: 'test', tst: 'test', start: 'start', stop: 'stop', restart: 'restart' };

/** The package.json script `npm run x` (or npm test, yarn x …) would run; undefined when none. */
function scriptName(command: ExecutedCommand, scripts: Record<string, unknown>): string | undefined | null {
  const args = command.args.filter((arg) => arg === undefined || !arg.startsWith('-'));
  const [first, second] = args;
  if (first === undefined) return args.length > 0 ? null : undefined;
  if (RUN.has(first)) return second === undefined && args.length > 1 ? null : second;
  if (command.name === 'bun') return undefined;
  if (Object.hasOwn(LIFECYCLE, first)) return LIFECYCLE[first];
  return command.name === 'yarn' && typeof scripts[first] === 'string' ? first : undefined;
}

function readScripts(scope: Scope): Record<string, unknown> | undefined {
  if (scope.cwd.value === undefined) return undefined;
  const path = resolve(scope.session.options.cwd ?? process.cwd(), scope.cwd.value, 'package.json');
  const text = scope.session.options.readScript?.(path);
  if (text === undefined) return undefined;
  try {
    const scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
    return scripts && typeof scripts === 'object' ? (scripts as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `npm run deploy` runs whatever package.json says deploy is (with its pre and post scripts):
 * that text is analysed as part of the command.
 */
export function runPackageScript(command: ExecutedCommand, scope: Scope): void {
  const scripts = readScripts(scope);
  if (!scripts) return;
  const name = scriptName(command, scripts);
  if (name === null) return problem(scope, `${command.name} runs a package script whose name is not static`);
  if (name === undefined) return;
  for (const key of [`pre${name}`, name, `post${name}`]) {
    const text = scripts[key];
    if (typeof text === 'string') analyseText(text, scope, 'script');
  }
}
