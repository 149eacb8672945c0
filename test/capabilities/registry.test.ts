import { describe, expect, it } from 'vitest';
import { loadCapabilities } from '../../src/policy/sources.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { REPO_ROOT } from '../helpers/gate.js';

const sources = loadCapabilities(REPO_ROOT);

describe('capability registry matches capabilities/', () => {
  it('declares exactly the capabilities that have data', () => {
    expect([...CAPABILITY_MODULES.keys()].sort()).toEqual([...sources.keys()].sort());
  });

  describe.each([...sources.keys()].sort())('%s', (name) => {
    const { meta, text } = sources.get(name)!;
    const module = CAPABILITY_MODULES.get(name)!;
    const gateEvents = meta.hooks.filter((h) => h.event !== 'UserPromptSubmit');

    it('has a gate exactly when it binds tool events', () => {
      expect(Boolean(module.gate)).toBe(gateEvents.length > 0);
    });

    it('has a verify exactly when capability.yaml says so', () => {
      expect(Boolean(module.verify)).toBe(meta.verify);
    });

    it('observes user prompts exactly when it binds UserPromptSubmit', () => {
      expect(Boolean(module.observe)).toBe(meta.hooks.some((h) => h.event === 'UserPromptSubmit'));
    });

    it('does something: a gate or a verify', () => {
      expect(Boolean(module.gate || module.verify)).toBe(true);
    });

    it('has rule text that starts with its heading and is not a placeholder', () => {
      expect(text.startsWith('## ')).toBe(true);
      expect(text).not.toMatch(/placeholder/i);
      expect(meta.description).not.toMatch(/placeholder/i);
    });
  });
});
