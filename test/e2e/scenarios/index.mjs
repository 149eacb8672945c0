import git from './git.mjs';
import killGuard from './kill-guard.mjs';
import launch from './launch.mjs';
import scope from './scope.mjs';
import report from './report.mjs';
import plugin from './plugin.mjs';

/** Every end-to-end scenario, in the order they are reported. */
export const SCENARIOS = [...git, ...killGuard, ...launch, ...scope, ...report, ...plugin];
