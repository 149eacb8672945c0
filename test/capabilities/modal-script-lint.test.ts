import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, kinds, modalSession, type ModalSession } from '../modal/support/modal-gate.js';

const LINT = 'modal::script-lint';
const edited = (s: ModalSession, file: string, tool = 'Write') => call(LINT, s, undefined, { event: 'PostToolUse', tool, toolInput: { file_path: s.file(file) } });

describe('modal::script-lint — after an edit', () => {
  it('every finding comes back as a warning with file and line', () => {
    const out = edited(modalSession(), 'train_bad.py');
    expect(kinds(out)).toEqual(['warn map-call', 'warn print-no-flush', 'warn volume-no-commit', 'warn no-retries', 'warn no-checkpoint']);
    expect(out.map((o) => o.reason)).toEqual([
      'train_bad.py:29: `train.map(...)` fans out with .map(): one failing input cancels the whole batch (return_exceptions=False). Launch each input with .spawn() and collect the handles with .get() instead.',
      "train_bad.py:20: print() without flush=True on line(s) 20, 30: a long run's output stays buffered and the run looks dead. Add flush=True to each.",
      'train_bad.py:21: volume `results` is written (line(s) 21) but never committed, so the writes are lost when the container stops. Call results.commit() after each write, checkpoints included.',
      'train_bad.py:10: training function `train` has no retries. Add retries=modal.Retries(max_retries=1) to its decorator so one lost container does not end the run.',
      'train_bad.py:10: training function `train` never saves model state. Save the state_dict() (e.g. torch.save) to a committed volume every 500 steps, not only metrics.',
    ]);
  });

  it.each([['train_good.py'], ['sweep.py'], ['tricky_strings.py'], ['launch_remote.py']])('%s is clean', (file) => {
    expect(kinds(edited(modalSession(), file, 'Edit'))).toEqual([]);
  });

  it('Python that does not import modal, and other files, are not linted', () => {
    const s = modalSession();
    writeFileSync(s.file('util.py'), 'print("no flush")\n');
    writeFileSync(s.file('notes.md'), 'train.map(x)\nprint("x")\n');
    expect(kinds(edited(s, 'util.py'))).toEqual([]);
    expect(kinds(edited(s, 'notes.md'))).toEqual([]);
    expect(kinds(edited(s, 'does_not_exist.py'))).toEqual([]);
  });
});

describe('modal::script-lint — at launch', () => {
  it('.map( and an uncommitted volume deny; the rest warn', () => {
    const out = call(LINT, modalSession(), 'modal run train_bad.py');
    expect(kinds(out)).toEqual(['deny map-call', 'warn print-no-flush', 'deny volume-no-commit', 'warn no-retries', 'warn no-checkpoint']);
    expect(out[0]!.data).toMatchObject({ file: 'train_bad.py', line: 29, call: 'train.map(...)' });
  });

  it('a clean script launches without findings', () => {
    expect(kinds(call(LINT, modalSession(), 'modal run --detach train_good.py'))).toEqual([]);
  });

  it('the launched script is found through cd and launchers', () => {
    expect(kinds(call(LINT, modalSession(), 'cd src && uv run modal run inference_cls.py'))).toEqual(['deny map-call', 'deny volume-no-commit']);
  });

  it('inline Python that launches is linted too', () => {
    const code = "import modal\nf = modal.Function.from_name('app', 'train')\nprint(list(f.map([1, 2])))";
    const out = call(LINT, modalSession(), `python -c "${code}"`);
    expect(kinds(out)).toEqual(['deny map-call', 'warn print-no-flush']);
    expect(out[0]!.data).toMatchObject({ file: 'the inline code' });
  });

  it('commands that launch nothing are not linted', () => {
    expect(kinds(call(LINT, modalSession(), 'cat train_bad.py'))).toEqual([]);
  });
});
