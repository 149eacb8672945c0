/** `kei doctor` — placeholder until the command lands. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('kei doctor: not available in this build\n');
  return 2;
}
