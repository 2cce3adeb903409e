import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../../shared/errors.ts';

/*
 * Fetching pages and feeds from the web, within limits: a deadline for the
 * whole exchange (redirects and body included), a byte ceiling counted on
 * the decoded body (so a compressed bomb stops too), a bounded number of
 * redirects, http(s) only, conditional requests (ETag, If-Modified-Since),
 * and — unless the caller allows it — no request to loopback, private or
 * link-local addresses, so a URL given to the server cannot reach inside
 * the mission's network.
 */

export interface FetchPolicy {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Allow loopback and private addresses (tests, the command line on an analyst's machine). */
  readonly allowPrivateAddresses: boolean;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = Object.freeze({ timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, allowPrivateAddresses: false });

export interface Fetched {
  /** The URL after redirects. */
  readonly url: string;
  readonly notModified: boolean;
  readonly contentType: string | null;
  readonly bytes: Uint8Array;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['::ffff:0:0', 96]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

function failed(message: string): AppError {
  return new AppError('NEWS_FETCH_FAILED', message);
}

/** Refuses a URL whose host is, or resolves to, a private address (unless allowed). */
async function assertPublicHost(url: URL, policy: FetchPolicy): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('NEWS_ADDRESS_REFUSED', `only http and https URLs are fetched, not ${url.protocol}`);
  if (policy.allowPrivateAddresses) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw failed(`the host ${host} could not be found: check the URL`);
  }
  for (const { address, family } of addresses) {
    if (PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4')) {
      throw new AppError('NEWS_ADDRESS_REFUSED', `${host} is a loopback, private or link-local address (${address}): Konbit fetches news from the public web only`);
    }
  }
}

/** Reads a body up to the ceiling; stops and refuses as soon as it is passed. */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new AppError('NEWS_TOO_LARGE', `${url} is ${declared} bytes, more than the ${maxBytes} Konbit reads from one page or feed`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('NEWS_TOO_LARGE', `${url} sends more than the ${maxBytes} bytes Konbit reads from one page or feed`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** GETs a URL within the policy, following redirects itself; a 304 answer is notModified. */
export async function fetchLimited(address: string, policy: FetchPolicy = DEFAULT_FETCH_POLICY, conditions: { etag?: string | null; lastModified?: string | null } = {}): Promise<Fetched> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url = new URL(address);
  try {
    for (let hop = 0; ; hop += 1) {
      await assertPublicHost(url, policy);
      const headers: Record<string, string> = { accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5', 'user-agent': 'Konbit news monitor' };
      if (conditions.etag) headers['if-none-match'] = conditions.etag;
      if (conditions.lastModified) headers['if-modified-since'] = conditions.lastModified;
      const response = await fetch(url, { redirect: 'manual', signal, headers });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) throw failed(`${url} answered ${response.status} without saying where to go`);
        if (hop >= policy.maxRedirects) throw failed(`${address} redirects more than ${policy.maxRedirects} times: it may loop; give the final URL`);
        url = new URL(location, url);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { url: url.toString(), notModified: true, contentType: null, bytes: new Uint8Array(), etag: conditions.etag ?? null, lastModified: conditions.lastModified ?? null };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw failed(`${url} answered ${response.status} ${response.statusText}`.trim());
      }
      const bytes = await readLimited(response, policy.maxBytes, url.toString());
      return { url: url.toString(), notModified: false, contentType: response.headers.get('content-type'), bytes, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (signal.aborted) throw failed(`${address} did not answer within ${policy.timeoutMs / 1000} s`);
    throw failed(`${address} could not be fetched (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`);
  }
}
