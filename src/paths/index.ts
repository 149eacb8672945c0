/**
 * The path engine every scope rule shares: one resolution (worktree root, `..`, symlinks) and one
 * glob meaning (gitignore-like, case-sensitive, dot-files matched) for Edit, Write, MultiEdit,
 * NotebookEdit and the files a Bash command writes.
 */
export { findWorktreeRoot } from './worktree-root.js';
export { canonicalPath, SymlinkLoopError } from './canonical.js';
export { resolveInWorktree, isWithin, MAX_PATH_LENGTH, type WorktreePath } from './resolve.js';
export { compileGlob, matchGlob, type CompiledGlob } from './glob.js';
export { matchList, type ListMatch } from './glob-list.js';
export {
  scopeVerdict,
  denylistMatch,
  whitelistMatch,
  protectedMatch,
  escapesRoot,
  PROTECTED_GLOBS,
  type FileScope,
  type ScopeRule,
  type ScopeVerdict,
} from './scope-verdict.js';
export { placeBashWrite, placeBashWrites, type BashPlace, type BashWrite } from './bash-writes.js';
export { fileToolPath, type ToolPath } from './tool-paths.js';
export { globProblem, describeGlob } from './glob-check.js';
