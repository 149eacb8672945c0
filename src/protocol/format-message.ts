import type { CapabilityMeta } from '../schemas/capability.js';

/**
 * Fills a capability's message template. A missing template or placeholder is a bug in our
 * data, so it throws: the runtime turns that into a fail-closed deny naming the capability.
 */
export function formatMessage(meta: CapabilityMeta, id: string, data: Record<string, string | number>): string {
  const template = meta.messages[id];
  if (template === undefined) throw new Error(`${meta.name} has no message '${id}'`);
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`${meta.name} message '${id}' needs '${key}'`);
    return String(value);
  });
}
