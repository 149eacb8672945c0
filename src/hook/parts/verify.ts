/**
 * The return verifier: only SubagentStop runs it, so no tool call loads it (see bash.ts). Its
 * checks, which the capabilities name, are in verify-checks.ts: the build puts both in one part.
 * Only functions cross this line.
 */
export { handleSubagentStop } from '../../verify/subagent-stop.js';
