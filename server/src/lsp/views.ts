// The requests behind the Steps view, the graph webviews and the sync preview: each finds the project, asks the core
// and translates offsets to LSP locations. No analysis here.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { stepsView, stepGraph, typesGraph, collectedGraphData, type GraphData } from '../core/views';
import {
  checkedCollection,
  collectedObjectText,
  collectionRootOf,
  diskCollectedHost,
  maskedValues,
  previewSync,
  readCollection,
  readSummary,
} from '../core/collected';
import { createMasker } from '../core/text/mask';
import type { Finding, SourceRange } from '../core';
import type { DocumentKindService } from './documentKinds';
import type { OverlayHost } from './overlayHost';
import { uriOf, type PositionMapper } from './positions';
import type { ProjectSession } from './projectSession';
import {
  CHECKS_LIMIT,
  CollectedObjectRequest,
  GraphRequest,
  RunViewRequest,
  SyncPreviewRequest,
  type CollectedCheck,
  type CollectedObjectParams,
  type CollectedObjectResult,
  type GraphParams,
  type GraphResult,
  type RunViewParams,
  type RunViewProject,
  type RunViewResult,
  type SyncPreviewParams,
  type SyncPreviewResult,
  type ViewLocation,
} from './protocol';

interface ViewServices {
  connection: Connection;
  host: OverlayHost;
  positions: PositionMapper;
  kinds: DocumentKindService;
  sessions(): ProjectSession[];
}

export function registerViewRequests(services: ViewServices): void {
  const { connection } = services;
  const location = (range: SourceRange): ViewLocation => ({ uri: uriOf(range.file), range: services.positions.range(range) });
  const sessionAt = (root: string) => services.sessions().find((s) => s.root === root);
  /** The collection of a project, checked, with the integration beside it (cached until a file changes). */
  const collection = (root: string) => {
    const collected = collectionRootOf(root);
    return checkedCollection(collected, services.kinds.context(path.join(collected, 'summary.json')));
  };
  const secrets = (session: ProjectSession | undefined) =>
    maskedValues(session?.current()?.model, session ? services.host.readFile(path.join(session.root, '.env')) : undefined);

  function runView(session: ProjectSession): RunViewProject {
    const analysis = session.current();
    const collectedRoot = collectionRootOf(session.root);
    const { summary } = readSummary(collectedRoot, diskCollectedHost);
    const { graph } = collection(session.root);
    const findings: Finding[] = graph.findings;
    const checks: CollectedCheck[] = findings.slice(0, CHECKS_LIMIT).map((f) => ({ code: f.code, severity: f.severity, message: f.message, location: location(f.range) }));
    const base = {
      root: session.root,
      collected: {
        root: collectedRoot,
        hasSummary: !!summary,
        entities: graph.entities.length,
        relationships: graph.relationships.length,
        unknownSteps: [] as string[],
        checks,
        checksTotal: findings.length,
      },
    };
    if (!analysis) {
      const failure = session.analysis && 'kind' in session.analysis ? session.analysis.message : 'The integration could not be analysed.';
      return { ...base, ok: false, message: failure, steps: [] };
    }
    const view = stepsView(analysis.model);
    const results = new Map((summary?.steps ?? []).map((r) => [r.id, r]));
    const known = new Set(view.steps.map((s) => s.id));
    base.collected.unknownSteps = [...results.keys()].filter((id) => !known.has(id));
    return {
      ...base,
      ok: true,
      orderProblem: view.orderProblem,
      steps: view.steps.map((s) => {
        const r = results.get(s.id);
        return {
          id: s.id,
          name: s.name,
          dependsOn: s.dependsOn,
          dependencyGraphId: s.dependencyGraphId,
          declaredTypes: s.declaredTypes,
          complete: s.complete,
          location: location(s.idRange),
          result: r && {
            status: r.status,
            encounteredTypes: r.encounteredTypes,
            encounteredTypeCounts: r.encounteredTypeCounts,
            partialTypes: r.partialTypes,
            // Only a complete declaration can tell a type is undeclared.
            undeclaredTypes: s.complete ? r.encounteredTypes.filter((t) => !s.declaredTypes.includes(t)) : [],
            notEncounteredTypes: r.status === 'success' ? s.declaredTypes.filter((t) => !r.encounteredTypes.includes(t)) : [],
          },
        };
      }),
    };
  }

  connection.onRequest(RunViewRequest.method, (params: RunViewParams | undefined): RunViewResult => {
    const sessions = services.sessions().filter((s) => !params?.root || s.root === params.root);
    return { projects: sessions.map(runView) };
  });

  connection.onRequest(GraphRequest.method, (params: GraphParams): GraphResult => {
    const session = sessionAt(params?.root);
    if (!session || !['collected', 'types', 'steps'].includes(params.kind)) return null;
    let data: GraphData;
    if (params.kind === 'collected') data = collectedGraphData(collection(session.root).graph);
    else {
      const analysis = session.current();
      if (!analysis) return null;
      const view = stepsView(analysis.model);
      data = params.kind === 'types' ? typesGraph(view) : stepGraph(view);
    }
    const hidden = secrets(session);
    if (!hidden.length) return data;
    // Labels come from collected names: a name holding a secret is shown masked too.
    const mask = createMasker(hidden);
    return { ...data, nodes: data.nodes.map((n) => ({ ...n, label: mask(n.label), title: n.title && mask(n.title) })) };
  });

  connection.onRequest(CollectedObjectRequest.method, (params: CollectedObjectParams): CollectedObjectResult => {
    const session = sessionAt(params?.root);
    if (!session) return null;
    const { graph } = collection(session.root);
    const record = graph.entities.find((e) => e.key === params.key) ?? graph.relationships.find((r) => r.key === params.key);
    const text = record && collectedObjectText(record, services.host, secrets(session));
    return record && text ? { text, location: location(record.range) } : null;
  });

  connection.onRequest(SyncPreviewRequest.method, (params: SyncPreviewParams): SyncPreviewResult => {
    const session = sessionAt(params?.root);
    if (!session || typeof params.snapshot !== 'string') return null;
    const current = collection(session.root).graph;
    const snapshot = readCollection(params.snapshot, diskCollectedHost);
    let snapshotInfo: Record<string, unknown> | undefined;
    try {
      snapshotInfo = JSON.parse(diskCollectedHost.readFile(path.join(params.snapshot, 'snapshot.json')) ?? 'null') ?? undefined;
    } catch {
      snapshotInfo = undefined;
    }
    return { ...previewSync(current, snapshot), snapshot: params.snapshot, snapshotInfo };
  });
}
