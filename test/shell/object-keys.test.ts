import { describe, expect, it } from 'vitest';
import { stateChanges } from '../../src/shell/classify/state-change.js';
import { stopFindings } from '../../src/shell/classify/stops.js';
import { analyse, writesOf } from './support.js';

/** Names of Object.prototype members: tables keyed by command name must not find them. */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', 'propertyIsEnumerable', 'toLocaleString'];

describe('command names that are keys of Object.prototype', () => {
  it.each(NAMES)('%s is an ordinary command: no error, no writes', (name) => {
    const analysis = analyse(`${name} a b`);
    expect(analysis.status).toBe('ok');
    expect(analysis.commands.map((c) => c.name)).toEqual([name]);
    expect(writesOf(`${name} a b`)).toEqual([]);
  });

  it.each(NAMES)('%s changes no state and stops nothing', (name) => {
    const analysis = analyse(`${name} install x`);
    expect(stateChanges(analysis)).toEqual([]);
    expect(stopFindings(analysis)).toEqual([]);
  });

  it('npm with a lifecycle name taken from Object.prototype runs no package script', () => {
    const analysis = analyse('npm constructor', { readScript: () => JSON.stringify({ scripts: { constructor: 'git push' } }) });
    expect(analysis.commands.map((c) => c.name)).toEqual(['npm']);
  });
});
