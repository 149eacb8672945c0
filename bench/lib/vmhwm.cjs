// Preload for peak-memory runs where GNU time is missing: writes VmHWM (kB) when the process exits.
const { readFileSync, writeFileSync } = require('node:fs');

process.on('exit', () => {
  const match = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (match && process.env.KEI_BENCH_HWM_FILE) writeFileSync(process.env.KEI_BENCH_HWM_FILE, `${match[1]}\n`);
});
