// A launch needs the dollar estimate first; with it (and the checklist done) it goes through.
import { join } from 'node:path';
import { bash, read, report, spawnSteps } from '../lib/script.mjs';
import { deniedCommands, records } from '../lib/checks.mjs';

const LAUNCH = 'modal run training/train.py::main --config training/configs/a.yaml';

export default [
  {
    name: 'kei-modal-runner: launch without an estimate denied, with one allowed',
    needs: ['modal::cost-line', 'modal::prelaunch', 'modal::script-lint', 'src/shell/index.ts'],
    runs: (sandbox) => [
      {
        prompt: '[lane:main] Launch the single-variant smoke run.',
        lanes: [
          {
            name: 'runner',
            marker: '[lane:runner]',
            steps: [
              bash('modal app list', 'List running Modal apps', 'First, what is already running.'),
              read(join(sandbox.project, 'training', 'train.py')),
              bash(LAUNCH, 'Launch the smoke run', 'Launching the smoke run.'),
              bash(LAUNCH, 'Launch the smoke run', 'Estimate: $2.25 (= 1 × 0.5h × $4.50/hr/gpu)'),
              { text: report() },
            ],
          },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', 'Launch training/train.py as a single-variant smoke run.') },
        ],
      },
    ],
    check({ runs: [run], sandbox, expect }) {
      expect.equal(deniedCommands(run), [LAUNCH], 'denied Bash commands (only the launch without an estimate)');
      const launches = sandbox.shimCalls().filter((c) => c.startsWith('modal run'));
      expect.equal(launches.length, 1, 'launches that really ran');
      const denies = records(sandbox, { agentType: 'kei-modal-runner', capability: 'modal::cost-line', decision: 'deny' });
      expect.that(denies.length === 1, `decision log: expected 1 cost-line deny, found ${denies.length}`);
    },
  },
];
