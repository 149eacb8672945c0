import type { CheckResult } from '../runner.js';
import { MAX_ROUNDS } from './rounds.js';

const MAX_EVIDENCE_LINES = 12;
const MAX_LINE = 300;
/** Claude Code hides text past 10,000 characters behind a file path; stay well under. */
const MAX_REASON = 8000;

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line;
}

/** One numbered failure with its evidence, indented. */
function describeFailure(result: CheckResult, index: number): string {
  const evidence = result.evidence.slice(0, MAX_EVIDENCE_LINES).map((line) => `   ${clip(line)}`);
  if (result.evidence.length > MAX_EVIDENCE_LINES) evidence.push(`   ... ${result.evidence.length - MAX_EVIDENCE_LINES} more lines`);
  return [`${index + 1}. ${result.capability}: ${clip(result.summary)}`, ...evidence].join('\n');
}

function failureList(failures: CheckResult[]): string {
  const text = failures.map(describeFailure).join('\n');
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}\n   ... (cut)` : text;
}

/** The instruction a blocked agent gets: every failure, then fix and repeat the full report. */
export function blockReason(failures: CheckResult[], round: number): string {
  const count = `${failures.length} problem${failures.length > 1 ? 's' : ''}`;
  const last = round === MAX_ROUNDS ? ' This is the last round: if the checks still fail, you will be let go and the failures reported to the user.' : '';
  return [
    `kei-substrate checked your work before letting you stop (round ${round} of ${MAX_ROUNDS}) and found ${count}:`,
    '',
    failureList(failures),
    '',
    'Fix each problem above. Then REPEAT YOUR COMPLETE FINAL REPORT as your last message, every field included: ' +
      'the orchestrator sees only your last message, so a reply that only describes the fixes would replace your report.' +
      last,
  ].join('\n');
}

/** The note for the user when an agent is let go after the last round with failures left. */
export function giveUpNote(agentName: string, agentId: string | undefined, failures: CheckResult[]): string {
  const who = agentId ? `${agentName} (agent ${agentId})` : agentName;
  return [
    `kei-substrate: ${who} still fails ${failures.length} verify check${failures.length > 1 ? 's' : ''} after ${MAX_ROUNDS} rounds; ` +
      'it was allowed to stop so it cannot loop forever. Review its work before using it:',
    failureList(failures),
  ].join('\n');
}
