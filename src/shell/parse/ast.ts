/** Syntax tree of a bash program, as produced by the parser in this folder. */

/**
 * One piece of a word. Literal text is after quote removal. A glob part with `classes` (and empty
 * text) marks a word whose unquoted `[…]` or `{a,b}` in its literal text expand.
 */
export type Part =
  | { type: 'lit'; text: string }
  | { type: 'glob'; text: string; classes?: true }
  | { type: 'tilde'; text: string }
  | { type: 'param'; name: string; op: string; quoted: boolean; parts: Part[] }
  | { type: 'cmdsub'; body: ListNode; backtick: boolean }
  | { type: 'arith'; parts: Part[] }
  | { type: 'procsub'; dir: '<' | '>'; body: ListNode };

export interface WordNode {
  parts: Part[];
  /** Source text of the word. */
  raw: string;
  /** Any quoting character (' " \ $'…') appeared in the word. */
  quoted: boolean;
}

export type RedirectOp = '>' | '>>' | '>|' | '&>' | '&>>' | '<' | '<>' | '<<' | '<<-' | '<<<' | '>&' | '<&';

export interface HeredocBody {
  text: string;
  /** Quoted delimiter: the body is inert text. Unquoted: parts hold its live expansions. */
  quoted: boolean;
  parts: Part[];
}

export interface RedirectNode {
  /** fd number, or undefined when the default for the operator applies. */
  fd: number | undefined;
  /** `{var}>file` form. */
  fdVar?: string;
  op: RedirectOp;
  target: WordNode;
  heredoc?: HeredocBody;
}

export interface AssignNode {
  name: string;
  append: boolean;
  /** Scalar value; undefined for arrays. */
  value: WordNode | undefined;
  /** Elements of `name=( … )`. */
  elements?: WordNode[];
  raw: string;
  /** The whole assignment word (its subscript may hold substitutions too). */
  word: WordNode;
}

export interface SimpleNode {
  type: 'simple';
  assigns: AssignNode[];
  words: WordNode[];
  redirects: RedirectNode[];
  text: string;
  start: number;
  end: number;
}

export interface CaseItem {
  patterns: WordNode[];
  body: ListNode;
}

export type CompoundNode =
  | { type: 'subshell'; body: ListNode }
  | { type: 'group'; body: ListNode }
  | { type: 'if'; clauses: { cond: ListNode; body: ListNode }[]; otherwise: ListNode | undefined }
  | { type: 'loop'; keyword: 'while' | 'until'; cond: ListNode; body: ListNode; changesDir: boolean }
  | { type: 'for'; keyword: 'for' | 'select'; name: string; items: WordNode[] | undefined; body: ListNode; changesDir: boolean }
  | { type: 'arith-for'; parts: Part[]; body: ListNode; changesDir: boolean }
  | { type: 'case'; subject: WordNode; items: CaseItem[] }
  | { type: 'arith'; parts: Part[] }
  | { type: 'cond'; words: WordNode[] }
  | { type: 'function'; name: string; body: CommandNode; changesDir: boolean }
  | { type: 'coproc'; name: string | undefined; body: CommandNode };

export type CommandNode = SimpleNode | (CompoundNode & { redirects: RedirectNode[]; text: string; start: number; end: number });

export interface PipelineNode {
  type: 'pipeline';
  negated: boolean;
  timed: boolean;
  commands: CommandNode[];
}

export interface AndOrNode {
  type: 'andor';
  first: PipelineNode;
  rest: { op: '&&' | '||'; pipeline: PipelineNode }[];
}

export interface ListItem {
  node: AndOrNode;
  background: boolean;
}

export interface ListNode {
  type: 'list';
  items: ListItem[];
}
