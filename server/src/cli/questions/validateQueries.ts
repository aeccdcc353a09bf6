/**
 * JupiterOne's `/j1ql/validate`, called as the SDK's `validateQueries` does (integration-sdk-cli
 * src/services/queryLanguage.ts): `POST {queries}` in batches of at most 250, with the `JupiterOne-Account` and
 * `Authorization: Bearer` headers of the SDK's API client; the answers of all batches, in order.
 */
export const MAX_QUERIES_TO_VALIDATE = 250;

export interface QueryValidationResult {
  valid: boolean;
  query: string;
  error?: { message: string; code?: string };
}

export interface ValidateQueriesRequest {
  apiBaseUrl: string;
  account: string;
  apiKey: string;
  queries: string[];
  fetch?: typeof fetch;
}

/** A failure to talk to JupiterOne (network, HTTP status, unexpected answer), with a message for the user. */
export class QueryValidationError extends Error {}

export async function postQueriesToValidate(request: ValidateQueriesRequest): Promise<QueryValidationResult[]> {
  const doFetch = request.fetch ?? fetch;
  const url = `${request.apiBaseUrl.replace(/\/+$/, '')}/j1ql/validate`;
  const results: QueryValidationResult[] = [];
  for (let i = 0; i < request.queries.length; i += MAX_QUERIES_TO_VALIDATE) {
    const batch = request.queries.slice(i, i + MAX_QUERIES_TO_VALIDATE);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'JupiterOne-Account': request.account, 'Content-Type': 'application/json', Authorization: `Bearer ${request.apiKey}` },
        body: JSON.stringify({ queries: batch }),
      });
    } catch (error) {
      throw new QueryValidationError(`Could not reach JupiterOne at ${url}: ${(error as Error).message}`);
    }
    if (!response.ok) {
      throw new QueryValidationError(`JupiterOne answered ${response.status} ${response.statusText} to POST ${url}${response.status === 401 || response.status === 403 ? ': check the account id and the API key' : ''}`);
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw new QueryValidationError(`JupiterOne's answer to POST ${url} is not JSON`);
    }
    if (!Array.isArray(data)) throw new QueryValidationError(`JupiterOne's answer to POST ${url} is not a list of results`);
    results.push(...(data as QueryValidationResult[]));
  }
  return results;
}
