import { ts } from '../project/ts';
import type { Known, RelationshipMetadataModel, SourceRange } from '../model/types';
import type { DataModelView } from '../dataModel';
import { requote } from './classNames';
import { dataModelOf } from './projectDataModel';
import { closest } from './suggest';
import { nodeSpanning } from './syntaxOf';
import type { Finding, Rule, RuleContext } from './types';

/**
 * A relationship `_class` that is not a RelationshipClass of the project's data model. The SDK
 * upper-cases the class and looks it up (createDirectRelationship, createMappedRelationship):
 * `Invalid relationship class "X" specified`. `RelationshipClass.X` for a member the project's
 * version lacks is `undefined` at run time, which fails the same calls.
 */
export const unknownRelationshipClass: Rule = {
  codes: ['unknown-relationship-class'],
  run(context) {
    const dataModel = dataModelOf(context);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const report = (name: string, range: SourceRange, enumMember: boolean, related?: SourceRange) => {
      const key = `${range.file}:${range.start}:${range.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      const suggestion = closest(name, dataModel.relationshipClasses());
      const what = enumMember
        ? `RelationshipClass.${name} is not defined in ${dataModel.label}, so this \`_class\` is undefined at run time and createDirectRelationship and createMappedRelationship fail on it`
        : `"${name}" is not a RelationshipClass of ${dataModel.label}: createDirectRelationship and createMappedRelationship throw 'Invalid relationship class "${name.toUpperCase()}" specified'`;
      const finding: Finding = {
        code: 'unknown-relationship-class',
        severity: 'error',
        range,
        message:
          `${what}.` +
          (suggestion ? ` Did you mean ${enumMember ? `RelationshipClass.${suggestion}` : `"${suggestion}"`}?` : ' Use a class RelationshipClass defines.'),
        data: { class: name, suggestion, dataModel: dataModel.version },
      };
      if (related) finding.related = [{ range: related, message: 'the call that creates this relationship' }];
      const fix = suggestion ? replacement(context, range, suggestion, enumMember) : undefined;
      if (fix) finding.fixes = [{ title: `Change to ${enumMember ? `RelationshipClass.${suggestion}` : `"${suggestion}"`}`, edits: [fix], preferred: true }];
      findings.push(finding);
    };
    const checkKnown = (value: Known<string>, related?: SourceRange) => {
      // The SDK upper-cases created classes before the lookup; metadata is typed RelationshipClass.
      // (Member names equal their values in every release, so the value decides.)
      if (dataModel.isRelationshipClass(value.value.toUpperCase()) !== false) return;
      // Parsed only for a finding: whether it is written as `RelationshipClass.X` changes the message.
      const member = enumMemberAt(context, value.range);
      report(member ?? value.value, member ? value.range : value.origin ?? value.range, member !== undefined, related);
    };
    for (const step of context.model.steps.items) {
      const declared: RelationshipMetadataModel[] = [...step.relationships.items, ...step.mappedRelationships.items];
      for (const relationship of declared) {
        if (relationship._class.kind === 'known') checkKnown(relationship._class);
        else {
          const missing = missingEnumMember(context, relationship, dataModel);
          if (missing) report(missing.name, missing.range, true);
        }
      }
      for (const created of context.effects(step).relationships) {
        if (created._class.kind === 'known') checkKnown(created._class, created.range);
        else {
          // `RelationshipClass.X` with no such member evaluates to undefined: the analysis sees no class.
          const member = enumMemberAt(context, created._class.range);
          if (member && dataModel.isRelationshipClass(member) === false) report(member, created._class.range, true, created.range);
        }
      }
    }
    return findings;
  },
};

/** `RelationshipClass.X` written at `range`: X. */
function enumMemberAt(context: RuleContext, range: SourceRange): string | undefined {
  const node = nodeSpanning(context, range);
  if (node && ts.isPropertyAccessExpression(node) && isRelationshipClassObject(node.expression)) return node.name.text;
  return undefined;
}

function isRelationshipClassObject(node: ts.Expression): boolean {
  return (ts.isIdentifier(node) && node.text === 'RelationshipClass') || (ts.isPropertyAccessExpression(node) && node.name.text === 'RelationshipClass');
}

/**
 * The model reads `RelationshipClass.X` from the bundled data model; a member even that version
 * lacks evaluates to undefined, so the metadata has "no _class". Its object literal then shows the
 * member that was asked for.
 */
function missingEnumMember(context: RuleContext, relationship: RelationshipMetadataModel, dataModel: DataModelView): { name: string; range: SourceRange } | undefined {
  if (relationship._class.kind !== 'unknown' || !/no _class/.test(relationship._class.reason)) return undefined;
  const literal = nodeSpanning(context, relationship.range);
  if (!literal || !ts.isObjectLiteralExpression(literal)) return undefined;
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== '_class') continue;
    const value = property.initializer;
    if (!ts.isPropertyAccessExpression(value) || !isRelationshipClassObject(value.expression)) return undefined;
    if (dataModel.isRelationshipClass(value.name.text) !== false) return undefined;
    const sourceFile = value.getSourceFile();
    return { name: value.name.text, range: { file: relationship.range.file, start: value.getStart(sourceFile), end: value.getEnd() } };
  }
  return undefined;
}

/** Replaces a class literal or the member name of `RelationshipClass.X` with the suggestion. */
function replacement(context: RuleContext, range: SourceRange, suggestion: string, enumMember: boolean) {
  const written = context.text(range.file)?.slice(range.start, range.end);
  if (!written) return undefined;
  if (enumMember) {
    const dot = written.lastIndexOf('.');
    if (dot < 0) return undefined;
    return { range: { file: range.file, start: range.start + dot + 1, end: range.end }, newText: suggestion };
  }
  if (!/^(['"`])[A-Za-z_]+\1$/.test(written)) return undefined;
  return { range, newText: requote(written, suggestion) };
}
