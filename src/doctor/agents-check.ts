import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kitAgents } from '../install/agents.js';
import { sha256 } from '../install/record.js';
import { fail, ok, type CheckLine } from './check.js';

/** Every manifest has its generated agent in the package (the assembler's output is present). */
function generatedLine(packageRoot: string, files: string[]): CheckLine | undefined {
  const dir = join(packageRoot, 'agents', 'manifests');
  if (!existsSync(dir)) return undefined;
  const missing = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, '.md'))
    .filter((md) => !files.includes(md));
  if (missing.length === 0) return undefined;
  return fail(`agents: no generated file for ${missing.join(', ')} in ${join(packageRoot, 'agents')}`, 'run `kei assemble` in the package, then `kei install`');
}

/** The kit agents are installed and byte-identical to the package's generated copies. */
export function checkAgents(target: string, packageRoot: string, fromPlugin: boolean): CheckLine[] {
  const kit = kitAgents(packageRoot);
  if (kit.length === 0) return [fail(`agents: the package has no generated agents (${join(packageRoot, 'agents')}/*.md)`, 'run `kei assemble` in the package')];
  const lines: CheckLine[] = [];
  const generated = generatedLine(packageRoot, kit.map((a) => a.file));
  if (generated) lines.push(generated);
  if (fromPlugin) return [...lines, ok(`agents: ${kit.length} kit agents served by the plugin`)];
  const dir = join(target, 'agents');
  const missing = kit.filter((a) => !existsSync(join(dir, a.file))).map((a) => a.file);
  const differ = kit.filter((a) => existsSync(join(dir, a.file)) && sha256(readFileSync(join(dir, a.file))) !== a.sha).map((a) => a.file);
  if (missing.length > 0) lines.push(fail(`agents: ${missing.join(', ')} not installed in ${dir}`, 'run `kei install`'));
  if (differ.length > 0) lines.push(fail(`agents: ${differ.join(', ')} in ${dir} differ from the kit (edited by hand, or an older kit)`, 'move those files away and run `kei install`; keep changes in a manifest instead'));
  if (missing.length === 0 && differ.length === 0) lines.push(ok(`agents: ${kit.length} kit agents installed and current`));
  return lines;
}
