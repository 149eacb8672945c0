import type { ExecutedCommand } from '../../shell/types.js';
import type { Args, Verdict } from './args.js';
import { bun, npm, pnpm, yarn } from './javascript.js';
import { conda, pdm, pip, pipenv, poetry, pythonModulePip, uv } from './python.js';
import { cargo, cargoPlugin, go } from './rust-go.js';

export type { Verdict } from './args.js';

type Rule = (args: Args) => Verdict | undefined;

const PYTHON = /^(?:python[\d.]*|py|pypy[\d.]*)$/;
const PIP = /^pip[\d.]*$/;

/** The rule for a command name, if it is a package manager we know. */
function ruleFor(name: string): Rule | undefined {
  if (PIP.test(name)) return pip;
  if (PYTHON.test(name)) return (args) => {
    const pipArgs = pythonModulePip(args);
    return pipArgs ? pip(pipArgs) : undefined;
  };
  if (name === 'cargo-add' || name === 'cargo-rm' || name === 'cargo-upgrade') return cargoPlugin(name);
  return RULES[name];
}

const RULES: Record<string, Rule> = {
  cargo, npm, yarn, pnpm, bun, uv, poetry, pipenv, pdm, go, conda, mamba: conda, micromamba: conda,
};

export interface DependencyCommand {
  /** The tool it is or, for a command whose name is not static, could be. */
  tool: string;
  /** The name was not static: the tool is a guess from the arguments. */
  guessed: boolean;
  verdict: Verdict;
}

/**
 * Whether one executed command would add, remove or upgrade dependencies or rewrite a lock
 * file. A command whose name is not static is checked against every tool's rules: if its
 * arguments would be a dependency change for any of them, it counts as one.
 */
export function dependencyCommand(command: ExecutedCommand): DependencyCommand | undefined {
  if (!command.dynamicName) {
    const rule = ruleFor(command.name);
    const found = rule?.(command.args);
    return found ? { tool: command.name, guessed: false, verdict: found } : undefined;
  }
  // With no arguments there is nothing to tell a package manager from any other program.
  if (command.args.length === 0) return undefined;
  for (const [tool, rule] of [['python', ruleFor('python')!], ['pip', pip], ...Object.entries(RULES)] as Array<[string, Rule]>) {
    const found = rule(command.args);
    if (found) return { tool, guessed: true, verdict: found };
  }
  return undefined;
}
