import { IntegrationInvocationConfig } from '@jupiterone/integration-sdk-core';

import {
  ingestionConfig,
  instanceConfigFields,
  IntegrationConfig,
  validateInvocation,
} from './config';
import getStepStartStates from './getStepStartStates';
import { integrationSteps } from './steps';

export const invocationConfig: IntegrationInvocationConfig<IntegrationConfig> = {
  instanceConfigFields,
  validateInvocation,
  getStepStartStates,
  ingestionConfig,
  integrationSteps,
};
