/**
 * safety::no-dep-bump on Bash, through the real shell analysis: package-manager commands that
 * add, remove or upgrade dependencies or rewrite a lock file are denied (however wrapped), the
 * locked installs and builds pass, and Bash writes onto manifests and lock files are denied.
 */
import { expect, it } from 'vitest';
import { decisionOf, runGate } from '../helpers/gate.js';
import { gitWorktree } from '../deps/support/worktree.js';

const wt = gitWorktree({ 'Cargo.toml': '[package]\nname = "a"\n', 'crates/a/Cargo.toml': '[package]\nname = "b"\n' });

function bash(command: string) {
  return decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Bash', cwd: wt.root, toolInput: { command } }));
}

const DENIED: Array<[string, string]> = [
  ['cargo add serde', 'adds a dependency to Cargo.toml and Cargo.lock'],
  ['cargo +nightly update', 'updates dependency versions in Cargo.lock'],
  ['cargo -Z unstable-options remove rand', 'removes a dependency from Cargo.toml and Cargo.lock'],
  ['cd crates/a && cargo update -p serde', 'updates dependency versions in Cargo.lock'],
  ['cargo upgrade --incompatible', 'upgrades dependency requirements in Cargo.toml'],
  ['cargo generate-lockfile', 'regenerates Cargo.lock'],
  ['bash -c "cargo add serde"', 'adds a dependency to Cargo.toml and Cargo.lock'],
  ['FOO=1 env npm i lodash', 'installs `lodash` and adds them to package.json and package-lock.json'],
  ['npm install -D vitest@latest', 'installs `vitest@latest`'],
  ['npm uninstall left-pad', 'removes packages from package.json and package-lock.json'],
  ['npm update', 'changes installed versions and rewrites package-lock.json'],
  ['npm audit fix --force', 'upgrades packages and rewrites package-lock.json'],
  ['yarn add react', 'changes dependencies (`yarn add`) in package.json and yarn.lock'],
  ['pnpm --filter web add zod', 'changes dependencies (`pnpm add`) in package.json and pnpm-lock.yaml'],
  ['bun add hono', 'changes dependencies (`bun add`)'],
  ['pip install requests', 'installs `requests`'],
  ['pip3 install -U torch==2.3.0', 'installs `torch==2.3.0`'],
  ['python3 -m pip install numpy', 'installs `numpy`'],
  ['pip install -e git+https://example.com/x.git#egg=x', 'installs `git+https://example.com/x.git#egg=x`'],
  ['python -m pip uninstall -y numpy', 'removes packages from the environment'],
  ['uv add httpx', 'changes dependencies (`uv add`) in pyproject.toml and uv.lock'],
  ['uv pip install rich', 'installs `rich`'],
  ['uv lock', 'rewrites uv.lock'],
  ['poetry add pendulum', 'changes dependencies (`poetry add`)'],
  ['pipenv install requests', 'adds `requests` to Pipfile'],
  ['go get example.com/mod@v1.2.0', 'changes requirements in go.mod and go.sum'],
  ['go mod tidy', 'rewrites the requirements in go.mod and go.sum'],
  ['go mod edit -require=example.com/mod@v1.2.0', 'edits the requirements in go.mod'],
  ['conda install -y numpy', 'changes the packages of the conda environment'],
];

const LOCKED_INSTALLS: Array<[string, string]> = [
  ['npm install', 'To install exactly what package-lock.json pins, use `npm ci`.'],
  ['yarn', 'use `yarn install --frozen-lockfile` (yarn 1) or `yarn install --immutable`'],
  ['pnpm install', 'use `pnpm install --frozen-lockfile`'],
  ['uv sync', 'use `uv sync --locked`'],
  ['pipenv install', 'use `pipenv sync`'],
];

const ALLOWED = [
  'cargo build --release', 'cargo test -p kei-forge', 'cargo check --workspace', 'cargo install ripgrep', 'npm ci', 'npm test',
  'npm run build', 'npm install -g typescript', 'yarn install --frozen-lockfile', 'yarn test', 'pnpm install --frozen-lockfile',
  'bun install --frozen-lockfile', 'pip install -r requirements.txt', 'pip install -e .', 'pip install .', 'pip download torch -d /tmp/w',
  'python train.py --steps 10', 'uv run train.py', 'uv sync --locked', 'poetry install', 'pipenv sync', 'go build ./...',
  'go install golang.org/x/tools/gopls@latest', 'go mod download', 'echo done > /tmp/out.txt', 'echo hi > /dev/null', 'ls > notes.txt',
];

it.each(DENIED)('denies `%s`', (command, effect) => {
  const decision = bash(command);
  expect(decision).toMatchObject({ kind: 'deny', message: 'dependency-command' });
  expect(decision.data!.effect).toContain(effect);
  expect(decision.reason).toContain(`${decision.data!.effect}. You may not add, remove or upgrade dependencies or rewrite lock files.`);
  expect(decision.reason).toContain('say in your report which package, which version and why: the orchestrator decides');
});

it.each(LOCKED_INSTALLS)('denies `%s` (it may rewrite the lock) and names the locked form', (command, instead) => {
  const decision = bash(command);
  expect(decision).toMatchObject({ kind: 'deny', message: 'dependency-command', data: { command } });
  expect(decision.reason).toContain(instead);
});

it.each(ALLOWED)('allows `%s`', (command) => {
  expect(bash(command)).toEqual({ kind: 'pass' });
});

it.each([
  ['echo "[dependencies]" >> Cargo.toml', 'Cargo.toml', 'a dependency manifest'],
  ['echo x > Cargo.lock', 'Cargo.lock', 'a lock file'],
  ['cp /tmp/Cargo.toml crates/a/Cargo.toml', 'crates/a/Cargo.toml', 'a dependency manifest'],
  ["sed -i 's/0.8/0.9/' Cargo.toml", 'Cargo.toml', 'a dependency manifest'],
  ['cd crates/a && cat > requirements.txt <<EOF\ntorch\nEOF', 'crates/a/requirements.txt', 'a dependency manifest'],
])('denies the write of `%s`', (command, file, what) => {
  const decision = bash(command);
  expect(decision).toMatchObject({ kind: 'deny', message: 'bash-writes-dependency-file', data: { file, what } });
  expect(decision.reason).toContain(`writes ${file}, ${what}. Do not write manifests or lock files from Bash`);
});

it('denies a write whose target is only known when the command runs', () => {
  const decision = bash('echo x > "$TARGET"');
  expect(decision).toMatchObject({ kind: 'deny', message: 'bash-write-unknown', data: { command: 'echo x > "$TARGET"' } });
  expect(decision.reason).toContain('so it could be a manifest or a lock file. Spell the target path out.');
});

it('denies a command the shell analysis cannot read (fail closed)', () => {
  const decision = bash('cargo add "serde');
  expect(decision).toMatchObject({ kind: 'deny', message: 'shell-unknown' });
  expect(decision.reason).toMatch(/^Cannot tell whether this command changes dependencies: not valid shell syntax: unterminated double quote/);
});
