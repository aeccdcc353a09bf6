// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
// The end-to-end tests expect exactly one finding here: the misspelled dependsOn of fetch-users.
import type { IntegrationStep, IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import type { Config } from '../config';
import { Entities, Steps } from './constants';

export const userSteps: IntegrationStep<Config>[] = [
  {
    id: Steps.USERS,
    name: 'Fetch Users',
    entities: [Entities.USER],
    relationships: [],
    dependsOn: ['fetch-acount'],
    async executionHandler({ jobState }: IntegrationStepExecutionContext<Config>) {
      await jobState.addEntity({ _key: 'tiny-user-1', _type: 'tiny_user', _class: 'User', name: 'Ada' });
    },
  },
  {
    id: Steps.GROUPS,
    name: 'Fetch Groups',
    entities: [Entities.GROUP],
    relationships: [],
    dependsOn: ['fetch-account', Steps.USERS],
    async executionHandler({ jobState }: IntegrationStepExecutionContext<Config>) {
      await jobState.addEntity({ _key: 'tiny-group-1', _type: 'tiny_group', _class: 'UserGroup', name: 'Admins' });
    },
  },
];
