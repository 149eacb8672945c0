/** Lines as `wc -l` counts them: newline characters, so a last line without one is not counted. */
export function countLines(content: string): number {
  let count = 0;
  let at = content.indexOf('\n');
  while (at !== -1) {
    count += 1;
    at = content.indexOf('\n', at + 1);
  }
  return count;
}

/** Offsets where each line starts (index 0 = line 1), for turning offsets into line numbers. */
export function lineStarts(content: string): number[] {
  const starts = [0];
  let at = content.indexOf('\n');
  while (at !== -1) {
    starts.push(at + 1);
    at = content.indexOf('\n', at + 1);
  }
  return starts;
}

/** 1-based line of an offset, by binary search over lineStarts(). */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
