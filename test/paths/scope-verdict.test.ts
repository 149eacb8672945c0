import { describe, expect, it } from 'vitest';
import { scopeVerdict, type FileScope, type ScopeVerdict } from '../../src/paths/index.js';

const ISSUE_SCOPE: FileScope = {
  'files-whitelist': ['_primitives/_rust/kei-forge/**'],
  'files-denylist': ['**/Cargo.toml', '**/Cargo.lock', '.github/**'],
};

const MODAL_DEFAULT: FileScope = {
  'files-whitelist': ['modal/**', 'train/**', 'configs/**', '*.py'],
  'files-denylist': ['*.lock', 'package-lock.json', '.github/', '.claude/', '.env', '.env.*', 'secrets/'],
};

// [scope, relative path, verdict]
const CASES: [FileScope, string, ScopeVerdict][] = [
  [ISSUE_SCOPE, '_primitives/_rust/kei-forge/src/lib.rs', { allowed: true, rule: 'whitelist', glob: '_primitives/_rust/kei-forge/**' }],
  [ISSUE_SCOPE, '_primitives/_rust/kei-forge/Cargo.toml', { allowed: false, rule: 'denylist', glob: '**/Cargo.toml' }],
  [ISSUE_SCOPE, '_primitives/_rust/kei-forge/Cargo.lock', { allowed: false, rule: 'denylist', glob: '**/Cargo.lock' }],
  [ISSUE_SCOPE, '.github/workflows/ci.yml', { allowed: false, rule: 'denylist', glob: '.github/**' }],
  [ISSUE_SCOPE, '_primitives/_rust/kei-other/src/lib.rs', { allowed: false, rule: 'no-whitelist-match' }],
  [ISSUE_SCOPE, 'Cargo.toml', { allowed: false, rule: 'denylist', glob: '**/Cargo.toml' }],
  [ISSUE_SCOPE, '../elsewhere/x.rs', { allowed: false, rule: 'outside-worktree' }],
  [ISSUE_SCOPE, '/etc/passwd', { allowed: false, rule: 'outside-worktree' }],
  [ISSUE_SCOPE, '.git/hooks/pre-commit', { allowed: false, rule: 'protected', glob: '/.git' }],
  [ISSUE_SCOPE, '.kei/task.yaml', { allowed: false, rule: 'protected', glob: '/.kei' }],
  [{ 'files-whitelist': ['**'] }, '.git', { allowed: false, rule: 'protected', glob: '/.git' }],
  [{ 'files-whitelist': ['**'] }, 'sub/.git/config', { allowed: true, rule: 'whitelist', glob: '**' }],
  [MODAL_DEFAULT, 'train/run.py', { allowed: true, rule: 'whitelist', glob: '*.py' }],
  [MODAL_DEFAULT, 'train/config.yaml', { allowed: true, rule: 'whitelist', glob: 'train/**' }],
  [MODAL_DEFAULT, 'launch.py', { allowed: true, rule: 'whitelist', glob: '*.py' }],
  [MODAL_DEFAULT, 'train/uv.lock', { allowed: false, rule: 'denylist', glob: '*.lock' }],
  [MODAL_DEFAULT, '.env', { allowed: false, rule: 'denylist', glob: '.env' }],
  [MODAL_DEFAULT, 'configs/.env.local', { allowed: false, rule: 'denylist', glob: '.env.*' }],
  [MODAL_DEFAULT, '.claude/settings.json', { allowed: false, rule: 'denylist', glob: '.claude/' }],
  [MODAL_DEFAULT, 'README.md', { allowed: false, rule: 'no-whitelist-match' }],
  // the denylist catches the other Unicode normal form of a listed name; the whitelist does not widen
  [{ 'files-whitelist': ['**'], 'files-denylist': ['secrets/café.key'] }, 'secrets/cafe\u0301.key', { allowed: false, rule: 'denylist', glob: 'secrets/café.key' }],
  [{ 'files-whitelist': ['**'], 'files-denylist': ['secrets/cafe\u0301.key'] }, 'secrets/café.key', { allowed: false, rule: 'denylist', glob: 'secrets/cafe\u0301.key' }],
  [{ 'files-whitelist': ['docs/café/**'] }, 'docs/cafe\u0301/a.md', { allowed: false, rule: 'no-whitelist-match' }],
  // a negated whitelist glob names itself as the reason
  [{ 'files-whitelist': ['src/**', '!src/gen/**'] }, 'src/gen/x.ts', { allowed: false, rule: 'no-whitelist-match', glob: '!src/gen/**' }],
  [{ 'files-whitelist': ['src/**'], 'files-denylist': ['**/*.snap', '!src/keep.snap'] }, 'src/keep.snap', { allowed: true, rule: 'whitelist', glob: 'src/**' }],
  [{}, 'src/a.ts', { allowed: false, rule: 'no-whitelist-match' }],
];

describe('scopeVerdict: one path against a scope, denylist first', () => {
  it.each(CASES.map(([scope, path, verdict]) => [path, scope, verdict] as const))('%s in %j', (path, scope, verdict) => {
    expect(scopeVerdict(path, scope)).toEqual(verdict);
  });
});
