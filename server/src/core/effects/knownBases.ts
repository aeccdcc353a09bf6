import { ts } from '@ts-morph/common';

/** A package base class whose dealings with its subclass instances are known. */
export interface KnownBase {
  /**
   * Methods the base class calls on `this` itself: a subclass that defines one of them has it run
   * by the base class, with arguments only known at run time.
   */
  calls: readonly string[];
  /** Constructor options that may hold the instance config without the base reading declared fields from it. */
  configOptions: readonly string[];
}

/**
 * `BaseAPIClient` of @jupiterone/integration-sdk-http-client (src/client.ts): it calls these
 * members on `this` (the subclass may override any of them; `getAuthorizationHeaders` is abstract),
 * reads only `caCertificate` and `disableTlsVerification` of `integrationConfig` (implicit fields
 * the SDK adds to every instance config), and never reads its subclass's own fields.
 */
const BASE_API_CLIENT: KnownBase = {
  calls: [
    'getAuthorizationHeaders', 'getDefaultAgent', 'internalGetDefaultAgent', 'request', 'retryableRequest', 'retryErrorHandler',
    'retryCalculateDelay', 'paginate', 'parseResponseInPaginate', 'withBaseUrl', 'withRateLimiting', 'getTokenBucket',
    'parseRateLimitHeaders', 'shouldThrottleNextRequest', 'getRetryDelayMs', 'getRateLimitHeaderValue',
  ],
  configOptions: ['integrationConfig'],
};

const KNOWN: Record<string, Record<string, KnownBase>> = {
  '@jupiterone/integration-sdk-http-client': { BaseAPIClient: BASE_API_CLIENT },
};

/** The known package class an `extends` expression names through an import of its file, if any. */
export function knownBaseOf(expression: ts.Expression, file: ts.SourceFile): KnownBase | undefined {
  if (!ts.isIdentifier(expression)) return undefined;
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const classes = KNOWN[statement.moduleSpecifier.text];
    const bindings = statement.importClause?.namedBindings;
    if (!classes || statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.name.text !== expression.text || element.isTypeOnly) continue;
      return Object.hasOwn(classes, (element.propertyName ?? element.name).text) ? classes[(element.propertyName ?? element.name).text] : undefined;
    }
  }
  return undefined;
}
