import type { DecisionRecord } from '../state/decision-log.js';

export const DECISIONS = ['deny', 'ask', 'warn', 'block', 'pass', 'error'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

export interface LogFilter {
  agent?: string;
  session?: string;
  decisions?: DecisionKind[];
  /** Passes are most of the log; they show only when asked for. */
  includePasses: boolean;
}

/** An agent matches by its type (with or without a plugin prefix) or by its id (or an id prefix). */
function agentMatches(record: DecisionRecord, wanted: string): boolean {
  const type = record.agentType ?? '';
  if (type === wanted || type.endsWith(`:${wanted}`)) return true;
  return record.agentId !== null && record.agentId.startsWith(wanted);
}

export function matches(record: DecisionRecord, filter: LogFilter): boolean {
  if (record === null || typeof record !== 'object') return false;
  if (filter.agent !== undefined && !agentMatches(record, filter.agent)) return false;
  if (filter.session !== undefined && !String(record.session ?? '').startsWith(filter.session)) return false;
  if (filter.decisions) return filter.decisions.includes(record.decision as DecisionKind);
  return filter.includePasses || record.decision !== 'pass';
}

/** `deny,ask` → ['deny','ask']; an unknown word is an error naming the valid ones. */
export function parseDecisions(text: string): DecisionKind[] {
  const words = text.split(',').map((w) => w.trim()).filter((w) => w !== '');
  for (const w of words) {
    if (!(DECISIONS as readonly string[]).includes(w)) throw new Error(`unknown decision '${w}' (one of: ${DECISIONS.join(', ')})`);
  }
  return words as DecisionKind[];
}
