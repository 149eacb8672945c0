/**
 * Rewritings of a bash command that keep it executed: what an agent (or an attacker) could
 * type instead of the plain command. Three kinds, by what they need of their input:
 * - head: changes how the program name is spelled; needs a plain name (`git`, not `'git'`);
 * - prefix: puts a wrapper or assignment in front; needs a simple command;
 * - wrap: embeds any command (subshell, substitution, `bash -c`, heredoc, function, ...).
 * Wraps put a newline after the command, so a trailing `# comment` in it cannot eat their tail.
 */
export interface Command {
  text: string;
  /** One simple command: words only, the first one runs. */
  simple: boolean;
  /** Its first word is a plain name that head rewrites may respell. */
  plainHead: boolean;
}

export interface Rewrite {
  name: string;
  kind: 'head' | 'prefix' | 'wrap';
  apply(command: string): string;
  /** For prefixes: is the new first word a plain name? */
  plainAfter?: boolean;
}

export function quoteSingle(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function quoteDouble(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Inside backticks a backslash escapes only \ ` $, so those are what must be escaped. */
function quoteBackticks(text: string): string {
  return `\`${text.replace(/([\\`$])/g, '\\$1')}\``;
}

/** A heredoc delimiter that no line of the body can match. */
function delimiter(body: string): string {
  let n = 0;
  while (body.includes(`EOF${n}`)) n++;
  return `EOF${n}`;
}

function splitHead(command: string): [string, string] {
  const space = command.search(/\s/);
  return space === -1 ? [command, ''] : [command.slice(0, space), command.slice(space)];
}

function head(name: string, change: (h: string) => string): Rewrite {
  return { name, kind: 'head', apply: (c) => { const [h, rest] = splitHead(c); return change(h) + rest; } };
}

function prefix(name: string, words: string, plainAfter = true): Rewrite {
  return { name, kind: 'prefix', plainAfter, apply: (c) => `${words} ${c}` };
}

function wrap(name: string, apply: (c: string) => string): Rewrite {
  return { name, kind: 'wrap', apply };
}

export const REWRITES: Rewrite[] = [
  head("empty quotes inside the name (g''it)", (h) => `${h[0]}''${h.slice(1)}`),
  head('empty double quotes inside the name', (h) => `${h[0]}""${h.slice(1)}`),
  head('single-quoted name', (h) => quoteSingle(h)),
  head('double-quoted name', (h) => quoteDouble(h)),
  head('backslash before the name', (h) => `\\${h}`),
  head('backslash inside the name', (h) => `${h[0]}\\${h.slice(1)}`),
  head("ANSI-C quoted name ($'git')", (h) => `$'${h}'`),
  head('absolute path /usr/bin/<name>', (h) => `/usr/bin/${h}`),
  head('relative path ../../usr/bin/<name>', (h) => `../../../../../../../../usr/bin/${h}`),
  head('line continuation after the name', (h) => `${h} \\\n`),
  prefix('assignment prefix', 'FOO=1', false),
  prefix('env', 'env'),
  prefix('env -i with an assignment', 'env -i PATH=/usr/bin'),
  prefix('command', 'command'),
  prefix('nohup', 'nohup'),
  prefix('nice -n 5', 'nice -n 5'),
  prefix('timeout 10', 'timeout 10'),
  prefix('time', 'time', false),
  prefix('sudo', 'sudo'),
  prefix('stdbuf -o0', 'stdbuf -o0'),
  { name: 'xargs runs it', kind: 'prefix', plainAfter: false, apply: (c) => { const [h, rest] = splitHead(c); return `echo ${rest.trim() || 'x'} | xargs ${h}`; } },
  { name: 'find -exec', kind: 'prefix', plainAfter: false, apply: (c) => `find . -maxdepth 0 -exec ${c} \\;` },
  wrap('exec in a subshell', (c) => `(exec bash -c ${quoteSingle(c)})`),
  wrap('subshell', (c) => `(${c}\n)`),
  wrap('brace group', (c) => `{ ${c}\n}`),
  wrap('command substitution', (c) => `echo "$(${c}\n)"`),
  wrap('backticks', (c) => `echo ${quoteBackticks(c)}`),
  wrap('process substitution', (c) => `cat <(${c}\n)`),
  wrap('substitution in a redirect target', (c) => `echo x > "/tmp/$(${c}\n)"`),
  wrap('bash -c', (c) => `bash -c ${quoteSingle(c)}`),
  wrap('sh -c with double quotes', (c) => `sh -c ${quoteDouble(c)}`),
  wrap('bash -lc', (c) => `bash -lc ${quoteSingle(c)}`),
  wrap('bash -c with the command as $1', (c) => `bash -c 'eval "$1"' _ ${quoteSingle(c)}`),
  wrap('eval', (c) => `eval ${quoteSingle(c)}`),
  wrap('piped into sh', (c) => `printf '%s\\n' ${quoteSingle(c)} | sh`),
  wrap('here-string into bash', (c) => `bash <<< ${quoteSingle(c)}`),
  // In parentheses so that whatever is added after it does not land on the delimiter line.
  wrap('heredoc into bash', (c) => { const d = delimiter(c); return `(bash <<'${d}'\n${c}\n${d}\n)`; }),
  wrap('substitution in an unquoted heredoc', (c) => { const d = delimiter(c); return `(cat <<${d}\n$(${c}\n)\n${d}\n)`; }),
  wrap('if condition', (c) => `if ${c}\nthen echo ok; fi`),
  wrap('for loop body', (c) => `for i in 1; do ${c}\ndone`),
  wrap('while condition', (c) => `while ${c}\ndo break; done`),
  wrap('case branch', (c) => `case x in x) ${c}\n;; esac`),
  // In braces, so that piping into it pipes into the call, not only into the definition.
  wrap('function defined and called', (c) => `{ f() { ${c}\n}; f; }`),
  wrap('trap handler', (c) => `trap ${quoteSingle(c)} EXIT`),
  wrap('background job', (c) => `${c} &`),
  // Braces: `! a && b` would negate only `a`, and then skip `b`.
  wrap('negated', (c) => `! { ${c}\n}`),
];

