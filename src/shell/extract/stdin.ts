import type { CommandNode, RedirectNode, WordNode } from '../parse/ast.js';
import type { Scope, Stdin } from './scope.js';
import { commandName } from './names.js';
import { printfOutput, echoOutput } from './printf.js';
import { expandWords, toWord } from './words.js';

/** What the redirections give a command on stdin; undefined when they do not touch fd 0. */
export function redirectStdin(redirects: RedirectNode[], scope: Scope): Stdin | undefined {
  let stdin: Stdin | undefined;
  for (const redirect of redirects) {
    if (redirect.fd !== 0) continue;
    stdin = oneRedirect(redirect, scope) ?? stdin;
  }
  return stdin;
}

function oneRedirect(redirect: RedirectNode, scope: Scope): Stdin | undefined {
  const target = toWord(redirect.target, scope);
  if (redirect.op === '<<<') {
    return target.static ? { kind: 'text', text: target.value + '\n', from: 'a here-string' } : { kind: 'dynamic', from: 'a here-string with expansions' };
  }
  if (redirect.op === '<<' || redirect.op === '<<-') return heredocStdin(redirect);
  if (redirect.op === '<') {
    return target.static ? { kind: 'file', path: target.value! } : { kind: 'dynamic', from: `the file ${target.raw}` };
  }
  if (redirect.op === '<&' || redirect.op === '<>') return { kind: 'dynamic', from: `fd ${target.raw}` };
  return undefined;
}

function heredocStdin(redirect: RedirectNode): Stdin {
  const doc = redirect.heredoc;
  if (!doc) return { kind: 'text', text: '', from: 'a heredoc' };
  if (doc.quoted) return { kind: 'text', text: doc.text, from: 'a heredoc' };
  let text = '';
  for (const part of doc.parts) {
    if (part.type !== 'lit') return { kind: 'dynamic', from: 'a heredoc with expansions' };
    text += part.text;
  }
  return { kind: 'text', text, from: 'a heredoc' };
}

const PRINTERS = new Set(['echo', 'printf', 'cat']);

/** What a pipeline element writes to the pipe, when it is a plain echo, printf or cat. */
export function pipeOutput(node: CommandNode, scope: Scope): Stdin {
  if (node.type !== 'simple') return { kind: 'dynamic', from: `the output of ${node.type === 'subshell' ? 'a subshell' : 'a compound command'}` };
  if (!scope.positional && !printsKnownText(node.words[0], scope)) return { kind: 'dynamic', from: `the output of ${node.words[0]?.raw ?? 'a redirection'}` };
  const argv = expandWords(node.words, scope);
  const name = argv[0]?.static ? commandName(argv[0].value!) : '';
  const from = `the output of ${argv[0]?.raw ?? 'a redirection'}`;
  if (argv.some((word) => !word.static)) return { kind: 'dynamic', from };
  const args = argv.slice(1).map((word) => word.value!);
  if (name === 'echo') return textOrDynamic(echoOutput(args), from);
  if (name === 'printf') return textOrDynamic(printfOutput(args), from);
  if (name === 'cat') return catOutput(args, node, scope, from);
  return { kind: 'dynamic', from };
}

/**
 * Whether the command named by this word could be one whose output is followed. Without positional
 * parameters words expand one to one, so the first word alone tells (most pipelines feed grep,
 * sort or wc, and their words need not be expanded a second time).
 */
function printsKnownText(first: WordNode | undefined, scope: Scope): boolean {
  const word = first && toWord(first, scope);
  return word?.static === true && PRINTERS.has(commandName(word.value!));
}

function textOrDynamic(text: string | undefined, from: string): Stdin {
  return text === undefined ? { kind: 'dynamic', from } : { kind: 'text', text, from };
}

function catOutput(args: string[], node: Extract<CommandNode, { type: 'simple' }>, scope: Scope, from: string): Stdin {
  const files = args.filter((arg) => arg !== '-' && !arg.startsWith('-'));
  if (files.length === 1 && args.length === 1) return { kind: 'file', path: files[0]! };
  if (files.length === 0) return redirectStdin(node.redirects, scope) ?? { kind: 'none' };
  return { kind: 'dynamic', from };
}
