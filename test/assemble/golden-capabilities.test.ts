/**
 * Golden test, AGENT SUBSTRATE part: one test per capability section of the seed. Each checks
 * that the capability is in kei-modal-runner's list, that its text.md is in the generated file
 * verbatim, that the text is written (not a placeholder), and that it carries every rule the
 * seed's section states (seed-rules.ts). A failure names the capability whose text is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { assembleAgent, capabilitiesOf, loadKitSources } from '../../src/assemble/index.js';
import { headingKey, sections, splitFrontmatter, splitOnRules } from './markdown.js';
import { REPO_ROOT } from './kit.js';
import { ADDED_CAPABILITIES, SEED_CAPABILITIES, type CapabilitySeedSection } from './seed-rules.js';

const sources = loadKitSources(REPO_ROOT);
const generated = assembleAgent('kei-modal-runner', sources);
const substrate = (text: string): string => sections(splitFrontmatter(text).body).find((s) => headingKey(s.heading) === 'AGENT SUBSTRATE')!.body;
/** The capability texts of an AGENT SUBSTRATE section: the enforcement line dropped, split on --- lines. */
const capabilityParts = (text: string): string[] => splitOnRules(substrate(text).replace(/^> .*\n+/, ''));
const seedText = readFileSync(join(import.meta.dirname, 'fixtures', 'seed-kei-modal-runner.md'), 'utf8');
const seedParts = capabilityParts(seedText);
const agentCapabilities = capabilitiesOf('kei-modal-runner', sources);

function textOf(capability: string): string {
  return sources.capabilities.get(capability)!.text.trim();
}

function isPlaceholder(text: string): boolean {
  return /^##[^\n]*\n+Placeholder\.?$/.test(text) || text.split('\n').filter((l) => l.trim() !== '').length < 3;
}

function checkSection({ capability, rules }: CapabilitySeedSection): void {
  expect(agentCapabilities).toContain(capability);
  const text = textOf(capability);
  expect(substrate(generated)).toContain(text);
  expect(isPlaceholder(text), `capabilities/${capability.replace('::', '/')}/text.md is still a placeholder`).toBe(false);
  const missing = rules.filter(({ pattern }) => !pattern.test(text)).map(({ rule }) => rule);
  expect(missing, `rules of the seed missing from ${capability}'s text.md`).toEqual([]);
}

it('the seed fixture has the eight sections the rules speak of, in this order', () => {
  const headings = seedParts.map((part) => part.split('\n')[0]!.replace(/^## /, ''));
  expect(headings).toEqual(SEED_CAPABILITIES.map((s) => s.seedHeading));
});

it('the seed capabilities come in the seed order, after tools::deny-tools and before the additions', () => {
  const seedOrder = SEED_CAPABILITIES.map((s) => s.capability);
  expect(agentCapabilities).toEqual(['tools::deny-tools', ...seedOrder, 'safety::kill-guard', 'modal::cost-line', 'modal::prelaunch', 'modal::script-lint']);
});

it('capability texts are separated by --- lines', () => {
  expect(capabilityParts(generated).map((part) => part.split('\n')[0]!.startsWith('## '))).toEqual(agentCapabilities.map(() => true));
});

it.each(SEED_CAPABILITIES)('seed section $seedHeading ($capability) carries every rule', (entry) => {
  checkSection(entry);
});

it.each(ADDED_CAPABILITIES)('added section $capability carries the rule the seed stated in $seedHeading', (entry) => {
  checkSection(entry);
});
