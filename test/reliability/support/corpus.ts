/** The commands of the labelled shell corpus (test/corpus/), for mutation fuzzing. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/gate.js';

export function corpusCommands(): string[] {
  const dir = join(REPO_ROOT, 'test', 'corpus');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as { command?: unknown };
      if (typeof entry.command === 'string') out.push(entry.command);
    }
  }
  return out;
}
