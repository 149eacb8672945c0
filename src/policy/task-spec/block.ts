/** The opening fence of a task block in a prompt. */
export const KEI_TASK_FENCE = '```kei-task';

export interface FencedBlock {
  /** The block's content, with the fence's indentation removed from every line. */
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
}

const CLOSING_FENCE = /^[ \t]*```+[ \t]*$/;

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function dedent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && (line[cut] === ' ' || line[cut] === '\t')) cut++;
  return line.slice(cut);
}

/** Reads the block after its fence line; it runs to the end of the text when it never closes. */
function readBlock(text: string, fenceEnd: number, indent: number): { body: string; next: number } {
  const lines: string[] = [];
  let pos = fenceEnd + 1;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end).replace(/\r$/, '');
    if (CLOSING_FENCE.test(line)) return { body: lines.join('\n'), next: end };
    lines.push(dedent(line, indent));
    pos = end + 1;
  }
  return { body: lines.join('\n'), next: text.length };
}

/** Start of the fence's line, or -1 when something other than indentation precedes it. */
function fenceLineStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start === 0 || text[start - 1] === '\n' ? start : -1;
}

/**
 * Every ```kei-task fenced block in a text (a fence line holding nothing else, indented or not),
 * in order. Linear in the text's length: each character is looked at a bounded number of times.
 */
export function findKeiTaskBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = { at: 0, count: 1 };
  let from = 0;
  for (let at = text.indexOf(KEI_TASK_FENCE); at !== -1; at = text.indexOf(KEI_TASK_FENCE, from)) {
    from = at + KEI_TASK_FENCE.length;
    const lineStart = fenceLineStart(text, at);
    if (lineStart === -1) continue;
    const fenceEnd = lineEnd(text, at);
    if (text.slice(from, fenceEnd).trim() !== '') continue;
    const block = readBlock(text, fenceEnd, at - lineStart);
    lines.count += countNewlines(text, lines.at, lineStart);
    lines.at = lineStart;
    blocks.push({ body: block.body, line: lines.count });
    from = block.next;
  }
  return blocks;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
