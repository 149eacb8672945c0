/** Inputs for the in-process shell analysis timings: realistic sizes and the pathological ones. */
// @ts-expect-error plain .mjs module shared with the process benchmark
import { BASH_200 } from '../lib/payload-text.mjs';

const STATEMENTS = [
  'grep -rn "TODO" src/ | sort | uniq -c | head -n 20',
  'for f in logs/*.log; do tail -n 5 "$f"; done',
  "cat <<'EOF' > /tmp/notes.txt\nline one\nline two\nEOF",
  'x=$(ls -1 checkpoints | wc -l) && echo "count: ${x}"',
  "awk -F, '{ s += $3 } END { print s }' data/metrics.csv",
  'if [ -f configs/base.yaml ]; then sed -n "1,40p" configs/base.yaml; fi',
  'find . -name "*.py" -not -path "./.venv/*" -exec wc -l {} +',
];

/** Ordinary statements joined by newlines, whole statements only, up to about `bytes`. */
export function realistic(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const s = STATEMENTS[i % STATEMENTS.length]!;
    if (size + s.length + 1 > bytes) break;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join('\n');
}

export interface ShellInput {
  label: string;
  text: string;
  /** Targets: 200 B <= 1 ms, 100 KB <= 20 ms (typical call: median), nothing over 100 ms (worst call: max). */
  targetMs: number;
  judge: 'median' | 'max';
}

export function shellInputs(): ShellInput[] {
  const n = 10_000;
  return [
    { label: '200-byte command', text: BASH_200, targetMs: 1, judge: 'median' },
    { label: '100 KB script', text: realistic(100 * 1024), targetMs: 20, judge: 'median' },
    { label: '1 MB input', text: realistic(1024 * 1024), targetMs: 100, judge: 'max' },
    { label: `${n} nested $( closed`, text: 'echo ' + '$('.repeat(n) + 'x' + ')'.repeat(n), targetMs: 100, judge: 'max' },
    { label: `${n} nested $( unclosed`, text: 'echo ' + '$('.repeat(n), targetMs: 100, judge: 'max' },
    { label: `${n} nested ( subshells`, text: '('.repeat(n) + 'ls' + ')'.repeat(n), targetMs: 100, judge: 'max' },
    { label: `${n} nested \${ expansions`, text: 'echo ' + '${a:-'.repeat(n) + 'x' + '}'.repeat(n), targetMs: 100, judge: 'max' },
    { label: '12 levels of escaped backticks', text: 'echo ' + Array.from({ length: 12 }, (_, i) => '\\'.repeat(2 ** i - 1) + '`').join('') + 'x', targetMs: 100, judge: 'max' },
    { label: '100k backslash-newlines', text: 'echo a' + '\\\n'.repeat(100_000), targetMs: 100, judge: 'max' },
    { label: '100k-word command', text: 'echo' + ' w'.repeat(100_000), targetMs: 100, judge: 'max' },
    { label: '5,000 heredocs', text: Array.from({ length: 5000 }, (_, i) => `cat <<E${i}\nbody $((${i}+1))\nE${i}`).join('\n'), targetMs: 100, judge: 'max' },
    { label: '200 KB unterminated quote', text: 'echo "' + 'a'.repeat(200 * 1024), targetMs: 100, judge: 'max' },
    { label: `${n} pipes`, text: Array.from({ length: n }, () => 'cat').join(' | '), targetMs: 100, judge: 'max' },
    { label: '8 levels of bash -c quoting', text: nestedShellC(8), targetMs: 100, judge: 'max' },
  ];
}

/** bash -c 'bash -c '\''…'\''': quoting doubles with depth, the recursion must still stop. */
function nestedShellC(depth: number): string {
  let inner = 'git status';
  for (let i = 0; i < depth; i++) inner = `bash -c '${inner.replace(/'/g, `'\\''`)}'`;
  return inner;
}
