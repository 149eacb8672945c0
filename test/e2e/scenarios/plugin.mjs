// The repo as a plugin (`claude --plugin-dir`): its hooks govern its own namespaced agents.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bash, report, spawnSteps } from '../lib/script.mjs';
import { deniedCommands, records } from '../lib/checks.mjs';

const PUSH = 'git push origin main';

const validates = {
  name: '`claude plugin validate` accepts the plugin and the marketplace entry',
  needs: [],
  install: 'plugin',
  runs: () => [],
  check({ sandbox, expect, bin, repoRoot }) {
    for (const target of [repoRoot, join(repoRoot, '.claude-plugin', 'marketplace.json')]) {
      const run = spawnSync(bin, ['plugin', 'validate', target], { env: { HOME: sandbox.home, PATH: sandbox.path, DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' }, encoding: 'utf8', timeout: 60_000 });
      const out = `${run.stdout}${run.stderr}`;
      expect.that(run.status === 0 && /Validation passed/.test(out), `claude plugin validate ${target} exited ${run.status}: ${out.slice(-400)}`);
    }
  },
};

export default [
  validates,
  {
    name: 'plugin (--plugin-dir): kei-substrate:kei-modal-runner is governed, `git push` denied',
    needs: ['policy::no-git-ops', 'src/shell/index.ts'],
    install: 'plugin',
    runs: () => [
      {
        prompt: '[lane:main] Publish the training branch.',
        lanes: [
          { name: 'runner', marker: '[lane:runner]', steps: [bash(PUSH, 'Publish the branch', 'Publishing.'), { text: report() }] },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', 'Push the current branch.', 'kei-substrate:kei-modal-runner') },
        ],
      },
    ],
    check({ runs: [run], sandbox, expect }) {
      const seen = records(sandbox, { agentType: 'kei-substrate:kei-modal-runner' });
      expect.that(seen.length > 0 && seen.every((r) => r.agentType === 'kei-substrate:kei-modal-runner'), `the plugin's hooks logged nothing for kei-substrate:kei-modal-runner (log: ${sandbox.decisions().length} lines)`);
      expect.that(deniedCommands(run).includes(PUSH), `permission_denials lacks \`${PUSH}\`: ${JSON.stringify(run.result.json.permission_denials)}`);
      const denies = records(sandbox, { agentType: 'kei-modal-runner', capability: 'policy::no-git-ops', decision: 'deny' });
      expect.that(denies.length === 1, `decision log: expected 1 no-git-ops deny, found ${denies.length}`);
    },
  },
];
