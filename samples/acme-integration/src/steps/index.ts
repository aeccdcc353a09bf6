import { accessSteps } from './access';
import { accountSteps } from './account';
import { deviceSteps } from './devices';

const integrationSteps = [...accountSteps, ...accessSteps, ...deviceSteps];

export { integrationSteps };
