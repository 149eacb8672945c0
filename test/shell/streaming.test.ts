import { describe, expect, it } from 'vitest';
import { analyseUncalled } from '../../src/shell/extract/functions.js';
import { analyseUnusedAliases, checkHiddenPrompts, checkScriptsNotRewritten } from '../../src/shell/extract/finish.js';
import { newSession, rootScope } from '../../src/shell/extract/scope.js';
import { visitList } from '../../src/shell/extract/walk.js';
import { analyseShell, type AnalyseOptions } from '../../src/shell/index.js';
import { LIMITS } from '../../src/shell/limits.js';
import { ShellLimitError, ShellSyntaxError } from '../../src/shell/parse/errors.js';
import { parseProgram } from '../../src/shell/parse/list.js';
import { newShared } from '../../src/shell/parse/state.js';
import type { ShellAnalysis } from '../../src/shell/types.js';
import { loadCorpus } from '../corpus/corpus.js';

/**
 * analyseShell analyses each top-level command as soon as it is parsed. The promise: the answer
 * is the one of parsing the whole text first and then analysing it, written out here.
 */
function parsedFirst(command: string, options: AnalyseOptions): ShellAnalysis {
  const shared = newShared();
  const session = newSession(options, shared);
  try {
    const program = parseProgram(command, shared);
    const scope = rootScope(session);
    visitList(program, scope);
    analyseUnusedAliases(session, scope);
    analyseUncalled(session, scope);
    checkScriptsNotRewritten(session, scope);
    checkHiddenPrompts(session, scope);
  } catch (error) {
    const problem = error instanceof ShellSyntaxError ? `not valid shell syntax: ${error.message}` : error instanceof ShellLimitError ? `too complex to analyse: ${error.message}` : 'too complex to analyse: nesting too deep';
    return { status: 'unknown', problems: [problem, ...session.problems], commands: session.commands, writes: session.writes, effects: session.effects };
  }
  const { commands, writes, effects, problems } = session;
  return { status: problems.length > 0 ? 'unknown' : 'ok', problems, commands, writes, effects };
}

const SCRIPTS: Record<string, string> = {
  '/w/push.sh': 'git push\n',
  // `big` is parsed again at every `npm run big`: a way past the limit on parsed text.
  '/w/package.json': JSON.stringify({ scripts: { build: 'tsc && git add -A', test: 'vitest', big: 'echo aaaaaaaa; '.repeat(20_000) } }),
};
const options: AnalyseOptions = { cwd: '/w', readScript: (path) => SCRIPTS[path] };

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

const cases: [string, string][] = [
  ['heredoc opened before a second command on its line', "cat <<E; bash\ngit push\nE\nls"],
  ['two heredocs on one line, read in order', 'cat <<A | bash; cat <<B > out\nrm -rf x\nA\nbody\nB\necho done'],
  ['heredoc at the end of the text', 'echo a\nbash <<E\ngit push'],
  ['pipelines feeding shells, one command at a time', "echo 'git push' | bash\nprintf 'rm -rf x' | sh && cat push.sh | bash"],
  ['a heredoc in the middle of a pipeline', 'echo a | cat <<E | bash\ngit push\nE\necho b | sh'],
  ['a heredoc inside a group that feeds a pipe', '{ cat <<E; } | bash\ngit push\nE'],
  ['heredocs in both pipelines of an and-list', 'cat <<A | bash && cat <<B | sh\ngit push\nA\nrm -rf /\nB'],
  ['a pipeline continued on the next line', 'echo git push |\n  bash\n! time ls | wc -l'],
  ['a syntax error in the middle of a pipeline', "echo 'git push' | bash | ) | sh"],
  ['syntax error after commands that ran a script and a package script', 'echo a\nbash push.sh\nnpm run build\nif true; then'],
  ['syntax error after a problem was found', 'echo a\n$cmd x\neval "$y"\nfi'],
  ['function called before and after its definition', 'f\nf() { git push; }\nf a\nf a'],
  ['alias defined, used, and left unused', "alias g='git push'\ng\nalias h='rm -rf /'\necho"],
  ['cd in one line changes the next', 'cd sub\necho x > f\ncd "$d"\necho y > g'],
  ['a script written before it is run', "echo 'ls' > push.sh\nbash push.sh"],
  ['prompt variable set to a hidden value, then an interactive shell', 'PS1="$x"\nbash -i'],
  ['words over the limit in the command itself', `echo ${words(LIMITS.words + 10)}`],
  ['words over the limit only with the text of bash -c', `bash -c 'echo ${words(LIMITS.words / 2)}'\necho ${words(LIMITS.words / 2)}\nls`],
  ['words over the limit with bash -c, then a syntax error', `bash -c 'echo ${words(LIMITS.words / 2)}'\necho ${words(LIMITS.words / 2)}\n(`],
  ['parsed text over the limit only with re-parsed scripts', `${'npm run big\n'.repeat(8)}ls`],
  ['parsed text over the limit with re-parsed scripts, then a syntax error', `${'npm run big\n'.repeat(8)}ls )`],
  ['too many commands, then a syntax error', `${'true\n'.repeat(LIMITS.commands + 5)}if`],
  ['too many commands and nothing else wrong', 'true\n'.repeat(LIMITS.commands + 5)],
  ['nesting too deep', `echo ${'$('.repeat(100)}x${')'.repeat(100)}`],
  ['an empty text', ''],
  ['comments and blank lines only', '# a\n\n  # b\n'],
];

describe('top-level commands analysed as they are parsed', () => {
  it.each(cases)('%s', (_name, command) => {
    expect(analyseShell(command, options)).toEqual(parsedFirst(command, options));
  });

  it('gives the same answer as parsing first for every corpus command', () => {
    for (const entry of loadCorpus()) expect(analyseShell(entry.command, options), entry.command).toEqual(parsedFirst(entry.command, options));
  });
});
