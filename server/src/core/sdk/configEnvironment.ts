import snakeCase from 'lodash/snakeCase';

/**
 * The environment variable j1-integration reads for an instance config field
 * (integration-sdk-runtime, execution/config.ts): lodash `snakeCase(field).toUpperCase()`,
 * so `apiV2Key` -> `API_V_2_KEY` and `clientID` -> `CLIENT_ID`.
 */
export function configEnvironmentVariable(field: string): string {
  return snakeCase(field).toUpperCase();
}

/**
 * Config fields the runtime adds to every integration's config map (SDK 17.4+:
 * IMPLICIT_AGENT_CONFIG_FIELDS, both optional), read by the SDK's HTTP client: reading them is not
 * an undeclared read, declaring them without reading them is not unused.
 */
export const IMPLICIT_CONFIG_FIELDS: readonly string[] = ['caCertificate', 'disableTlsVerification'];

/**
 * Environment variables the SDK itself reads (integration-sdk-cli, -runtime, -core, -testing and the
 * generated project template, versions 7 to 17), besides config fields: they belong in `.env` too.
 */
export const SDK_ENVIRONMENT_VARIABLES: readonly string[] = [
  'JUPITERONE_API_KEY',
  'JUPITERONE_ACCOUNT',
  'JUPITERONE_API_BASE_URL',
  'JUPITERONE_DEV',
  'JUPITERONE_INTEGRATION_STORAGE_DIRECTORY',
  'JUPITERONE_LOCAL_INTEGRATION_INSTANCE_ACCOUNT_ID',
  'INTEGRATION_INSTANCE_ID',
  'INTEGRATION_INSTANCE_ACCOUNT_ID',
  'INTEGRATION_INSTANCE_NAME',
  'INTEGRATION_INSTANCE_DESCRIPTION',
  'INTEGRATION_INSTANCE_INTEGRATION_DEFINITION_ID',
  'INTEGRATION_FILE_COMPRESSION_ENABLED',
  'ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION',
  'DISABLED_INGESTION_SOURCES',
  'DISABLE_DISK_USAGE_METRIC',
  'USE_ON_DISK_DKT',
  'LOG_LEVEL',
  'LOAD_ENV',
  'HTTPS_PROXY',
  'https_proxy',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
];

/**
 * Prefixes of variables that Node, npm and yarn, test runners and the cloud SDKs integrations use
 * (aws-sdk, googleapis, @azure/identity) read by themselves: a `.env` may carry them for those.
 */
const TOOLING_PREFIXES = ['NODE_', 'NPM_', 'YARN_', 'JEST_', 'AWS_', 'AZURE_', 'GOOGLE_', 'GCLOUD_', 'JUPITERONE_'];
const TOOLING_NAMES = new Set(['DEBUG', 'TZ', 'CI', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'SSL_CERT_FILE']);

/** Whether a variable is one that Node, tooling or a cloud SDK reads on its own. */
export function isToolingVariable(name: string): boolean {
  return TOOLING_NAMES.has(name) || TOOLING_PREFIXES.some((prefix) => name.startsWith(prefix));
}
