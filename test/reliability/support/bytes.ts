/** Byte-level damage to a hook's stdin: what a broken pipe, a bad encoder or an attacker could send. */
import fc from 'fast-check';

export type Damage = (json: string) => Buffer;

const at = (text: string, fraction: number) => Math.floor(text.length * fraction);

function splice(json: string, fraction: number, bytes: number[]): Buffer {
  const cut = Buffer.byteLength(json.slice(0, at(json, fraction)));
  const raw = Buffer.from(json);
  return Buffer.concat([raw.subarray(0, cut), Buffer.from(bytes), raw.subarray(cut)]);
}

export const damage: fc.Arbitrary<{ name: string; apply: Damage }> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ name: 'none', apply: (j: string) => Buffer.from(j) }) },
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({ name: `invalid UTF-8 at ${f.toFixed(2)}`, apply: (j: string) => splice(j, f, [0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80]) })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({ name: `NUL bytes at ${f.toFixed(2)}`, apply: (j: string) => splice(j, f, [0, 0, 0]) })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({ name: `truncated at ${f.toFixed(2)}`, apply: (j: string) => Buffer.from(j).subarray(0, Math.floor(Buffer.byteLength(j) * f)) })),
  fc.constant({ name: 'BOM prefix', apply: (j: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(j)]) }),
  fc.constant({ name: 'two objects', apply: (j: string) => Buffer.from(j + '\n' + j) }),
  fc.constantFrom('null', '[]', '"PreToolUse"', '42', 'true', '', '   \n', '{', '{}').map((t) => ({ name: `replaced by ${JSON.stringify(t)}`, apply: () => Buffer.from(t) })),
  fc.constant({ name: '5 MB string field', apply: (j: string) => Buffer.from(j.replace(/^\{/, `{"padding":"${'p'.repeat(5 << 20)}",`)) }),
  fc.constant({ name: '100k-deep JSON', apply: () => Buffer.from(JSON.stringify({ hook_event_name: 'PreToolUse', tool_input: {} }).replace('{}', '['.repeat(100_000) + ']'.repeat(100_000))) }),
  fc.constant({ name: '50k-deep tool_input', apply: (j: string) => Buffer.from(withDeepToolInput(j, 50_000)) }),
);

/** The call with tool_input replaced by n nested arrays (built as text: JSON.stringify would overflow). */
function withDeepToolInput(json: string, n: number): string {
  const call = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify({ ...call, tool_input: '@deep@' }).replace('"@deep@"', '['.repeat(n) + ']'.repeat(n));
}
