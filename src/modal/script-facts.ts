/**
 * Everything the Modal checks want to know about one Python source, computed once per text.
 */
import { tokenizePython, type PyToken } from './python-tokens.js';
import { pythonStructure, type Definition, type PyStructure } from './python-structure.js';
import { modalDefinitions, type ModalDefinitions, type ModalFunction } from './modal-definitions.js';
import { printCalls, remoteCalls, MAP_METHODS, type PrintCall, type RemoteCall } from './calls.js';
import { volumeFacts, type VolumeFacts } from './volumes.js';
import { isName, isOp } from './token-query.js';

export interface ScriptFacts {
  importsModal: boolean;
  structure: PyStructure;
  modal: ModalDefinitions;
  remoteCalls: RemoteCall[];
  prints: PrintCall[];
  volumes: VolumeFacts;
  /** The script saves model state somewhere (state_dict, save_pretrained, torch.save, ...). */
  savesCheckpoint: boolean;
  /** Functions that train (GPU functions named for training, or GPU functions of a script with an optimizer loop). */
  trainingFunctions: ModalFunction[];
}

const CHECKPOINT_NAMES = new Set(['state_dict', 'save_pretrained', 'save_model', 'save_checkpoint', 'save_state', 'save_file', 'save_steps']);
const TRAINING_NAMES = new Set(['backward', 'zero_grad', 'optimizer', 'Trainer', 'SFTTrainer']);
const TRAINING_FUNCTION = /train|fine_?tune|sft|fit/i;

function importsModal(tokens: PyToken[]): boolean {
  return tokens.some((t, i) => {
    if (!isName(t, 'modal')) return false;
    const prev = tokens[i - 1];
    const fromModal = isName(prev, 'from') && (isName(tokens[i + 1], 'import') || isOp(tokens[i + 1], '.'));
    const importModal = isName(prev, 'import') || (isOp(prev, ',') && tokens.slice(Math.max(0, i - 20), i).some((x) => isName(x, 'import')));
    return fromModal || importModal;
  });
}

function savesCheckpoint(tokens: PyToken[]): boolean {
  return tokens.some((t, i) => (t.type === 'name' && CHECKPOINT_NAMES.has(t.value)) || (isName(t, 'torch') && isOp(tokens[i + 1], '.') && isName(tokens[i + 2], 'save')));
}

function trainingFunctions(tokens: PyToken[], modal: ModalDefinitions): ModalFunction[] {
  const launchable = modal.functions.filter((f) => f.kind !== 'method');
  const named = launchable.filter((f) => TRAINING_FUNCTION.test(f.name));
  if (named.length > 0) return named;
  const trains = tokens.some((t) => t.type === 'name' && TRAINING_NAMES.has(t.value));
  return trains ? launchable.filter((f) => f.gpus.length > 0) : [];
}

export function scriptFacts(source: string): ScriptFacts {
  const tokens = tokenizePython(source);
  const structure = pythonStructure(tokens);
  const modal = modalDefinitions(structure);
  return {
    importsModal: importsModal(tokens),
    structure,
    modal,
    remoteCalls: remoteCalls(structure),
    prints: printCalls(structure),
    volumes: volumeFacts(structure),
    savesCheckpoint: savesCheckpoint(tokens),
    trainingFunctions: trainingFunctions(tokens, modal),
  };
}

/** The definition a `modal run file.py::entry` (or the lone local entrypoint) starts from. */
export function entryDefinition(facts: ScriptFacts, entry: string | undefined): Definition | undefined {
  const defs = facts.structure.definitions;
  if (entry !== undefined) {
    const name = entry.slice(entry.lastIndexOf('.') + 1);
    return defs.find((d) => d.name === name && d.kind === 'def');
  }
  return facts.modal.entrypoints.length === 1 ? facts.modal.entrypoints[0] : undefined;
}

/** Calls of Modal functions that fan out: `.spawn` in a loop, or a map-style call on a Modal handle. */
export function fanOutCalls(facts: ScriptFacts, entry: string | undefined): RemoteCall[] {
  const scope = entryDefinition(facts, entry);
  const index = (c: RemoteCall) => c.open;
  return facts.remoteCalls.filter((c) => {
    if (scope && (index(c) < scope.bodyStart || index(c) >= scope.bodyEnd)) return false;
    if (c.method === 'spawn') return c.inLoop;
    return MAP_METHODS.has(c.method) && c.receiver !== undefined && facts.modal.handles.has(c.receiver);
  });
}

/** Does running this source start Modal work (a .remote/.spawn/... on a Modal function)? */
export function launchesRemoteWork(facts: ScriptFacts): boolean {
  if (!facts.importsModal) return false;
  return facts.remoteCalls.some((c) => !MAP_METHODS.has(c.method) || (c.receiver !== undefined && facts.modal.handles.has(c.receiver)));
}

/** Text cache: the same script is looked at by several capabilities within one hook call. */
const cache = new Map<string, ScriptFacts>();
export function cachedScriptFacts(source: string): ScriptFacts {
  let facts = cache.get(source);
  if (!facts) {
    if (cache.size > 16) cache.clear();
    facts = scriptFacts(source);
    cache.set(source, facts);
  }
  return facts;
}
