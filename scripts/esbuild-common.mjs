// The esbuild options every bundle in dist/ shares: scripts/build.mjs, and the build checks in
// test/reliability/ that rebuild the hook runtime in memory to look at how it is split.
export const common = {
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
};
