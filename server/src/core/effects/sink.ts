import type { ObjectValue, Prop, Value } from '../evaluator/values';
import type { Resolved, SourceRange } from '../model/types';
import { choices } from './abstract';
import type { ProvenanceTable } from './provenance';
import type { ConfigRead, DataWrite, EntityCreation, RelationshipCreation, StepEffects, TypeRead } from './types';

/** A string value as a model `Resolved`: used where `use` says, written where the literal is. */
export function resolvedString(value: Value, use: SourceRange, what: string): Resolved<string> {
  if (value.k === 'string') {
    const known: Resolved<string> = { kind: 'known', value: value.v, range: use };
    if (value.at && (value.at.file !== use.file || value.at.start !== use.start || value.at.end !== use.end)) known.origin = value.at;
    return known;
  }
  if (value.k === 'unknown') return { kind: 'unknown', reason: value.reason, range: value.at ?? use };
  return { kind: 'unknown', reason: `${what} is ${value.k === 'undefined' ? 'missing' : `not a string (${value.k})`}`, range: value.at ?? use };
}

export function resolvedClass(value: Value | undefined, use: SourceRange): Resolved<string | string[]> | undefined {
  if (!value || value.k === 'undefined') return undefined;
  if (value.k === 'string') return resolvedString(value, use, '_class');
  if (value.k === 'array' && !value.unknowns.length && value.items.every((i) => i.value.k === 'string')) {
    return { kind: 'known', value: value.items.map((i) => (i.value as { v: string }).v), range: use };
  }
  return { kind: 'unknown', reason: value.k === 'unknown' ? value.reason : '_class is not a string or a list of strings', range: use };
}

/** A property's value, or what an open object may hold there. */
export function propValue(object: ObjectValue, key: string): { value: Value; prop?: Prop } {
  const prop = object.props.get(key);
  if (prop) return { value: prop.get(), prop };
  if (object.open) return { value: object.open };
  return { value: { k: 'undefined' } };
}

/** Collects what one step's handler does, de-duplicated (loops and shared helpers reach one place many times). */
export class EffectSink {
  readonly entities: EntityCreation[] = [];
  readonly relationships: RelationshipCreation[] = [];
  readonly reads: TypeRead[] = [];
  readonly configReads: ConfigRead[] = [];
  readonly dataWrites: DataWrite[] = [];
  readonly gaps: Array<{ reason: string; range: SourceRange }> = [];
  complete = true;
  configComplete = true;
  /** How many times anything was reported: a call that reported nothing may be reused (CallMemo). */
  events = 0;
  /** Told of each report: the walker stops watching the calls under way, which can no longer be kept. */
  onEvent?: () => void;
  private readonly seen = new Set<string>();

  constructor(private readonly provenance: ProvenanceTable) {}

