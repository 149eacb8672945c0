/**
 * Per-language tables of the calls that run programs, send signals or write files. A call only
 * counts when its module is mentioned in the code (`needs`), so `run(…)` alone is not subprocess.
 */

/** How to read a call's arguments. */
export type Shape =
  | 'shell' // first argument is shell text (a list is an argv)
  | 'argv' // first argument is an argv list (a string is treated as shell text)
  | 'file-list' // (file, [args]) → argv file + args
  | 'path-list' // (path, [argv]) → argv (os.execv)
  | 'path-args' // (path, arg0, arg1 …) → argv arg0 … (os.execl)
  | 'mode-path-args' // (mode, path, arg0 …) (os.spawnl)
  | 'mode-path-list' // (mode, path, [argv]) (os.spawnv)
  | 'spread' // ('git', 'push') → argv
  | 'system' // perl/ruby system: one string = shell text, several = argv
  | 'kill' // (pid, sig): python os.kill, node process.kill
  | 'kill-sig-first' // (sig, pid …): perl and ruby
  | 'method-kill' // proc.kill() / .terminate()
  | 'write0' // path is the first argument
  | 'write-all' // every string argument is a path
  | 'write-both' // (from, to): both change
  | 'write-last' // destination is the last argument
  | 'open' // (path, mode): a write when the mode writes
  | 'perl-open' // (FH, mode, path) or (FH, "mode path")
  | 'code' // eval/exec of code in the same language
  | 'dynamic'; // always unknown (getattr, __import__, Function …)

export interface Api {
  shape: Shape;
  /** Any of these must appear in the code (module names); empty = always. */
  needs?: string[];
}

const PY_SUB = ['subprocess'];
const PY_OS = ['os', 'posix'];

function table(entries: [string[], Api][]): Map<string, Api> {
  const map = new Map<string, Api>();
  for (const [names, api] of entries) for (const name of names) map.set(name, api);
  return map;
}

export const PYTHON = table([
  [['run', 'call', 'check_call', 'check_output', 'Popen'], { shape: 'argv', needs: PY_SUB }],
  [['getoutput', 'getstatusoutput'], { shape: 'shell', needs: PY_SUB }],
  [['system', 'popen'], { shape: 'shell', needs: PY_OS }],
  [['execv', 'execve', 'execvp', 'execvpe', 'posix_spawn', 'posix_spawnp'], { shape: 'path-list', needs: PY_OS }],
  [['execl', 'execle', 'execlp', 'execlpe'], { shape: 'path-args', needs: PY_OS }],
  [['spawnl', 'spawnle', 'spawnlp', 'spawnlpe'], { shape: 'mode-path-args', needs: PY_OS }],
  [['spawnv', 'spawnve', 'spawnvp', 'spawnvpe'], { shape: 'mode-path-list', needs: PY_OS }],
  [['spawn'], { shape: 'argv', needs: ['pty'] }],
  [['create_subprocess_exec'], { shape: 'spread', needs: ['asyncio'] }],
  [['create_subprocess_shell'], { shape: 'shell', needs: ['asyncio'] }],
  [['kill', 'killpg'], { shape: 'kill' }],
  [['pthread_kill'], { shape: 'kill', needs: ['signal'] }],
  [['terminate', 'send_signal'], { shape: 'method-kill' }],
  [['remove', 'unlink', 'rmdir', 'removedirs', 'mkdir', 'makedirs', 'truncate', 'chmod', 'chown', 'mkfifo', 'rmtree'], { shape: 'write0', needs: [...PY_OS, 'shutil', 'Path', 'pathlib'] }],
  [['rename', 'renames', 'replace', 'move'], { shape: 'write-both', needs: [...PY_OS, 'shutil', 'Path', 'pathlib'] }],
  [['copy', 'copy2', 'copyfile', 'copytree', 'symlink', 'link'], { shape: 'write-last', needs: [...PY_OS, 'shutil'] }],
  [['write_text', 'write_bytes', 'touch', 'symlink_to', 'hardlink_to'], { shape: 'write0' }],
  [['open'], { shape: 'open' }],
  [['exec', 'eval', 'compile'], { shape: 'code' }],
  [['__import__', 'import_module', 'getattr', 'CDLL', 'cdll', 'globals', 'vars', 'system_call'], { shape: 'dynamic' }],
]);

