// The task's whitelist (bound through a kei-task block in the spawn prompt) and the size rules.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keiTask, read, report, spawnSteps } from '../lib/script.mjs';
import { deniedPaths, records } from '../lib/checks.mjs';

const edit = (file, oldString, newString) => ({ tool: { name: 'Edit', input: { file_path: file, old_string: oldString, new_string: newString } } });
const write = (file, content) => ({ tool: { name: 'Write', input: { file_path: file, content } } });

function longFunction(lines) {
  const body = Array.from({ length: lines - 2 }, (_, i) => `    total += ${i}`);
  return ['def prepare(config):', '    total = 0', ...body.slice(1), '    return total', ''].join('\n');
}

const editOutside = {
  name: 'kei-modal-runner: Edit outside the kei-task whitelist denied, inside allowed',
  needs: ['scope::files-whitelist', 'src/policy/task-binding.ts'],
  runs: (sandbox) => {
    const app = join(sandbox.project, 'src', 'app.py');
    const config = join(sandbox.project, 'training', 'configs', 'a.yaml');
    return [
      {
        prompt: '[lane:main] Tune the learning rate.',
        lanes: [
          { name: 'runner', marker: '[lane:runner]', steps: [read(app), edit(app, '"ok": True', '"ok": False'), read(config), edit(config, 'lr: 0.001', 'lr: 0.0005'), { text: report() }] },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', `Halve the learning rate.\n\n${keiTask({ whitelist: ['training/**'] })}`) },
        ],
      },
    ];
  },
  check({ runs: [run], sandbox, expect }) {
    expect.equal(deniedPaths(run), [join(sandbox.project, 'src', 'app.py')], 'denied paths');
    expect.that(readFileSync(join(sandbox.project, 'src', 'app.py'), 'utf8').includes('"ok": True'), 'src/app.py was changed');
    expect.that(readFileSync(join(sandbox.project, 'training', 'configs', 'a.yaml'), 'utf8').includes('lr: 0.0005'), 'the whitelisted edit did not happen');
    const denies = records(sandbox, { agentType: 'kei-modal-runner', tool: 'Edit', capability: 'scope::files-whitelist', decision: 'deny' });
    expect.that(denies.length === 1, `decision log: expected 1 whitelist deny, found ${denies.length}`);
  },
};

const longWrite = {
  name: 'kei-modal-runner: Write of a 40-line function denied, a short one allowed',
  needs: ['quality::constructor-pattern', 'scope::files-whitelist', 'src/policy/task-binding.ts'],
  runs: (sandbox) => [
    {
      prompt: '[lane:main] Add the data preparation helper.',
      lanes: [
        {
          name: 'runner',
          marker: '[lane:runner]',
          steps: [
            write(join(sandbox.project, 'training', 'prepare.py'), longFunction(40)),
            write(join(sandbox.project, 'training', 'small.py'), 'def prepare(config):\n    return config\n'),
            { text: report() },
          ],
        },
        { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', `Add training/prepare.py.\n\n${keiTask({ whitelist: ['training/**'] })}`) },
      ],
    },
  ],
  check({ runs: [run], sandbox, expect }) {
    expect.equal(deniedPaths(run), [join(sandbox.project, 'training', 'prepare.py')], 'denied paths');
    expect.that(!existsSync(join(sandbox.project, 'training', 'prepare.py')), 'the 40-line function was written');
    expect.that(existsSync(join(sandbox.project, 'training', 'small.py')), 'the short function was not written');
    const denies = records(sandbox, { agentType: 'kei-modal-runner', tool: 'Write', capability: 'quality::constructor-pattern', decision: 'deny' });
    expect.that(denies.length === 1, `decision log: expected 1 constructor-pattern deny, found ${denies.length}`);
  },
};

export default [editOutside, longWrite];
