import { hasOption, parseArgs, quoteList, rest, verdict, type Args, type Verdict } from './args.js';

const NPM_VALUED = new Set(['--prefix', '-w', '--workspace', '--registry', '--cache', '--userconfig', '--globalconfig', '--loglevel', '--tag', '--omit', '--include', '--install-strategy', '--before', '--location']);
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_UNINSTALL = new Set(['uninstall', 'unlink', 'remove', 'rm', 'r', 'un']);
const NPM_UPDATE = new Set(['update', 'up', 'upgrade', 'udpate', 'dedupe', 'ddp', 'prune']);

const CI = 'To install exactly what package-lock.json pins, use `npm ci`.';

/** npm: installing named packages (outside -g), removing, updating, or a plain install that may rewrite the lock. */
export function npm(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, NPM_VALUED);
  const [sub] = parsed.positionals;
  const global = hasOption(parsed, '-g', '--global') || parsed.values.get('--location')?.includes('global') || hasOption(parsed, '--location=global');
  if (sub === undefined) return parsed.positionals.length > 0 ? verdict('runs an npm subcommand that is not known before it runs') : undefined;
  if (NPM_INSTALL.has(sub)) {
    const packages = rest(parsed, 0);
    if (global) return undefined;
    if (packages.length > 0) return verdict(`installs ${quoteList(packages)} and adds them to package.json and package-lock.json`, CI);
    if (hasOption(parsed, '--no-package-lock', '--dry-run') || hasOption(parsed, '--package-lock=false')) return undefined;
    return verdict('may rewrite package-lock.json', CI);
  }
  if (NPM_UNINSTALL.has(sub) && !global) return verdict('removes packages from package.json and package-lock.json');
  if (NPM_UPDATE.has(sub) && !global) return verdict('changes installed versions and rewrites package-lock.json');
  if (sub === 'audit' && parsed.positionals[1] === 'fix') return verdict('upgrades packages and rewrites package-lock.json');
  if (sub === 'pkg' && /^(set|delete)$/.test(parsed.positionals[1] ?? '') && rest(parsed, 1).some((w) => w === undefined || /^(dev|peer|optional|bundle)?[dD]ependencies|^overrides/.test(w))) {
    return verdict('edits the dependency fields of package.json');
  }
  return undefined;
}

const YARN_CHANGE = new Set(['add', 'remove', 'upgrade', 'up', 'upgrade-interactive', 'dedupe', 'import']);
const FROZEN_YARN = 'To install what yarn.lock pins, use `yarn install --frozen-lockfile` (yarn 1) or `yarn install --immutable`.';

/** yarn: add/remove/upgrade/dedupe, and `yarn`/`yarn install` without a frozen lock. */
export function yarn(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['--cwd']));
  let positionals = parsed.positionals;
  if (positionals[0] === 'workspace') positionals = positionals.slice(2);
  const [sub] = positionals;
  if (positionals[0] === 'global') return undefined;
  if (sub !== undefined && YARN_CHANGE.has(sub)) return verdict(`changes dependencies (\`yarn ${sub}\`) in package.json and yarn.lock`);
  const install = positionals.length === 0 || sub === 'install';
  if (!install || hasOption(parsed, '--frozen-lockfile', '--immutable', '--pure-lockfile')) return undefined;
  return verdict('may rewrite yarn.lock', FROZEN_YARN);
}

const PNPM_CHANGE = new Set(['add', 'remove', 'rm', 'uninstall', 'un', 'update', 'up', 'upgrade', 'dedupe', 'import', 'link', 'ln']);
const FROZEN_PNPM = 'To install what pnpm-lock.yaml pins, use `pnpm install --frozen-lockfile`.';

/** pnpm: add/remove/update (outside -g), and install without --frozen-lockfile. */
export function pnpm(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['--filter', '-F', '-C', '--dir', '--reporter']));
  const [sub] = parsed.positionals;
  if (hasOption(parsed, '-g', '--global')) return undefined;
  if (sub !== undefined && PNPM_CHANGE.has(sub)) return verdict(`changes dependencies (\`pnpm ${sub}\`) in package.json and pnpm-lock.yaml`);
  if (sub !== 'install' && sub !== 'i') return undefined;
  if (rest(parsed, 0).length > 0) return verdict(`adds ${quoteList(rest(parsed, 0))} to package.json`);
  return hasOption(parsed, '--frozen-lockfile') ? undefined : verdict('may rewrite pnpm-lock.yaml', FROZEN_PNPM);
}

/** bun: add/remove/update, and install without --frozen-lockfile. */
export function bun(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['--cwd']));
  const [sub] = parsed.positionals;
  if (hasOption(parsed, '-g', '--global')) return undefined;
  if (sub === 'add' || sub === 'a' || sub === 'remove' || sub === 'rm' || sub === 'update') return verdict(`changes dependencies (\`bun ${sub}\`) in package.json and the bun lock file`);
  if (sub !== 'install' && sub !== 'i') return undefined;
  if (rest(parsed, 0).length > 0) return verdict(`adds ${quoteList(rest(parsed, 0))} to package.json`);
  return hasOption(parsed, '--frozen-lockfile') ? undefined : verdict('may rewrite the bun lock file', 'To install what the lock file pins, use `bun install --frozen-lockfile`.');
}
