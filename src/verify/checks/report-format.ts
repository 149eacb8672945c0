import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { findField, isMeaningful, RECOGNISED_FIELDS } from '../report/fields.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the report carry the `=== <NAME> REPORT ===` header line of its agent? */
export function hasReportHeader(report: string, reportName: string): boolean {
  const header = new RegExp(`^(?:\\*\\*|\`)?===\\s*${escapeRegExp(reportName)}\\s+REPORT\\s*===(?:\\*\\*|\`)?$`);
  return report.split(/\r?\n/).some((line) => header.test(line.trim()));
}

export interface ReportProblems {
  problems: string[];
  present: string[];
}

/** Each required field must be a line-anchored label with a non-empty value; names the ones that are not. */
export function checkReportFields(report: string, required: readonly string[]): ReportProblems {
  const others = [...RECOGNISED_FIELDS, ...required];
  const problems: string[] = [];
  const present: string[] = [];
  for (const field of required) {
    const hits = findField(report, field, others);
    const filled = hits.find((hit) => hit.value.some(isMeaningful));
    if (filled) present.push(`${field}: line ${filled.line}`);
    else if (hits.length > 0) problems.push(`${field}: present at line ${hits[0]!.line} but empty (write the value after the colon or as lines under it)`);
    else problems.push(`${field}: missing (no line starting with \`${field}:\`; case, spaces and dashes are ignored)`);
  }
  return { problems, present };
}

/**
 * output::report-format: the final report has every field the task requires, and the agent's
 * `=== <NAME> REPORT ===` block when its manifest defines one.
 */
export async function verifyReportFormat(ctx: VerifyContext): Promise<VerifyOutcome> {
  const required = ctx.task?.output?.['report-fields-required'] ?? [];
  const reportName = ctx.agent.reportName;
  if (required.length === 0 && !reportName) {
    return { status: 'skipped', summary: 'the task requires no report fields and the agent defines no report block', evidence: [] };
  }
  if (ctx.report === undefined) {
    return { status: 'skipped', summary: 'no final report was given to check (kei verify --report <file>)', evidence: [] };
  }
  if (ctx.report.trim() === '') return { status: 'fail', summary: 'the final report is empty', evidence: [] };
  const { problems, present } = checkReportFields(ctx.report, required);
  if (reportName && !hasReportHeader(ctx.report, reportName)) {
    problems.unshift(`report block: no \`=== ${reportName} REPORT ===\` line`);
  }
  if (problems.length > 0) {
    return { status: 'fail', summary: `the final report misses ${problems.length} required item${problems.length > 1 ? 's' : ''}`, evidence: problems };
  }
  const parts = [...(reportName ? [`=== ${reportName} REPORT ===`] : []), ...required];
  return { status: 'pass', summary: `the final report has ${parts.join(', ')}`, evidence: present };
}
