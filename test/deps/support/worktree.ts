/** A real git worktree in a temp dir, for gate tests with absolute Claude Code paths. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../../helpers/gate.js';

export interface Worktree {
  root: string;
  path(rel: string): string;
  write(rel: string, content: string): string;
}

export function gitWorktree(files: Record<string, string> = {}): Worktree {
  const root = tempDir('kei-deps-');
  execFileSync('git', ['init', '-q', root]);
  const wt: Worktree = {
    root,
    path: (rel) => join(root, rel),
    write: (rel, content) => {
      const abs = join(root, rel);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
  };
  for (const [rel, content] of Object.entries(files)) wt.write(rel, content);
  return wt;
}

/** A Cargo.toml with every dependency table form the gate must see through. */
export const CARGO_TOML = `[package]
name = "kei-forge"
version = "0.1.0"
edition = "2021"

[features]
default = ["std"]
std = []

[dependencies]
rand = "0.8"
serde = { version = "1.0", features = ["derive"] }
tokio.version = "1"
tokio.features = ["rt"]

[dependencies.regex]
version = "1.10"
default-features = false

[dev-dependencies]
proptest = "1.4"

[build-dependencies]
cc = "1.0"

[target.'cfg(unix)'.dependencies]
nix = "0.27"

[target.'cfg(windows)']
dependencies.winapi = { version = "0.3" }

[workspace.dependencies]
anyhow = "1"

[profile.release]
lto = true
`;
