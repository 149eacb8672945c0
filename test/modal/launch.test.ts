import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanLaunches } from '../../src/modal/launch.js';
import { analyse, workspace } from './support/workspace.js';

const ws = workspace();
writeFileSync(join(ws.root, 'plain.py'), 'import json\nprint(json.dumps({}), flush=True)\n');
writeFileSync(join(ws.root, 'big.py'), 'import modal\n' + '# padding\n'.repeat(30_000) + 'f.remote(1)\n');
writeFileSync(join(ws.root, 'run.sh'), '#!/bin/bash\nset -e\nmodal run --detach train_good.py\n');
writeFileSync(join(ws.root, 'cpu_only.py'), 'import modal\napp = modal.App()\n@app.function()\ndef f():\n    pass\n');

function scan(command: string) {
  const s = scanLaunches(analyse(command, ws.root), command, ws.root);
  return { launches: s.launches.map((l) => `${l.via}${l.subcommand ? ` ${l.subcommand}` : ''} ${l.script?.shown ?? (l.code !== undefined ? '<code>' : '-')}`), doubts: s.doubts.length, appList: s.appList };
}

const CASES_1 = [
  ['modal run train_good.py', ['modal run train_good.py']],
  ['modal run --detach src/sweep.py::single', ['modal run src/sweep.py::single']],
  ['modal deploy train_good.py', ['modal deploy train_good.py']],
  ['modal serve inference_cls.py', ['modal serve inference_cls.py']],
  ['modal shell --gpu H100', ['modal shell -']],
  ['modal shell train_good.py::train', ['modal shell train_good.py::train']],
  ['modal shell cpu_only.py::f', []],
  ['modal shell', []],
  ['python -m modal run train_good.py', ['modal run train_good.py']],
  ['uv run modal run train_good.py', ['modal run train_good.py']],
  ['uvx modal run train_good.py', ['modal run train_good.py']],
  ['poetry run modal run train_good.py', ['modal run train_good.py']],
  ['pipx run modal deploy train_good.py', ['modal deploy train_good.py']],
  ["bash -c 'modal run train_good.py'", ['modal run train_good.py']],
  ['MODAL_ENVIRONMENT=dev modal run train_good.py', ['modal run train_good.py']],
  ['env MODAL_PROFILE=x modal run train_good.py', ['modal run train_good.py']],
  ['cd src && modal run sweep.py::main', ['modal run sweep.py::main']],
  ['nohup modal run --detach train_good.py > run.log 2>&1 &', ['modal run train_good.py']],
  ['timeout 3600 uv run modal run train_good.py', ['modal run train_good.py']],
  ['bash run.sh', ['modal run train_good.py']],
  ['echo "$(modal run train_good.py)"', ['modal run train_good.py']],
  ['python launch_remote.py', ['python launch_remote.py']],
  ['uv run python launch_remote.py', ['python launch_remote.py']],
  ['python -c "import modal; f = modal.Function.from_name(\'a\', \'f\'); f.remote(1)"', ['python <code>']],
  ['python plain.py', []],
  ['python missing.py', []],
  ['modal run train_good.py --help', []],
  ['modal app list', []],
  ['modal volume ls ckpt', []],
  ['ls -la && cat train_good.py', []],
] as const;

const CASES_2 = [
  ['modal run $SCRIPT'],
  ['$MODAL run train_good.py'],
  ['python $SCRIPT'],
  ['cd $DIR && python launch_remote.py'],
  ["cat > fresh.py <<'EOF'\nimport modal\nf.remote(1)\nEOF\npython fresh.py"],
] as const;

describe('launch detection', () => {
  it.each(CASES_1)('%s', (command, launches) => {
    const result = scan(command);
    expect(result.launches).toEqual(launches);
    expect(result.doubts).toBe(0);
  });

  it('resolves the launched script against cd', () => {
    const s = scanLaunches(analyse('cd src && modal run sweep.py::main', ws.root), '', ws.root);
    expect(s.launches[0]!.script).toMatchObject({ path: join(ws.root, 'src', 'sweep.py'), entry: 'main', writtenByCall: false });
    expect(s.launches[0]!.script!.source).toMatchObject({ ok: true });
  });

  it('notices modal app list', () => {
    expect(scan('modal app list --json').appList).toBe(true);
    expect(scan('uv run modal app list').appList).toBe(true);
    expect(scan('modal app list --help').appList).toBe(false);
  });

  it.each(CASES_2)('doubt: %s', (command) => {
    expect(scan(command).doubts).toBeGreaterThan(0);
  });

  it('python reading a heredoc that calls .remote is a launch', () => {
    expect(scan("python - <<'EOF'\nimport modal\nmodal.Function.from_name('a', 'f').remote(1)\nEOF").launches).toEqual(['python <code>']);
  });
});
