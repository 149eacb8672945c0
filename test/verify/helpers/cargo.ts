/** A real Cargo workspace (test/fixtures/verify/workspace) committed on `main` of a temp repo. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commitAll, makeRepo, type TestRepo } from './repo.js';

export const WORKSPACE_FIXTURE = resolve(import.meta.dirname, '..', '..', 'fixtures', 'verify', 'workspace');

/**
 * One build directory for every cargo run of a test file: repeated runs are incremental.
 * Set before any verify runs (the verifier reads it per command).
 */
export function shareCargoTarget(): void {
  process.env.KEI_CARGO_TARGET_DIR ??= join(tmpdir(), 'kei-verify-test-cargo-target');
  process.env.KEI_STATE_DIR ??= mkdtempSync(join(tmpdir(), 'kei-verify-state-'));
  process.env.KEI_VERIFY_CARGO_TIMEOUT ??= '240';
}

/** A repo whose base commit holds the workspace fixture and its generated Cargo.lock. */
export function makeCargoRepo(): TestRepo {
  const repo = makeRepo({});
  cpSync(WORKSPACE_FIXTURE, repo.main, { recursive: true });
  execFileSync('cargo', ['generate-lockfile', '--offline'], { cwd: repo.main, stdio: 'ignore' });
  commitAll(repo.main, 'workspace');
  return repo;
}
