import { isKeiHandler, type HooksBlock, type MatcherGroup } from './hook-snippet.js';

type Settings = Record<string, unknown>;

function hooksOf(settings: Settings): HooksBlock | undefined {
  return settings.hooks as HooksBlock | undefined;
}

/**
 * The settings without any kei hook entry. A group or event is dropped only when removing our
 * entries emptied it, so everything the user wrote stays as it was.
 */
export function withoutKei(settings: Settings): { settings: Settings; removed: number } {
  const hooks = hooksOf(settings);
  if (!hooks) return { settings, removed: 0 };
  let removed = 0;
  const kept: HooksBlock = {};
  for (const [event, groups] of Object.entries(hooks)) {
    const groupsLeft: MatcherGroup[] = [];
    for (const group of groups) {
      const handlers = group.hooks.filter((h) => !isKeiHandler(h));
      removed += group.hooks.length - handlers.length;
      if (handlers.length === group.hooks.length) groupsLeft.push(group);
      else if (handlers.length > 0) groupsLeft.push({ ...group, hooks: handlers });
    }
    if (groupsLeft.length > 0 || groups.length === 0) kept[event] = groupsLeft;
  }
  const out: Settings = { ...settings, hooks: kept };
  if (Object.keys(kept).length === 0 && Object.keys(hooks).length > 0) delete out.hooks;
  return { settings: out, removed };
}

/** The groups of one event that carry a kei entry. */
function keiGroups(groups: MatcherGroup[] | undefined): MatcherGroup[] {
  return (groups ?? []).filter((g) => g.hooks.some(isKeiHandler));
}

/** True when the settings already hold exactly the desired kei entries and no others. */
export function hasExactly(settings: Settings, desired: HooksBlock): boolean {
  const hooks = hooksOf(settings) ?? {};
  for (const event of new Set([...Object.keys(hooks), ...Object.keys(desired)])) {
    const ours = keiGroups(hooks[event]);
    if (JSON.stringify(ours) !== JSON.stringify(desired[event] ?? [])) return false;
  }
  return true;
}

/** The settings with the desired kei entries: old kei entries replaced, the user's kept in order. */
export function withKei(settings: Settings, desired: HooksBlock): Settings {
  if (hasExactly(settings, desired)) return settings;
  const base = withoutKei(settings).settings;
  const hooks: HooksBlock = { ...(hooksOf(base) ?? {}) };
  for (const [event, groups] of Object.entries(desired)) {
    hooks[event] = [...(hooks[event] ?? []), ...groups];
  }
  return { ...base, hooks };
}
