// The project the agents work in: a small Modal training repo, committed to git.
const TRAIN = `import modal

app = modal.App("train-e2e")
vol = modal.Volume.from_name("ckpt", create_if_missing=True)
image = modal.Image.debian_slim().pip_install("torch>=2.1")


@app.function(gpu="H100", image=image, volumes={"/ckpt": vol}, timeout=3600, retries=modal.Retries(max_retries=1))
def train(config: str):
    import torch

    model = torch.nn.Linear(8, 8)
    for step in range(1, 1001):
        if step % 250 == 0:
            print(f"step {step}", flush=True)
        if step % 500 == 0:
            torch.save(model.state_dict(), f"/ckpt/step-{step}.pt")
            vol.commit()
    return "ok"


@app.local_entrypoint()
def main(config: str = "configs/a.yaml"):
    call = train.spawn(config)
    print(call.object_id, flush=True)
`;

export const PROJECT_FILES = {
  'training/train.py': TRAIN,
  'training/configs/a.yaml': 'lr: 0.001\nsteps: 1000\n',
  'src/app.py': 'def handler(event):\n    return {"ok": True}\n',
  'README.md': '# train-e2e\n',
  '.gitignore': '__pycache__/\n',
};
