export * from './model/types';
export type { FileHost } from './project/fileHost';
export { diskFileHost } from './project/fileHost';
