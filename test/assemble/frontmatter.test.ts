/** Frontmatter: emitted by the yaml serializer, read back identically by YAML 1.1 and 1.2 parsers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assembleAgent, assembleAll, loadKitSources } from '../../src/assemble/index.js';
import { frontmatterText } from '../../src/assemble/frontmatter.js';
import { copyKit, manifest, REPO_ROOT, writeManifest } from './kit.js';

const fresh = [...assembleAll(REPO_ROOT)]
  .filter(([path]) => path.startsWith(join(REPO_ROOT, 'agents')))
  .map(([path, content]): [string, string] => [`generated ${path.slice(REPO_ROOT.length + 1)}`, content]);
const committed = readdirSync(join(REPO_ROOT, 'agents'))
  .filter((f) => f.endsWith('.md'))
  .map((f): [string, string] => [`committed agents/${f}`, readFileSync(join(REPO_ROOT, 'agents', f), 'utf8')]);

it('covers the 12 kit agents, generated and committed', () => {
  expect(fresh).toHaveLength(12);
  expect(committed.length).toBeGreaterThanOrEqual(12);
});

it.each([...fresh, ...committed])('%s: parses under YAML 1.2 and 1.1, round-trips and matches its manifest', (_label, content) => {
  const front = frontmatterText(content)!;
  const data = parse(front) as Record<string, string>;
  expect(Object.keys(data)).toEqual(['name', 'description', 'tools', 'model']);
  expect(parse(front, { version: '1.1' })).toEqual(data);
  expect(stringify(data, { lineWidth: 0 })).toBe(front);
  const source = parse(readFileSync(join(REPO_ROOT, 'agents', 'manifests', `${data.name}.yaml`), 'utf8')) as { tools: string[]; description: string; model: string };
  expect(data.tools).toBe(source.tools.join(', '));
  expect(data.description).toBe(source.description.replace(/\s+/g, ' ').trim());
  expect(data.model).toBe(source.model);
});

const tricky = [
  'Detects bug patterns: off-by-one, null deref',
  'yes',
  'No',
  '0o17',
  '2024-01-01',
  '- starts like a list',
  '# starts like a comment',
  'ends with a colon:',
  'has a # hash inside',
  '"quoted" start',
  "it's got 'single' quotes",
  '[looks, like, a, list]',
  '{looks: like a map}',
  '@at and `backtick`',
  '*star &amp !bang %percent',
  'tab\there',
  'Ünïcödé — and → arrows',
  'line one\nline two\n\n  line three',
];

it.each(tricky)('%j reads back as the one-line description', (description) => {
  const root = copyKit();
  writeManifest(join(root, 'agents', 'manifests'), manifest('kei-tricky', { description }));
  const front = frontmatterText(assembleAgent('kei-tricky', loadKitSources(root)))!;
  const expected = description.replace(/\s+/g, ' ').trim();
  expect((parse(front) as { description: string }).description).toBe(expected);
  expect((parse(front, { version: '1.1' }) as { description: string }).description).toBe(expected);
  expect(front.split('\n').filter((l) => l !== '')).toHaveLength(4);
});
