/**
 * safety::no-dep-bump on Cargo.toml edits: the TOML is parsed before and after, and only the
 * dependency tables (every TOML form) are compared. Real payloads: absolute paths in a real git
 * worktree.
 */
import { expect, it } from 'vitest';
import { decisionOf, runGate } from '../helpers/gate.js';
import { CARGO_TOML, gitWorktree } from '../deps/support/worktree.js';

const wt = gitWorktree({ 'crates/forge/Cargo.toml': CARGO_TOML });
const manifest = wt.path('crates/forge/Cargo.toml');

function edit(oldString: string, newString: string) {
  return decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Edit', cwd: wt.root, toolInput: { file_path: manifest, old_string: oldString, new_string: newString } }));
}

const ALLOWED: Array<[string, string, string]> = [
  ['a [package] version', 'version = "0.1.0"', 'version = "0.2.0"'],
  ['a feature', 'std = []', 'std = []\nfast = []'],
  ['a [[bin]] target', '[profile.release]', '[[bin]]\nname = "forge"\n\n[profile.release]'],
  ['[package.metadata.*]', '[profile.release]', '[package.metadata.docs.rs]\nall-features = true\n\n[profile.release]'],
  ['a [profile] setting', 'lto = true', 'lto = "fat"'],
  ['the spacing of an inline table', 'serde = { version = "1.0", features = ["derive"] }', 'serde = {version="1.0",features=["derive"]}'],
  ['the order of dependencies', 'rand = "0.8"\nserde = { version = "1.0", features = ["derive"] }', 'serde = { version = "1.0", features = ["derive"] }\nrand = "0.8"'],
  ['a comment in [dependencies]', 'rand = "0.8"', 'rand = "0.8" # randomness'],
  ['dotted keys to an inline table, same values', 'tokio.version = "1"\ntokio.features = ["rt"]', 'tokio = { version = "1", features = ["rt"] }'],
];

const DENIED: Array<[string, string, string, string]> = [
  ['a version in [dependencies]', 'rand = "0.8"', 'rand = "0.9"', 'changes rand in [dependencies] from "0.8" to "0.9"'],
  ['features of an inline table', 'features = ["derive"]', 'features = ["derive", "rc"]', 'changes serde in [dependencies]'],
  ['a dotted key', 'tokio.version = "1"', 'tokio.version = "1.38"', 'changes tokio in [dependencies]'],
  ['a [dependencies.regex] table', 'version = "1.10"', 'version = "1.11"', 'changes regex in [dependencies]'],
  ['a new [dev-dependencies] entry', 'proptest = "1.4"', 'proptest = "1.4"\ncriterion = "0.5"', 'adds criterion = "0.5" to [dev-dependencies]'],
  ['a removed [build-dependencies] entry', 'cc = "1.0"', '', 'removes cc from [build-dependencies]'],
  ["[target.'cfg(unix)'.dependencies]", 'nix = "0.27"', 'nix = "0.28"', "changes nix in [target.'cfg(unix)'.dependencies]"],
  ['dependencies.x under a [target] table', 'dependencies.winapi = { version = "0.3" }', 'dependencies.winapi = { version = "0.3.9" }', "changes winapi in [target.'cfg(windows)'.dependencies]"],
  ['[workspace.dependencies]', 'anyhow = "1"', 'anyhow = "1"\nthiserror = "1"', 'adds thiserror = "1" to [workspace.dependencies]'],
  ['a new [patch.crates-io]', '[profile.release]', '[patch.crates-io]\nrand = { git = "https://example.com/rand" }\n\n[profile.release]', 'adds rand = {"git":"https://example.com/rand"} to [patch.crates-io]'],
  ['a new [replace]', '[profile.release]', '[replace]\n"rand:0.8.5" = { path = "../rand" }\n\n[profile.release]', 'to [replace]'],
  ['the old [dev_dependencies] spelling', '[profile.release]', '[dev_dependencies]\nquickcheck = "1"\n\n[profile.release]', 'adds quickcheck = "1" to [dev_dependencies]'],
  ["a new [target.<triple>.dev-dependencies]", '[profile.release]', '[target.x86_64-pc-windows-msvc.dev-dependencies]\nwinres = "0.1"\n\n[profile.release]', 'adds winres = "0.1" to [target.x86_64-pc-windows-msvc.dev-dependencies]'],
  ['moving an entry to another table', 'proptest = "1.4"', '', 'removes proptest from [dev-dependencies]'],
];

