import picomatch from 'picomatch';

/** True when the shell glob `pattern` matches `name` (dotfiles only by an explicit dot, as bash globs). */
export function isMatch(name: string, pattern: string): boolean {
  try {
    return picomatch.isMatch(name, pattern, { dot: false });
  } catch {
    return true;
  }
}
