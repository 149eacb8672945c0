import type { Word } from '../types.js';
import { parseOptions } from './options.js';
import type { FoundWrite, WriteRule } from './write-rules.js';

const CURL_VALUE = 'oDcKdHXuAeEmrTwxyYzbFhQPtU';
const CURL_LONG = [
  'output', 'dump-header', 'cookie-jar', 'config', 'data', 'data-binary', 'data-raw', 'data-urlencode', 'header', 'request', 'user',
  'user-agent', 'referer', 'max-time', 'range', 'upload-file', 'write-out', 'proxy', 'cookie', 'form', 'output-dir', 'trace',
  'trace-ascii', 'stderr', 'libcurl', 'etag-save', 'hsts', 'alt-svc', 'connect-timeout', 'retry', 'json', 'url', 'cacert', 'cert', 'key',
];

/** The file name `-O` would use: the last segment of the URL's path. */
function remoteName(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const path = url.replace(/[?#].*$/, '').replace(/^[a-z]+:\/\/[^/]*/i, '');
  const name = path.split('/').pop();
  return name ? name : undefined;
}

function withDir(dir: string | undefined, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return dir === undefined ? name : `${dir}/${name}`;
}

/** curl: -o/--output, -O (remote name), and the files -D, -c, --trace … write. */
function curl(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: CURL_VALUE, longValue: CURL_LONG, firstOperandEnds: false });
  const seen = parsed.seen;
  const out: FoundWrite[] = [];
  const dir = seen.get('output-dir');
  const output = seen.get('o') ?? seen.get('output');
  if (output !== undefined && output !== '-') out.push({ path: withDir(dir, output), via: 'curl -o' });
  const urls = argv.slice(1).filter((word) => /^[a-z]+:\/\//i.test(word.value ?? '') || !word.static);
  if (seen.has('O') || seen.has('remote-name') || seen.has('remote-name-all')) {
    for (const url of urls.length ? urls : [undefined]) out.push({ path: withDir(dir, remoteName(url?.value)), via: 'curl -O' });
  }
  for (const key of ['D', 'dump-header', 'c', 'cookie-jar', 'trace', 'trace-ascii', 'stderr', 'libcurl', 'etag-save', 'hsts', 'alt-svc']) {
    const file = seen.get(key);
    if (file !== undefined && file !== '-') out.push({ path: file, via: `curl --${key}` });
  }
  return out;
}

const WGET_VALUE = 'OoaPeiBtTwQUYl';
const WGET_LONG = ['output-document', 'output-file', 'append-output', 'directory-prefix', 'execute', 'input-file', 'base', 'tries', 'timeout', 'wait', 'quota', 'user-agent', 'level', 'header', 'user', 'password', 'post-data', 'post-file', 'method', 'body-data', 'load-cookies', 'save-cookies'];

/** wget writes the download (-O, or the URL's name under -P) and its log (-o, -a). */
function wget(argv: Word[]): FoundWrite[] {
  const parsed = parseOptions(argv, 1, { shortValue: WGET_VALUE, longValue: WGET_LONG, firstOperandEnds: false });
  const seen = parsed.seen;
  const out: FoundWrite[] = [];
  for (const key of ['o', 'output-file', 'a', 'append-output', 'save-cookies']) {
    const file = seen.get(key);
    if (file !== undefined) out.push({ path: file, via: 'wget log' });
  }
  if (seen.has('spider')) return out;
  const document = seen.get('O') ?? seen.get('output-document');
  if (document !== undefined) return document === '-' ? out : [...out, { path: document, via: 'wget -O' }];
  const dir = seen.get('P') ?? seen.get('directory-prefix');
  const urls = argv.slice(1).filter((word) => /^[a-z]+:\/\//i.test(word.value ?? '') || !word.static);
  for (const url of urls) out.push({ path: withDir(dir, remoteName(url.value) ?? 'index.html'), via: 'wget' });
  return out;
}

export const NETWORK_WRITES: Record<string, WriteRule> = { curl, wget };
