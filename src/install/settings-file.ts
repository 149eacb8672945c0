import { existsSync, readFileSync } from 'node:fs';
import { formatJson } from './json-format.js';

/** A settings.json we must not touch: its problem is reported and the file is left as it is. */
export class SettingsError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

export interface SettingsFile {
  path: string;
  /** The text on disk; null when the file does not exist yet. */
  text: string | null;
  data: Record<string, unknown>;
  /** The indentation the file already uses, kept when we rewrite it. */
  indent: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function detectIndent(text: string): string {
  const match = /^[ \t]+(?=["}\]])/m.exec(text);
  return match ? match[0] : '  ';
}

/** The first shape problem in the `hooks` block that would make a merge unsafe, if any. */
function hooksProblem(hooks: unknown): string | undefined {
  if (hooks === undefined) return undefined;
  if (!isPlainObject(hooks)) return '"hooks" is not an object';
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) return `"hooks.${event}" is not an array`;
    for (const [i, group] of groups.entries()) {
      if (!isPlainObject(group)) return `"hooks.${event}[${i}]" is not an object`;
      if (!Array.isArray(group.hooks)) return `"hooks.${event}[${i}].hooks" is not an array`;
    }
  }
  return undefined;
}

function parse(path: string, text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(path, `not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(data)) throw new SettingsError(path, 'the top level is not a JSON object');
  const problem = hooksProblem(data.hooks);
  if (problem) throw new SettingsError(path, problem);
  return data;
}

/** Reads a Claude Code settings file; a missing file is an empty one, a malformed one throws. */
export function readSettings(path: string): SettingsFile {
  if (!existsSync(path)) return { path, text: null, data: {}, indent: '  ' };
  const text = readFileSync(path, 'utf8');
  return { path, text, data: parse(path, text), indent: detectIndent(text) };
}

export function renderSettings(data: Record<string, unknown>, indent: string): string {
  return formatJson(data, indent);
}
