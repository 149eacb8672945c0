import type { CommandNode } from './ast.js';
import type { Cursor } from './state.js';

/** Where a command sits in its pipeline: the whole of it, its first command, or a later one. */
export type PipelinePlace = 'alone' | 'first' | 'next';

export type TakeCommand = (command: CommandNode, place: PipelinePlace) => void;

/**
 * Top-level commands on their way out of a streamed parse, in order. A heredoc body belongs to
 * its command but is only read after the end of the line, so while one is pending the commands
 * parsed so far wait here.
 */
export class CommandStream {
  private held: { command: CommandNode; place: PipelinePlace }[] = [];

  constructor(private readonly take: TakeCommand) {}

  add(c: Cursor, command: CommandNode, place: PipelinePlace): void {
    if (c.heredocs.length === 0 && this.held.length === 0) {
      this.take(command, place);
      return;
    }
    this.held.push({ command, place });
    this.release(c);
  }

  /** Hands over the waiting commands once no heredoc body is pending. */
  release(c: Cursor): void {
    if (c.heredocs.length > 0 || this.held.length === 0) return;
    const ready = this.held;
    this.held = [];
    for (const { command, place } of ready) this.take(command, place);
  }
}
