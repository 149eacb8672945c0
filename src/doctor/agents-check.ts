import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtFromUserManifest, kitAgents } from '../install/agents.js';
import { sha256 } from '../install/record.js';
import { checkAssembled } from '../assemble/check.js';
import { fail, ok, type CheckLine } from './check.js';

/** The package's generated agents match what its manifests produce (the assembler's --check). */
export function checkKitAssembled(packageRoot: string): CheckLine {
  let stale;
  try {
    stale = checkAssembled(packageRoot);
  } catch (error) {
    return fail(`agents: the kit's manifests do not assemble (${(error as Error).message.split('\n')[0]})`, 'fix the file named above, then run `kei assemble` in the package');
  }
  if (stale.length === 0) return ok("agents: the package's generated files match their manifests");
  const files = stale.map((s) => `${relative(packageRoot, s.path)} (${s.reason})`).join(', ');
  return fail(`agents: generated files out of date with their manifests: ${files}`, 'run `kei assemble` in the package, then `kei install`');
}

/** The kit agents are installed and byte-identical to the package's copies (or built from the user's own manifests). */
export function checkAgents(target: string, packageRoot: string, fromPlugin: boolean): CheckLine[] {
  const kit = kitAgents(packageRoot);
  if (kit.length === 0) return [fail(`agents: the package has no generated agents (${join(packageRoot, 'agents')}/*.md)`, 'run `kei assemble` in the package')];
  if (fromPlugin) return [ok(`agents: ${kit.length} kit agents served by the plugin`)];
  const dir = join(target, 'agents');
  const at = (file: string) => join(dir, file);
  const missing = kit.filter((a) => !existsSync(at(a.file))).map((a) => a.file);
  const present = kit.filter((a) => existsSync(at(a.file)) && sha256(readFileSync(at(a.file))) !== a.sha);
  const overrides = present.filter((a) => builtFromUserManifest(at(a.file))).map((a) => a.file);
  const differ = present.map((a) => a.file).filter((f) => !overrides.includes(f));
  const lines: CheckLine[] = [];
  if (missing.length > 0) lines.push(fail(`agents: ${missing.join(', ')} not installed in ${dir}`, 'run `kei install`'));
  if (differ.length > 0) lines.push(fail(`agents: ${differ.join(', ')} in ${dir} differ from the kit (edited by hand, or an older kit)`, 'move those files away and run `kei install`; keep changes in a manifest instead'));
  if (missing.length === 0 && differ.length === 0) {
    const note = overrides.length > 0 ? ` (${overrides.join(', ')} built from your own manifests)` : '';
    lines.push(ok(`agents: ${kit.length} kit agents installed and current${note}`));
  }
  return lines;
}
