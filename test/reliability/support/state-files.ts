/** Reading back what hook processes left in a state dir. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every line of a JSONL file, parsed; lines that are not JSON come back as { unparsable }. */
export function jsonLines(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return { unparsable: l.slice(0, 120) };
      }
    });
}

/** Every .json file under dir (session facts, binding caches, reservations) that does not parse. */
export function corruptJsonFiles(dir: string): string[] {
  const bad: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        try {
          JSON.parse(readFileSync(path, 'utf8'));
        } catch {
          bad.push(path);
        }
      }
    }
  };
  walk(dir);
  return bad;
}
