import type { RelationshipCreation } from '../effects/types';
import type { RelationshipMetadataModel } from '../model/types';
import { generateRelationshipType } from '../sdk/relationshipType';
import { replaceStringLiteral } from './edits';
import type { Finding, Rule } from './types';

const known = <T>(r: { kind: string; value?: T } | undefined): T | undefined => (r?.kind === 'known' ? r.value : undefined);

/**
 * A declared relationship `_type` that the code cannot produce: the step creates the relationship
 * (same class, source and target types) without an explicit `_type`, so the SDK records the type it
 * generates (`generateRelationshipType`, or `mapping_source_...` for mapped relationships), and the
 * declared type never appears while the runtime warns "Undeclared types were detected".
 */
export const relationshipTypeMismatch: Rule = {
  codes: ['relationship-type-mismatch'],
  run(context) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const step of context.model.steps.items) {
      const created = context.effects(step).relationships.filter((r) => !r.explicitType);
      if (!created.length) continue;
      const declared: Array<[RelationshipMetadataModel, boolean]> = [
        ...step.relationships.items.map((r): [RelationshipMetadataModel, boolean] => [r, false]),
        ...step.mappedRelationships.items.map((r): [RelationshipMetadataModel, boolean] => [r, true]),
      ];
      // A type the step declares elsewhere (same class and endpoints, a second metadata entry) accounts
      // for the creation: this entry then describes another relationship, created with its own _type.
      const declaredTypes = new Set(declared.map(([m]) => known<string>(m._type)).filter((t): t is string => t !== undefined));
      for (const [metadata, mapped] of declared) {
        const type = known<string>(metadata._type);
        const cls = known<string>(metadata._class);
        const source = known<string>(metadata.sourceType);
        const target = known<string>(metadata.targetType);
        if (type === undefined || cls === undefined || source === undefined || target === undefined) continue;
        const match = created.find((c) => sameRelationship(c, mapped, cls, source, target));
        // Direct relationships: the exact SDK algorithm. Mapped ones: the type the effects analysis computed.
        const recorded = mapped ? known<string>(match?._type) : generateRelationshipType(cls, source, target);
        if (!match || recorded === undefined || recorded === type || declaredTypes.has(recorded) || metadata._type.kind !== 'known') continue;
        const key = `${metadata._type.range.file}:${metadata._type.range.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const range = metadata._type.origin ?? metadata._type.range;
        const how = mapped ? `createMappedRelationship without \`_type\` records "${recorded}"` : `without an explicit \`_type\` the SDK records generateRelationshipType("${cls}", "${source}", "${target}") = "${recorded}"`;
        const finding: Finding = {
          code: 'relationship-type-mismatch',
          severity: 'warning',
          range,
          message:
            `Declared relationship _type "${type}" differs from what the code creates: ${how}, so "${type}" never appears and the runtime warns "Undeclared types were detected". ` +
            `Declare "${recorded}"${mapped ? '' : ' (or use generateRelationshipType in the metadata)'}, or pass \`_type: '${type}'\` ${mapped ? 'to createMappedRelationship' : 'in the relationship properties'}.`,
          related: [{ range: match.range, message: `creates "${recorded}"` }],
          data: { declared: type, recorded },
        };
        const edit = replaceStringLiteral(metadata._type, recorded, context.text);
        if (edit) finding.fixes = [{ title: `Change to "${recorded}"`, edits: [edit], preferred: true }];
        findings.push(finding);
      }
    }
    return findings;
  },
};

function sameRelationship(created: RelationshipCreation, mapped: boolean, cls: string, source: string, target: string): boolean {
  if ((created.kind === 'createMappedRelationship') !== mapped) return false;
  const createdClass = known<string>(created._class);
  return (
    createdClass !== undefined &&
    createdClass.toUpperCase() === cls.toUpperCase() &&
    known<string>(created.sourceType) === source &&
    known<string>(created.targetType) === target
  );
}
