// Whether what a scenario needs is implemented yet, to explain a failure honestly. A need is a
// capability (`policy::no-git-ops`) or a source file that still says it is a placeholder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function capabilityGap(repoRoot, capability) {
  const [category, name] = capability.split('::');
  const file = join(repoRoot, 'src', 'capabilities', category, `${name}.ts`);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const policy = JSON.parse(readFileSync(join(repoRoot, 'dist', 'policy.json'), 'utf8'));
  const hasGate = /\bgate\s*\(|\bgate\s*:/.test(source);
  const hasVerify = /\bverify\s*:|\bverify\s*\(/.test(source);
  if (!hasGate && !hasVerify) return `${capability}: no gate or verify in src/capabilities/${category}/${name}.ts yet`;
  if (hasGate && (policy.capabilities[capability]?.hooks ?? []).length === 0) return `${capability}: its gate is bound to no hook event (capability.yaml hooks: [])`;
  return undefined;
}

function fileGap(repoRoot, path) {
  const file = join(repoRoot, path);
  if (!existsSync(file)) return `${path}: missing`;
  return /Placeholder until/.test(readFileSync(file, 'utf8')) ? `${path}: still a placeholder` : undefined;
}

/** A short note when a need has not landed; undefined when it is in place. */
export function missingPart(repoRoot, need) {
  return need.includes('::') ? capabilityGap(repoRoot, need) : fileGap(repoRoot, need);
}
