import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const CORPUS_DIR = import.meta.dirname;
export const FIXTURES = join(CORPUS_DIR, 'fixtures');

const EntrySchema = z.strictObject({
  policy: z.enum(['no-git-ops', 'kill-guard', 'bash-read-only']),
  expect: z.enum(['block', 'allow']),
  command: z.string().min(1),
  reason: z.string().min(1),
  truth: z.literal(false).optional(),
});
export type CorpusEntry = z.infer<typeof EntrySchema>;

export const CAPABILITY: Record<CorpusEntry['policy'], string> = {
  'no-git-ops': 'policy::no-git-ops',
  'kill-guard': 'safety::kill-guard',
  'bash-read-only': 'tools::bash-read-only',
};

/** The labelled commands in commands.yaml, checked against their schema. */
export function loadCorpus(): CorpusEntry[] {
  return z.array(EntrySchema).parse(parse(readFileSync(join(CORPUS_DIR, 'commands.yaml'), 'utf8')));
}
