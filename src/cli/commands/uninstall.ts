/** `kei uninstall` — placeholder until the command lands. */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('kei uninstall: not available in this build\n');
  return 2;
}
