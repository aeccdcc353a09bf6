// A fake JupiterOne synchronization API on 127.0.0.1 that records what `j1-integration sync` / `run` send to it.
// It implements what @jupiterone/integration-sdk-runtime 8.41.0 calls (dist/src/synchronization/index.js, events.js):
//   POST /persister/synchronization/jobs                      {source, integrationInstanceId | scope} -> {job}
//   POST /persister/synchronization/jobs/:id/entities         {entities: [...]}
//   POST /persister/synchronization/jobs/:id/relationships    {relationships: [...]}
//   POST /persister/synchronization/jobs/:id/events           {events: [...]}
//   POST /persister/synchronization/jobs/:id/finalize         {partialDatasets} -> {job}
//   POST /persister/synchronization/jobs/:id/abort            {reason} -> {job}
//   GET  /persister/synchronization/jobs/:id                  -> {job}  (status, with --skip-finalize)
// Every request must carry `Authorization: Bearer <apiKey>` and the account header (8.41.0 sends `LifeOmic-Account`,
// later SDKs `JupiterOne-Account`); others get 401.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './dataServer';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface SyncJob {
  id: string;
  status: 'AWAITING_UPLOADS' | 'FINALIZE_PENDING' | 'ABORTED';
  source: string;
  integrationInstanceId?: string;
  scope?: string;
  integrationJobId: string;
  startTimestamp: number;
  numEntitiesUploaded: number;
  numRelationshipsUploaded: number;
  entities: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
  events: unknown[];
  partialDatasets?: unknown;
  abortReason?: string;
}

export interface FakeJupiterOne {
  url: string;
  requests: RecordedRequest[];
  jobs: SyncJob[];
  close(): Promise<void>;
}

export async function startFakeJupiterOne(options: { apiKey: string; account: string }): Promise<FakeJupiterOne> {
  const requests: RecordedRequest[] = [];
  const jobs: SyncJob[] = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      body = undefined;
    }
    requests.push({ method: request.method ?? '', path, headers: request.headers, body });
    const send = (status: number, payload: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    const account = request.headers['jupiterone-account'] ?? request.headers['lifeomic-account'];
    if (request.headers.authorization !== `Bearer ${options.apiKey}` || account !== options.account) {
      return send(401, { error: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    }
    const view = (job: SyncJob) => {
      const { entities: _e, relationships: _r, events: _v, ...rest } = job;
      return rest;
    };
    const match = /^\/persister\/synchronization\/jobs(?:\/([^/]+)(?:\/(\w+))?)?$/.exec(path);
    if (!match) return send(404, { error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } });
    const [, id, action] = match;
    const fields = (body ?? {}) as Record<string, unknown>;
    if (!id) {
      if (request.method !== 'POST') return send(405, {});
      const job: SyncJob = {
        id: `job-${jobs.length + 1}`,
        status: 'AWAITING_UPLOADS',
        source: String(fields.source),
        integrationInstanceId: fields.integrationInstanceId as string | undefined,
        scope: fields.scope as string | undefined,
        integrationJobId: `integration-job-${jobs.length + 1}`,
        startTimestamp: Date.now(),
        numEntitiesUploaded: 0,
        numRelationshipsUploaded: 0,
        entities: [],
        relationships: [],
        events: [],
      };
      jobs.push(job);
      return send(200, { job: view(job) });
    }
    const job = jobs.find((j) => j.id === id);
    if (!job) return send(404, { error: { code: 'JOB_NOT_FOUND', message: `no job ${id}` } });
    if (!action && request.method === 'GET') return send(200, { job: view(job) });
    if (request.method !== 'POST') return send(405, {});
    const uploading = action === 'entities' || action === 'relationships';
    if (uploading && job.status !== 'AWAITING_UPLOADS') {
      return send(400, { error: { code: 'JOB_NOT_AWAITING_UPLOADS', message: 'Job is not awaiting uploads' } });
    }
    switch (action) {
      case 'entities': {
        const entities = Array.isArray(fields.entities) ? (fields.entities as Record<string, unknown>[]) : [];
        job.entities.push(...entities);
        job.numEntitiesUploaded += entities.length;
        return send(200, {});
      }
      case 'relationships': {
        const relationships = Array.isArray(fields.relationships) ? (fields.relationships as Record<string, unknown>[]) : [];
        job.relationships.push(...relationships);
        job.numRelationshipsUploaded += relationships.length;
        return send(200, {});
      }
      case 'events':
        job.events.push(...(Array.isArray(fields.events) ? fields.events : []));
        return send(200, {});
      case 'finalize':
        job.status = 'FINALIZE_PENDING';
        job.partialDatasets = fields.partialDatasets;
        return send(200, { job: view(job) });
      case 'abort':
        job.status = 'ABORTED';
        job.abortReason = String(fields.reason ?? '');
        return send(200, { job: view(job) });
      default:
        return send(404, { error: { code: 'NOT_FOUND', message: `no route POST ${path}` } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    jobs,
    close: () => closeServer(server),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
