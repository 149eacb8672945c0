/**
 * Golden test, blocks part: the BASELINE, EVIDENCE GRADING, MEMORY PROTOCOL, PRE-DEV GATE and
 * ERROR BUDGET sections of kei-modal-runner.md carry every rule of the seed's sections, in our
 * own words (see the DIFFERENCES in golden.test.ts for the two rules we changed and why).
 */
import { expect, it } from 'vitest';
import { assembleAgent, loadKitSources } from '../../src/assemble/index.js';
import { headingKey, sections, splitFrontmatter } from './markdown.js';
import { REPO_ROOT } from './kit.js';

const generated = assembleAgent('kei-modal-runner', loadKitSources(REPO_ROOT));
const body = (key: string): string => sections(splitFrontmatter(generated).body).find((s) => headingKey(s.heading) === key)!.body;

const BLOCK_RULES: Record<string, Array<[string, RegExp]>> = {
  BASELINE: [
    ['inherits ~/.claude/CLAUDE.md, re-read on ambiguity', /~\/\.claude\/CLAUDE\.md[\s\S]*read it again/],
    ['NO DOWNGRADE: 2+ solution paths with effort/risk', /NO DOWNGRADE[\s\S]*two concrete ways[\s\S]*effort[\s\S]*risk/],
    ['never "accept as limitation"', /accept it as a limitation/],
    ['NO HALLUCINATION: [VERIFIED: url] / [UNVERIFIED]', /\[VERIFIED: url\][\s\S]*\[UNVERIFIED\]/],
    ['no fabricated authors/years/DOIs/numbers', /authors, years, DOIs or numbers/],
    ['confidence levels', /\[100% proven\][\s\S]*\[80% likely\][\s\S]*\[30% speculative\][\s\S]*\[0% don't know\]/],
    ['PLAN MODE FIRST with its triggers', /PLAN MODE FIRST[\s\S]*more than one file[\s\S]*30 minutes[\s\S]*architectural[\s\S]*50 lines[\s\S]*new dependency/],
    ['plan → approval → then Edit/Write', /verify\s+criterion[\s\S]*approves[\s\S]*Edit\/Write/],
    ['Constructor Pattern 200/30, no mixins/factories/DI', /200 lines[\s\S]*30 lines[\s\S]*mixins[\s\S]*factories[\s\S]*DI containers/],
    ['Think Before Coding', /Think Before Coding[\s\S]*assume[\s\S]*ask[\s\S]*tradeoffs[\s\S]*silently/],
    ['Surgical Changes', /Surgical Changes[\s\S]*traces back[\s\S]*neighbouring[\s\S]*orphaned/],
    ['Goal-Driven', /Goal-Driven[\s\S]*verify criterion[\s\S]*reproduces/],
    ['No patching / overlays', /No patching, no overlays[\s\S]*root formula/],
    ['root cause', /Root cause/],
    ["don't rewrite working code", /Don't rewrite working code/],
    ['full observability', /Full observability[\s\S]*no decisions/],
    ['single source of truth', /Single source of truth[\s\S]*ONE place/],
    ['3-level escalation', /3-level escalation[\s\S]*two failed[\s\S]*three[\s\S]*escalate/],
  ],
  'EVIDENCE GRADING': [
    ['every major claim graded', /Every major claim/],
    ...(['E1 \\| Fact', 'E2 \\| Verified', 'E3 \\| Synthetic', 'E4 \\| Expert Assessment', 'E5 \\| Hypothesis', 'E6 \\| Speculation'].map((g): [string, RegExp] => [g.replace('\\', ''), new RegExp(g)])),
    ['architectural decision needs E1-E2', /architectural decision needs E1–E2/],
    ['financial claims only E1', /Financial[\s\S]*only\*\* E1/],
    ['data >6 months not re-verified drops a grade', /older than 6 months[\s\S]*drops one grade/],
    ['single source at most E4', /single source is at most E4/],
    ['own benchmark at most E3', /benchmark[\s\S]*at most E3/],
  ],
  'MEMORY PROTOCOL': [
    ['read MEMORY.md index at start', /~\/\.claude\/memory\/MEMORY\.md/],
    ['read memory/{project}.md', /memory\/\{project\}\.md/],
    ['wrong-paths.md for ML / research', /ML or research[\s\S]*wrong-paths\.md/],
    ['entry format', /### Feature Name \(YYYY-MM-DD\) \[E-grade\][\s\S]*Result:[\s\S]*Decision:[\s\S]*Benchmark:[\s\S]*Learnings:[\s\S]*Next:/],
    ['dead ends into wrong-paths.md', /dead end[\s\S]*wrong-paths\.md/],
    ['architectural decisions into DECISIONS.md', /DECISIONS\.md/],
    ['chat log path', /memory\/chatlogs\/\{ml\|projects\}\/YYYY-MM-DD-\{topic\}\.md/],
    ['forbidden: moving on without saving, "works" without metrics, credentials only in conversation', /without saving[\s\S]*without metrics[\s\S]*credentials/],
  ],
  'PRE-DEV GATE': [
    ['analogues check with Grep/Glob', /Analogues check[\s\S]*Grep\/Glob/],
    ['stack compatibility', /Stack compatibility/],
    ['duplication check', /Duplication check/],
    ['any check fails → STOP', /fails, STOP/],
  ],
  'ERROR BUDGET': [
    ['failed attempt +1, success resets', /FAILED attempt[\s\S]*adds one[\s\S]*resets/],
    ['Level 1 at attempt 2: stop, undo, re-read plan, alternative, explain', /Level 1 \(attempt 2 failed\)[\s\S]*STOP[\s\S]*Undo[\s\S]*plan again[\s\S]*ALTERNATIVE[\s\S]*Explain/],
    ['Level 2 at attempt 3: research, audit, wrong-paths, new plan, approval', /Level 2 \(attempt 3 failed\)[\s\S]*research[\s\S]*Audit[\s\S]*wrong-paths\.md[\s\S]*evidence grades[\s\S]*approval/],
    ['Level 3: escalate with options', /Level 3[\s\S]*ESCALATE[\s\S]*more complex than initially thought[\s\S]*workaround[\s\S]*smaller scope[\s\S]*deferring[\s\S]*redesign/],
    ['prohibited: same approach thrice, skipping L1, silent research', /third attempt[\s\S]*skipping Level 1[\s\S]*silently/],
  ],
};

it.each(Object.keys(BLOCK_RULES))('%s', (key) => {
  const text = body(key);
  const missing = BLOCK_RULES[key]!.filter(([, pattern]) => !pattern.test(text)).map(([rule]) => rule);
  expect(missing).toEqual([]);
});
