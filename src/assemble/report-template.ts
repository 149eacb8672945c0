/** The lines every agent's report carries, in order, around the manifest's extra fields. */
export const REPORT_HEAD_LINES = [
  'Goal: <one-line>',
  'Scope: <in / out>',
  'Plan: <N steps>',
  'Executed: <files touched, LOC delta>',
  'Verify: <each criterion pass/fail>',
  'Evidence grades: <E1-E6 for each major claim>',
  'Handoffs made: <list>',
] as const;

export const REPORT_LAST_LINE = 'Blockers / next: <list>';

/** `=== KEI-MODAL-RUNNER REPORT ===` for kei-modal-runner. */
export function reportBanner(agentName: string): string {
  return `=== ${agentName.toUpperCase()} REPORT ===`;
}

/** The full report template of an agent, one line per field. */
export function reportTemplate(agentName: string, extraFields: readonly string[]): string[] {
  return [reportBanner(agentName), ...REPORT_HEAD_LINES, ...extraFields, REPORT_LAST_LINE];
}
