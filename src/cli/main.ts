import * as assemble from './commands/assemble.js';
import * as doctor from './commands/doctor.js';
import * as explain from './commands/explain.js';
import * as install from './commands/install.js';
import * as ledger from './commands/ledger.js';
import * as log from './commands/log.js';
import * as task from './commands/task.js';
import * as uninstall from './commands/uninstall.js';
import * as verify from './commands/verify.js';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  assemble: { summary: 'build agents/*.md from the manifests (--check: fail on drift)', run: assemble.run },
  verify: { summary: "check an agent's work in a worktree (scope, size, cargo, tests, report)", run: verify.run },
  explain: { summary: 'show which capabilities see a tool call and what they decide', run: explain.run },
  task: { summary: 'task check <file>: validate a kei-task spec and print it resolved', run: task.run },
  ledger: { summary: "today's Modal launches, their sum and the headroom under the daily cap", run: ledger.run },
  install: { summary: 'install the kit agents and hooks into a Claude config dir', run: install.run },
  uninstall: { summary: 'remove exactly what install added', run: uninstall.run },
  doctor: { summary: 'check the installation and run a self-test through each hook', run: doctor.run },
  log: { summary: 'the latest gate decisions, filterable', run: log.run },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: kei <command> [options]', '', '  hook <Event>  (run by Claude Code) answer one hook call on stdin', ...lines, ''].join('\n');
}

/** The `kei` command line (everything but `kei hook`, which the entry answers before loading this). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`kei: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  return command.run(args);
}
