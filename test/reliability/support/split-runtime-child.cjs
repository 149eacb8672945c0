// One process that answers many hook calls in a row through the built runtime, as the hook
// server does: stdin is {distDir, policy, calls: [{event, payload}]}. When the runtime loads one
// of its parts, the part is handed over behind wrappers that record which of its functions get
// called, so a test sees every deferred use go through the built stand-ins, and which call
// loaded which part.
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const PART = /^(hook-runtime-(?!shared-)[a-z-]+)-[0-9a-f]{12}\.cjs$/;

function recordParts(state) {
  const wrapped = new Map();
  const require = Module.prototype.require;
  Module.prototype.require = function (id) {
    const real = require.call(this, id);
    const part = PART.exec(basename(id))?.[1];
    if (part === undefined) return real;
    if (!wrapped.has(part)) {
      state.loads.push({ part, call: state.call });
      state.exports[part] = Object.keys(real).map((key) => `${key}:${typeof real[key]}`);
      const recorded = {};
      for (const key of Object.keys(real)) {
        recorded[key] = (...args) => {
          state.called.add(`${part}.${key}`);
          return real[key](...args);
        };
      }
      wrapped.set(part, recorded);
    }
    return wrapped.get(part);
  };
}

async function main() {
  const spec = JSON.parse(readFileSync(0, 'utf8'));
  const state = { call: -1, loads: [], exports: {}, called: new Set() };
  recordParts(state);
  const runtime = require(join(spec.distDir, 'hook-runtime.cjs'));
  const answers = [];
  for (const [i, call] of spec.calls.entries()) {
    state.call = i;
    answers.push(await runtime.governedAnswer(call.event, call.payload, spec.distDir, spec.policy));
  }
  const loaded = Object.keys(require.cache).filter((file) => file.startsWith(spec.distDir)).map((file) => file.slice(spec.distDir.length + 1));
  process.stdout.write(JSON.stringify({ answers, called: [...state.called], exports: state.exports, loads: state.loads, loaded }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
