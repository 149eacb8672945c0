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

/**
 * Every ```kei-task fenced block in a text (a fence line holding nothing else, indented or not),
 * in order. Linear in the text's length.
 */
export function findKeiTaskBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let from = 0;
  for (let at = text.indexOf(KEI_TASK_FENCE); at !== -1; at = text.indexOf(KEI_TASK_FENCE, from)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const fenceEnd = lineEnd(text, at);
    const indent = text.slice(lineStart, at);
    const info = text.slice(at + KEI_TASK_FENCE.length, fenceEnd).trim();
    if (!/^[ \t]*$/.test(indent) || info !== '') {
      from = at + KEI_TASK_FENCE.length;
      continue;
    }
    const block = readBlock(text, fenceEnd, indent.length);
    blocks.push({ body: block.body, line: countLines(text, lineStart) });
    from = block.next;
  }
  return blocks;
}

function countLines(text: string, upTo: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
