// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
import type { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';

export const invocationConfig: IntegrationInvocationConfig = {
  instanceConfigFields: { apiKey: { type: 'string', mask: true } },
  integrationSteps: [
    {
      id: 'fetch-account',
      name: 'Fetch Account',
      entities: [{ resourceName: 'Account', _type: 'acme_account', _class: 'Account' }],
      relationships: [],
      async executionHandler() {},
    },
    {
      id: 'fetch-groups',
      name: 'Fetch Groups',
      entities: [{ resourceName: 'Group', _type: 'acme_group', _class: 'Group' }],
      relationships: [{ _type: 'acme_account_has_group', _class: 'HAS', sourceType: 'acme_account', targetType: 'acme_group' }],
      dependsOn: ['fetch-account'],
      async executionHandler() {},
    },
    {
      id: 'fetch-users',
      name: 'Fetch Users',
      entities: [{ resourceName: 'User', _type: 'acme_user', _class: 'Record' }],
      relationships: [{ _type: 'acme_group_has_user', _class: 'HAS', sourceType: 'acme_group', targetType: 'acme_user' }],
      mappedRelationships: [{ _type: 'acme_user_is_person', _class: 'IS', sourceType: 'acme_user', targetType: 'person', direction: 'FORWARD' }],
      dependsOn: ['fetch-groups'],
      async executionHandler() {},
    },
    {
      id: 'fetch-devices',
      name: 'Fetch Devices',
      entities: [{ resourceName: 'Device', _type: 'acme_device', _class: 'Device' }],
      relationships: [],
      dependsOn: ['fetch-account'],
      async executionHandler() {},
    },
  ],
};
