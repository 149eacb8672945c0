/**
 * The rules of each section of the seed (test/assemble/fixtures/seed-kei-modal-runner.md) that the
 * generated kei-modal-runner.md must carry, as patterns. The capability texts are written in our
 * own words, so each rule is matched by the words it cannot be stated without, not by the seed's
 * sentences.
 */
export interface Rule {
  rule: string;
  pattern: RegExp;
}

export interface CapabilitySeedSection {
  /** The heading in the seed. */
  seedHeading: string;
  capability: string;
  rules: Rule[];
}

const r = (rule: string, pattern: RegExp): Rule => ({ rule, pattern });

/** The eight capability sections of the seed, in the seed's order. */
export const SEED_CAPABILITIES: CapabilitySeedSection[] = [
  {
    seedHeading: 'No git operations',
    capability: 'policy::no-git-ops',
    rules: [
      r('never invoke git', /\bgit\b/),
      r('never gh repo / gh api on repos', /\bgh\b/),
      r('the orchestrator owns every git operation', /orchestrator/i),
      r('describe changes under Files written:', /Files written:/),
      r('wrappers (bash -c, env, subshells) do not get around it', /bash -c/),
      r('the ORCHESTRATOR_META bypass is not available', /ORCHESTRATOR_META/),
    ],
  },
  {
    seedHeading: 'Scope — files whitelist',
    capability: 'scope::files-whitelist',
    rules: [
      r('edits only inside scope.files-whitelist', /files-whitelist/),
      r('applies to the mutating tools', /\bEdit\b[\s\S]*\bWrite\b|\bWrite\b[\s\S]*\bEdit\b/),
      r('reading outside the whitelist is allowed', /\bread/i),
      r('STOP and report instead of editing outside', /\bSTOP\b/),
      r('the verifier checks the changed files on return', /verif/i),
    ],
  },
  {
    seedHeading: 'Scope — files denylist',
    capability: 'scope::files-denylist',
    rules: [
      r('never edit files matching scope.files-denylist', /files-denylist/),
      r('the denylist wins over the whitelist', /wins|precedence/i),
      r('lock files are typical denylist entries', /lock/i),
      r('reading denylisted files is allowed', /\bread/i),
      r('STOP and report instead of working around it', /\bSTOP\b/),
      r('the verifier checks the changed files on return', /verif/i),
    ],
  },
  {
    seedHeading: 'Constructor Pattern — size limits',
    capability: 'quality::constructor-pattern',
    rules: [
      r('files under 200 lines', /\b200\b/),
      r('functions under 30 lines', /\b30\b/),
      r('split on the spot', /split/i),
      r('lines counted as wc -l counts them', /wc -l/),
      r('generated code is exempt', /generated/i),
      r('test files are checked too', /test/i),
    ],
  },
  {
    seedHeading: 'Cargo check must be green',
    capability: 'quality::cargo-check-green',
    rules: [
      r('cargo check --workspace passes', /cargo check --workspace/),
      r('worktree pass', /worktree/i),
      r('simulated-merge pass', /simulated[- ]merge/i),
      r('run it yourself and wait for exit 0', /exit 0/),
      r('never claim green without a run', /claim/i),
      r('the rejection carries the stderr tail', /stderr/),
    ],
  },
  {
    seedHeading: 'Tests must be green',
    capability: 'quality::tests-green',
    rules: [
      r('cargo test -p <crate> for each listed crate', /cargo test -p/),
      r('at least test-count-min tests', /test-count-min/),
      r('ignored or deleted tests do not count', /ignore/i),
      r('both passes (worktree and simulated merge)', /simulated[- ]merge/i),
      r('paste the real output', /paste/i),
      r('no paraphrase', /paraphrase/i),
    ],
  },
  {
    seedHeading: 'No dependency bumps',
    capability: 'safety::no-dep-bump',
    rules: [
      r('[dependencies] untouched', /\[dependencies\]/),
      r('[dev-dependencies] untouched', /\[dev-dependencies\]/),
      r('[build-dependencies] untouched', /\[build-dependencies\]/),
      r('[workspace.dependencies] untouched', /\[workspace\.dependencies\]/),
      r('Cargo.lock untouched', /Cargo\.lock/),
      r('no cargo add', /cargo add/),
      r('no cargo remove', /cargo remove/),
      r('no cargo update', /cargo update/),
      r('other Cargo.toml sections may change', /\[package\]|other sections/i),
      r('STOP and describe the dependency instead', /\bSTOP\b/),
    ],
  },
  {
    seedHeading: 'Report format',
    capability: 'output::report-format',
    rules: [
      r('every field of output.report-fields-required', /report-fields-required/),
      r('Files written: field', /Files written:/),
      r('cargo-check: field', /cargo-check:/),
      r('cargo-test: field', /cargo-test:/),
      r('loc-delta: field', /loc-delta:/),
      r('blockers: field', /blockers:/),
      r('next: field', /next:/),
      r('the verifier is line-oriented', /line/i),
    ],
  },
];

/**
 * Capabilities the generated file has and the seed's AGENT SUBSTRATE section does not: rules the
 * seed stated only as prose (tool list, KILL GUARD, cost line, checklist, script invariants) are
 * enforced now, so their texts join the section. Each must carry the seed's prose rule.
 */
export const ADDED_CAPABILITIES: CapabilitySeedSection[] = [
  {
    seedHeading: '(frontmatter tools:)',
    capability: 'tools::deny-tools',
    rules: [r('only the listed tools', /tools:/), r('other tools are denied', /denied|deny/i)],
  },
  {
    seedHeading: '(ROLE: KILL GUARD incident; FORBIDDEN: stopping runs)',
    capability: 'safety::kill-guard',
    rules: [
      r('literal "yes, stop it" confirmation', /yes, stop it/),
      r('modal app stop is a stop', /modal app stop/),
      r('kill / pkill are stops', /kill/),
    ],
  },
  {
    seedHeading: '(ROLE: cost tiers; FORBIDDEN: spawn without estimate, daily cap)',
    capability: 'modal::cost-line',
    rules: [
      r('the Estimate: line', /Estimate:/),
      r('the $5 tier edge', /\$5\b/),
      r('the $20 tier edge and daily cap', /\$20\b/),
      r('the daily cap', /daily/i),
    ],
  },
  {
    seedHeading: '(DOMAIN: pre-launch checklist; FORBIDDEN: skipping modal app list, N variants)',
    capability: 'modal::prelaunch',
    rules: [
      r('modal app list before a launch', /modal app list/),
      r('single-variant run before a fan-out', /single[- ]variant/i),
      r('file verify: read the script back', /read|cat/i),
    ],
  },
  {
    seedHeading: '(ROLE: correctness invariants; FORBIDDEN: print, .map, vol.commit)',
    capability: 'modal::script-lint',
    rules: [
      r('flush=True on prints', /flush=True/),
      r('.spawn() not .map()', /\.map\(/),
      r('vol.commit()', /vol\.commit\(\)/),
      r('retries', /[Rr]etries/),
    ],
  },
];
