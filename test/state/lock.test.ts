import { describe, expect, it } from 'vitest';
import { mkdirSync, utimesSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LockTimeout, withLock } from '../../src/state/lock.js';
import { tempDir } from '../helpers/gate.js';

describe('withLock', () => {
  it('runs the work, returns its value and releases the lock', () => {
    const lock = join(tempDir(), 'x.lock');
    expect(withLock(lock, () => 42)).toBe(42);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work throws', () => {
    const lock = join(tempDir(), 'x.lock');
    expect(() => withLock(lock, () => { throw new Error('inside'); })).toThrow('inside');
    expect(existsSync(lock)).toBe(false);
  });

  it('times out with LockTimeout while another holder keeps it', () => {
    const lock = join(tempDir(), 'x.lock');
    mkdirSync(lock);
    expect(() => withLock(lock, () => 1, 50)).toThrow(LockTimeout);
  });

  it('breaks a lock left behind by a holder that died', () => {
    const lock = join(tempDir(), 'x.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(withLock(lock, () => 'taken', 500)).toBe('taken');
  });
});
