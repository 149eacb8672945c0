import { manifestProblems } from '../policy/compile.js';
import { SourceError } from '../schemas/errors.js';
import { REQUIRED_BLOCKS, type Manifest } from '../schemas/manifest.js';
import type { AssemblySources } from './types.js';

/** Every source problem, all at once, so one run shows everything to fix. */
export class AssembleSourceError extends Error {
  constructor(readonly errors: SourceError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'AssembleSourceError';
  }
}

const TOP_HEADING = /^# /;

/** Lines of markdown outside fenced code blocks. */
export function linesOutsideFences(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced && !/^\s*(```|~~~)/.test(line);
  });
}

function blockProblems(manifest: Manifest, blocks: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const required of REQUIRED_BLOCKS) {
    if (!manifest.blocks.includes(required)) problems.push(`blocks: must include '${required}'`);
  }
  const known = [...blocks.keys()].join(', ') || 'none';
  for (const [i, block] of manifest.blocks.entries()) {
    if (manifest.blocks.indexOf(block) !== i) problems.push(`blocks: '${block}' is listed twice`);
    else if (!blocks.has(block)) problems.push(`blocks: no block '${block}' (expected agents/blocks/${block}.md; known: ${known})`);
  }
  return problems;
}

function agentErrors(name: string, sources: AssemblySources): SourceError | null {
  const manifest = sources.manifests.get(name)!;
  const file = sources.manifestFiles?.get(name) ?? `agents/manifests/${name}.yaml`;
  const role = sources.roles.get(manifest.substrate_role);
  if (!role) return new SourceError(file, [`substrate_role: no role file agents/roles/${manifest.substrate_role}.yaml`]);
  const problems = [...manifestProblems(manifest, role, sources), ...blockProblems(manifest, sources.blocks)];
  return problems.length > 0 ? new SourceError(file, problems) : null;
}

/** Texts spliced into an agent must not open a top-level section of their own. */
function textErrors(sources: AssemblySources): SourceError[] {
  const errors: SourceError[] = [];
  for (const [name, cap] of sources.capabilities) {
    const text = cap.text.trim();
    if (text === '') errors.push(new SourceError(`capabilities/${name.replace('::', '/')}/text.md`, ['the rule text is empty']));
    else if (linesOutsideFences(text).some((l) => TOP_HEADING.test(l))) {
      errors.push(new SourceError(`capabilities/${name.replace('::', '/')}/text.md`, ['use ## headings; a top-level # heading would split the agent file']));
    }
  }
  for (const [name, text] of sources.blocks) {
    if (!TOP_HEADING.test(text.trim())) errors.push(new SourceError(`agents/blocks/${name}.md`, ['a block starts with its own # heading']));
  }
  return errors;
}

function roleErrors(sources: AssemblySources): SourceError[] {
  return [...sources.roles.values()]
    .map((role) => {
      const unknown = role.capabilities.filter((cap) => !sources.capabilities.has(cap));
      return unknown.length === 0 ? null : new SourceError(`agents/roles/${role.name}.yaml`, unknown.map((c) => `capabilities: unknown capability '${c}'`));
    })
    .filter((e): e is SourceError => e !== null);
}

/** Checks the sources an assembly uses; throws AssembleSourceError naming every file, key and expectation. */
export function validateSources(sources: AssemblySources, names: string[] = [...sources.manifests.keys()]): void {
  const errors = [...roleErrors(sources), ...textErrors(sources)];
  for (const name of [...names].sort()) {
    const error = agentErrors(name, sources);
    if (error) errors.push(error);
  }
  if (errors.length > 0) throw new AssembleSourceError(errors);
}