/** Applies a rewrite when its input needs allow it; otherwise returns the command unchanged. */
export function rewrite(command: Command, r: Rewrite): Command {
  if (r.kind === 'head') return command.plainHead ? { text: r.apply(command.text), simple: true, plainHead: false } : command;
  // After `FOO=1`, `time`, `xargs` or `find -exec` another prefix could change what runs.
  if (r.kind === 'prefix') return command.simple ? { text: r.apply(command.text), simple: r.plainAfter !== false, plainHead: r.plainAfter !== false } : command;
  return { text: r.apply(command.text), simple: false, plainHead: false };
}

export function plain(text: string): Command {
  return { text, simple: true, plainHead: /^[a-z][a-z0-9-]*(\s|$)/.test(text) };
}

/** Statements that succeed and change nothing a gate cares about; adding one must never turn a block into a pass. */
export const HARMLESS = ['ls', 'true', 'echo done', 'pwd', ': noop', 'cat /dev/null', 'wc -l /dev/null', 'echo "git push"'];

/** Every line of the text as a comment (a multi-line statement must not half-run). */
function commented(text: string): string {
  return text.split('\n').map((line) => `# ${line}`).join('\n');
}

export const JOINS: { name: string; apply(harmless: string, command: string): string }[] = [
  { name: 'harmless; command', apply: (h, c) => `${h}; ${c}` },
  { name: 'command; harmless', apply: (h, c) => `${c}; ${h}` },
  { name: 'harmless && command', apply: (h, c) => `${h} && ${c}` },
  { name: 'command && harmless', apply: (h, c) => `${c} && ${h}` },
  { name: 'harmless || command', apply: (h, c) => `${h} || ${c}` },
  { name: 'harmless | command', apply: (h, c) => `${h} | ${c}` },
  { name: 'command | harmless', apply: (h, c) => `${c} | ${h}` },
  { name: 'newline-separated', apply: (h, c) => `${h}\n${c}` },
  { name: 'harmless & command', apply: (h, c) => `${h} & ${c}` },
  { name: 'comment line before', apply: (h, c) => `${commented(h)}\n${c}` },
  { name: 'trailing comment', apply: (h, c) => `${c} ${commented(h)}` },
];
