/**
 * Modal volumes in a script: where each is mounted, which code writes under a mount path
 * (followed through simple assignments such as CKPT = f"{MOUNT}/ckpt"), and which volumes
 * are committed. A write into a volume that is never committed is lost when the container ends.
 */
import type { PyToken } from './python-tokens.js';
import type { PyStructure } from './python-structure.js';
import { closingBracket } from './python-structure.js';
import { expressionEnd, isName, isOp, receiverName, stringConstants } from './token-query.js';

export interface VolumeWrite {
  line: number;
  /** The call or keyword that writes, e.g. 'torch.save', 'open', 'output_dir'. */
  api: string;
  mount: string;
  /** The volume variable mounted there (undefined for an inline Volume expression). */
  volume: string | undefined;
}

export interface VolumeFacts {
  defined: { name: string | undefined; line: number }[];
  writes: VolumeWrite[];
  /** Volume variables with a .commit() call; '*' for a commit on an inline Volume expression. */
  commits: Set<string>;
}

const CONSTRUCTORS = new Set(['from_name', 'lookup', 'persisted', 'new', 'ephemeral']);
const WRITE_CALLEE = /save|write|dump|export|checkpoint|copy|move|^open$|^to_(csv|parquet|json)$/i;
const OUTPUT_KEYWORDS = new Set(['output_dir', 'save_dir', 'checkpoint_dir', 'ckpt_dir', 'logging_dir', 'save_path']);

function assignedName(tokens: PyToken[], i: number): string | undefined {
  let k = i;
  while (k > 0 && tokens[k - 1]!.type !== 'newline') k--;
  return isName(tokens[k]) && isOp(tokens[k + 1], '=') ? tokens[k]!.value : undefined;
}

function definedVolumes(tokens: PyToken[]): VolumeFacts['defined'] {
  const out: VolumeFacts['defined'] = [];
  tokens.forEach((t, i) => {
    if (isName(t, 'Volume') && isOp(tokens[i + 1], '.') && CONSTRUCTORS.has(tokens[i + 2]?.value ?? '')) out.push({ name: assignedName(tokens, i), line: t.line });
  });
  return out;
}

/** `volumes={"/ckpt": vol, MOUNT: modal.Volume.from_name(...)}` → mount path → variable. */
function mounts(tokens: PyToken[], constants: Map<string, string>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  tokens.forEach((t, i) => {
    if (!isName(t, 'volumes') || !isOp(tokens[i + 1], '=') || !isOp(tokens[i + 2], '{')) return;
    const open = i + 2;
    const close = closingBracket(tokens, open);
    for (let k = open + 1; k < close; k++) {
      const key = tokens[k]!;
      if (key.depth !== t.depth + 1 || !isOp(tokens[k + 1], ':')) continue;
      const path = key.type === 'string' ? key.value : constants.get(key.value);
      const end = expressionEnd(tokens, k + 2);
      const single = end === k + 3 && isName(tokens[k + 2]);
      if (path) out.set(path, single ? tokens[k + 2]!.value : undefined);
    }
  });
  return out;
}

function under(value: string, mount: string): boolean {
  const base = mount.endsWith('/') ? mount.slice(0, -1) : mount;
  return value === base || value.startsWith(`${base}/`);
}

type Taint = Map<string, Set<string>>;

/** Mount paths that the tokens [from, to) refer to, directly or through tainted names. */
function mountsIn(tokens: PyToken[], from: number, to: number, paths: string[], taint: Taint): Set<string> {
  const found = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type === 'string') {
      for (const m of paths) if (under(t.value, m)) found.add(m);
      if (t.prefix.includes('f')) for (const [name, ms] of taint) if (t.value.includes(`{${name}`)) ms.forEach((m) => found.add(m));
    } else if (t.type === 'name' && !isOp(tokens[i - 1], '.')) {
      taint.get(t.value)?.forEach((m) => found.add(m));
    }
  }
  return found;
}

function propagate(tokens: PyToken[], paths: string[], taint: Taint): void {
  for (let pass = 0; pass < 2; pass++) {
    tokens.forEach((t, i) => {
      const starts = i === 0 || tokens[i - 1]!.type === 'newline' || isOp(tokens[i - 1], '(') || isOp(tokens[i - 1], ',');
      if (!starts || !isName(t) || !isOp(tokens[i + 1], '=')) return;
      const found = mountsIn(tokens, i + 2, expressionEnd(tokens, i + 2), paths, taint);
      if (found.size === 0) return;
      const set = taint.get(t.value) ?? new Set<string>();
      found.forEach((m) => set.add(m));
      taint.set(t.value, set);
    });
  }
}

function openMode(tokens: PyToken[], open: number, close: number): boolean {
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i]!;
    if (t.type === 'string' && t.depth === tokens[open]!.depth + 1 && /^[rwabxt+]{1,4}$/.test(t.value) && /[wax+]/.test(t.value)) return true;
  }
  return false;
}

function writes(tokens: PyToken[], paths: string[], taint: Taint, volumeAt: Map<string, string | undefined>): VolumeWrite[] {
  const out: VolumeWrite[] = [];
  const add = (line: number, api: string, found: Set<string>) => found.forEach((mount) => out.push({ line, api, mount, volume: volumeAt.get(mount) }));
  tokens.forEach((t, i) => {
    if (!isName(t)) return;
    if (isOp(tokens[i + 1], '(') && WRITE_CALLEE.test(t.value)) {
      const close = closingBracket(tokens, i + 1);
      if (t.value === 'open' && !openMode(tokens, i + 1, close)) return;
      const api = isOp(tokens[i - 1], '.') && isName(tokens[i - 2]) ? `${tokens[i - 2]!.value}.${t.value}` : t.value;
      add(t.line, api, mountsIn(tokens, i + 2, close, paths, taint));
    } else if (OUTPUT_KEYWORDS.has(t.value) && isOp(tokens[i + 1], '=') && t.depth > 0) {
      add(t.line, t.value, mountsIn(tokens, i + 2, expressionEnd(tokens, i + 2), paths, taint));
    }
  });
  return out;
}

function commits(tokens: PyToken[], volumeNames: Set<string>): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!isOp(t, '.') || !isName(tokens[i + 1], 'commit') || !isOp(tokens[i + 2], '(')) return;
    const receiver = receiverName(tokens, i);
    if (receiver !== undefined && volumeNames.has(receiver)) out.add(receiver);
    else if (receiver !== undefined && CONSTRUCTORS.has(receiver)) out.add('*');
  });
  return out;
}

export function volumeFacts(structure: PyStructure): VolumeFacts {
  const { tokens } = structure;
  const defined = definedVolumes(tokens);
  if (defined.length === 0) return { defined, writes: [], commits: new Set() };
  const volumeAt = mounts(tokens, stringConstants(tokens));
  const paths = [...volumeAt.keys()];
  const taint: Taint = new Map();
  propagate(tokens, paths, taint);
  const names = new Set(defined.flatMap((d) => (d.name ? [d.name] : [])));
  return { defined, writes: writes(tokens, paths, taint, volumeAt), commits: commits(tokens, names) };
}

/** Writes into a volume that has no commit anywhere in the script. */
export function uncommittedWrites(facts: VolumeFacts): VolumeWrite[] {
  if (facts.commits.has('*')) return [];
  return facts.writes.filter((w) => (w.volume !== undefined ? !facts.commits.has(w.volume) : facts.commits.size === 0));
}
