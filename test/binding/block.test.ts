import { describe, expect, it } from 'vitest';
import { findKeiTaskBlocks } from '../../src/policy/task-spec/block.js';

// [what, prompt, the blocks found]
const CASES: [string, string, { body: string; line: number }[]][] = [
  ['a block at the start', '```kei-task\nrole: edit-local\n```', [{ body: 'role: edit-local', line: 1 }]],
  ['a block after prose', 'Do it.\n\n```kei-task\na: 1\nb: 2\n```\nThanks.', [{ body: 'a: 1\nb: 2', line: 3 }]],
  ['CRLF line ends', 'x\r\n```kei-task\r\na: 1\r\n```\r\n', [{ body: 'a: 1', line: 2 }]],
  ['an indented block (in a list)', '- task:\n    ```kei-task\n    scope:\n      files-whitelist: [a]\n    ```', [{ body: 'scope:\n  files-whitelist: [a]', line: 2 }]],
  ['a longer closing fence', '```kei-task\na: 1\n`````\nafter', [{ body: 'a: 1', line: 1 }]],
  ['a block that never closes runs to the end', '```kei-task\na: 1\nb: 2', [{ body: 'a: 1\nb: 2', line: 1 }]],
  ['trailing spaces on the fence', '```kei-task  \na: 1\n```', [{ body: 'a: 1', line: 1 }]],
  ['another info string is not ours', '```kei-tasks\na: 1\n```\n```kei-task yaml\nb: 1\n```', []],
  ['a mention inside a sentence is not a fence', 'Put a ```kei-task block in the prompt.', []],
  ['a plain yaml block is not ours', '```yaml\na: 1\n```', []],
  ['two blocks are both found', '```kei-task\na: 1\n```\n\n```kei-task\nb: 2\n```', [{ body: 'a: 1', line: 1 }, { body: 'b: 2', line: 5 }]],
  ['an empty block', '```kei-task\n```', [{ body: '', line: 1 }]],
];

describe('findKeiTaskBlocks', () => {
  it.each(CASES)('%s', (_what, prompt, blocks) => {
    expect(findKeiTaskBlocks(prompt)).toEqual(blocks);
  });

  it('scans a large prompt in linear time', () => {
    const prompt = 'x ```kei-task '.repeat(50_000) + '\n```kei-task\na: 1\n```';
    const start = performance.now();
    expect(findKeiTaskBlocks(prompt)).toEqual([{ body: 'a: 1', line: 2 }]);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
