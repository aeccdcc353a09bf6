// Types for the LSP libraries under the root tsconfig's `"moduleResolution": "node"`.
// Those packages publish only package.json `exports`, which Node-10 resolution ignores: without this file every
// `vscode-languageserver/node`-style import (and the libraries' own imports of each other) resolves to nothing.
// esbuild and Node follow `exports`; this maps each exported entry to the file it points at, in the top-level
// node_modules copy, so the type checker sees what the bundles get. Drop it when the tsconfig moves to
// `"moduleResolution": "node16"` or `"bundler"`.
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
