// @ts-nocheck -- the SDK is not installed here, and the repository's type check covers test/**.
import type { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';
import { instanceConfigFields, validateInvocation, type Config } from './config';
import { accountSteps } from './steps/account';
import { userSteps } from './steps/users';

export const invocationConfig: IntegrationInvocationConfig<Config> = {
  instanceConfigFields,
  validateInvocation,
  integrationSteps: [...accountSteps, ...userSteps],
};
