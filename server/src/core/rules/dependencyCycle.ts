import type { Known } from '../model/types';
import { indexSteps } from './stepIndex';
import type { Finding, Rule } from './types';

interface Edge {
  from: string;
  to: string;
  entry: Known<string>;
}

/**
 * Cycles among known dependsOn edges. Unknown edges cannot break a cycle, so a cycle of known edges
 * is certain. Each cycle is reported on every edge, with the whole path in the runtime's wording.
 */
export const dependencyCycle: Rule = {
  codes: ['dependency-cycle'],
  run({ model }) {
    const index = indexSteps(model);
    const edges = new Map<string, Edge[]>();
    for (const step of model.steps.items) {
      if (step.id.kind !== 'known') continue;
      for (const dep of step.dependsOn.items) {
        if (dep.kind !== 'known' || !index.byId.has(dep.value)) continue;
        const list = edges.get(step.id.value) ?? [];
        list.push({ from: step.id.value, to: dep.value, entry: dep });
        edges.set(step.id.value, list);
      }
    }
    const findings: Finding[] = [];
    for (const cycle of findCycles(index.ids, edges)) {
      const path = [...cycle.map((e) => e.from), cycle[0].from].join(' -> ');
      for (const edge of cycle) {
        findings.push({
          code: 'dependency-cycle',
          severity: 'error',
          range: edge.entry.range,
          message: `Dependency cycle: ${path}. The runtime fails with "Dependency Cycle Found: ${path}". Remove one of the dependsOn entries on this cycle.`,
          related: cycle.filter((e) => e !== edge).map((e) => ({ range: e.entry.range, message: `"${e.from}" depends on "${e.to}"` })),
          data: { cycle: cycle.map((e) => e.from) },
        });
      }
    }
    return findings;
  },
};

/** One simple cycle per strongly connected component (Tarjan), as a list of edges. */
function findCycles(nodes: string[], edges: Map<string, Edge[]>): Edge[][] {
  let counter = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    // Iterative to survive long dependency chains.
    const work: Array<{ node: string; next: number }> = [{ node, next: 0 }];
    indexOf.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    while (work.length) {
      const frame = work[work.length - 1];
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++].to;
        if (!indexOf.has(to)) {
          indexOf.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  };
  for (const node of nodes) if (!indexOf.has(node)) visit(node);

  const cycles: Edge[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = component[component.length - 1];
    const self = (edges.get(start) ?? []).find((e) => e.to === start);
    if (component.length === 1) {
      if (self) cycles.push([self]);
      continue;
    }
    // Breadth-first from `start` back to itself inside the component: the shortest cycle through it.
    const previous = new Map<string, Edge>();
    const queue = [start];
    const seen = new Set([start]);
    let closing: Edge | undefined;
    while (queue.length && !closing) {
      const node = queue.shift()!;
      for (const edge of edges.get(node) ?? []) {
        if (!members.has(edge.to)) continue;
        if (edge.to === start) {
          closing = edge;
          break;
        }
        if (seen.has(edge.to)) continue;
        seen.add(edge.to);
        previous.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
    if (!closing) continue;
    const path: Edge[] = [closing];
    for (let node = closing.from; node !== start; ) {
      const edge = previous.get(node)!;
      path.unshift(edge);
      node = edge.from;
    }
    cycles.push(path);
  }
  return cycles;
}
