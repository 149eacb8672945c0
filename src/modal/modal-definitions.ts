/**
 * What a script defines for Modal: functions (`@app.function`), classes (`@app.cls`) and their
 * methods, local entrypoints, handles looked up by name, and the GPUs and retries each asks for.
 */
import type { PyToken } from './python-tokens.js';
import type { Definition, Decorator, PyStructure } from './python-structure.js';
import { gpuKeywords, gpuRequestsAt, type GpuRequest } from './gpu-request.js';
import { isName, isOp, keywordValue, stringConstants } from './token-query.js';

export interface ModalFunction {
  name: string;
  kind: 'function' | 'cls' | 'method';
  line: number;
  definition: Definition;
  gpus: GpuRequest[];
  /** retries= given with a non-zero value. */
  retries: boolean;
}

export interface ModalDefinitions {
  functions: ModalFunction[];
  entrypoints: Definition[];
  /** Names that refer to Modal functions when called with .remote/.spawn/.map. */
  handles: Set<string>;
  /** Every readable gpu= request in the file. */
  gpus: GpuRequest[];
}

const LOOKUPS = new Set(['from_name', 'lookup']);

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function modalKind(decorators: Decorator[]): { kind: ModalFunction['kind']; decorator: Decorator } | undefined {
  for (const d of decorators) {
    const part = lastPart(d.name);
    if (part === 'function' && d.name.includes('.')) return { kind: 'function', decorator: d };
    if (part === 'cls' && d.name.includes('.')) return { kind: 'cls', decorator: d };
    if (part === 'method') return { kind: 'method', decorator: d };
  }
  return undefined;
}

function decoratorGpus(tokens: PyToken[], decorator: Decorator, constants: Map<string, string>): GpuRequest[] {
  if (decorator.open < 0) return [];
  const at = keywordValue(tokens, decorator.open, 'gpu');
  return at >= 0 ? gpuRequestsAt(tokens, at, constants) : [];
}

function hasRetries(tokens: PyToken[], decorator: Decorator): boolean {
  if (decorator.open < 0) return false;
  const at = keywordValue(tokens, decorator.open, 'retries');
  if (at < 0) return false;
  const value = tokens[at]!;
  return !(value.type === 'number' && Number(value.value) === 0) && !isName(value, 'None');
}

/** `name = modal.Function.from_name(...)` / `modal.Cls.lookup(...)`: module handles to remote code. */
function lookedUpHandles(structure: PyStructure): string[] {
  const out: string[] = [];
  for (const l of structure.lines) {
    const t = structure.tokens;
    if (!isName(t[l.start]) || !isOp(t[l.start + 1], '=')) continue;
    for (let i = l.start + 2; i < l.end; i++) {
      if (isOp(t[i], '.') && LOOKUPS.has(t[i + 1]?.value ?? '') && (isName(t[i - 1], 'Function') || isName(t[i - 1], 'Cls'))) out.push(t[l.start]!.value);
    }
  }
  return out;
}

function classMethodsOf(functions: ModalFunction[], structure: PyStructure, cls: ModalFunction): ModalFunction[] {
  return structure.definitions
    .filter((d) => d.kind === 'def' && d.owner === cls.name && !functions.some((f) => f.definition === d))
    .filter((d) => modalKind(d.decorators)?.kind === 'method')
    .map((d) => ({ name: d.name, kind: 'method' as const, line: d.line, definition: d, gpus: cls.gpus, retries: cls.retries }));
}

export function modalDefinitions(structure: PyStructure): ModalDefinitions {
  const { tokens } = structure;
  const constants = stringConstants(tokens);
  const functions: ModalFunction[] = [];
  for (const d of structure.definitions) {
    const found = modalKind(d.decorators);
    if (!found || found.kind === 'method') continue;
    functions.push({ name: d.name, kind: found.kind, line: d.line, definition: d, gpus: decoratorGpus(tokens, found.decorator, constants), retries: hasRetries(tokens, found.decorator) });
  }
  for (const cls of functions.filter((f) => f.kind === 'cls')) functions.push(...classMethodsOf(functions, structure, cls));
  const entrypoints = structure.definitions.filter((d) => d.decorators.some((x) => lastPart(x.name) === 'local_entrypoint'));
  const handles = new Set([...functions.map((f) => f.name), ...lookedUpHandles(structure), ...LOOKUPS]);
  const gpus = gpuKeywords(tokens).flatMap((at) => gpuRequestsAt(tokens, at, constants));
  return { functions, entrypoints, handles, gpus };
}
