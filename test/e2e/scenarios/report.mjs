// SubagentStop: a report missing a required field is sent back; the agent's next turn fixes it.
import { keiTask, report, spawnSteps } from '../lib/script.mjs';
import { records } from '../lib/checks.mjs';

function feedbackTurns(lane) {
  return lane.requests.filter((r) => {
    const last = r.body.messages.filter((m) => m.role === 'user').at(-1);
    return typeof last?.content === 'string' && last.content.startsWith('Stop hook feedback');
  });
}

export default [
  {
    name: 'kei-modal-runner: SubagentStop with a missing report field blocked, next turn seen',
    needs: ['output::report-format', 'src/policy/task-binding.ts'],
    runs: () => [
      {
        prompt: '[lane:main] Report on the runs.',
        lanes: [
          { name: 'runner', marker: '[lane:runner]', steps: [{ text: report({ omit: ['blockers'] }) }, { text: report() }] },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', `Summarise the running apps.\n\n${keiTask({ fields: ['files-written', 'blockers'] })}`) },
        ],
      },
    ],
    check({ runs: [run], sandbox, expect }) {
      const stops = records(sandbox, { agentType: 'kei-modal-runner', event: 'SubagentStop', capability: 'output::report-format' });
      expect.equal(stops.map((r) => r.decision), ['block', 'pass'], 'report-format decisions at SubagentStop');
      const turns = feedbackTurns(run.lanes.runner);
      expect.equal(turns.length, 1, 'turns the agent got after a blocked stop');
      const feedback = turns[0]?.body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      expect.that(/blockers: missing/.test(feedback), `the feedback the agent got does not name the missing field: ${feedback.slice(0, 300)}`);
      expect.that(turns[0]?.position === 1, `the fixed report was not the agent's next turn (position ${turns[0]?.position})`);
      expect.equal(run.lanes.runner.overruns, 0, 'turns past the script (more blocks than expected)');
    },
  },
];
