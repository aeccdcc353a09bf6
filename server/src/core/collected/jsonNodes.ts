import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { SourceRange } from '../model/types';

/** The value node of an object's property, if the object has it. */
export function propertyNode(object: Node, name: string): Node | undefined {
  if (object.type !== 'object') return undefined;
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.value === name) return value;
  }
  return undefined;
}

/** The property's value when it is a string. */
export function stringProperty(object: Node, name: string): { value: string; node: Node } | undefined {
  const node = propertyNode(object, name);
  return node?.type === 'string' && typeof node.value === 'string' ? { value: node.value, node } : undefined;
}

export function rangeOf(file: string, node: Node): SourceRange {
  return { file, start: node.offset, end: node.offset + node.length };
}

/** The node an Ajv instancePath (`/a/0/b`) points at inside `root`, or the deepest node found on the way. */
export function nodeAtPointer(root: Node, pointer: string): Node {
  if (!pointer) return root;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let best = root;
  const path: (string | number)[] = [];
  for (const segment of segments) {
    const parent = path.length ? findNodeAtLocation(root, path) : root;
    path.push(parent?.type === 'array' && /^\d+$/.test(segment) ? Number(segment) : segment);
    const node = findNodeAtLocation(root, path);
    if (!node) break;
    best = node;
  }
  return best;
}

/** The property node (key and value) holding `value`, for ranges that should cover the key too. */
export function keyNodeOf(value: Node): Node | undefined {
  return value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
}
