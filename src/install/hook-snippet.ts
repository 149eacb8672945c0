import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The placeholder in the repo's settings.json that `kei install` replaces with the package root. */
export const ROOT_PLACEHOLDER = '${KEI_ROOT}';

/** Where the hook bundle lives inside the package; every hook entry runs this file. */
export const BUNDLE_RELATIVE = 'dist/kei.cjs';

export type Handler = Record<string, unknown>;
export interface MatcherGroup {
  matcher?: string;
  hooks: Handler[];
  [key: string]: unknown;
}
export type HooksBlock = Record<string, MatcherGroup[]>;

export function bundlePath(packageRoot: string): string {
  return join(packageRoot, BUNDLE_RELATIVE);
}

function substitute(value: unknown, root: string): unknown {
  if (typeof value === 'string') return value.split(ROOT_PLACEHOLDER).join(root);
  if (Array.isArray(value)) return value.map((v) => substitute(v, root));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, root)]));
  }
  return value;
}

/** The hook entries install merges: the package's settings.json with the root filled in. */
export function desiredHooks(packageRoot: string): HooksBlock {
  const file = join(packageRoot, 'settings.json');
  const snippet = JSON.parse(readFileSync(file, 'utf8')) as { hooks?: unknown };
  if (snippet.hooks === null || typeof snippet.hooks !== 'object' || Array.isArray(snippet.hooks)) {
    throw new Error(`${file}: expected a "hooks" object`);
  }
  return substitute(snippet.hooks, packageRoot) as HooksBlock;
}

const EXEC_BUNDLE = /(?:^|[\\/])dist[\\/]kei\.cjs$/;
const SHELL_BUNDLE = /[\\/]dist[\\/]kei\.cjs["']?\s+hook\b/;

/**
 * Our entries are recognised by what they run (`node …/dist/kei.cjs hook <Event>`), in exec or
 * shell form, so entries of an earlier install from another checkout are found too.
 */
export function isKeiHandler(handler: unknown): boolean {
  if (handler === null || typeof handler !== 'object') return false;
  const h = handler as Handler;
  if (Array.isArray(h.args)) {
    const [script, verb] = h.args as unknown[];
    if (typeof script === 'string' && EXEC_BUNDLE.test(script) && verb === 'hook') return true;
  }
  return typeof h.command === 'string' && SHELL_BUNDLE.test(h.command);
}

/** The bundle a kei hook entry runs (exec form), for doctor and reports. */
export function bundleOf(handler: Handler): string | undefined {
  if (Array.isArray(handler.args) && typeof handler.args[0] === 'string') return handler.args[0];
  const match = typeof handler.command === 'string' ? /(\S*[\\/]dist[\\/]kei\.cjs)/.exec(handler.command) : null;
  return match?.[1]?.replace(/^["']/, '');
}
