/** An Ajv instancePath (a JSON pointer) as path segments: `/questions/0/queries/1` -> ['questions', 0, 'queries', 1]. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(?:0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
