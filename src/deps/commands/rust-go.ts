import { hasOption, parseArgs, verdict, type Args, type Verdict } from './args.js';

const CARGO_VALUED = new Set(['-C', '--config', '-Z', '--color', '--explain']);

const CARGO_CHANGES: Record<string, string> = {
  add: 'adds a dependency to Cargo.toml and Cargo.lock',
  remove: 'removes a dependency from Cargo.toml and Cargo.lock',
  rm: 'removes a dependency from Cargo.toml and Cargo.lock',
  update: 'updates dependency versions in Cargo.lock',
  upgrade: 'upgrades dependency requirements in Cargo.toml',
  'generate-lockfile': 'regenerates Cargo.lock',
};

/** cargo: add, remove, update, upgrade (cargo-edit), generate-lockfile. `+toolchain` is skipped. */
export function cargo(args: Args): Verdict | undefined {
  const positionals = parseArgs(args, CARGO_VALUED).positionals.filter((w) => !w?.startsWith('+'));
  const [sub] = positionals;
  if (sub === undefined) return positionals.length > 0 ? verdict('runs a cargo subcommand that is not known before it runs') : undefined;
  const effect = CARGO_CHANGES[sub];
  return effect ? verdict(effect) : undefined;
}

/** cargo-edit's own binaries (`cargo-add serde`, as cargo runs them). */
export function cargoPlugin(name: string): (args: Args) => Verdict | undefined {
  return (args) => cargo([name.slice('cargo-'.length), ...args.slice(args[0] === name.slice('cargo-'.length) ? 1 : 0)]);
}

const GO_MOD_EDITS = ['-require', '-droprequire', '-replace', '-dropreplace', '-exclude', '-dropexclude', '-tool', '-droptool', '-go', '-toolchain'];

/** go: get, mod tidy, mod edit of requirements, work sync. `go install pkg@v` installs a tool, not a dependency. */
export function go(args: Args): Verdict | undefined {
  const parsed = parseArgs(args, new Set(['-C']));
  const [sub, second] = parsed.positionals;
  if (sub === 'get') return verdict('changes requirements in go.mod and go.sum');
  if (sub === 'mod' && second === 'tidy') return verdict('rewrites the requirements in go.mod and go.sum');
  if (sub === 'mod' && second === 'edit' && hasOption(parsed, ...GO_MOD_EDITS)) return verdict('edits the requirements in go.mod');
  if (sub === 'work' && second === 'sync') return verdict('rewrites the requirements of the workspace modules');
  return undefined;
}
