import type { ShellAnalysis } from '../../../shell/types.js';
import type { GateOutcome } from '../../types.js';

/**
 * The deny every Bash gate of a governed agent gives when the shell analysis could not tell what
 * the command runs. Each capability that uses it has an `unanalysable` message with {problem}.
 */
export function unanalysable(analysis: ShellAnalysis): GateOutcome {
  const problem = analysis.problems.slice(0, 3).join('; ') || 'not understood';
  return { kind: 'deny', message: 'unanalysable', data: { problem } };
}
