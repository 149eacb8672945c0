import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { AGENT_NAME } from '../../schemas/manifest.js';
import { SourceError } from '../../schemas/errors.js';
import { assembleAll, UnknownAgentError } from '../../assemble/plan.js';
import { checkAssembled, findOrphans } from '../../assemble/check.js';
import { resolveConfigDir, userManifestDir } from '../../assemble/layout.js';
import { refreshUserPolicy, stateDirFor } from '../../policy/user-policy.js';
import { AssembleSourceError } from '../../assemble/validate.js';
import { removeFiles, writeAssembled } from '../../assemble/write.js';
import { packageRoot } from '../package-root.js';
import { parseArgs, UsageError } from '../args.js';

const USAGE = `usage: kei assemble [<agent>...] [--check] [--kit-only] [--root <dir>] [--config-dir <dir>]
  Builds agents/<name>.md and docs/AGENT-ROLES.md from agents/manifests/, and the user's own
  manifests (<config dir>/kei/manifests/*.yaml) into <config dir>/agents/.
  --check       write nothing; exit 1 listing every file that differs from its sources
  --kit-only    ignore the user's manifests (what CI checks)
  --root        the kit to build (default: this package)
  --config-dir  the Claude config dir (default: $CLAUDE_CONFIG_DIR, else ~/.claude)`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

interface Request {
  root: string;
  configDir: string | undefined;
  names: string[] | undefined;
  check: boolean;
}

function requestFrom(args: string[]): Request | 'help' {
  const { flags, positionals, rest } = parseArgs(args, { check: 'boolean', 'kit-only': 'boolean', root: 'string', 'config-dir': 'string', help: 'boolean' });
  if (flags.help) return 'help';
  const names = [...positionals, ...rest];
  for (const name of names) {
    if (!AGENT_NAME.test(name)) throw new UsageError(`'${name}' is not an agent name (expected lower-case kebab, no path characters)`);
  }
  const root = typeof flags.root === 'string' ? resolve(flags.root) : packageRoot();
  if (!existsSync(join(root, 'agents', 'manifests'))) throw new UsageError(`${root} is not a kei kit (it has no agents/manifests/)`);
  const configDir = flags['kit-only'] ? undefined : typeof flags['config-dir'] === 'string' ? resolve(flags['config-dir']) : resolveConfigDir();
  return { root, configDir, names: names.length > 0 ? names : undefined, check: flags.check === true };
}

function shown(path: string, root: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function check(req: Request, io: Io): number {
  const stale = checkAssembled(req.root, { configDir: req.configDir, names: req.names });
  if (stale.length === 0) {
    io.out('kei assemble --check: every generated file matches its sources\n');
    return 0;
  }
  const lines = stale.map((s) => `  ${shown(s.path, req.root)} (${s.reason})`);
  io.err(`kei assemble --check: ${stale.length} file(s) differ from their sources:\n${lines.join('\n')}\nRun \`kei assemble\` and commit the result; never edit generated files by hand.\n`);
  return 1;
}

function build(req: Request, io: Io): number {
  const files = assembleAll(req.root, { configDir: req.configDir, names: req.names });
  const written = writeAssembled(files);
  const orphans = req.names ? [] : findOrphans(req.root, files, req.configDir);
  removeFiles(orphans);
  if (req.configDir) {
    const policy = refreshUserPolicy(req.root, userManifestDir(req.configDir), stateDirFor(req.configDir));
    if (policy !== 'none') io.out(`${policy} the hooks' policy for your own manifests (${join(stateDirFor(req.configDir), 'policy.json')})\n`);
  }
  for (const path of written) io.out(`wrote ${shown(path, req.root)}\n`);
  for (const path of orphans) io.out(`removed ${shown(path, req.root)} (its manifest is gone)\n`);
  io.out(`kei assemble: ${files.size} file(s), ${written.length} written, ${files.size - written.length} up to date\n`);
  return 0;
}

/** `kei assemble` with its output streams given: 0 done, 1 stale (--check) or bad sources, 2 usage. */
export async function runAssemble(args: string[], io: Io): Promise<number> {
  try {
    const req = requestFrom(args);
    if (req === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    return req.check ? check(req, io) : build(req, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownAgentError) {
      io.err(`kei assemble: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AssembleSourceError || error instanceof SourceError) {
      io.err(`kei assemble: the sources are invalid; nothing was written.\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  return runAssemble(args, processIo);
}
