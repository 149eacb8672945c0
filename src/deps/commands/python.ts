import { hasOption, parseArgs, quoteList, rest, verdict, type Args, type Parsed, type Verdict } from './args.js';

const PIP_VALUED = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--prefix', '--root', '-i', '--index-url',
  '--extra-index-url', '-f', '--find-links', '--platform', '--python-version', '--implementation', '--abi', '--src',
  '--upgrade-strategy', '--progress-bar', '-C', '--config-settings', '--global-option', '--no-binary', '--only-binary',
  '--report', '--python', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert',
  '--client-cert', '--cache-dir', '--keyring-provider', '--root-user-action',
]);

/** A local path (the project itself, a directory): installing it adds no third-party package. */
function isLocalPath(word: string): boolean {
  return /^(?:\.{1,2}(?:\/|$)|\/|~)/.test(word) || (word.includes('/') && !word.includes('://') && !/[=<>~!@]/.test(word));
}

/** pip: installing named packages or remote requirements, and uninstalling. */
export function pip(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, PIP_VALUED);
  const [sub] = parsed.positionals;
  if (sub === 'uninstall') return verdict('removes packages from the environment');
  if (sub !== 'install') return sub === undefined && parsed.positionals.length > 0 ? verdict('runs a pip subcommand that is not known before it runs') : undefined;
  const named = rest(parsed, 0).filter((w) => w === undefined || !isLocalPath(w));
  const editable = [...(parsed.values.get('-e') ?? []), ...(parsed.values.get('--editable') ?? [])].filter((w) => w === undefined || !isLocalPath(w));
  const packages = [...named, ...editable];
  if (packages.length === 0) return undefined;
  return verdict(`installs ${quoteList(packages)}, which the project's requirements do not list`, 'To install what the project declares, use `pip install -r <requirements file>` or `pip install -e .`.');
}

/** `python -m pip …` (any python): the pip arguments, or undefined when it is not pip. */
export function pythonModulePip(args: Args): Args | undefined {
  const at = args.indexOf('-m');
  return at >= 0 && args[at + 1] === 'pip' ? args.slice(at + 2) : undefined;
}

function syncOrLock(parsed: Parsed, tool: string, lock: string, allowed: string[]): Verdict | undefined {
  return hasOption(parsed, ...allowed) ? undefined : verdict(`may rewrite ${lock}`, `To install what ${lock} pins, use \`${tool} ${allowed[0]}\`.`);
}

/** uv: add/remove, lock and sync that may rewrite uv.lock, and `uv pip install <pkg>`. */
export function uv(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['--directory', '--project', '--python', '-p', '--index', '--default-index']));
  const [sub] = parsed.positionals;
  if (sub === 'add' || sub === 'remove') return verdict(`changes dependencies (\`uv ${sub}\`) in pyproject.toml and uv.lock`);
  if (sub === 'lock') return hasOption(parsed, '--check', '--locked', '--dry-run') ? undefined : verdict('rewrites uv.lock');
  if (sub === 'sync') return syncOrLock(parsed, 'uv sync', 'uv.lock', ['--locked', '--frozen', '--check']);
  if (sub === 'pip') return pip(args.slice(args.indexOf('pip') + 1));
  return undefined;
}

/** poetry: add/remove/update/lock. */
export function poetry(args: Args): Verdict | undefined {
  const [sub] = parseArgs(args, new Set(['-C', '--directory', '-P', '--project'])).positionals;
  if (sub === 'add' || sub === 'remove' || sub === 'update' || sub === 'lock') return verdict(`changes dependencies (\`poetry ${sub}\`) in pyproject.toml or poetry.lock`);
  return undefined;
}

/** pipenv: install of packages, uninstall/update/upgrade/lock, and an install that may re-lock. */
export function pipenv(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['--python', '--pypi-mirror', '-r', '--requirements']));
  const [sub] = parsed.positionals;
  if (sub === 'uninstall' || sub === 'update' || sub === 'upgrade' || sub === 'lock') return verdict(`changes dependencies (\`pipenv ${sub}\`) in Pipfile or Pipfile.lock`);
  if (sub !== 'install') return undefined;
  if (rest(parsed, 0).length > 0) return verdict(`adds ${quoteList(rest(parsed, 0))} to Pipfile`);
  return hasOption(parsed, '--deploy', '--ignore-pipfile') ? undefined : verdict('may rewrite Pipfile.lock', 'To install what Pipfile.lock pins, use `pipenv sync`.');
}

/** pdm: add/remove/update/lock, and install/sync that may re-lock. */
export function pdm(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['-p', '--project', '-G', '--group', '-L', '--lockfile']));
  const [sub] = parsed.positionals;
  if (sub === 'add' || sub === 'remove' || sub === 'update' || sub === 'lock') return verdict(`changes dependencies (\`pdm ${sub}\`) in pyproject.toml or pdm.lock`);
  if (sub === 'install' || sub === 'sync') return syncOrLock(parsed, `pdm ${sub}`, 'pdm.lock', ['--frozen-lockfile', '--check']);
  return undefined;
}

/** conda, mamba, micromamba: changing the packages of an environment. */
export function conda(args: Args): Verdict | undefined {
  const [sub, second] = parseArgs(args, new Set(['-n', '--name', '-p', '--prefix', '-c', '--channel', '-f', '--file'])).positionals;
  const change = new Set(['install', 'remove', 'uninstall', 'update', 'upgrade']);
  if ((sub !== undefined && change.has(sub)) || (sub === 'env' && second === 'update')) return verdict('changes the packages of the conda environment');
  return undefined;
}
