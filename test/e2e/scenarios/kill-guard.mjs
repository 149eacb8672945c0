// KILL GUARD: `modal app stop` is denied until the user's own prompt says "yes, stop it".
import { bash, report, spawnSteps } from '../lib/script.mjs';
import { deniedCommands, records } from '../lib/checks.mjs';

const STOP = 'modal app stop ap-123';

export default [
  {
    name: 'kei-modal-runner: `modal app stop` denied, then allowed after "yes, stop it"',
    needs: ['safety::kill-guard', 'src/shell/index.ts'],
    runs: () => [
      {
        prompt: '[lane:main] The training run ap-123 looks stuck.',
        lanes: [
          { name: 'runner', marker: '[lane:runner]', steps: [bash(STOP, 'Stop the stuck app', 'Stopping ap-123.'), { text: report() }] },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', 'Stop app ap-123.') },
        ],
      },
      {
        resume: true,
        prompt: 'Confirmed: yes, stop it. [turn:2]',
        lanes: [
          { name: 'runner', marker: '[lane:runner-again]', steps: [bash(STOP, 'Stop the app the user confirmed', 'The user confirmed; stopping ap-123.'), { text: report({ omit: ['KILL GUARD'] }) + '\nKILL GUARD: stop issued after literal "yes, stop it" user confirmation' }] },
          { name: 'main', marker: '[lane:main]', after: '[turn:2]', steps: spawnSteps('[lane:runner-again]', 'The user confirmed with "yes, stop it". Stop app ap-123.') },
        ],
      },
    ],
    check({ runs: [first, second], sandbox, expect }) {
      expect.that(deniedCommands(first).includes(STOP), `run 1: permission_denials lacks \`${STOP}\`: ${JSON.stringify(first.result.json.permission_denials)}`);
      expect.that(!deniedCommands(second).includes(STOP), `run 2: \`${STOP}\` was denied after "yes, stop it": ${JSON.stringify(second.result.json.permission_denials)}`);
      const stops = sandbox.shimCalls().filter((c) => c.startsWith('modal app stop'));
      expect.equal(stops, ['modal app stop ap-123'], 'modal app stop invocations that really ran');
      const denies = records(sandbox, { agentType: 'kei-modal-runner', capability: 'safety::kill-guard', decision: 'deny' });
      expect.that(denies.length === 1, `decision log: expected 1 kill-guard deny, found ${denies.length}`);
    },
  },
];
