import { runProcess } from './process.js';
import { VerifyEnvironmentError } from './errors.js';

const GIT_TIMEOUT_MS = 60_000;

/** Git's environment without variables that would point it at another repository. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete env[key];
  return env;
}

/** Runs git in `cwd` and returns stdout; a non-zero exit throws with git's own message. */
export async function git(cwd: string, args: string[], signal?: AbortSignal): Promise<string> {
  const result = await runProcess('git', args, { cwd, env: gitEnv(), timeoutMs: GIT_TIMEOUT_MS, signal });
  if (result.code !== 0) {
    const why = result.timedOut ? 'timed out' : result.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new VerifyEnvironmentError(`git ${args[0]} failed in ${cwd}: ${why || `exit ${result.code}`}`);
  }
  return result.stdout;
}

/** Like git() but answers undefined instead of throwing (for probes such as "does this ref exist"). */
export async function gitMaybe(cwd: string, args: string[], signal?: AbortSignal): Promise<string | undefined> {
  try {
    return await git(cwd, args, signal);
  } catch (error) {
    if (error instanceof VerifyEnvironmentError) return undefined;
    throw error;
  }
}

/** NUL-separated git output as a list (the trailing empty field dropped). */
export function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

/** The git top level of a directory, or undefined when it is not inside a work tree. */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  const out = await gitMaybe(dir, ['rev-parse', '--show-toplevel']);
  return out?.trim() || undefined;
}

/** The commit a ref names, or undefined when it does not resolve to one. */
export async function resolveCommit(worktree: string, ref: string, signal?: AbortSignal): Promise<string | undefined> {
  const out = await gitMaybe(worktree, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], signal);
  return out?.trim() || undefined;
}
