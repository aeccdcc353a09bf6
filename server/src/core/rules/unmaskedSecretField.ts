import { ts } from '../project/ts';
import type { ConfigFieldModel } from '../model/types';
import { appendToLiteral } from './insertProperty';
import { secretWord } from './secretFieldName';
import { nodeSpanning } from './syntaxOf';
import type { Finding, Fix, Rule, RuleContext } from './types';

/**
 * A config field whose name says it holds a secret (see secretFieldName.ts) without `mask: true`.
 * The SDK's logger prints the instance config with every unmasked field's value in clear (masked
 * ones as '***'). Boolean fields are flags, never
 * secrets; a `type` or `mask` the analysis cannot resolve keeps the rule silent.
 */
export const unmaskedSecretField: Rule = {
  codes: ['unmasked-secret-field'],
  run(context) {
    const fields = context.model.instanceConfigFields;
    if (!fields) return [];
    const names = fields.items.map((f) => f.name);
    const findings: Finding[] = [];
    for (const field of fields.items) {
      if (field.type && (field.type.kind !== 'known' || field.type.value === 'boolean')) continue;
      if (field.mask && (field.mask.kind !== 'known' || field.mask.value === true)) continue;
      const word = secretWord(field.name, names);
      if (!word) continue;
      const explicitlyOff = field.mask?.kind === 'known';
      const fix = maskFix(context, field);
      findings.push({
        code: 'unmasked-secret-field',
        severity: 'warning',
        range: field.range,
        message:
          `The config field "${field.name}" looks like a secret (${word}) but ${explicitlyOff ? 'has `mask: false`' : 'is not masked'}: ` +
          `the SDK's logger prints the instance config with unmasked values in clear text (masked ones as '***'). Add \`mask: true\`.`,
        fixes: fix ? [fix] : undefined,
        data: { field: field.name, word },
      });
    }
    return findings;
  },
};

/** `mask: false` -> `mask: true`, or `mask: true` added to the field's object literal. */
function maskFix(context: RuleContext, field: ConfigFieldModel): Fix | undefined {
  const title = 'Add mask: true';
  if (field.mask?.kind === 'known') {
    const range = field.mask.range;
    // A shared constant (`mask: MASKED`) is the author's to change, not this field's.
    if (field.mask.origin && (field.mask.origin.file !== range.file || field.mask.origin.start !== range.start)) return undefined;
    if (context.text(range.file)?.slice(range.start, range.end) !== 'false') return undefined;
    return { title: 'Set mask: true', edits: [{ range, newText: 'true' }], preferred: true };
  }
  const key = nodeSpanning(context, field.range);
  const property = key?.parent;
  if (!property || !ts.isPropertyAssignment(property) || property.name !== key || !ts.isObjectLiteralExpression(property.initializer)) return undefined;
  const literal = property.initializer;
  const sourceFile = literal.getSourceFile();
  const edits = appendToLiteral({ file: field.range.file, start: literal.getStart(sourceFile), end: literal.getEnd() }, ['mask: true'], context.text);
  return edits ? { title, edits, preferred: true } : undefined;
}
