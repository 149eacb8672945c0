import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { HOOK_EVENTS } from '../../src/schemas/hook-events.js';
import { loadCapabilities } from '../../src/policy/sources.js';
import { matcherMatches } from '../../src/install/matcher.js';
import type { HooksBlock } from '../../src/install/hook-snippet.js';

const read = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;
const snippet = read('settings.json').hooks as HooksBlock;

/** Bindings that the registered hooks do not deliver: event missing, or a tool no matcher lets through. */
function unreachable(hooks: HooksBlock, bindings: { event: string; tools?: string[] }[]): string[] {
  const missing: string[] = [];
  for (const { event, tools } of bindings) {
    const groups = hooks[event] ?? [];
    if (groups.length === 0) missing.push(event);
    for (const tool of tools ?? []) {
      if (!groups.some((g) => matcherMatches(g.matcher, tool))) missing.push(`${event}:${tool}`);
    }
  }
  return missing;
}

describe('the settings snippet install merges', () => {
  it('registers exactly the events the runtime answers', () => {
    expect(Object.keys(snippet).sort()).toEqual([...HOOK_EVENTS].sort());
  });

  it('reaches every event and tool a capability declares', () => {
    const bindings = [...loadCapabilities(REPO_ROOT).values()].flatMap((c) => c.meta.hooks);
    expect(unreachable(snippet, bindings)).toEqual([]);
  });

  it.each([
    [{ event: 'PreToolUse', tools: ['Bash', 'Edit', 'Agent', 'Task', 'NotebookEdit', 'MultiEdit', 'Write'] }, []],
    [{ event: 'PostToolUse', tools: ['Read'] }, []],
    [{ event: 'PreToolUse', tools: ['WebFetch'] }, ['PreToolUse:WebFetch']],
    [{ event: 'PostToolUseFailure', tools: ['Read'] }, ['PostToolUseFailure:Read']],
    [{ event: 'Stop' }, ['Stop']],
  ])('coverage check on %j', (binding, expected) => {
    expect(unreachable(snippet, [binding])).toEqual(expected);
  });
});

describe('matcherMatches (Claude Code matcher semantics)', () => {
  it.each([
    [undefined, 'Bash', true],
    ['*', 'Anything', true],
    ['Bash|Edit', 'Edit', true],
    ['Bash|Edit', 'NotebookEdit', false],
    ['Edit, Write', 'Write', true],
    ['Edit.*', 'NotebookEdit', true],
    ['^kei-substrate:kei-modal-runner$', 'kei-substrate:kei-modal-runner', true],
    ['^kei-substrate:kei-modal-runner$', 'kei-modal-runner', false],
  ])('%s against %s is %s', (matcher, name, expected) => {
    expect(matcherMatches(matcher as string | undefined, name as string)).toBe(expected);
  });
});

describe('the plugin', () => {
  it('ships hooks/hooks.json with the same entries, rooted at ${CLAUDE_PLUGIN_ROOT}', () => {
    const plugin = read('hooks/hooks.json');
    const expected = JSON.parse(JSON.stringify(snippet).split('${KEI_ROOT}').join('${CLAUDE_PLUGIN_ROOT}'));
    expect(plugin.hooks).toEqual(expected);
    expect(JSON.stringify(plugin)).toContain('"${CLAUDE_PLUGIN_ROOT}/dist/kei.cjs"');
  });

  it('names itself kei-substrate, at the package version, and does not re-declare the auto-loaded hooks file', () => {
    const manifest = read('.claude-plugin/plugin.json');
    expect(manifest.name).toBe('kei-substrate');
    expect(manifest.version).toBe(read('package.json').version);
    expect(manifest).not.toHaveProperty('hooks');
  });

  it('is listed by the marketplace file with the repository as its source', () => {
    const market = read('.claude-plugin/marketplace.json') as { plugins: Record<string, unknown>[] };
    expect(market.plugins).toEqual([expect.objectContaining({ name: 'kei-substrate', source: './', version: read('package.json').version })]);
  });
});
