/**
 * Each capability's check of the returned work, run by the return verifier (verify.ts, the same
 * part of the build). Apart from verify.ts because the verifier reads the capability registry,
 * and the registry's modules import these: one module for both would be an import cycle.
 */
export { verifyCargoCheckGreen } from '../../verify/checks/cargo-check-green.js';
export { verifyConstructorPattern } from '../../verify/checks/constructor-pattern.js';
export { verifyFilesDenylist } from '../../verify/checks/files-denylist.js';
export { verifyFilesWhitelist } from '../../verify/checks/files-whitelist.js';
export { verifyNoDepBump } from '../../verify/checks/no-dep-bump.js';
export { verifyReportFormat } from '../../verify/checks/report-format.js';
export { verifySeverityGrade } from '../../verify/checks/severity-grade.js';
export { verifyTestsGreen } from '../../verify/checks/tests-green.js';
