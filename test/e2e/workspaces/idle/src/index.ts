// An ordinary module in an ordinary TypeScript project: the old `workspaceContains:src/index.ts` event fired here.
export function greet(name: string): string {
  return `Hello, ${name}`;
}
