// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
import type { IntegrationStep, IntegrationStepExecutionContext } from '@jupiterone/integration-sdk-core';
import type { Config } from '../config';
import { Entities, Steps } from './constants';

export const accountSteps: IntegrationStep<Config>[] = [
  {
    id: Steps.ACCOUNT,
    name: 'Fetch Account',
    entities: [Entities.ACCOUNT],
    relationships: [],
    async executionHandler({ jobState }: IntegrationStepExecutionContext<Config>) {
      await jobState.addEntity({ _key: 'tiny-account', _type: 'tiny_account', _class: 'Account', name: 'Tiny' });
    },
  },
];
