// What the bundles get for `import { ts } from '@ts-morph/common'`: the TypeScript compiler that ts-morph ships,
// without the rest of @ts-morph/common (its embedded lib .d.ts texts are 3 MB of code and memory in every process,
// and the analysis only parses). Type checking still sees the real package.
// A relative path: the alias that points '@ts-morph/common' here would otherwise apply to this import too.
module.exports = { ts: require('../../node_modules/@ts-morph/common/dist/typescript.js') };
