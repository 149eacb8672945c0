/**
 * The seed's correctness invariants for Modal training scripts, as findings with lines:
 * .spawn() not .map(), flush=True on print, vol.commit() after writes, retries on the
 * training function, and a saved checkpoint (state_dict), not just metrics.
 */
import type { ScriptFacts } from './script-facts.js';
import { MAP_METHODS, returnExceptions } from './calls.js';
import { uncommittedWrites } from './volumes.js';

export type LintRule = 'map-call' | 'print-no-flush' | 'volume-no-commit' | 'no-retries' | 'no-checkpoint';

export interface LintFinding {
  rule: LintRule;
  line: number;
  data: Record<string, string | number>;
}

const MAX_LINES_SHOWN = 8;

/** "12, 40, 55 and 3 more" */
export function lineList(lines: number[]): string {
  const shown = lines.slice(0, MAX_LINES_SHOWN).join(', ');
  return lines.length > MAX_LINES_SHOWN ? `${shown} and ${lines.length - MAX_LINES_SHOWN} more` : shown;
}

function mapFindings(facts: ScriptFacts): LintFinding[] {
  return facts.remoteCalls
    .filter((c) => MAP_METHODS.has(c.method) && c.receiver !== undefined && facts.modal.handles.has(c.receiver))
    .map((c) => {
      const value = returnExceptions(facts.structure, c);
      const effect =
        value === 'True'
          ? 'failures come back mixed into the results instead of being retried one by one'
          : `one failing input cancels the whole batch (return_exceptions=${value === 'default' ? 'False, the default' : value})`;
      return { rule: 'map-call' as const, line: c.line, data: { call: `${c.receiver}.${c.method}(...)`, effect } };
    });
}

function printFindings(facts: ScriptFacts): LintFinding[] {
  const lines = facts.prints.filter((p) => !p.flush).map((p) => p.line);
  if (lines.length === 0) return [];
  return [{ rule: 'print-no-flush', line: lines[0]!, data: { lines: lineList(lines), count: lines.length } }];
}

function volumeFindings(facts: ScriptFacts): LintFinding[] {
  const byVolume = new Map<string, number[]>();
  for (const w of uncommittedWrites(facts.volumes)) {
    const name = w.volume ?? 'the volume';
    const lines = byVolume.get(name) ?? [];
    lines.push(w.line);
    byVolume.set(name, lines);
  }
  return [...byVolume].map(([volume, lines]) => ({
    rule: 'volume-no-commit' as const,
    line: lines[0]!,
    data: { volume, lines: lineList(lines), commit: volume === 'the volume' ? 'vol.commit()' : `${volume}.commit()` },
  }));
}

function retryFindings(facts: ScriptFacts): LintFinding[] {
  return facts.trainingFunctions.filter((f) => !f.retries).map((f) => ({ rule: 'no-retries' as const, line: f.line, data: { function: f.name } }));
}

function checkpointFindings(facts: ScriptFacts): LintFinding[] {
  const first = facts.trainingFunctions[0];
  if (!first || facts.savesCheckpoint) return [];
  return [{ rule: 'no-checkpoint', line: first.line, data: { function: first.name } }];
}

/** Every finding for a script that imports modal (none for other Python files). */
export function lintScript(facts: ScriptFacts): LintFinding[] {
  if (!facts.importsModal) return [];
  return [...mapFindings(facts), ...printFindings(facts), ...volumeFindings(facts), ...retryFindings(facts), ...checkpointFindings(facts)];
}

/** Rules that stop a launch; the others are warnings. */
export const LAUNCH_BLOCKING: ReadonlySet<LintRule> = new Set(['map-call', 'volume-no-commit']);
