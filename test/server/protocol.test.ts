import { describe, expect, it } from 'vitest';
import { decodeAnswer, decodeRequest, encodeRequest } from '../../src/server/protocol.js';

describe('hook server protocol', () => {
  it('carries the event and the stdin bytes unchanged, newlines included', () => {
    const stdin = '{"a":"line one\\nline two"}\n\n';
    expect(decodeRequest(encodeRequest('PreToolUse', stdin))).toEqual({ event: 'PreToolUse', stdin });
    expect(decodeRequest('PostToolUse')).toEqual({ event: 'PostToolUse', stdin: '' });
  });

  it.each([
    ['a pass', '{"stdout":"","stderr":"","exitCode":0}', { stdout: '', stderr: '', exitCode: 0 }],
    ['a hard block', '{"stdout":"","stderr":"no","exitCode":2}', { stdout: '', stderr: 'no', exitCode: 2 }],
  ])('accepts %s', (_label, text, answer) => {
    expect(decodeAnswer(text)).toEqual(answer);
  });

  it.each([
    ['nothing', ''],
    ['half an answer', '{"stdout":"","stderr":"","exitC'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a number for stdout', '{"stdout":42,"stderr":"","exitCode":0}'],
    ['a missing stderr', '{"stdout":"","exitCode":0}'],
    ['exit code 1 (Claude Code would let the call through)', '{"stdout":"","stderr":"","exitCode":1}'],
    ['an exit code as a string', '{"stdout":"","stderr":"","exitCode":"0"}'],
  ])('refuses %s (the call is then decided in process)', (_label, text) => {
    expect(decodeAnswer(text)).toBeUndefined();
  });
});
