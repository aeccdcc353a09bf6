// The service the fixture integration (test/fixtures/run-integration) collects from: a tiny JSON API on 127.0.0.1.
// Shared by the node tests (test/run) and the end-to-end suite, which starts it inside the extension host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DataServerOptions {
  /** The token the integration must send as `Authorization: Bearer <token>`; other requests get 401. */
  token: string;
  /** GET /groups answers 500, so the fetch-groups step fails. */
  failGroups?: boolean;
  /** One more user of kind "service", which the integration turns into an undeclared type. */
  serviceAccount?: boolean;
  /** A path that never answers (the request stays open until the server closes), to stop a run mid-step. */
  hang?: string;
}

export interface DataServer {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Resolves when `path` is next requested (or right away if it already was). */
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}

export const ACCOUNT = { id: 'acct-1', name: 'Run Fixture Account' };
export const USERS = [
  { id: 'u1', name: 'Ada Lovelace', login: 'ada', email: 'ada@example.com' },
  { id: 'u2', name: 'Alan Turing', login: 'alan', email: 'alan@example.com' },
  { id: 'u3', name: 'Grace Hopper', login: 'grace', email: 'grace@example.com' },
];
export const SERVICE_USER = { id: 's1', name: 'Deploy Bot', login: 'deploy', email: 'deploy@example.com', kind: 'service' };
export const GROUPS = [
  { id: 'g1', name: 'Engineering', members: ['u1', 'u2'] },
  { id: 'g2', name: 'Operations', members: ['u3'] },
];

export async function startDataServer(options: DataServerOptions): Promise<DataServer> {
  const requests: string[] = [];
  const waiting: { path: string; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    for (const waiter of waiting.filter((w) => w.path === path)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: 'unauthorized' });
    if (path === options.hang) return;
    if (path === '/account') return send(200, ACCOUNT);
    if (path === '/users') return send(200, { users: options.serviceAccount ? [...USERS, SERVICE_USER] : USERS });
    if (path === '/groups') return options.failGroups ? send(500, { error: 'groups are down' }) : send(200, { groups: GROUPS });
    send(404, { error: `no ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    requested: (path) => (requests.includes(path) ? Promise.resolve() : new Promise((resolve) => waiting.push({ path, resolve }))),
    close: () => closeServer(server),
  };
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
