// The demo's world: a temp Claude config dir with the kit installed, a state dir, a real git
// worktree of a small Modal training project, and Claude Code's transcript layout for one
// session with one kei-modal-runner subagent.
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const TRAIN_PY = `import modal

app = modal.App("llm-finetune")
vol = modal.Volume.from_name("ckpt", create_if_missing=True)


@app.function(gpu="H100", volumes={"/ckpt": vol}, timeout=3600, retries=modal.Retries(max_retries=1))
def train(config: str):
    import torch

    model = torch.nn.Linear(8, 8)
    for step in range(1, 1001):
        if step % 250 == 0:
            print(f"step {step}", flush=True)
        if step % 500 == 0:
            torch.save(model.state_dict(), f"/ckpt/step-{step}.pt")
            vol.commit()


@app.local_entrypoint()
def main(config: str = "training/configs/a.yaml"):
    print(train.spawn(config).object_id, flush=True)
`;

const FILES = {
  'training/train.py': TRAIN_PY,
  'training/configs/a.yaml': 'lr: 0.001\nsteps: 1000\n',
  'src/app.py': 'def handler(event):\n    return {"ok": True}\n',
  'README.md': '# llm-finetune\n',
};

function git(cwd, ...args) {
  const who = { GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@localhost', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@localhost' };
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, ...who } });
}

function makeWorktree(root) {
  const worktree = join(root, 'work', 'llm-finetune');
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(worktree, file)), { recursive: true });
    writeFileSync(join(worktree, file), text);
  }
  git(worktree, 'init', '-q', '-b', 'main');
  git(worktree, 'add', '-A');
  git(worktree, 'commit', '-q', '-m', 'training scripts');
  return worktree;
}

const line = (file, record) => appendFileSync(file, JSON.stringify(record) + '\n');

/** Writers for the transcript lines Claude Code keeps for the session and its subagent. */
function transcriptWriters({ session, agentId, transcript, agentTranscript }) {
  const agentLine = (message, extra = {}) => line(agentTranscript, { isSidechain: true, agentId, sessionId: session, ...extra, message });
  return {
    userSays: (text) => line(transcript, { type: 'user', sessionId: session, message: { role: 'user', content: text } }),
    spawned(prompt, toolUseId) {
      agentLine({ role: 'user', content: prompt }, { type: 'user' });
      writeFileSync(join(dirname(agentTranscript), `agent-${agentId}.meta.json`), JSON.stringify({ agentType: 'kei-modal-runner', toolUseId }));
    },
    agentSays(text, toolUse) {
      const id = `msg_demo_${Math.random().toString(36).slice(2, 10)}`;
      if (text) agentLine({ id, role: 'assistant', content: [{ type: 'text', text }] }, { type: 'assistant' });
      if (toolUse) agentLine({ id, role: 'assistant', content: [{ type: 'tool_use', ...toolUse }] }, { type: 'assistant' });
    },
    toolResult: (toolUseId, content, isError = false) => agentLine({ role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUseId, content, is_error: isError }] }, { type: 'user' }),
  };
}

/** Creates everything under one temp dir; returns paths and transcript writers. */
export function createWorld(repoRoot) {
  const root = mkdtempSync(join(tmpdir(), 'kei-demo-'));
  const config = join(root, 'claude');
  mkdirSync(config, { recursive: true });
  execFileSync(process.execPath, [join(repoRoot, 'dist', 'kei.cjs'), 'install', '--target', config], { stdio: 'ignore' });
  const worktree = makeWorktree(root);
  const session = '5f1c2d9e-7a40-4b8e-9c1d-demo00000001';
  const agentId = 'a7d3e9f01b2c4d5e6';
  const projectDir = join(config, 'projects', worktree.replace(/[^A-Za-z0-9]/g, '-'));
  const paths = { session, agentId, transcript: join(projectDir, `${session}.jsonl`), agentTranscript: join(projectDir, session, 'subagents', `agent-${agentId}.jsonl`) };
  mkdirSync(dirname(paths.agentTranscript), { recursive: true });
  writeFileSync(paths.transcript, '');
  return { root, config, stateDir: join(root, 'state'), worktree, ...paths, ...transcriptWriters(paths) };
}
