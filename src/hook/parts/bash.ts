/**
 * What only a Bash call needs: the shell analysis and what its findings mean. The hook build
 * loads this on first use (scripts/runtime-parts.mjs), so a Write or an Edit never loads the
 * shell parser. Only functions cross this line: a call through a stand-in loads the real code,
 * a constant or a class would not.
 */
export { analyseShell } from '../../shell/index.js';
export { gitFindings } from '../../shell/classify/git.js';
export { stopFindings } from '../../shell/classify/stops.js';
export { stateChanges } from '../../shell/classify/state-change.js';
export { describeProcess, findProcesses } from '../../shell/processes.js';
export { dependencyCommand } from '../../deps/commands/index.js';
