// Answers `integrationLens/model`: a projection of each project's static model in LSP positions (protocol.ts).
import type { PositionMapper } from './positions';
import type { ProjectSession } from './projectSession';
import type { ModelLocation, ProjectModel } from './protocol';
import type { SourceRange } from '../core/model/types';

export function projectModel(session: ProjectSession, positions: PositionMapper): ProjectModel {
  const analysis = session.analysis;
  if (!analysis || 'kind' in analysis) {
    return { root: session.root, ok: false, message: analysis?.message ?? 'not analysed yet', steps: [], configFields: [], complete: false };
  }
  const { model } = analysis;
  const at = (range: SourceRange): ModelLocation => {
    const { start } = positions.range(range);
    return { file: range.file, line: start.line, character: start.character };
  };
  const known = <T>(value: { kind: 'known'; value: T } | { kind: 'unknown' } | undefined): T | undefined =>
    value?.kind === 'known' ? value.value : undefined;
  const steps = model.steps.items.map((step) => ({
    id: known(step.id),
    name: known(step.name),
    location: at(step.id.range ?? step.range),
    dependsOn: step.dependsOn.items.map((d) => known(d)).filter((d): d is string => typeof d === 'string'),
  }));
  const configFields = (model.instanceConfigFields?.items ?? []).map((field) => ({
    name: field.name,
    mask: known(field.mask),
    maskUnknown: field.mask !== undefined && field.mask.kind === 'unknown',
    location: at(field.range),
  }));
  return {
    root: session.root,
    ok: true,
    entryFile: model.entryFile,
    steps,
    configFields,
    complete: model.steps.complete && (model.instanceConfigFields?.complete ?? true),
  };
}
