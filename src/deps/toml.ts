import { parse } from 'smol-toml';
import { ManifestParseError } from './types.js';

/**
 * The only module that loads the TOML parser: it is needed only when a Cargo.toml,
 * pyproject.toml or Pipfile is touched (the hook build can defer it like the YAML parser).
 */
export function parseToml(file: string, text: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ManifestParseError(file, `not valid TOML: ${(error as Error).message.split('\n')[0]}`);
  }
}
