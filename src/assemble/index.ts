/** The assembler: agent files and docs/AGENT-ROLES.md, generated from manifests, roles, capabilities and blocks. */
export { assembleAgent, capabilitiesOf } from './agent.js';
export { assembleAll, assembleForConfigDir, UnknownAgentError } from './plan.js';
export { checkAssembled, findOrphans, inspectGenerated, inspectInstalledAgents, inspectKitAgents } from './check.js';
export type { AgentFileReport, AgentFileState } from './check.js';
export { regenerateForEditedManifest } from './regenerate.js';
export type { RegenerateOptions, RegenerateResult } from './regenerate.js';
export { manifestAt, resolveConfigDir, userAgentPath, userManifestDir } from './layout.js';
export { loadKitSources, withUserManifests } from './load.js';
export { AssembleSourceError, validateSources } from './validate.js';
export { writeAssembled, removeFiles } from './write.js';
export { readStamp } from './notice.js';
export { reportTemplate, reportBanner, REPORT_HEAD_LINES, REPORT_LAST_LINE } from './report-template.js';
export type { AssemblySources, AssembleOptions, StaleFile } from './types.js';
