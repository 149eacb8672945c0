// Installs the peer guard (cc-safety-net 2.x) into a temp dir with npm, once per machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WANTED = ['cc-safety-net@2.4.5', 'cc-safety-net@2'];

function installed(prefix) {
  const pkg = join(prefix, 'node_modules', 'cc-safety-net', 'package.json');
  if (!existsSync(pkg)) return undefined;
  const meta = JSON.parse(readFileSync(pkg, 'utf8'));
  const bin = typeof meta.bin === 'string' ? meta.bin : meta.bin?.['cc-safety-net'];
  if (!bin) return undefined;
  return { version: meta.version, script: join(prefix, 'node_modules', 'cc-safety-net', bin) };
}

/** { version, script } or { error } — the bench measures ours either way. */
export function installPeer() {
  const prefix = join(tmpdir(), 'kei-bench-peer');
  const present = installed(prefix);
  if (present) return present;
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let lastError = '';
  for (const spec of WANTED) {
    const result = spawnSync(npm, ['install', '--prefix', prefix, spec, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', timeout: 180_000 });
    const found = installed(prefix);
    if (result.status === 0 && found) return found;
    lastError = (result.error?.message ?? result.stderr ?? '').trim().split('\n').slice(-2).join(' ') || `npm exited ${result.status}`;
  }
  return { error: `could not install cc-safety-net (${lastError})` };
}
