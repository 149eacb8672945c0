import { describe, expect, it } from 'vitest';
import { mailboxFor, serverKey, type ServerIdentity } from '../../src/server/address.js';

const base: ServerIdentity = {
  runtimeId: 'abc123',
  nodeVersion: 'v20.20.2',
  execPath: '/usr/bin/node',
  env: { HOME: '/home/u', PATH: '/usr/bin', KEI_STATE_DIR: '/s', SHELL: '/bin/bash', PWD: '/work' },
};

describe('hook server address', () => {
  it('names a 16-hex-digit key that is stable for the same identity', () => {
    expect(serverKey(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(serverKey({ ...base, env: { ...base.env } })).toBe(serverKey(base));
  });

  it.each([
    ['another runtime build', { runtimeId: 'abc124' }],
    ['another Node version', { nodeVersion: 'v22.0.0' }],
    ['another Node binary', { execPath: '/opt/node/bin/node' }],
    ['another HOME', { env: { ...base.env, HOME: '/home/v' } }],
    ['another PATH', { env: { ...base.env, PATH: '/bin' } }],
    ['another state dir', { env: { ...base.env, KEI_STATE_DIR: '/t' } }],
    ['a KEI_ setting', { env: { ...base.env, KEI_HOOK_DEADLINE_MS: '300' } }],
    ['another Claude config dir', { env: { ...base.env, CLAUDE_CONFIG_DIR: '/c' } }],
    ['another TMPDIR', { env: { ...base.env, TMPDIR: '/var/tmp' } }],
  ])('gets another server for %s', (_label, change) => {
    expect(serverKey({ ...base, ...change })).not.toBe(serverKey(base));
  });

  it.each([
    ['the working directory', { PWD: '/elsewhere' }],
    ['the shell', { SHELL: '/bin/zsh' }],
    ['a variable the runtime never reads', { CLAUDE_CODE_ENTRYPOINT: 'cli' }],
  ])('shares the server when only %s differs', (_label, extra) => {
    expect(serverKey({ ...base, env: { ...base.env, ...extra } })).toBe(serverKey(base));
  });

  it('puts the mailbox in the state dir', () => {
    expect(mailboxFor('/s', base)).toBe(`/s/run/hook-${serverKey(base)}`);
  });
});
