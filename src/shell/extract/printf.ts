/** The text `echo` prints; undefined when escapes make it uncertain. */
export function echoOutput(args: string[]): string | undefined {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i += 1) {
    if (args[i]!.includes('n')) newline = false;
    if (args[i]!.includes('e')) escapes = true;
  }
  const text = args.slice(i).join(' ');
  if (escapes && text.includes('\\')) return decodeEscapes(text);
  return newline ? text + '\n' : text;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', r: '\r', a: '\x07', v: '\v', f: '\f' };

function decodeEscapes(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (!(next in ESCAPES)) return undefined;
    out += ESCAPES[next];
    i += 1;
  }
  return out;
}

/** The text `printf` prints for %s/%b/%% formats; undefined for anything it would compute. */
export function printfOutput(args: string[]): string | undefined {
  const [format, ...values] = args;
  if (format === undefined || format.startsWith('-')) return undefined;
  const pieces = format.split(/(%[sb%])/);
  if (/%(?![sb%])/.test(format.replace(/%[sb%]/g, ''))) return undefined;
  const slots = pieces.filter((p) => p === '%s' || p === '%b').length;
  let out = '';
  let next = 0;
  do {
    for (const piece of pieces) {
      if (piece === '%%') out += '%';
      else if (piece === '%s' || piece === '%b') out += values[next++] ?? '';
      else out += piece;
    }
  } while (slots > 0 && next < values.length);
  return decodeEscapes(out);
}
