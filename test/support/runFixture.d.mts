export const runFixtureDir: string;
export function ensureRunFixture(options?: { log?: (message: string) => void }): string;
