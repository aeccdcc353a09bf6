import { ts } from '../project/ts';
import type { ConfigRead } from '../effects/types';
import { configEnvironmentVariable, IMPLICIT_CONFIG_FIELDS } from '../sdk/configEnvironment';
import { configWrites, type ConfigWrites } from './configWrites';
import { isPresenceCheck } from './presenceCheck';
import { closest } from './suggest';
import { nodeSpanning } from './syntaxOf';
import type { Finding, Rule, RuleContext, TextEdit } from './types';

/**
 * `config.x` read by a step's handler (or what it calls) where instanceConfigFields declares no `x`.
 * The SDK builds the local config from the declared fields only (one environment variable each),
 * so the value is undefined under j1-integration collect. Reads written as presence tests are left
 * alone (see presenceCheck.ts), and so are fields the integration's code sets itself (validateInvocation
 * normalising the config: see configWrites.ts), and everything when the declared fields are not all known.
 */
export const undeclaredConfigField: Rule = {
  codes: ['undeclared-config-field'],
  run(context) {
    const fields = context.model.instanceConfigFields;
    if (!fields?.complete) return [];
    const declared = new Set([...fields.items.map((f) => f.name), ...IMPLICIT_CONFIG_FIELDS]);
    const reads = new Map<string, ConfigRead[]>();
    const seen = new Set<string>();
    for (const step of context.model.steps.items) {
      for (const read of context.effects(step).configReads) {
        const key = `${read.range.file}:${read.range.start}:${read.range.end}`;
        // `config.hasOwnProperty(...)`, `config.constructor`: the object's own methods, not fields.
        if (declared.has(read.name) || read.name in Object.prototype || seen.has(key)) continue;
        seen.add(key);
        reads.set(read.name, [...(reads.get(read.name) ?? []), read]);
      }
    }
    const findings: Finding[] = [];
    let writes: ConfigWrites | undefined;
    for (const [name, list] of reads) {
      writes ??= configWrites(context.model, context.host);
      if (writes.replaced) return [];
      if (writes.properties.has(name)) continue;
      const nodes = list.map((read) => readNode(context, read));
      // A field the code tests for presence anywhere is one it expects may be missing.
      if (nodes.some((node) => node && isPresenceCheck(node))) continue;
      const suggestion = closest(name, fields.items.map((f) => f.name));
      list.forEach((read, i) => {
        const finding: Finding = {
          code: 'undeclared-config-field',
          severity: 'error',
          range: read.range,
          message:
            `The config field "${name}" is read, but instanceConfigFields does not declare it: the SDK loads only declared fields, so it is undefined when the integration runs with j1-integration. ` +
            (suggestion ? `Did you mean "${suggestion}"? ` : '') +
            `Otherwise declare it in instanceConfigFields (its .env variable is ${configEnvironmentVariable(name)}).`,
          related: fields.range ? [{ range: fields.range, message: 'instanceConfigFields' }] : undefined,
          data: { field: name, suggestion },
        };
        const edit = suggestion ? renameEdit(nodes[i], read, suggestion) : undefined;
        if (edit) finding.fixes = [{ title: `Change to "${suggestion}"`, edits: [edit], preferred: true }];
        findings.push(finding);
      });
    }
    return findings;
  },
};

/** The property access (or destructuring element) a read was recorded at. */
function readNode(context: RuleContext, read: ConfigRead): ts.Node | undefined {
  const node = nodeSpanning(context, read.range);
  if (!node) return undefined;
  if (ts.isIdentifier(node) && node.parent) {
    const parent = node.parent;
    if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isBindingElement(parent) && (parent.propertyName ?? parent.name) === node)) return parent;
  }
  if (ts.isStringLiteral(node) && node.parent && ts.isElementAccessExpression(node.parent)) return node.parent;
  return node;
}

/** Renames `config.name` (never a destructured name: that would rename the local variable too). */
function renameEdit(node: ts.Node | undefined, read: ConfigRead, replacement: string): TextEdit | undefined {
  if (!node || !ts.isPropertyAccessExpression(node) || node.name.text !== read.name) return undefined;
  const sourceFile = node.getSourceFile();
  return { range: { file: read.range.file, start: node.name.getStart(sourceFile), end: node.name.getEnd() }, newText: replacement };
}