const NODE_CP = ['child_process', 'node:child_process'];
const NODE_FS = ['fs', 'fs/promises', 'fs-extra', 'node:fs', 'node:fs/promises'];

export const NODE = table([
  [['exec', 'execSync'], { shape: 'shell', needs: NODE_CP }],
  [['spawn', 'spawnSync', 'execFile', 'execFileSync'], { shape: 'file-list', needs: NODE_CP }],
  [['fork'], { shape: 'argv', needs: NODE_CP }],
  [['kill'], { shape: 'kill' }],
  [['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'mkdir', 'mkdirSync', 'truncate', 'truncateSync', 'createWriteStream', 'chmod', 'chmodSync', 'outputFile', 'outputFileSync', 'remove', 'removeSync'], { shape: 'write0', needs: NODE_FS }],
  [['rename', 'renameSync', 'move', 'moveSync'], { shape: 'write-both', needs: NODE_FS }],
  [['copyFile', 'copyFileSync', 'cp', 'cpSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'copy', 'copySync'], { shape: 'write-last', needs: NODE_FS }],
  [['open', 'openSync'], { shape: 'open', needs: NODE_FS }],
  [['eval'], { shape: 'code' }],
  [['Function', 'runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'binding', 'dlopen', 'import'], { shape: 'dynamic' }],
]);

export const PERL = table([
  [['system', 'exec'], { shape: 'system' }],
  [['kill'], { shape: 'kill-sig-first' }],
  [['unlink', 'rmdir', 'mkdir', 'truncate', 'utime'], { shape: 'write-all' }],
  [['chmod', 'chown'], { shape: 'write-last' }],
  [['rename', 'link', 'symlink'], { shape: 'write-both' }],
  [['open', 'sysopen'], { shape: 'perl-open' }],
  [['eval'], { shape: 'code' }],
]);

export const RUBY = table([
  [['system', 'exec', 'spawn', 'popen', 'popen2', 'popen2e', 'popen3', 'capture2', 'capture2e', 'capture3', 'pipeline', 'pipeline_r', 'pipeline_w', 'pipeline_rw', 'pipeline_start'], { shape: 'system' }],
  [['kill'], { shape: 'kill-sig-first', needs: ['Process'] }],
  [['write', 'binwrite'], { shape: 'write0', needs: ['File', 'IO'] }],
  [['delete', 'unlink', 'rm', 'rm_f', 'rm_r', 'rm_rf', 'remove', 'rmdir', 'mkdir', 'mkdir_p', 'makedirs', 'touch', 'remove_dir', 'remove_file', 'rmtree'], { shape: 'write-all', needs: ['File', 'FileUtils', 'Dir'] }],
  [['mv', 'rename', 'move'], { shape: 'write-both', needs: ['File', 'FileUtils'] }],
  [['cp', 'cp_r', 'copy', 'ln', 'ln_s', 'ln_sf', 'install', 'symlink', 'chmod', 'chown'], { shape: 'write-last', needs: ['File', 'FileUtils'] }],
  [['open', 'new'], { shape: 'open', needs: ['File'] }],
  [['eval', 'instance_eval', 'class_eval', 'module_eval'], { shape: 'code' }],
  [['send', 'public_send', '__send__', 'const_get', 'method'], { shape: 'dynamic' }],
]);

export const AWK = table([[['system'], { shape: 'shell' }]]);

/** Perl and Ruby call these without parentheses (`system "make"`). */
export const BARE_CALLS = new Set(['system', 'exec', 'spawn', 'kill', 'unlink', 'rename', 'open', 'eval', 'mkdir', 'rmdir']);
