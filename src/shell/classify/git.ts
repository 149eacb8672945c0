import type { ExecutedCommand, ShellAnalysis, WriteTarget } from '../types.js';
import { isMatch } from './glob-match.js';

/** Why a command counts as a git operation, for the deny message. */
export interface GitFinding {
  command: ExecutedCommand;
  kind: 'git' | 'gh' | 'git-state';
  what: string;
}

const GIT_CLIENTS = new Set(['git', 'hub', 'lazygit', 'gitui', 'git-gui', 'gitk']);
const GH_PR_VERBS = new Set(['checkout', 'co', 'merge', 'create', 'new', 'revert', 'update-branch']);
const GH_RELEASE_VERBS = new Set(['create', 'delete', 'edit', 'upload', 'new']);
const COPIERS = new Set(['cp', 'ln', 'install', 'rsync', 'mv', 'cat', 'dd', 'tee', 'ditto']);

/** Every way the analysed command runs git, changes a repository on GitHub, or edits `.git`. */
export function gitFindings(analysis: ShellAnalysis): GitFinding[] {
  const out: GitFinding[] = [];
  for (const command of analysis.commands) {
    const finding = gitCommand(command) ?? ghCommand(command) ?? copiesGit(command) ?? findTouchesGit(command);
    if (finding) out.push(finding);
  }
  for (const write of analysis.writes) {
    const path = gitPath(write);
    if (path) out.push({ command: write.command, kind: 'git-state', what: `${write.via} changes ${path}` });
  }
  return out;
}

function gitCommand(command: ExecutedCommand): GitFinding | undefined {
  const name = command.name.toLowerCase().replace(/\.exe$/, '');
  if (!GIT_CLIENTS.has(name) && !name.startsWith('git-')) return undefined;
  const sub = command.args.find((arg) => arg !== undefined && !arg.startsWith('-'));
  return { command, kind: 'git', what: name === 'git' && sub ? `git ${sub}` : name };
}

function ghCommand(command: ExecutedCommand): GitFinding | undefined {
  if (command.name.toLowerCase() !== 'gh') return undefined;
  const [group, verb] = command.args;
  const finding = (what: string): GitFinding => ({ command, kind: 'gh', what });
  if (group === undefined) return command.args.length > 0 ? finding('gh with a subcommand that is not static') : undefined;
  if (group === 'repo') return finding(`gh repo${verb ? ' ' + verb : ''}`);
  if (group === 'api' && command.args.slice(1).some((arg) => arg === undefined || /(^|\/)repos(\/|$)/.test(arg))) return finding('gh api on repositories');
  if (group === 'pr' && (verb === undefined || GH_PR_VERBS.has(verb))) return finding(`gh pr ${verb ?? '(not static)'}`);
  if (group === 'release' && (verb === undefined || GH_RELEASE_VERBS.has(verb))) return finding(`gh release ${verb ?? '(not static)'}`);
  return undefined;
}

/** `cp /usr/bin/git /tmp/g` and friends make a git under another name. */
function copiesGit(command: ExecutedCommand): GitFinding | undefined {
  if (!COPIERS.has(command.name)) return undefined;
  const source = command.args.find((arg) => arg !== undefined && /(^|\/)git(-[A-Za-z0-9-]+)?$/.test(arg.replace(/^if=/, '')) && arg.includes('/'));
  return source ? { command, kind: 'git', what: `${command.name} of the git binary ${source}` } : undefined;
}

/** `find . -name .git -exec rm -rf {} +` / `-delete`. */
function findTouchesGit(command: ExecutedCommand): GitFinding | undefined {
  if (command.name !== 'find') return undefined;
  const mentionsGit = command.args.some((arg) => arg !== undefined && /(^|[/*])\.git([/*]|$)/.test(arg));
  const acts = command.args.some((arg) => arg === '-delete' || arg === '-exec' || arg === '-execdir' || arg === '-ok' || arg === '-okdir');
  return mentionsGit && acts ? { command, kind: 'git-state', what: 'find acting on .git' } : undefined;
}

/** The `.git` path a write touches (`.git`, `.git/HEAD`, `sub/.git`, a glob matching `.git`). */
function gitPath(write: WriteTarget): string | undefined {
  if (write.path !== undefined) return /(^|\/)\.git(\/|$)/.test(write.path) ? write.path : undefined;
  const word = write.command.argv.find((w) => w.pattern !== undefined && couldMatchGit(w.pattern));
  return word ? word.raw : undefined;
}

function couldMatchGit(pattern: string): boolean {
  const last = pattern.replace(/\/+$/, '').split('/').pop() ?? '';
  return isMatch('.git', last) || isMatch('.git', pattern);
}
