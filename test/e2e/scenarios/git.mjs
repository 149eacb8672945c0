// No git for kit agents, whatever the wrapping; the main thread's own git is none of our business.
import { bash, report, spawnSteps } from '../lib/script.mjs';
import { deniedCommands, records, toolResults } from '../lib/checks.mjs';

function gitDenied(name, command) {
  return {
    name,
    needs: ['policy::no-git-ops', 'src/shell/index.ts'],
    runs: () => [
      {
        prompt: '[lane:main] Publish the training branch.',
        lanes: [
          { name: 'runner', marker: '[lane:runner]', steps: [bash(command, 'Publish the branch', 'Publishing the branch.'), { text: report() }] },
          { name: 'main', marker: '[lane:main]', steps: spawnSteps('[lane:runner]', 'Push the current branch to origin.') },
        ],
      },
    ],
    check({ runs: [run], sandbox, expect }) {
      expect.that(deniedCommands(run).includes(command), `permission_denials lacks \`${command}\`: ${JSON.stringify(run.result.json.permission_denials)}`);
      const denies = records(sandbox, { agentType: 'kei-modal-runner', event: 'PreToolUse', tool: 'Bash', capability: 'policy::no-git-ops', decision: 'deny' });
      expect.that(denies.length === 1, `decision log: expected 1 no-git-ops deny, found ${denies.length}`);
      const seen = toolResults(run.lanes.runner).join('\n');
      expect.that(seen.includes('policy::no-git-ops'), `the agent did not see the deny reason; its tool results: ${seen.slice(0, 300)}`);
    },
  };
}

const mainGitStatus = {
  name: "main thread's own `git status` is untouched",
  needs: [],
  runs: () => [
    {
      prompt: '[lane:main] What is the state of the repo?',
      lanes: [{ name: 'main', marker: '[lane:main]', steps: [bash('git status', 'Show working tree status', 'Checking.'), { text: 'Clean tree.' }] }],
    },
  ],
  check({ runs: [run], sandbox, expect }) {
    expect.equal(run.result.json.permission_denials, [], 'permission_denials');
    expect.equal(sandbox.decisions().length, 0, 'decision log lines for a main-thread call');
    const seen = toolResults(run.lanes.main).join('\n');
    expect.that(seen.includes('On branch main'), `git status did not run: ${seen.slice(0, 300)}`);
  },
};

export default [
  gitDenied('kei-modal-runner: `git push` is denied', 'git push origin main'),
  gitDenied("kei-modal-runner: `bash -c 'git push'` is denied", "bash -c 'git push origin main'"),
  mainGitStatus,
];
