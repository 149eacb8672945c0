/**
 * dependencyChanges(path, before, after): the pure comparison the gate and the on-return check
 * share. Formatting never counts, every entry change does, and a file that does not parse is an
 * error rather than "no change".
 */
import { expect, it } from 'vitest';
import { dependencyChanges, dependencyFileKind, ManifestParseError } from '../../src/deps/index.js';
import { CARGO_TOML } from './support/worktree.js';

it('sees through every TOML form: the same entries in other spellings are no change', () => {
  const respelled = `[package]\nname = "kei-forge"\nversion = "0.1.0"\nedition = "2021"\n
[dependencies]
regex = { version = "1.10", default-features = false }
tokio = { features = ["rt"], version = "1" }
rand = "0.8"
serde.version = "1.0"
serde.features = ["derive"]

[dev-dependencies.proptest]
version = "1.4"

[build-dependencies]
cc = '1.0'

[target."cfg(unix)".dependencies]
nix = "0.27"

[target.'cfg(windows)'.dependencies]
winapi.version = "0.3"

[workspace]
dependencies = { anyhow = "1" }
`;
  expect(dependencyChanges('Cargo.toml', CARGO_TOML, respelled)).toEqual([]);
});

it('reports table, key, before and after for each changed entry', () => {
  const after = CARGO_TOML.replace('rand = "0.8"', 'rand = "0.9"').replace('cc = "1.0"\n', '');
  expect(dependencyChanges('crates/a/Cargo.toml', CARGO_TOML, after)).toEqual([
    { file: 'crates/a/Cargo.toml', table: 'dependencies', key: 'rand', before: '"0.8"', after: '"0.9"' },
    { file: 'crates/a/Cargo.toml', table: 'build-dependencies', key: 'cc', before: '"1.0"', after: undefined },
  ]);
});

it('treats a new manifest as adding all its entries and a deleted one as removing them', () => {
  expect(dependencyChanges('Cargo.toml', undefined, '[dependencies]\nserde = "1"\n')).toEqual([{ file: 'Cargo.toml', table: 'dependencies', key: 'serde', before: undefined, after: '"1"' }]);
  expect(dependencyChanges('package.json', '{"dependencies":{"a":"1"}}', undefined)).toEqual([{ file: 'package.json', table: 'dependencies', key: 'a', before: '"1"', after: undefined }]);
});

it('keys PEP 508 requirements by normalized name', () => {
  const changes = dependencyChanges('pyproject.toml', '[project]\ndependencies = ["Torch_Vision >= 0.1", "numpy"]\n', '[project]\ndependencies = ["numpy", "torch-vision>=0.2"]\n');
  expect(changes).toEqual([{ file: 'pyproject.toml', table: 'project.dependencies', key: 'torch-vision', before: 'Torch_Vision >= 0.1', after: 'torch-vision>=0.2' }]);
});

it('reads requirement files with continuations, comments and options', () => {
  const before = 'numpy==1.26 \\\n    --hash=sha256:abc\n-r base.txt\n# comment\n';
  expect(dependencyChanges('requirements-dev.txt', before, `${before}\n# another comment\n`)).toEqual([]);
  expect(dependencyChanges('requirements-dev.txt', before, before.replace('-r base.txt', '-r prod.txt')).map((c) => c.key)).toEqual(['-r base.txt', '-r prod.txt']);
});

it('reads go.mod blocks and single-line directives, ignoring comments', () => {
  const before = 'module m\n\ngo 1.21\n\nrequire (\n\ta v1.0.0\n\tb v1.0.0 // indirect\n)\nrequire c v0.1.0\n';
  expect(dependencyChanges('go.mod', before, before.replace('// indirect', ''))).toEqual([]);
  expect(dependencyChanges('go.mod', before, before.replace('c v0.1.0', 'c v0.2.0'))).toEqual([{ file: 'go.mod', table: 'require', key: 'c', before: 'v0.1.0', after: 'v0.2.0' }]);
});

it('reads bundled dependencies given as a list', () => {
  expect(dependencyChanges('package.json', '{"bundleDependencies":["a"]}', '{"bundleDependencies":["a","b"]}')).toEqual([{ file: 'package.json', table: 'bundleDependencies', key: 'b', before: undefined, after: 'bundled' }]);
});

it('reports any change of a lock file as one change', () => {
  expect(dependencyChanges('Cargo.lock', 'a', 'b')).toEqual([{ file: 'Cargo.lock', table: 'lock file', key: '*', before: 'present', after: 'changed' }]);
  expect(dependencyChanges('Cargo.lock', 'a', 'a')).toEqual([]);
});

it('ignores files that declare no dependencies', () => {
  expect(dependencyChanges('src/lib.rs', 'a', 'b')).toEqual([]);
  expect(dependencyChanges('config.toml', '[dependencies]\na = "1"', '[dependencies]\na = "2"')).toEqual([]);
});

it('throws ManifestParseError naming the file when either side does not parse', () => {
  expect(() => dependencyChanges('Cargo.toml', '[dependencies]\n', '[dependencies\n')).toThrow(ManifestParseError);
  expect(() => dependencyChanges('web/package.json', '{', '{}')).toThrow(/^web\/package.json: not valid JSON/);
});

it.each([
  ['/w/Cargo.toml', 'cargo'], ['/w/crates/a/Cargo.lock', 'lock'], ['package.json', 'package-json'], ['/w/go.sum', 'lock'],
  ['pyproject.toml', 'pyproject'], ['Pipfile', 'pipfile'], ['Pipfile.lock', 'lock'], ['go.mod', 'go-mod'],
  ['requirements.txt', 'requirements'], ['requirements-gpu.in', 'requirements'], ['requirements/base.txt', 'requirements'],
  ['constraints.txt', 'requirements'], ['pylock.gpu.toml', 'lock'], ['bun.lockb', 'lock'],
  ['notes.txt', undefined], ['cargo.toml', undefined], ['src/requirements.py', undefined],
])('%s is %s', (path, kind) => {
  expect(dependencyFileKind(path)).toBe(kind);
});
