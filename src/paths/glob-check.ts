/** Longer globs are surely a mistake, and the bound keeps matching work small. */
const MAX_GLOB_LENGTH = 1024;

/** Why a glob can never work as meant, or undefined when it is fine. */
export function globProblem(source: string): string | undefined {
  if (source.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  if (source.includes('\0')) return 'contains a NUL byte';
  const segments = source.replace(/^!/, '').split('/');
  if (segments.includes('..')) return "contains '..', which never matches: paths are taken after '..' is resolved";
  if (segments.every((s) => s === '' || s === '.')) return 'names no path (only slashes and dots)';
  return undefined;
}

/** How a glob is applied, in words, for `kei task check`. */
export function describeGlob(source: string): string {
  const negated = source.startsWith('!');
  const body = (negated ? source.slice(1) : source).replace(/^\.\//, '');
  const trimmed = body.replace(/\/+$/, '');
  const anchored = trimmed.includes('/') && !trimmed.startsWith('**/');
  const where = anchored ? 'from the worktree root' : 'at any depth';
  const what = body.endsWith('/') ? 'directories (and all they hold)' : 'files or directories (and all they hold)';
  const braces = /[{}]/.test(body) ? "; '{' and '}' are plain characters, not alternatives" : '';
  return `${negated ? 'takes back out' : 'lists'} ${what} ${where}${braces}`;
}
