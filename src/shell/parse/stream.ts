import type { CommandNode } from './ast.js';
import type { Cursor } from './state.js';

/** Where a command sits in its pipeline: the whole of it, its first command, or a later one. */
export type PipelinePlace = 'alone' | 'first' | 'next';

export type TakeCommand = (command: CommandNode, place: PipelinePlace) => void;

/**
 * Top-level commands on their way out of a streamed parse, in order. A heredoc body belongs to
 * its command but is only read after the end of the line, so while one is pending the commands
 * parsed so far are held here.
 */
export interface CommandStream {
  take: TakeCommand;
  held: { command: CommandNode; place: PipelinePlace }[];
}

export function newStream(take: TakeCommand): CommandStream {
  return { take, held: [] };
}

export function addCommand(stream: CommandStream, c: Cursor, command: CommandNode, place: PipelinePlace): void {
  if (c.heredocs.length === 0 && stream.held.length === 0) {
    stream.take(command, place);
    return;
  }
  stream.held.push({ command, place });
  releaseCommands(stream, c);
}

/** Hands over the held commands once no heredoc body is pending. */
export function releaseCommands(stream: CommandStream, c: Cursor): void {
  if (c.heredocs.length > 0 || stream.held.length === 0) return;
  const ready = stream.held;
  stream.held = [];
  for (const { command, place } of ready) stream.take(command, place);
}
