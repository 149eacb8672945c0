/**
 * Where a launch's cost line may be stated, in order: the Bash call's `description`, a `#`
 * comment in the command, or the agent's own message since its previous launch.
 */
import type { HookInput } from '../protocol/hook-input.js';
import { latestEstimate, type EstimateReading } from './estimate.js';
import { bashComments } from './bash-comments.js';
import { agentTranscriptPath, assistantTextSince } from './transcript.js';

export type EstimateSource = 'description' | 'comment' | 'message';

export interface StatedEstimate {
  source: EstimateSource;
  reading: EstimateReading;
}

export interface EstimateSearch {
  stated: StatedEstimate | undefined;
  /** What could not be read while looking (e.g. the transcript), for the deny message. */
  problems: string[];
}

function fromMessages(input: HookInput, previousLaunch: string | undefined): EstimateSearch {
  const words = assistantTextSince(agentTranscriptPath(input), previousLaunch);
  for (const text of words.texts) {
    const reading = latestEstimate(text);
    if (reading) return { stated: { source: 'message', reading }, problems: [] };
  }
  return { stated: undefined, problems: words.problem ? [words.problem] : [] };
}

/** The cost line stated for this call; `previousLaunch` is the tool_use id of the agent's last launch. */
export function findStatedEstimate(input: HookInput, previousLaunch: string | undefined): EstimateSearch {
  const toolInput = input.tool_input ?? {};
  const description = typeof toolInput.description === 'string' ? latestEstimate(toolInput.description) : undefined;
  if (description) return { stated: { source: 'description', reading: description }, problems: [] };
  const command = typeof toolInput.command === 'string' ? toolInput.command : '';
  const comment = latestEstimate(bashComments(command).join('\n'));
  if (comment) return { stated: { source: 'comment', reading: comment }, problems: [] };
  return fromMessages(input, previousLaunch);
}
