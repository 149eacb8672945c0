import type { ExecutedCommand } from '../types.js';
import { parseOptions } from './options.js';
import { problem, type Scope } from './scope.js';
import { scanSedScript } from './sed-script.js';
import { scriptPath } from './scripts.js';
import { analyseText } from './shells.js';
import { literalWord } from './words.js';

const SED = { shortValue: 'efl', longValue: ['expression', 'file', 'line-length'], firstOperandEnds: false };

/** The scripts a sed command runs: every -e, every -f file, else its first operand. */
function sedScripts(command: ExecutedCommand, scope: Scope): string[] | undefined {
  const parsed = parseOptions(command.argv, 1, SED);
  const scripts: string[] = [];
  for (let i = 1; i < command.argv.length; i += 1) {
    const value = command.argv[i]!.value;
    if (value === '-e' || value === '--expression' || value === '-f' || value === '--file') {
      const script = command.argv[i + 1];
      if (!script?.static) return undefined;
      scripts.push(value.includes('f') ? readSedFile(script.value!, scope) ?? '' : script.value!);
      i += 1;
    }
  }
  if (scripts.length > 0 || parsed.seen.has('e') || parsed.seen.has('f')) return scripts;
  const first = parsed.operands[0];
  if (first && !first.static) return undefined;
  return first ? [first.value!] : [];
}

function readSedFile(path: string, scope: Scope): string | undefined {
  const absolute = scriptPath(literalWord(path), scope);
  const text = absolute === undefined ? undefined : scope.session.options.readScript?.(absolute);
  if (text === undefined) problem(scope, `could not read the sed script ${path} to see what it runs`);
  return text;
}

/** GNU sed `e` runs commands and `w` writes files: both are analysed like any other. */
export function runSed(command: ExecutedCommand, scope: Scope): void {
  const scripts = sedScripts(command, scope);
  if (scripts === undefined) {
    problem(scope, 'sed is given a script that is not static, and sed scripts can run commands');
    return;
  }
  for (const finding of scripts.flatMap(scanSedScript)) {
    if (finding.kind === 'exec' && finding.text) analyseText(finding.text, scope, 'interpreter');
    if (finding.kind === 'write') scope.session.writes.push({ path: finding.text, via: 'sed w', cwd: scope.cwd.value, command });
    if (finding.kind !== 'write') {
      const detail = finding.text ?? 'the e command runs text only known at run time';
      scope.session.effects.push({ kind: finding.kind, language: 'sed', api: 'e', detail, command });
    }
  }
}
