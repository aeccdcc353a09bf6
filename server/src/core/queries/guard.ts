/**
 * Queries never throw: the server calls them on every keystroke, and half-typed code reaches
 * corners of the analysis. An error is answered with "nothing here" and reported to a listener,
 * so the server can log it and tests can fail on it.
 */
let listener: ((error: unknown, query: string) => void) | undefined;

/** Sets (or clears, with undefined) the listener told about errors the queries swallow. */
export function onQueryError(handler: ((error: unknown, query: string) => void) | undefined): void {
  listener = handler;
}

export function guarded<T>(query: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    try {
      listener?.(error, query);
    } catch {
      // A failing listener must not turn a swallowed error into a thrown one.
    }
    return fallback;
  }
}
