import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appendJsonLine, claimToken, createExclusive, readJsonFile, safeSegment, writeFileAtomic } from './files.js';
import { latestHumanMessage } from './human-message.js';
import { sessionDir } from './session.js';

/** The words a user types to allow one stop of running work. */
export const STOP_PHRASE = 'yes, stop it';
export const CONFIRMATION_TTL_MS = 15 * 60 * 1000;
/** How far the clock may step back between arming and use (NTP corrections) before a token is refused. */
const CLOCK_SKEW_MS = 60 * 1000;

const PROMPTS = 'prompts.jsonl';
const TOKEN = 'stop-confirmation.json';
const LOG = 'stop-confirmations.jsonl';

interface Token {
  armedAt: string;
  expiresAt: string;
  source: 'prompt' | 'transcript';
}

/** Who used a confirmation, for the log. */
export interface StopUse {
  agentId: string | undefined;
  command: string;
}

/** The phrase anywhere in the text, ignoring case and curly quotes or extra spaces around the comma. */
export function containsStopPhrase(text: string): boolean {
  return /yes\s*,\s*stop\s+it/i.test(text.replace(/[\u2018\u2019]/g, "'"));
}

/** UserPromptSubmit: every prompt is recorded; one with the phrase arms one stop for 15 minutes. */
export function recordPrompt(stateDir: string, sessionId: string, prompt: string, now: Date): boolean {
  const dir = sessionDir(stateDir, sessionId);
  const armed = containsStopPhrase(prompt);
  appendJsonLine(join(dir, PROMPTS), { at: now.toISOString(), armed, length: prompt.length });
  if (armed) {
    const token: Token = { armedAt: now.toISOString(), expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString(), source: 'prompt' };
    writeFileAtomic(join(dir, TOKEN), JSON.stringify(token));
    appendJsonLine(join(dir, LOG), { at: now.toISOString(), event: 'armed', source: 'prompt' });
  }
  return armed;
}

/**
 * Uses up the session's confirmation for one stop. Exactly one of several racing callers gets it
 * (the token is taken by an atomic rename). Without any recorded prompt for the session (the
 * UserPromptSubmit hook did not run), the latest human message in the transcript stands in.
 */
export function takeStopConfirmation(stateDir: string, sessionId: string, transcriptPath: string | undefined, now: Date, use: StopUse): boolean {
  const dir = sessionDir(stateDir, sessionId);
  const taken = existsSync(join(dir, PROMPTS)) ? takeToken(dir, now) : takeFromTranscript(dir, transcriptPath, now);
  if (taken) appendJsonLine(join(dir, LOG), { at: now.toISOString(), event: 'used', source: taken, agent_id: use.agentId ?? null, command: use.command.slice(0, 500) });
  return taken !== undefined;
}

function takeToken(dir: string, now: Date): 'prompt' | undefined {
  const file = join(dir, TOKEN);
  let token: Token | undefined;
  try {
    token = readJsonFile<Token>(file);
  } catch {
    return undefined;
  }
  // Armed in the future means the clock went back: the 15 minutes can no longer be told, so no stop.
  if (!token || !(Date.parse(token.expiresAt) > now.getTime()) || !(Date.parse(token.armedAt) <= now.getTime() + CLOCK_SKEW_MS)) return undefined;
  return claimToken(file) ? 'prompt' : undefined;
}

function takeFromTranscript(dir: string, transcriptPath: string | undefined, now: Date): 'transcript' | undefined {
  const message = latestHumanMessage(transcriptPath);
  if (!message || !containsStopPhrase(message.text) || message.at === undefined) return undefined;
  const age = now.getTime() - message.at;
  if (age > CONFIRMATION_TTL_MS || age < -CONFIRMATION_TTL_MS) return undefined;
  const marker = join(dir, 'stop-confirmations-used', safeSegment(message.id));
  return createExclusive(marker, now.toISOString()) ? 'transcript' : undefined;
}
