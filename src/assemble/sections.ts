/** One function per section of an agent file; each returns the section without trailing newline. */
import type { Manifest } from '../schemas/manifest.js';
import { reportTemplate } from './report-template.js';

export const ENFORCEMENT_LINE = '> Enforced by `kei-substrate` gates + verifies. The rules below are not advisory.';
export const CAPABILITY_SEPARATOR = '\n\n---\n\n';

/** Source text as it goes into an agent file: LF line ends, no surrounding blank lines. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

const bullets = (items: readonly string[]): string => items.map((item) => `- ${item}`).join('\n');
const code = (text: string): string => `\`${text}\``;

export function roleSection(manifest: Manifest): string {
  return `# ROLE\n\n${clean(manifest.role)}`;
}

export function substrateSection(roleName: string, capabilityTexts: readonly string[]): string {
  const body = capabilityTexts.map(clean).join(CAPABILITY_SEPARATOR);
  return `# AGENT SUBSTRATE — role ${code(roleName)}\n\n${ENFORCEMENT_LINE}\n\n${body}`;
}

export function blocksSection(blockTexts: readonly string[]): string {
  return blockTexts.map(clean).join('\n\n');
}

function defaultScopeLines(manifest: Manifest): string[] {
  const scope = manifest.default_scope;
  if (!scope) return [];
  // Glob order carries no meaning (the denylist wins either way): sorted, so reordering changes nothing.
  const list = (globs: string[]): string => (globs.length > 0 ? [...globs].sort().map(code).join(', ') : '(none)');
  return [
    '',
    `**Default file scope** (applies when your task binds no ${code('kei-task')} scope):`,
    `- may edit: ${list(scope['files-whitelist'])}`,
    `- never edit: ${list(scope['files-denylist'])}`,
  ];
}

export function domainSection(manifest: Manifest): string {
  const out = manifest.domain_out ?? manifest.handoffs;
  const lines = [
    '# DOMAIN SCOPE',
    '',
    '**In:**',
    bullets(manifest.domain_in),
    '',
    '**Out (hand off):**',
    bullets(out.map((h) => `${code(h.target)} — ${h.trigger}`)),
    ...defaultScopeLines(manifest),
  ];
  return lines.join('\n');
}

export function handoffsSection(manifest: Manifest): string {
  return `# HANDOFFS\n\n${bullets(manifest.handoffs.map((h) => `**${h.target}** — ${h.trigger}`))}`;
}

export function outputFormatSection(manifest: Manifest): string {
  const template = reportTemplate(manifest.name, manifest.output_extra_fields);
  return `# OUTPUT FORMAT\n\n\`\`\`\n${template.join('\n')}\n\`\`\``;
}

export function forbiddenSection(manifest: Manifest): string {
  return `# FORBIDDEN\n\n${bullets(manifest.forbidden)}`;
}

/** Every agent gets the baseline and memory index its blocks point to, then its own references. */
export const STANDARD_REFERENCES = [
  `${code('~/.claude/CLAUDE.md')} — baseline umbrella`,
  `${code('~/.claude/memory/MEMORY.md')} — memory index (adjust if your Claude Code user-slug path differs)`,
] as const;

export function referencesSection(manifest: Manifest): string {
  const own = manifest.references.map((r) => (r.note ? `${code(r.ref)} — ${r.note}` : code(r.ref)));
  return `# REFERENCES\n\n${bullets([...STANDARD_REFERENCES, ...own])}`;
}
