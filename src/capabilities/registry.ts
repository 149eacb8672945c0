import type { CapabilityModule } from './types.js';

import toolsDenyTools from './tools/deny-tools.js';
import toolsBashReadOnly from './tools/bash-read-only.js';
import policyNoGitOps from './policy/no-git-ops.js';
import safetyKillGuard from './safety/kill-guard.js';
import safetyNoDepBump from './safety/no-dep-bump.js';
import scopeFilesWhitelist from './scope/files-whitelist.js';
import scopeFilesDenylist from './scope/files-denylist.js';
import qualityConstructorPattern from './quality/constructor-pattern.js';
import qualityCargoCheckGreen from './quality/cargo-check-green.js';
import qualityTestsGreen from './quality/tests-green.js';
import outputReportFormat from './output/report-format.js';
import outputSeverityGrade from './output/severity-grade.js';
import modalCostLine from './modal/cost-line.js';
import modalPrelaunch from './modal/prelaunch.js';
import modalScriptLint from './modal/script-lint.js';

/** Every capability's logic, by name. test/capabilities/registry.test.ts proves it matches capabilities/. */
export const CAPABILITY_MODULES: ReadonlyMap<string, CapabilityModule> = new Map(
  [
  toolsDenyTools,
  toolsBashReadOnly,
  policyNoGitOps,
  safetyKillGuard,
  safetyNoDepBump,
  scopeFilesWhitelist,
  scopeFilesDenylist,
  qualityConstructorPattern,
  qualityCargoCheckGreen,
  qualityTestsGreen,
  outputReportFormat,
  outputSeverityGrade,
  modalCostLine,
  modalPrelaunch,
  modalScriptLint,
  ].map((module) => [module.name, module]),
);
