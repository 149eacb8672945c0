// A scripted stand-in for the Anthropic Messages API on 127.0.0.1. Each request is routed to a
// "lane" (the main thread, or one subagent) by a marker string the scenario put into that lane's
// first prompt; the lane's next scripted turn is chosen by how many assistant turns the
// conversation already holds, so interleaved main-thread and subagent requests stay in step.
import { createServer } from 'node:http';

let ids = 0;
const nextId = (prefix) => `${prefix}_e2e${String(++ids).padStart(6, '0')}`;

/** Text of a user message, without tool results (those carry other lanes' words). */
function userText(message) {
  if (message.role !== 'user') return '';
  if (typeof message.content === 'string') return message.content;
  return (message.content ?? []).filter((b) => b.type === 'text').map((b) => b.text).join('\n');
}

function systemText(system) {
  if (typeof system === 'string') return system;
  return (system ?? []).map((b) => b.text ?? '').join('\n');
}

/**
 * The lane of a request: the first lane marker met in the conversation's own user text. A
 * subagent's conversation starts with its spawn prompt; the main thread's with the -p prompt.
 */
export function routeLane(body, lanes) {
  for (const m of body.messages ?? []) {
    const text = userText(m);
    const lane = lanes.find((l) => text.includes(l.marker));
    if (lane) return lane;
  }
  return lanes.find((lane) => lane.system && systemText(body.system).includes(lane.system));
}

/**
 * Assistant turns since the first user message holding the lane's start text: the marker, or for
 * a resumed session (`after`) a word only the new prompt carries.
 */
function positionIn(lane, messages) {
  const start = lane.after ?? lane.marker;
  const first = messages.findIndex((m) => userText(m).includes(start));
  return messages.slice(first + 1).filter((m) => m.role === 'assistant').length;
}

function sse(res, events) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const [type, data] of events) res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  res.end();
}

function blocksOf(turn) {
  const blocks = [];
  if (turn.text) blocks.push({ type: 'text', text: turn.text });
  if (turn.tool) blocks.push({ type: 'tool_use', id: nextId('toolu'), name: turn.tool.name, input: turn.tool.input });
  return blocks;
}

function streamEvents(message) {
  const events = [['message_start', { message: { ...message, content: [], stop_reason: null } }]];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(['content_block_start', { index, content_block: { type: 'text', text: '' } }]);
      events.push(['content_block_delta', { index, delta: { type: 'text_delta', text: block.text } }]);
    } else {
      events.push(['content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }]);
      events.push(['content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } }]);
    }
    events.push(['content_block_stop', { index }]);
  });
  events.push(['message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: 12 } }]);
  events.push(['message_stop', {}]);
  return events;
}

function message(model, content) {
  const stop = content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
  return { id: nextId('msg'), type: 'message', role: 'assistant', model: model ?? 'claude-e2e', content, stop_reason: stop, stop_sequence: null, usage: { input_tokens: 50, output_tokens: 12 } };
}

/** The turn a lane plays next: a scripted turn, or a closing text once the script is used up. */
function turnFor(lane, body) {
  const position = positionIn(lane, body.messages ?? []);
  const step = lane.steps[position];
  lane.requests.push({ position, body });
  if (!step) {
    lane.overruns++;
    return { text: 'Nothing more to do.' };
  }
  return typeof step === 'function' ? step(body) : step;
}

function handle(req, raw, res, lanes, unrouted) {
  const url = req.url ?? '';
  const json = (status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.method !== 'POST' || !url.startsWith('/v1/messages')) {
    unrouted.push(`${req.method} ${url}`);
    return json(404, { type: 'error', error: { type: 'not_found_error', message: 'not here' } });
  }
  const body = raw ? JSON.parse(raw) : {};
  if (url.startsWith('/v1/messages/count_tokens')) return json(200, { input_tokens: 100 });
  const lane = body.tools?.length ? routeLane(body, lanes) : undefined;
  if (body.tools?.length && !lane) unrouted.push(`no lane for a request with tools: ${JSON.stringify(body.messages?.[0]).slice(0, 300)}`);
  const reply = message(body.model, blocksOf(lane ? turnFor(lane, body) : { text: 'E2E side answer.' }));
  return body.stream ? sse(res, streamEvents(reply)) : json(200, reply);
}

/** Starts the fake API; `lanes` are [{ name, marker, after?, steps }]. Resolves to { url, close, lanes, unrouted }. */
export function startFakeApi(laneSpecs) {
  const lanes = laneSpecs.map((l) => ({ ...l, requests: [], overruns: 0 }));
  const unrouted = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => handle(req, raw, res, lanes, unrouted));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, lanes, unrouted, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
