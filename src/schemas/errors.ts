import type { z } from 'zod';

/** A source file that does not fit its schema; the message names the file and each bad key. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'SourceError';
  }
}

/** Turns zod issues into "key: what was expected" lines (unknown keys named one by one). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const at = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')} at ${at}`;
    }
    return `${at}: ${issue.message}`;
  });
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new SourceError(file, describeIssues(result.error));
  return result.data;
}
