import type { AssignNode } from '../parse/ast.js';
import { parseLiveText } from '../parse/heredoc.js';
import { problem, type Scope } from './scope.js';
import { analyseText } from './shells.js';
import { runScript } from './scripts.js';
import { visitParts } from './walk.js';
import { literalWord, toWord } from './words.js';

const PROMPTS = /^PS[0-4]$/;

/**
 * Variables bash itself acts on: prompt strings run their substitutions, PROMPT_COMMAND runs,
 * BASH_ENV/ENV name a file every new shell sources, IFS changes word splitting.
 */
export function noteAssignments(assigns: AssignNode[], _bare: boolean, scope: Scope): void {
  for (const assign of assigns) {
    if (assign.name === 'IFS') scope.ifsChanged = true;
    const special = PROMPTS.test(assign.name) || assign.name === 'PROMPT_COMMAND' || assign.name === 'BASH_ENV' || assign.name === 'ENV';
    if (!special || !assign.value) continue;
    const word = toWord(assign.value, scope);
    if (!word.static) {
      noteHiddenPrompt(assign.name, scope);
      continue;
    }
    actOn(assign.name, word.value!, scope);
  }
}

/**
 * A prompt variable set to a value we cannot see (`PS1="(venv) $PS1"`, as venv's activate does)
 * only matters if bash shows that prompt: an interactive shell (PS0-PS2, PROMPT_COMMAND) or
 * xtrace (PS4) later in the same command. That is checked once all commands are known.
 */
function noteHiddenPrompt(name: string, scope: Scope): void {
  if (name === 'BASH_ENV' || name === 'ENV') {
    problem(scope, `${name} is set to a value that cannot be seen, and every new shell runs that file`);
    return;
  }
  scope.session.hiddenPrompts.push(name);
}

function actOn(name: string, value: string, scope: Scope): void {
  if (name === 'PROMPT_COMMAND') analyseText(value, scope, 'eval');
  else if (name === 'BASH_ENV' || name === 'ENV') {
    if (value !== '') runScript(literalWord(value), [], scope);
  } else visitParts(parseLiveText(value, scope.session.shared, scope.chain), scope);
}
