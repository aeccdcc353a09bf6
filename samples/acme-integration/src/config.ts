import {
  IntegrationExecutionContext,
  IntegrationIngestionConfigFieldMap,
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
  IntegrationValidationError,
} from '@jupiterone/integration-sdk-core';

import { createAPIClient } from './client';
import { IngestionSources } from './steps/constants';

/**
 * Each field is read from an environment variable of the same name in
 * SCREAMING_SNAKE_CASE when running locally (see .env.example).
 */
export const instanceConfigFields: IntegrationInstanceConfigFieldMap<IntegrationConfig> = {
  apiBaseUrl: {
    type: 'string',
    optional: true,
  },
  clientId: {
    type: 'string',
  },
  clientSecret: {
    type: 'string',
    mask: true,
  },
  includeVulnerabilities: {
    type: 'boolean',
    optional: true,
  },
};

export interface IntegrationConfig extends IntegrationInstanceConfig {
  apiBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  includeVulnerabilities?: boolean;
}

export const ingestionConfig: IntegrationIngestionConfigFieldMap = {
  [IngestionSources.DEVICES]: {
    title: 'Devices',
    description: 'Managed laptops, phones and servers, and who uses them.',
  },
  [IngestionSources.VULNERABILITIES]: {
    title: 'Vulnerabilities',
    description: 'Vulnerability findings reported by the Acme agent on each device.',
    defaultsToDisabled: true,
  },
};

export async function validateInvocation(
  context: IntegrationExecutionContext<IntegrationConfig>,
): Promise<void> {
  const { config } = context.instance;

  if (!config.clientId || !config.clientSecret) {
    throw new IntegrationValidationError('Config requires all of {clientId, clientSecret}');
  }

  const apiClient = createAPIClient(config);
  await apiClient.verifyAuthentication();
}
