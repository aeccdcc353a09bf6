import { isIP, isIPv4, isIPv6 } from 'node:net';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DataModelView } from '../dataModel/types';

export interface ClassValidator {
  /** The schema errors of an entity for one class; undefined when the class has no schema (or cannot be judged). */
  validate(className: string, entity: unknown): ErrorObject[] | undefined;
}

const IPV4_CIDR = /^(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\/(3[0-2]|[12]?[0-9])$/;
const IPV6_CIDR = /^([0-9a-fA-F]{1,4}:){7,7}[0-9a-fA-F]{1,4}\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$|^([0-9a-fA-F]{1,4}:){1,7}:\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$|^::\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$|^([0-9a-fA-F]{1,4}:){1,7}[0-9a-fA-F]{1,4}$/;

const validators = new WeakMap<DataModelView, ClassValidator | undefined>();

/**
 * An Ajv instance set up the way @jupiterone/data-model sets up its IntegrationSchema (strictSchema off, its own
 * ip/ipCidr/asn formats plus ajv-formats), over the class schemas of the given data-model view. Undefined when the
 * view was not read from schemas (a historic version known only by its required properties): then no schema check.
 */
export function classValidator(dataModel: DataModelView): ClassValidator | undefined {
  if (validators.has(dataModel)) return validators.get(dataModel);
  let result: ClassValidator | undefined;
  const schemas = dataModel.classSchemas;
  if (schemas?.length) {
    const ajv = new Ajv({ strictSchema: false, allErrors: true, logger: false });
    ajv.addFormat('ip', (x: string) => !!isIP(x));
    ajv.addFormat('ipv4', (x: string) => isIPv4(x));
    ajv.addFormat('ipv6', (x: string) => isIPv6(x));
    ajv.addFormat('ipCidr', (x: string) => IPV4_CIDR.test(x) || IPV6_CIDR.test(x));
    ajv.addFormat('asn', (x: string) => /^AS\d{2,6}$/.test(x));
    addFormats(ajv);
    try {
      for (const schema of schemas) if (typeof schema.$id === 'string') ajv.addSchema(schema as object);
      const compiled = new Map<string, ValidateFunction | undefined>();
      result = {
        validate(className, entity) {
          if (!compiled.has(className)) {
            let fn: ValidateFunction | undefined;
            try {
              fn = ajv.getSchema(`#${className}`);
            } catch {
              fn = undefined; // a schema Ajv cannot compile: no judgement rather than a wrong one
            }
            compiled.set(className, fn);
          }
          const fn = compiled.get(className);
          if (!fn) return undefined;
          return fn(entity) ? [] : significantErrors(fn.errors ?? []);
        },
      };
    } catch {
      result = undefined;
    }
  }
  validators.set(dataModel, result);
  return result;
}

/** Drops the per-branch errors under a failed anyOf/oneOf: the combinator's own error says it once. */
function significantErrors(errors: ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (combinators.some((prefix) => e.schemaPath.startsWith(prefix))) return false;
    const id = `${e.instancePath}\0${e.keyword}\0${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
