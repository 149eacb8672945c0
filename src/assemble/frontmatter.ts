import { parse, stringify } from 'yaml';
import type { Manifest } from '../schemas/manifest.js';

/** The frontmatter fields Claude Code reads, in this order. */
export interface Frontmatter {
  name: string;
  description: string;
  tools: string;
  model: string;
}

export function frontmatterOf(manifest: Manifest): Frontmatter {
  return {
    name: manifest.name,
    description: manifest.description.replace(/\s+/g, ' ').trim(),
    tools: manifest.tools.join(', '),
    model: manifest.model,
  };
}

function readsBackUnder(text: string, fields: Frontmatter, version: '1.1' | '1.2'): boolean {
  const back = parse(text, { version }) as Record<string, unknown>;
  return Object.entries(fields).every(([key, value]) => back[key] === value);
}

/**
 * Serialises with the yaml library, never by hand: plain scalars where they are safe, quoted
 * otherwise. A value that a YAML 1.1 reader would take as something else (yes, 0o7) makes
 * every string double-quoted, so the file reads the same under 1.1 and 1.2 parsers.
 */
export function renderFrontmatter(fields: Frontmatter): string {
  const plain = stringify(fields, { lineWidth: 0 });
  const safe = readsBackUnder(plain, fields, '1.1') && readsBackUnder(plain, fields, '1.2');
  const body = safe ? plain : stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
  return `---\n${body}---`;
}

/** The frontmatter of an agent file as YAML text, or null when the file has none. */
export function frontmatterText(content: string): string | null {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(content);
  return match ? match[1]! : null;
}