it.each(ALLOWED)('allows changing %s', (_name, oldString, newString) => {
  expect(edit(oldString, newString)).toEqual({ kind: 'pass' });
});

it.each(DENIED)('denies changing %s', (_name, oldString, newString, change) => {
  const decision = edit(oldString, newString);
  expect(decision).toMatchObject({ kind: 'deny', message: 'dependency-change', data: { file: 'crates/forge/Cargo.toml' } });
  expect(decision.data!.changes).toContain(change);
  expect(decision.reason).toContain(`This edit of crates/forge/Cargo.toml ${decision.data!.changes}. You may not add, remove or upgrade dependencies`);
  expect(decision.reason).toContain('say in your report which package, which version and why: the orchestrator decides');
});

it('lists at most three changes and counts the rest', () => {
  const decision = edit('[profile.release]', '[dependencies.a]\nversion = "1"\n[dependencies.b]\nversion = "1"\n[dependencies.c]\nversion = "1"\n[dependencies.d]\nversion = "1"\n[profile.release]');
  expect(decision.data).toMatchObject({ count: 4 });
  expect(decision.data!.changes).toMatch(/; and 1 more$/);
});

it('denies a Write of a new crate whose manifest has dependencies, passes one without', () => {
  const write = (content: string) => decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Write', cwd: wt.root, toolInput: { file_path: wt.path('crates/new/Cargo.toml'), content } }));
  expect(write('[package]\nname = "new"\n\n[dependencies]\nserde = "1"\n')).toMatchObject({ kind: 'deny', data: { changes: 'adds serde = "1" to [dependencies]' } });
  expect(write('[package]\nname = "new"\nversion = "0.1.0"\n')).toEqual({ kind: 'pass' });
});

it('checks a MultiEdit as a whole: a later edit of a dependency is caught', () => {
  const edits = [{ old_string: 'version = "0.1.0"', new_string: 'version = "0.1.1"' }, { old_string: 'cc = "1.0"', new_string: 'cc = "1.1"' }];
  const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'MultiEdit', cwd: wt.root, toolInput: { file_path: manifest, edits } }));
  expect(decision).toMatchObject({ kind: 'deny', data: { changes: 'changes cc in [build-dependencies] from "1.0" to "1.1"' } });
});

it('denies an edit that leaves Cargo.toml unparseable, naming the error', () => {
  const decision = edit('rand = "0.8"', 'rand = "0.8');
  expect(decision).toMatchObject({ kind: 'deny', message: 'manifest-unparseable', data: { file: 'crates/forge/Cargo.toml' } });
  expect(decision.reason).toMatch(/^crates\/forge\/Cargo.toml would not parse after this edit \(not valid TOML: .+\), so its dependency tables cannot be checked/);
});

it('passes an Edit whose old_string is not in the file (Claude Code rejects it itself)', () => {
  expect(edit('rand = "0.7"', 'rand = "0.9"')).toEqual({ kind: 'pass' });
});

it('resolves a relative file_path against the cwd', () => {
  const decision = decisionOf(runGate({ capability: 'safety::no-dep-bump', toolName: 'Edit', cwd: wt.path('crates/forge'), toolInput: { file_path: 'Cargo.toml', old_string: 'rand = "0.8"', new_string: 'rand = "0.9"' } }));
  expect(decision).toMatchObject({ kind: 'deny', message: 'dependency-change' });
});
