import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { readFindings, type Finding } from '../report/findings.js';

function show(f: Finding): string {
  const text = f.text.length > 100 ? `${f.text.slice(0, 97)}...` : f.text;
  return `line ${f.line}: ${text}`;
}

function counts(findings: Finding[]): string {
  const by = (g: string) => findings.filter((f) => f.grade === g).length;
  return `${by('HIGH')} HIGH, ${by('MEDIUM')} MEDIUM, ${by('LOW')} LOW`;
}

/**
 * output::severity-grade: every finding of a read-only agent's report carries `[HIGH]`,
 * `[MEDIUM]` or `[LOW]` as a token; a report with none says "No findings".
 */
export async function verifySeverityGrade(ctx: VerifyContext): Promise<VerifyOutcome> {
  if (ctx.agent.role !== 'read-only') return { status: 'skipped', summary: `applies to read-only roles, not ${ctx.agent.role}`, evidence: [] };
  if (ctx.report === undefined) return { status: 'skipped', summary: 'no final report was given to check (kei verify --report <file>)', evidence: [] };
  const { section, noFindings, findings } = readFindings(ctx.report);
  const ungraded = findings.filter((f) => f.grade === undefined);
  if (noFindings && findings.length > 0) {
    return { status: 'fail', summary: `the report says "No findings" but lists ${findings.length}`, evidence: findings.map(show) };
  }
  if (ungraded.length > 0) {
    return { status: 'fail', summary: `${ungraded.length} finding${ungraded.length > 1 ? 's' : ''} without a [HIGH]/[MEDIUM]/[LOW] grade`, evidence: ungraded.map(show) };
  }
  if (findings.length > 0) return { status: 'pass', summary: `${findings.length} graded finding${findings.length > 1 ? 's' : ''} (${counts(findings)})`, evidence: [] };
  if (noFindings) return { status: 'pass', summary: 'the report states "No findings"', evidence: [] };
  const where = section ? 'the Findings section is empty' : 'the report has no Findings section';
  return { status: 'fail', summary: `${where}: list each finding with [HIGH]/[MEDIUM]/[LOW], or state "No findings"`, evidence: [] };
}
