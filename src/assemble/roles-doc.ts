import type { CapabilityMeta } from '../schemas/capability.js';
import { generatedNotice, stamp } from './notice.js';
import { capabilitiesOf } from './agent.js';
import type { AssemblySources } from './types.js';

const NONE = '—';
/** Code-unit order: the same on every machine, unlike localeCompare. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cell = (text: string): string => text.replace(/\|/g, '\\|');
const names = (list: string[]): string => (list.length > 0 ? list.map((n) => `\`${n}\``).join(', ') : NONE);

function hasGate(meta: CapabilityMeta): boolean {
  return meta.hooks.length > 0;
}

function hookSummary(meta: CapabilityMeta): string {
  if (!hasGate(meta)) return NONE;
  return meta.hooks.map((h) => (h.tools ? `${h.event} (${h.tools.join(', ')})` : h.event)).join('; ');
}

function agentRow(name: string, sources: AssemblySources): string {
  const manifest = sources.manifests.get(name)!;
  const caps = capabilitiesOf(name, sources);
  const meta = (cap: string): CapabilityMeta => sources.capabilities.get(cap)!.meta;
  const gates = caps.filter((cap) => hasGate(meta(cap)));
  const verifies = caps.filter((cap) => meta(cap).verify);
  const cells = [`\`${name}\``, manifest.substrate_role, manifest.tools.join(', '), names(caps), names(gates), names(verifies)];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function agentsTable(sources: AssemblySources): string[] {
  const order = [...sources.manifests.values()]
    .sort((a, b) => byText(a.substrate_role, b.substrate_role) || byText(a.name, b.name))
    .map((m) => m.name);
  return ['| Agent | Role | Tools | Capabilities | Gates | Verifies |', '|---|---|---|---|---|---|', ...order.map((n) => agentRow(n, sources))];
}

function rolesTable(sources: AssemblySources): string[] {
  const rows = [...sources.roles.values()]
    .sort((a, b) => byText(a.name, b.name))
    .map((r) => `| \`${r.name}\` | ${cell(r.description)} | ${r['allowed-tools'].join(', ')} | ${r['bash-read-only'] ? 'read-only' : 'yes'} | ${names(r.capabilities)} |`);
  return ['| Role | What it may do | Allowed tools | Bash | Capabilities (in order) |', '|---|---|---|---|---|', ...rows];
}

function capabilitiesTable(sources: AssemblySources): string[] {
  const rows = [...sources.capabilities.keys()].sort().map((name) => {
    const meta = sources.capabilities.get(name)!.meta;
    return `| \`${name}\` | ${cell(meta.description)} | ${cell(hookSummary(meta))} | ${meta.verify ? 'yes' : 'no'} |`;
  });
  return ['| Capability | What it enforces | Gate (hook events) | Verify on return |', '|---|---|---|---|', ...rows];
}

const INTRO = [
  'Each kit agent, the substrate role it runs under, and what enforces its rules. The **Gates** column lists',
  'the capabilities that check each tool call live (from the `hooks` of their `capability.yaml`); **Verifies**',
  'lists those that check the agent\'s work when it returns (`verify: true`). To change a row, edit the',
  'agent\'s manifest, its role or the capability, then run `kei assemble`; CI runs `kei assemble --check`.',
];

const OWN_AGENTS = [
  'Manifests of your own go in `<Claude config dir>/kei/manifests/<name>.yaml` (`$CLAUDE_CONFIG_DIR`, else',
  '`~/.claude`). `kei assemble` builds each into `<Claude config dir>/agents/<name>.md`, where Claude Code reads',
  'user agents; a manifest named like a kit agent replaces that agent there, while the kit\'s own `agents/` is',
  'always built from the kit\'s manifests alone, so it is the same on every machine. Your manifests use the',
  "kit's roles, capabilities and blocks and may hand off to kit agents. `kei assemble --kit-only` ignores them.",
];

/** docs/AGENT-ROLES.md for the kit's agents, derived from manifests, roles and capability.yaml. */
export function renderRolesDoc(sources: AssemblySources): string {
  const notice = generatedNotice('agents/manifests/*.yaml, agents/roles/*.yaml and capabilities/*/*/capability.yaml');
  const parts = [
    notice,
    '# Agent roles',
    INTRO.join('\n'),
    agentsTable(sources).join('\n'),
    '## Roles',
    rolesTable(sources).join('\n'),
    '## Capabilities',
    capabilitiesTable(sources).join('\n'),
    '## Your own agents',
    OWN_AGENTS.join('\n'),
  ];
  return stamp(parts.join('\n\n') + '\n');
}
