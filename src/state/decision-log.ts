import { join } from 'node:path';
import { appendLines } from './files.js';

export interface DecisionRecord {
  time: string;
  session: string;
  agentId: string | null;
  agentType: string | null;
  event: string;
  tool: string | null;
  capability: string;
  decision: 'pass' | 'deny' | 'ask' | 'warn' | 'block' | 'error';
  reason: string;
  micros: number;
}

export function decisionLogPath(stateDir: string): string {
  return join(stateDir, 'decisions.jsonl');
}

/**
 * All records of one hook call go out in a single append (one write on an O_APPEND descriptor),
 * so parallel hook processes never interleave or lose lines.
 */
export function appendDecisions(stateDir: string, records: DecisionRecord[]): void {
  if (records.length === 0) return;
  appendLines(decisionLogPath(stateDir), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
