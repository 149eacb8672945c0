/**
 * The breakdown inside a cost line's parentheses: `= 2 × 1.5h × $4.50/hr/gpu`. Factors are
 * split on ×, x, * or ·; one factor is the rate ($ and /hr), one the duration (h/hr/hours or
 * min), and the unit-less numbers (GPUs, variants) multiply into the GPU count.
 */

export interface Factors {
  gpus: number;
  hours: number;
  rate: number;
}

type Lexeme = { kind: 'num'; value: number } | { kind: 'word'; value: string } | { kind: '$' | '/' | 'times' };

const HOUR_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const RATE_HOUR_UNITS = new Set([...HOUR_UNITS, 'gpu-hr', 'gpu-hour', 'gpu-h', 'gpuhr']);
const MINUTE_UNITS = new Set(['min', 'mins', 'minute', 'minutes']);
const TIMES = new Set(['×', '*', '·', '⋅', '✕']);

function lex(text: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let j = i + 1;
    if (/[0-9.]/.test(c)) {
      while (j < text.length && /[0-9.,]/.test(text[j]!)) j++;
      out.push({ kind: 'num', value: Number(text.slice(i, j).replace(/,/g, '')) });
    } else if (/[A-Za-z]/.test(c)) {
      while (j < text.length && /[A-Za-z0-9!+-]/.test(text[j]!)) j++;
      const word = text.slice(i, j).toLowerCase();
      out.push(word === 'x' ? { kind: 'times' } : { kind: 'word', value: word });
    } else if (c === '$' || c === '/') out.push({ kind: c });
    else if (TIMES.has(c)) out.push({ kind: 'times' });
    i = j;
  }
  return out;
}

function split(lexemes: Lexeme[]): Lexeme[][] {
  const groups: Lexeme[][] = [[]];
  for (const l of lexemes) {
    if (l.kind === 'times') groups.push([]);
    else groups[groups.length - 1]!.push(l);
  }
  return groups;
}

type Role = { role: 'rate' | 'hours' | 'count'; value: number } | { role: 'label' } | { role: 'bad'; why: string };

function numbers(factor: Lexeme[]): number[] {
  return factor.flatMap((l) => (l.kind === 'num' ? [l.value] : []));
}

function perHour(factor: Lexeme[]): boolean {
  return factor.some((l, k) => l.kind === '/' && factor[k + 1]?.kind === 'word' && RATE_HOUR_UNITS.has((factor[k + 1] as { value: string }).value));
}

function classify(factor: Lexeme[]): Role {
  const nums = numbers(factor);
  if (factor.length === 0) return { role: 'bad', why: 'an empty factor' };
  if (factor.some((l) => l.kind === '$' || l.kind === '/')) {
    if (nums.length !== 1 || !perHour(factor)) return { role: 'bad', why: 'the rate must read like $4.50/hr or $4.50/hr/gpu' };
    return { role: 'rate', value: nums[0]! };
  }
  if (nums.length === 0) return { role: 'label' };
  const first = factor[0]!;
  const unit = factor[1]?.kind === 'word' ? (factor[1] as { value: string }).value : undefined;
  if (first.kind !== 'num' || nums.length !== 1) return { role: 'bad', why: 'each factor must be one number with its unit' };
  if (unit !== undefined && HOUR_UNITS.has(unit)) return { role: 'hours', value: nums[0]! };
  if (unit !== undefined && MINUTE_UNITS.has(unit)) return { role: 'hours', value: nums[0]! / 60 };
  return { role: 'count', value: nums[0]! };
}

/** The factors of a breakdown, or a sentence saying what is missing. */
export function splitFactors(inner: string): Factors | string {
  const body = inner.trim().replace(/^[=≈~]\s*/, '');
  const roles = split(lex(body)).map(classify);
  const bad = roles.find((r) => r.role === 'bad');
  if (bad && bad.role === 'bad') return `its breakdown has ${bad.why}`;
  const of = (role: 'rate' | 'hours' | 'count') => roles.flatMap((r) => (r.role === role ? [r.value] : []));
  const [rates, hours, counts] = [of('rate'), of('hours'), of('count')];
  if (rates.length !== 1) return 'its breakdown needs exactly one rate in $/hr per GPU';
  if (hours.length !== 1) return 'its breakdown needs exactly one duration in hours (h, hr, hours)';
  if (counts.length === 0) return 'its breakdown needs the number of GPUs';
  if ([...rates, ...hours, ...counts].some((n) => !Number.isFinite(n) || n <= 0)) return 'its breakdown has a number that is not positive';
  return { gpus: counts.reduce((a, b) => a * b, 1), hours: hours[0]!, rate: rates[0]! };
}
