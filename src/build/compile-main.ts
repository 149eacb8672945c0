/**
 * Build step: compiles the YAML sources into dist/policy.json (what hooks read) and exports a
 * JSON Schema for every file format into schemas/ (editor completion for YAML authors).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compilePolicy, loadSources } from '../policy/compile.js';
import { SourceError } from '../schemas/errors.js';
import { CapabilitySchema } from '../schemas/capability.js';
import { ManifestSchema } from '../schemas/manifest.js';
import { RoleSchema } from '../schemas/role.js';
import { TaskSpecSchema } from '../schemas/task-spec.js';

const FORMATS: Record<string, z.ZodType> = {
  capability: CapabilitySchema,
  manifest: ManifestSchema,
  role: RoleSchema,
  'task-spec': TaskSpecSchema,
};

export function schemaFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of Object.entries(FORMATS)) {
    out.set(`${name}.schema.json`, JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2) + '\n');
  }
  return out;
}

function main(root: string): number {
  try {
    const policy = compilePolicy(loadSources(root));
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', 'policy.json'), JSON.stringify(policy));
    mkdirSync(join(root, 'schemas'), { recursive: true });
    for (const [file, text] of schemaFiles()) writeFileSync(join(root, 'schemas', file), text);
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      process.stderr.write(`build: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) process.exit(main(process.argv[2] ?? process.cwd()));
