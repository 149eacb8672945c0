import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CapabilitySchema, type CapabilityMeta } from '../schemas/capability.js';
import { RoleSchema, type Role } from '../schemas/role.js';
import { ManifestSchema, type Manifest } from '../schemas/manifest.js';
import { SourceError, parseWith } from '../schemas/errors.js';

/** Reads and schema-checks the YAML sources (build time and CLI only; hooks read the bundle). */
function readYaml(file: string, root: string, shown = relative(root, file) || file): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SourceError(shown, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
}

export interface CapabilitySource {
  meta: CapabilityMeta;
  text: string;
  dir: string;
}

export function loadCapabilities(root: string): Map<string, CapabilitySource> {
  const out = new Map<string, CapabilitySource>();
  const base = join(root, 'capabilities');
  for (const category of readdirSync(base).sort()) {
    for (const name of readdirSync(join(base, category)).sort()) {
      const dir = join(base, category, name);
      const file = join(dir, 'capability.yaml');
      const shown = relative(root, file);
      const meta = parseWith(CapabilitySchema, readYaml(file, root), shown);
      if (meta.name !== `${category}::${name}`) {
        throw new SourceError(shown, [`name: '${meta.name}' must be '${category}::${name}' (its folder)`]);
      }
      const textFile = join(dir, 'text.md');
      if (!existsSync(textFile)) throw new SourceError(relative(root, textFile), ['missing rule text']);
      out.set(meta.name, { meta, text: readFileSync(textFile, 'utf8'), dir });
    }
  }
  return out;
}

export function loadRoles(root: string): Map<string, Role> {
  const out = new Map<string, Role>();
  const base = join(root, 'agents', 'roles');
  for (const entry of readdirSync(base).filter((f) => f.endsWith('.yaml')).sort()) {
    const shown = relative(root, join(base, entry));
    const role = parseWith(RoleSchema, readYaml(join(base, entry), root), shown);
    if (role.name !== basename(entry, '.yaml')) {
      throw new SourceError(shown, [`name: '${role.name}' must match the file name`]);
    }
    out.set(role.name, role);
  }
  return out;
}

export interface ManifestEntry {
  manifest: Manifest;
  /** The file as shown in errors and notices (relative to the root it was loaded from). */
  file: string;
}

/**
 * Every <name>.yaml in dir, schema-checked; a manifest's name must be its file name. Files are
 * shown relative to root, or as absolute paths when root is null (manifests outside the kit).
 */
export function loadManifestEntries(dir: string, root: string | null): Map<string, ManifestEntry> {
  const out = new Map<string, ManifestEntry>();
  if (!existsSync(dir)) return out;
  const entries = readdirSync(dir).sort();
  const show = (entry: string): string => (root === null ? join(dir, entry) : relative(root, join(dir, entry)) || entry);
  const misnamed = entries.find((f) => f.endsWith('.yml'));
  if (misnamed) throw new SourceError(show(misnamed), ['manifests must be named <agent>.yaml']);
  for (const entry of entries.filter((f) => f.endsWith('.yaml'))) {
    const shown = show(entry);
    const manifest = parseWith(ManifestSchema, readYaml(join(dir, entry), dir, shown), shown);
    if (manifest.name !== basename(entry, '.yaml')) {
      throw new SourceError(shown, [`name: '${manifest.name}' must match the file name '${basename(entry, '.yaml')}'`]);
    }
    out.set(manifest.name, { manifest, file: shown });
  }
  return out;
}

export function loadManifests(dir: string, root: string): Map<string, Manifest> {
  return new Map([...loadManifestEntries(dir, root)].map(([name, entry]) => [name, entry.manifest]));
}

/** agents/blocks/<name>.md: shared prose blocks, by name (CRLF read as LF). */
export function loadBlocks(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const base = join(root, 'agents', 'blocks');
  if (!existsSync(base)) return out;
  for (const entry of readdirSync(base).filter((f) => f.endsWith('.md')).sort()) {
    out.set(basename(entry, '.md'), readFileSync(join(base, entry), 'utf8').replace(/\r\n/g, '\n'));
  }
  return out;
}
