/** The commands of the labelled shell corpus (test/corpus/commands.yaml), for mutation fuzzing. */
import { loadCorpus } from '../../corpus/corpus.js';

export function corpusCommands(): string[] {
  return loadCorpus().map((entry) => entry.command);
}
