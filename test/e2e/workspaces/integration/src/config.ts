// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
import type {
  IntegrationExecutionContext,
  IntegrationInstanceConfig,
  IntegrationInstanceConfigFieldMap,
} from '@jupiterone/integration-sdk-core';

export interface Config extends IntegrationInstanceConfig {
  apiKey: string;
}

export const instanceConfigFields: IntegrationInstanceConfigFieldMap<Config> = {
  apiKey: { type: 'string', mask: true },
};

export async function validateInvocation(context: IntegrationExecutionContext<Config>): Promise<void> {
  if (!context.instance.config.apiKey) throw new Error('apiKey is required');
}
