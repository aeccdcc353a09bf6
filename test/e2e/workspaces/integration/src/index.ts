// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
import type {
  IntegrationExecutionContext,
  IntegrationInstanceConfig,
  IntegrationInvocationConfig,
  IntegrationStepExecutionContext,
} from '@jupiterone/integration-sdk-core';

interface Config extends IntegrationInstanceConfig {
  apiKey: string;
}

export const invocationConfig: IntegrationInvocationConfig<Config> = {
  instanceConfigFields: {
    apiKey: { type: 'string', mask: true },
  },
  async validateInvocation(context: IntegrationExecutionContext<Config>) {
    if (!context.instance.config.apiKey) throw new Error('apiKey is required');
  },
  integrationSteps: [
    {
      id: 'fetch-account',
      name: 'Fetch Account',
      entities: [{ resourceName: 'Account', _type: 'tiny_account', _class: 'Account' }],
      relationships: [],
      async executionHandler({ jobState }: IntegrationStepExecutionContext<Config>) {
        await jobState.addEntity({ _key: 'tiny-account', _type: 'tiny_account', _class: 'Account', name: 'Tiny' });
      },
    },
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [{ resourceName: 'User', _type: 'tiny_user', _class: 'User' }],
      relationships: [],
      dependsOn: ['fetch-account'],
      async executionHandler({ jobState }: IntegrationStepExecutionContext<Config>) {
        await jobState.addEntity({ _key: 'tiny-user-1', _type: 'tiny_user', _class: 'User', name: 'Ada' });
      },
    },
  ],
};
