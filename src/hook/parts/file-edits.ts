/**
 * What only a file tool (Edit, Write, MultiEdit) needs: the file as the call would leave it,
 * function lengths, and the dependency tables of a manifest. Loaded on first use (see bash.ts),
 * so a Bash call never loads the measurers. Only functions cross this line.
 */
import { MAX_MEASURED_CHARS } from '../../measure/index.js';

export { applyFileTool } from '../../measure/edit-result.js';
export { classify, hasExtension } from '../../measure/language.js';
export { readCurrent } from '../../measure/read-current.js';
export { sizeFindings } from '../../measure/size-limits.js';
export { dependencyChanges } from '../../deps/index.js';

/** The largest file the measurers read, as a call: a constant cannot cross a deferred boundary. */
export function maxMeasuredChars(): number {
  return MAX_MEASURED_CHARS;
}
