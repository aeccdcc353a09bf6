import {
  DisabledStepReason,
  IntegrationExecutionContext,
  StepStartStates,
} from '@jupiterone/integration-sdk-core';

import { IntegrationConfig } from './config';
import { Steps } from './steps/constants';

export default function getStepStartStates(
  context: IntegrationExecutionContext<IntegrationConfig>,
): StepStartStates {
  const includeVulnerabilities = !!context.instance.config.includeVulnerabilities;

  return {
    [Steps.ACCOUNT]: { disabled: false },
    [Steps.USERS]: { disabled: false },
    [Steps.GROUPS]: { disabled: false },
    [Steps.GROUP_USER_RELATIONSHIPS]: { disabled: false },
    [Steps.DEVICES]: { disabled: false },
    [Steps.VULNERABILITIES]: {
      disabled: !includeVulnerabilities,
      disabledReason: includeVulnerabilities ? undefined : DisabledStepReason.CONFIG,
    },
  };
}
