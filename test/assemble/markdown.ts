/** Just enough markdown reading to compare an agent file with the seed, section by section. */

export interface Section {
  heading: string;
  body: string;
}

const FENCE = /^\s*(```|~~~)/;

/** The frontmatter text and the body after it. */
export function splitFrontmatter(text: string): { front: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { front: match[1]!, body: text.slice(match[0].length) };
}

/** Splits on lines starting with `prefix` (e.g. '# ') outside code fences; text before the first heading is dropped. */
export function sections(body: string, prefix = '# '): Section[] {
  const out: Section[] = [];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    if (!fenced && line.startsWith(prefix)) out.push({ heading: line.slice(prefix.length).trim(), body: '' });
    else if (out.length > 0) out[out.length - 1]!.body += `${line}\n`;
  }
  return out.map((s) => ({ ...s, body: s.body.trim() }));
}

/** Splits a body on separator lines (`---`) outside code fences. */
export function splitOnRules(body: string): string[] {
  const parts: string[] = [''];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    if (!fenced && line.trim() === '---') parts.push('');
    else parts[parts.length - 1] += `${line}\n`;
  }
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Text without markup that carries no rule: bold, inline code, quote markers, extra spaces. */
export function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/`/g, '').replace(/^>\s?/gm, '').replace(/\s+/g, ' ').trim();
}

/** Top-level list items ("- ...") of a markdown body, markup removed. */
export function items(body: string): string[] {
  return body.split('\n').filter((l) => l.startsWith('- ')).map((l) => plain(l.slice(2)));
}

/** Paragraphs (blank-line separated), markup removed. */
export function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map(plain).filter((p) => p !== '');
}

/** The lines inside the first fenced block of a body. */
export function fencedLines(body: string): string[] {
  const match = /```\n([\s\S]*?)\n```/.exec(body);
  if (!match) throw new Error('no fenced block');
  return match[1]!.split('\n');
}

/** A heading's key: its words before any " — " or " (" (e.g. "BASELINE", "PRE-DEV GATE"). */
export function headingKey(heading: string): string {
  return heading.split(/ — | \(/)[0]!.trim();
}
