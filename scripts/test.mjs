// Runs the vitest suite and ends with one plain summary line (`N passed, N failed`) that any CI
// can read. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kei-vitest-'));
const report = join(dir, 'report.json');
const result = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
let summary = 'tests: no report was written';
try {
  const data = JSON.parse(readFileSync(report, 'utf8'));
  summary = `tests: ${data.numPassedTests} passed, ${data.numFailedTests} failed, ${data.numPendingTests + data.numTodoTests} skipped`;
} catch {
  // keep the fallback line; the exit status still tells
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`\n${summary}\n`);
process.exit(result.status ?? 1);
