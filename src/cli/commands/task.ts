/** `kei task` — placeholder until the command lands. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('kei task: not available in this build\n');
  return 2;
}
