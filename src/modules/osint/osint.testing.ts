import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { datasetsDir } from '../../../test/datasets.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './intake/fetch.ts';

/** Test helpers: the shared news fixtures, and a local web server for pages and feeds. */

/** The folder of shared fixtures beside the checkout (../shared/fixtures). */
export const fixturesDir = path.resolve(datasetsDir, '..', 'fixtures');

export const FIXTURE_ARTICLE = 'kenya-to-lead-multinational-police-force-in-haiti.txt';

export function newsFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, 'news', name), 'utf8');
}

/** Fetching allowed to the loopback address, with short limits: the tests' local server. */
export const LOCAL_FETCH: FetchPolicy = { ...DEFAULT_FETCH_POLICY, allowPrivateAddresses: true, timeoutMs: 2000, maxBytes: 200_000 };

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalServer {
  url(pathname: string): string;
  close(): Promise<void>;
  /** Requests received, in order: method, path and the conditional headers. */
  readonly requests: { path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }[];
}

/** An HTTP server on 127.0.0.1 answering by path; nothing leaves the machine. */
export async function localServer(routes: Record<string, Handler>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path: pathname, ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since'] });
    const handler = routes[pathname];
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A handler answering a body with a content type. */
export const serve = (body: string | Buffer, contentType: string, headers: Record<string, string> = {}): Handler => (_request, response) => {
  response.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
};