  /** Counts a report and tells the listener, whatever the report turns out to add. */
  private reported(): void {
    this.events++;
    this.onEvent?.();
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  gap(reason: string, range: SourceRange): void {
    this.reported();
    this.complete = false;
    if (this.once(`gap|${at(range)}|${reason}`)) this.gaps.push({ reason, range });
  }

  configGap(reason: string, range: SourceRange): void {
    this.reported();
    this.configComplete = false;
    if (this.once(`configgap|${at(range)}`)) this.gaps.push({ reason: `config: ${reason}`, range });
  }

  configRead(name: string, range: SourceRange): void {
    this.reported();
    if (this.once(`config|${name}|${at(range)}`)) this.configReads.push({ name, range });
  }

  read(read: TypeRead): void {
    this.reported();
    const type = read._type.kind === 'known' ? read._type.value : '?';
    const key = read.key?.kind === 'known' ? read.key.value : '?';
    if (this.once(`read|${read.kind}|${at(read.range)}|${type}|${key}`)) this.reads.push(read);
  }

  dataWrite(write: DataWrite): void {
    this.reported();
    const key = write.key.kind === 'known' ? write.key.value : '?';
    const type = write._type?.kind === 'known' ? write._type.value : '?';
    if (this.once(`data|${at(write.range)}|${key}|${type}`)) this.dataWrites.push(write);
  }

  /** `jobState.addEntity(value)`: one record per type the value may have. */
  addEntity(value: Value, addedAt: SourceRange): void {
    this.reported();
    for (const option of choices(value)) {
      if (option.k === 'undefined' || option.k === 'null') continue; // the SDK would throw: nothing is added
      if (option.k !== 'object') {
        this.pushEntity({ kind: 'entity-literal', range: option.at ?? addedAt, _type: unknownType(option, addedAt, 'an entity'), addedAt });
        continue;
      }
      const provenance = this.provenance.entity(option);
      const { value: typeValue, prop } = propValue(option, '_type');
      const use = prop?.valueAt ?? provenance?.typeProp?.valueAt ?? provenance?.range ?? option.at ?? addedAt;
      const key = propValue(option, '_key');
      const keyUse = key.prop?.valueAt ?? option.at ?? addedAt;
      for (const type of choices(typeValue)) {
        const record: EntityCreation = {
          kind: provenance ? 'createIntegrationEntity' : 'entity-literal',
          range: provenance?.range ?? option.at ?? addedAt,
          _type: resolvedString(type, use, '_type'),
          addedAt,
        };
        if (provenance) {
          if (provenance._class) record._class = provenance._class;
          if (provenance.assign) record.assign = provenance.assign;
          record.hasSource = provenance.hasSource;
        } else {
          const cls = propValue(option, '_class');
          const resolved = resolvedClass(cls.value, cls.prop?.valueAt ?? option.at ?? addedAt);
          if (resolved) record._class = resolved;
        }
        if (key.value.k === 'string') record._key = resolvedString(key.value, keyUse, '_key');
        this.pushEntity(record);
      }
    }
  }

  /** `jobState.addRelationship(value)`: one record per type the value may have. */
  addRelationship(value: Value, addedAt: SourceRange): void {
    this.reported();
    for (const option of choices(value)) {
      if (option.k === 'undefined' || option.k === 'null') continue;
      if (option.k !== 'object') {
        const type = unknownType(option, addedAt, 'a relationship');
        this.pushRelationship({ kind: 'relationship-literal', range: option.at ?? addedAt, _type: type, explicitType: false, _class: { ...type }, addedAt });
        continue;
      }
      const provenance = this.provenance.relationship(option);
      const { value: typeValue, prop } = propValue(option, '_type');
      for (const type of choices(typeValue)) {
        let record: RelationshipCreation;
        if (provenance) {
          const use = provenance.explicitType?.valueAt ?? provenance.range;
          record = {
            kind: provenance.kind,
            range: provenance.range,
            _type: resolvedString(type, use, '_type'),
            explicitType: !!provenance.explicitType,
            _class: provenance._class,
            addedAt,
          };
          if (provenance.sourceType) record.sourceType = provenance.sourceType;
          if (provenance.targetType) record.targetType = provenance.targetType;
          if (provenance.sourceDataKey) record.sourceDataKey = provenance.sourceDataKey;
          if (provenance.targetDataKey) record.targetDataKey = provenance.targetDataKey;
          if (provenance.mapped) record.mapped = true;
        } else {
          const use = prop?.valueAt ?? option.at ?? addedAt;
          const cls = propValue(option, '_class');
          record = {
            kind: 'relationship-literal',
            range: option.at ?? addedAt,
            _type: resolvedString(type, use, '_type'),
            explicitType: true,
            _class: resolvedString(cls.value, cls.prop?.valueAt ?? option.at ?? addedAt, '_class'),
            addedAt,
          };
        }
        this.pushRelationship(record);
      }
    }
  }

  private pushEntity(record: EntityCreation): void {
    if (this.once(`entity|${at(record.range)}|${typeKey(record._type)}|${record.addedAt ? at(record.addedAt) : ''}`)) this.entities.push(record);
  }

  private pushRelationship(record: RelationshipCreation): void {
    // One call can build relationships between different endpoint types (a loop over types): an
    // unknown `_type` is told apart by what is known of it.
    const known = (r: Resolved<string> | undefined) => (r?.kind === 'known' ? r.value : '?');
    const detail = `${known(record._class)}|${known(record.sourceType)}|${known(record.targetType)}|${record.sourceDataKey ?? ''}|${record.targetDataKey ?? ''}`;
    if (this.once(`rel|${at(record.range)}|${typeKey(record._type)}|${detail}|${record.addedAt ? at(record.addedAt) : ''}`)) this.relationships.push(record);
  }

  result(): StepEffects {
    return {
      entities: this.entities,
      relationships: this.relationships,
      reads: this.reads,
      configReads: this.configReads,
      complete: this.complete,
      gaps: this.gaps,
      dataWrites: this.dataWrites,
      configComplete: this.configComplete,
    };
  }
}

function unknownType(value: Value, at: SourceRange, what: string): Resolved<string> {
  const reason = value.k === 'unknown' ? value.reason : `${what} that is not an object (${value.k})`;
  return { kind: 'unknown', reason, range: value.at ?? at };
}

function at(range: SourceRange): string {
  return `${range.file}:${range.start}:${range.end}`;
}

function typeKey(type: Resolved<string>): string {
  return type.kind === 'known' ? `=${type.value}@${at(type.range)}` : `?${at(type.range)}`;
}
