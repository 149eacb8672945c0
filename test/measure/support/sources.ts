/** Source text builders for size-rule tests: functions and files of exact line counts. */

/** A TypeScript function spanning exactly `lines` lines (at least 2). */
export function tsFunction(name: string, lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`);
  return [`export function ${name}(): void {`, ...body, '}'].join('\n') + '\n';
}

/** A Rust function spanning exactly `lines` lines (at least 2). */
export function rustFunction(name: string, lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `    let v${i} = ${i};`);
  return [`pub fn ${name}() {`, ...body, '}'].join('\n') + '\n';
}

/** A Python function spanning exactly `lines` lines (at least 2). */
export function pythonFunction(name: string, lines: number): string {
  const body = Array.from({ length: lines - 1 }, (_, i) => `    v${i} = ${i}`);
  return [`def ${name}():`, ...body].join('\n') + '\n';
}

/** `count` lines of top-level statements (no functions). */
export function filler(count: number, comment = '//'): string {
  return Array.from({ length: count }, (_, i) => `${comment} line ${i}`).join('\n') + (count > 0 ? '\n' : '');
}
