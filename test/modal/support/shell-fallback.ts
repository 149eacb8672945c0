/**
 * Test support: a deliberately small shell analysis (lists, quotes, env prefixes, `cd`,
 * `bash -c`, redirects, heredocs) producing the ShellAnalysis contract, used by the Modal tests
 * only while src/shell's analyseShell is still a placeholder. `withShellAnalysis` switches to
 * the real analysis as soon as it answers.
 */
import { join, normalize } from 'node:path';
import type { ExecutedCommand, Origin, ShellAnalysis, Word, WriteTarget } from '../../../src/shell/types.js';

interface Piece {
  words: Word[];
  redirects: { op: string; target: Word }[];
}

function word(raw: string, value: string | undefined): Word {
  return { raw, value, static: value !== undefined, dynamic: value === undefined ? ['variable'] : [] };
}

/** Splits one line into command pieces at ; && || | &, keeping quotes. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [{ words: [], redirects: [] }];
  let raw = '';
  let value = '';
  let dynamic = false;
  let pendingRedirect: string | undefined;
  const flush = () => {
    if (raw === '') return;
    const w = word(raw, dynamic ? undefined : value);
    const current = out[out.length - 1]!;
    if (pendingRedirect) current.redirects.push({ op: pendingRedirect, target: w });
    else current.words.push(w);
    pendingRedirect = undefined;
    raw = value = '';
    dynamic = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      const body = line.slice(i + 1, end < 0 ? line.length : end);
      if (c === '"' && /[$`]/.test(body)) dynamic = true;
      raw += line.slice(i, end < 0 ? line.length : end + 1);
      value += body;
      i = end < 0 ? line.length : end;
    } else if (c === '#' && raw === '') break;
    else if (c === ' ' || c === '\t') flush();
    else if (';&|'.includes(c)) {
      flush();
      if (line[i + 1] === c) i++;
      out.push({ words: [], redirects: [] });
    } else if (c === '>' || c === '<') {
      flush();
      pendingRedirect = line[i + 1] === c ? c + c : c;
      if (line[i + 1] === c) i++;
    } else {
      if (c === '$' || c === '`') dynamic = true;
      raw += c;
      value += c;
    }
  }
  flush();
  return out.filter((p) => p.words.length > 0);
}

interface Scope {
  cwd: string | undefined;
  origin: Origin[];
  out: ShellAnalysis;
}

function run(p: Piece, text: string, scope: Scope): void {
  let argv = p.words;
  const assignments: ExecutedCommand['assignments'] = [];
  while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!.raw)) {
    const [name, ...rest] = argv[0]!.raw.split('=');
    assignments.push({ name: name!, value: argv[0]!.value?.slice(name!.length + 1) ?? rest.join('=') });
    argv = argv.slice(1);
  }
  if (argv[0]?.value === 'env') return run({ ...p, words: argv.slice(1) }, text, { ...scope, origin: [...scope.origin, 'wrapper'] });
  const name = argv[0]?.value === undefined ? '' : argv[0].value.slice(argv[0].value.lastIndexOf('/') + 1);
  const cmd: ExecutedCommand = {
    name, argv, args: argv.slice(1).map((w) => w.value), dynamicName: argv[0]?.value === undefined, origin: scope.origin,
    redirects: p.redirects.map((r) => ({ fd: r.op.startsWith('<') ? 0 : 1, op: r.op as '>', target: r.target })), assignments, cwd: scope.cwd, text,
  };
  scope.out.commands.push(cmd);
  for (const r of p.redirects) if (r.op.startsWith('>')) scope.out.writes.push({ path: r.target.value, via: 'redirect', cwd: scope.cwd, command: cmd } as WriteTarget);
  if (name === 'eval') scope.out.status = 'unknown';
  if (name === 'cd') scope.cwd = cmd.args[0] === undefined || scope.cwd === undefined ? undefined : normalize(join(scope.cwd, cmd.args[0]));
  if ((name === 'bash' || name === 'sh') && cmd.args[0] === '-c' && cmd.args[1] !== undefined) analyse(cmd.args[1], { ...scope, origin: [...scope.origin, 'shell-c'] });
}

function analyse(command: string, scope: Scope): void {
  const lines = command.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const heredoc = /<<-?\s*['"]?([A-Za-z_]+)['"]?/.exec(line);
    for (const p of pieces(line.replace(/<<-?\s*['"]?[A-Za-z_]+['"]?/, ''))) run(p, p.words.map((w) => w.raw).join(' '), scope);
    if (heredoc) while (k + 1 < lines.length && lines[k + 1]!.trim() !== heredoc[1]) k++;
    if (heredoc) k++;
  }
}

export function fallbackAnalyse(command: string): ShellAnalysis {
  const out: ShellAnalysis = { status: 'ok', problems: [], commands: [], writes: [], effects: [] };
  analyse(command, { cwd: '.', origin: ['top'], out });
  if (out.status === 'unknown') out.problems.push('eval runs text that is not known');
  return out;
}
