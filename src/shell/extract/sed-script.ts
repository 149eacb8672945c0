/**
 * GNU sed can run commands: `e cmd`, a bare `e` (runs the pattern space) and the `e` flag of `s`;
 * and write files: `w file` and the `w` flag. This walks a sed script far enough to find them.
 */
export interface SedFinding {
  kind: 'exec' | 'dynamic-exec' | 'write';
  /** exec: the command text; write: the file. */
  text: string | undefined;
}

const ADDRESS = /^(?:[0-9]+|\$|\/(?:\\.|[^\\/\n])*\/[IM]*|\\(.)(?:\\.|(?!\1)[^\\\n])*\1[IM]*)(?:[,~+]?(?:[0-9]+|\$|\/(?:\\.|[^\\/\n])*\/[IM]*))?\s*!?\s*/;

function restOfLine(script: string, i: number): [string, number] {
  const nl = script.indexOf('\n', i);
  const end = nl < 0 ? script.length : nl;
  return [script.slice(i, end).trim(), end];
}

/** Skips `s` or `y` parts delimited by the character at `i`; returns the index after them. */
function skipParts(script: string, i: number, parts: number): number {
  const delimiter = script[i];
  let j = i + 1;
  for (let seen = 0; j < script.length && seen < parts; j += 1) {
    if (script[j] === '\\') j += 1;
    else if (script[j] === delimiter) seen += 1;
  }
  return j;
}

function substituteFlags(script: string, i: number, out: SedFinding[]): number {
  let j = skipParts(script, i, 2);
  while (j < script.length && /[gpiIMme0-9]/.test(script[j]!)) {
    if (script[j] === 'e') out.push({ kind: 'dynamic-exec', text: undefined });
    j += 1;
  }
  if (script[j] === 'w') {
    const [file, end] = restOfLine(script, j + 1);
    out.push({ kind: 'write', text: file || undefined });
    return end;
  }
  return j;
}

export function scanSedScript(script: string): SedFinding[] {
  const out: SedFinding[] = [];
  let i = 0;
  while (i < script.length) {
    const address = ADDRESS.exec(script.slice(i, i + 512));
    if (address && address[0].length > 0) i += address[0].length;
    const command = script[i];
    if (command === undefined) break;
    i = step(script, i, command, out);
  }
  return out;
}

function step(script: string, i: number, command: string, out: SedFinding[]): number {
  if (command === 's') return substituteFlags(script, i + 1, out);
  if (command === 'y') return skipParts(script, i + 1, 2);
  if ('eaicwWrRbtT:'.includes(command)) {
    const [rest, end] = restOfLine(script, i + 1);
    if (command === 'e') out.push(rest ? { kind: 'exec', text: rest.replace(/;$/, '') } : { kind: 'dynamic-exec', text: undefined });
    if (command === 'w' || command === 'W') out.push({ kind: 'write', text: rest || undefined });
    return 'bt:T'.includes(command) ? skipLabel(script, i + 1) : end;
  }
  return i + 1;
}

function skipLabel(script: string, i: number): number {
  let j = i;
  while (j < script.length && script[j] !== ';' && script[j] !== '\n') j += 1;
  return j;
}
