/**
 * Real git repositories in temp dirs for the verify tests: a base commit on `main`, and an
 * agent worktree branched off it the way an orchestrator creates one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export interface TestRepo {
  /** Holds the main checkout and the worktrees; removed by cleanup(). */
  home: string;
  /** The main checkout, on `main`. */
  main: string;
  cleanup(): void;
}

/** A repository whose first commit on `main` holds `files`. */
export function makeRepo(files: Record<string, string>): TestRepo {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'kei-verify-repo-')));
  const main = join(home, 'main');
  mkdirSync(main);
  git(main, 'init', '-q', '-b', 'main');
  git(main, 'config', 'commit.gpgsign', 'false');
  writeFiles(main, files);
  git(main, 'add', '-A');
  git(main, 'commit', '-q', '--allow-empty', '-m', 'base');
  return { home, main, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** An agent worktree on a new branch created from the main checkout's HEAD. */
export function addWorktree(repo: TestRepo, branch = 'agent'): string {
  const dir = join(repo.home, branch);
  git(repo.main, 'worktree', 'add', '-q', '-b', branch, dir);
  return dir;
}

export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}
