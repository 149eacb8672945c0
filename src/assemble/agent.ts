import { generatedNotice, stamp } from './notice.js';
import { frontmatterOf, renderFrontmatter } from './frontmatter.js';
import { manifestLabel } from './layout.js';
import {
  blocksSection,
  domainSection,
  forbiddenSection,
  handoffsSection,
  outputFormatSection,
  referencesSection,
  roleSection,
  substrateSection,
} from './sections.js';
import type { AssemblySources } from './types.js';

/** The role's capabilities in role order, then the manifest's additions in manifest order. */
export function capabilitiesOf(name: string, sources: AssemblySources): string[] {
  const manifest = sources.manifests.get(name)!;
  const role = sources.roles.get(manifest.substrate_role)!;
  return [...role.capabilities, ...manifest.capabilities];
}

/**
 * The agent file for one manifest. Pure: the same sources give the same bytes on any machine
 * (no clock, no paths, no environment). Expects validated sources (validateSources).
 */
export function assembleAgent(name: string, sources: AssemblySources): string {
  const manifest = sources.manifests.get(name);
  if (!manifest) throw new Error(`no manifest for agent '${name}'`);
  const texts = capabilitiesOf(name, sources).map((cap) => sources.capabilities.get(cap)!.text);
  const blocks = manifest.blocks.map((block) => sources.blocks.get(block)!);
  const sections = [
    renderFrontmatter(frontmatterOf(manifest)),
    generatedNotice(manifestLabel(name, sources.origins.get(name) ?? 'kit')),
    roleSection(manifest),
    substrateSection(manifest.substrate_role, texts),
    blocksSection(blocks),
    domainSection(manifest),
    handoffsSection(manifest),
    outputFormatSection(manifest),
    forbiddenSection(manifest),
    referencesSection(manifest),
  ];
  return stamp(sections.join('\n\n') + '\n');
}
