/** argv[0] as the name the command is known by: the basename of a path. */
export function commandName(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash < 0 ? value : value.slice(slash + 1);
}

const VERSIONED = /^(python|python2|python3|pypy|pypy3|perl|ruby|node|php)(?:[0-9][0-9.]*)?$/;

/** Family name for versioned interpreters: python3.11 → python3, perl5.36 → perl. */
export function interpreterFamily(name: string): string | undefined {
  const m = VERSIONED.exec(name);
  if (!m) return undefined;
  const base = m[1]!;
  return base.startsWith('python') || base.startsWith('pypy') ? 'python' : base;
}
