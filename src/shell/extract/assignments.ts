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
      problem(scope, `${assign.name} is set to a value that cannot be seen, and bash runs what it holds`);
      continue;
    }
    actOn(assign.name, word.value!, scope);
  }
}

function actOn(name: string, value: string, scope: Scope): void {
  if (name === 'PROMPT_COMMAND') analyseText(value, scope, 'eval');
  else if (name === 'BASH_ENV' || name === 'ENV') {
    if (value !== '') runScript(literalWord(value), [], scope);
  } else visitParts(parseLiveText(value, scope.session.shared, scope.chain), scope);
}
