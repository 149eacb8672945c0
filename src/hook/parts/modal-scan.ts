/**
 * The Modal launch scan of a Bash call: only agents with Modal capabilities run it, so other
 * agents' Bash calls never load it (see bash.ts). Only functions cross this line.
 */
export { launchesOf } from '../../modal/launch.js';
