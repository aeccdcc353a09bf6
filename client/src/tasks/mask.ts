// Task output is masked by the same rule as the server's views (one masker, in the core).
export { createMasker, MASK, MIN_SECRET_LENGTH } from '../../../server/src/core/text/mask';
