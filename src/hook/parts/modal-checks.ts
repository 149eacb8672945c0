/**
 * The Modal checks that matter only once a call launches (cost line, spend cap, pre-launch
 * checklist, script lint) or after a tool ran. Loaded on first use (see bash.ts): a Bash call
 * without a launch stops at the launch scan. Only functions cross this line.
 */
export { costOutcomes } from '../../modal/cost-check.js';
export { factScope } from '../../modal/launch-facts.js';
export { clearLaunch, launchRan } from '../../modal/launch-ledger.js';
export { prelaunchOutcomes } from '../../modal/prelaunch-check.js';
export { recordBash, recordFileTool } from '../../modal/prelaunch-record.js';
export { editedScriptFindings, launchFindings } from '../../modal/lint-outcomes.js';
export { releaseLaunch } from '../../modal/reservations.js';
