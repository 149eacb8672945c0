import type { Word } from '../types.js';
import type { Language } from '../interpreters/scan.js';

/** What an interpreter's command line says it will run. */
export interface InterpreterArgs {
  /** Inline code (-c, -e …); undefined when none or not static. */
  code: string | undefined;
  codeDynamic: boolean;
  /** python -m MODULE: index of the module word. */
  moduleIndex?: number;
  /** Reads its program from stdin. */
  fromStdin: boolean;
  /** Edits files in place (perl -i, ruby -i, gawk -i inplace): the file operands. */
  inPlace: Word[];
  dynamicOption: boolean;
}

const CODE_LETTERS: Record<Language, string> = { python: 'c', node: '', perl: 'eE', ruby: 'e', awk: 'e' };
/** Letters whose value is the rest of the bundle (or the next word when nothing follows). */
const VALUE_LETTERS: Record<Language, string> = { python: 'mWXQ', node: 'r', perl: 'MmIx0lFCdD', ruby: 'rICEKx0lF', awk: 'fvFilE' };
const NODE_CODE = new Set(['-e', '--eval', '-p', '--print']);
const NODE_VALUE = new Set(['-r', '--require', '--import', '--loader', '--input-type', '--env-file', '--experimental-loader', '-C', '--conditions']);

export function interpreterArgs(language: Language, argv: Word[]): InterpreterArgs {
  const out: InterpreterArgs = { code: undefined, codeDynamic: false, fromStdin: false, inPlace: [], dynamicOption: false };
  const codes: string[] = [];
  let i = 1;
  let operandsStart = argv.length;
  let inPlace = false;
  for (; i < argv.length; i += 1) {
    const word = argv[i]!;
    if (!word.static) {
      out.dynamicOption = codes.length === 0 && language !== 'awk';
      operandsStart = i;
      break;
    }
    const value = word.value!;
    if (value === '--' || value === '-' || !value.startsWith('-') || (language === 'awk' && value === '--')) {
      if (value === '-') out.fromStdin = true;
      operandsStart = value === '--' ? i + 1 : i;
      break;
    }
    const step = language === 'node' ? nodeOption(argv, i, codes, out) : bundle(language, argv, i, codes, out);
    if (step.inPlace) inPlace = true;
    if (step.stop) {
      operandsStart = step.next;
      break;
    }
    i = step.next - 1;
  }
  return finish(language, argv, out, codes, operandsStart, inPlace);
}

interface Step {
  next: number;
  stop: boolean;
  inPlace?: boolean;
}

function bundle(language: Language, argv: Word[], i: number, codes: string[], out: InterpreterArgs): Step {
  const value = argv[i]!.value!;
  if (value.startsWith('--')) return { next: i + 1, stop: false };
  for (let k = 1; k < value.length; k += 1) {
    const letter = value[k]!;
    const rest = value.slice(k + 1);
    if (CODE_LETTERS[language].includes(letter)) return takeValue(argv, i, rest, codes, out, language === 'python');
    if (letter === 'i' && (language === 'perl' || language === 'ruby')) return { next: i + 1, stop: false, inPlace: true };
    if (letter === 'i' && language === 'awk') return inplaceAwk(argv, i, rest);
    if (VALUE_LETTERS[language].includes(letter)) {
      if (letter === 'm' && language === 'python') out.moduleIndex = rest ? i : i + 1;
      if (letter === 'f' && language === 'awk') out.code = undefined;
      const next = rest ? i + 1 : i + 2;
      return { next, stop: letter === 'm' && language === 'python' };
    }
  }
  return { next: i + 1, stop: false };
}

function takeValue(argv: Word[], i: number, rest: string, codes: string[], out: InterpreterArgs, stops: boolean): Step {
  const word = rest ? { static: true, value: rest } : argv[i + 1];
  if (!word || !word.static) out.codeDynamic = true;
  else codes.push(word.value!);
  return { next: rest ? i + 1 : i + 2, stop: stops };
}

function inplaceAwk(argv: Word[], i: number, rest: string): Step {
  const value = rest || argv[i + 1]?.value;
  return { next: rest ? i + 1 : i + 2, stop: false, inPlace: value === 'inplace' };
}

function nodeOption(argv: Word[], i: number, codes: string[], out: InterpreterArgs): Step {
  const value = argv[i]!.value!;
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  if (NODE_CODE.has(name)) return takeValue(argv, eq < 0 ? i : i, eq < 0 ? '' : value.slice(eq + 1), codes, out, true);
  if (NODE_VALUE.has(name) && eq < 0) return { next: i + 2, stop: false };
  return { next: i + 1, stop: false };
}

function finish(language: Language, argv: Word[], out: InterpreterArgs, codes: string[], start: number, inPlace: boolean): InterpreterArgs {
  const hasFileProgram = language === 'awk' && argv.some((w) => /^-[a-zA-Z]*f/.test(w.value ?? '') || w.value?.startsWith('--file'));
  let operands = argv.slice(start);
  if (codes.length > 0) out.code = codes.join('\n');
  else if (language === 'awk' && !hasFileProgram && operands[0]) {
    if (operands[0].static) out.code = operands[0].value;
    else out.codeDynamic = true;
    operands = operands.slice(1);
  } else if (language !== 'awk' && out.moduleIndex === undefined && operands.length === 0 && !out.codeDynamic) out.fromStdin = true;
  if (inPlace) out.inPlace = operands;
  return out;
}
