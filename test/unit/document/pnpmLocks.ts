/** pnpm lockfiles in the three formats pnpm has written (v5: pnpm 7, v6: pnpm 8, v9: pnpm 9 and 10). */

export const PNPM_V5 = `lockfileVersion: 5.4

specifiers:
  '@jupiterone/integration-sdk-cli': ^8.0.0
  '@jupiterone/integration-sdk-core': ^8.0.0
  typescript: ^4.7.4

dependencies:
  '@jupiterone/integration-sdk-core': 8.22.0

devDependencies:
  '@jupiterone/integration-sdk-cli': 8.22.0_typescript@4.7.4
  typescript: 4.7.4

packages:

  /@jupiterone/data-model/0.51.0:
    resolution: {integrity: sha512-aaa==}
    dependencies:
      ajv: 8.11.0
    dev: false

  /@jupiterone/integration-sdk-cli/8.22.0_typescript@4.7.4:
    resolution: {integrity: sha512-bbb==}
    hasBin: true
    peerDependencies:
      typescript: '*'
    dependencies:
      '@jupiterone/integration-sdk-core': 8.22.0
      commander: 5.1.0
    dev: true

  /@jupiterone/integration-sdk-core/8.22.0:
    resolution: {integrity: sha512-ccc==}
    engines: {node: '>=14.0.0 <19.x'}
    dependencies:
      '@jupiterone/data-model': 0.51.0
      lodash: 4.17.21
    transitivePeerDependencies:
      - supports-color
    dev: false
`;

export const PNPM_V6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  '@jupiterone/integration-sdk-core':
    specifier: ^8.0.0
    version: 8.22.0

devDependencies:
  '@jupiterone/integration-sdk-cli':
    specifier: ^8.0.0
    version: 8.22.0(typescript@5.0.4)
  typescript:
    specifier: ^5.0.4
    version: 5.0.4

packages:

  /@jupiterone/data-model@0.51.0:
    resolution: {integrity: sha512-aaa==}
    dependencies:
      ajv: 8.11.0
    dev: false

  /@jupiterone/integration-sdk-cli@8.22.0(typescript@5.0.4):
    resolution: {integrity: sha512-bbb==}
    hasBin: true
    dependencies:
      '@jupiterone/integration-sdk-core': 8.22.0
    dev: true

  /@jupiterone/integration-sdk-core@8.22.0:
    resolution: {integrity: sha512-ccc==}
    dependencies:
      '@jupiterone/data-model': 0.51.0
      lodash: 4.17.21
    dev: false
`;

export const PNPM_V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@jupiterone/integration-sdk-core':
        specifier: ^8.0.0
        version: 8.22.0
    devDependencies:
      '@jupiterone/integration-sdk-cli':
        specifier: ^8.0.0
        version: 8.22.0(typescript@5.4.5)
      typescript:
        specifier: ^5.4.5
        version: 5.4.5

packages:

  '@jupiterone/data-model@0.51.0':
    resolution: {integrity: sha512-aaa==}

  '@jupiterone/integration-sdk-cli@8.22.0':
    resolution: {integrity: sha512-bbb==}
    hasBin: true
    peerDependencies:
      typescript: '*'

  '@jupiterone/integration-sdk-core@8.22.0':
    resolution: {integrity: sha512-ccc==}
    engines: {node: '>=14.0.0 <19.x'}

snapshots:

  '@jupiterone/data-model@0.51.0':
    dependencies:
      ajv: 8.11.0

  '@jupiterone/integration-sdk-cli@8.22.0(typescript@5.4.5)':
    dependencies:
      '@jupiterone/integration-sdk-core': 8.22.0
      typescript: 5.4.5

  '@jupiterone/integration-sdk-core@8.22.0':
    dependencies:
      '@jupiterone/data-model': 0.51.0
      lodash: 4.17.21
`;

/** A pnpm workspace: two integrations at different CLI versions, one through dev-tools, and a linked package. */
export const PNPM_V9_WORKSPACE = `lockfileVersion: '9.0'

importers:

  .:
    devDependencies:
      '@jupiterone/integration-sdk-cli':
        specifier: ^12.0.0
        version: 12.3.1

  packages/acme:
    dependencies:
      shared:
        specifier: workspace:*
        version: link:../shared
    devDependencies:
      '@jupiterone/integration-sdk-cli':
        specifier: ~9.1.0
        version: 9.1.0

  packages/other:
    devDependencies:
      '@jupiterone/integration-sdk-dev-tools':
        specifier: ^12.2.5
        version: 12.3.1(typescript@5.4.5)

packages:

  '@jupiterone/integration-sdk-cli@9.1.0':
    resolution: {integrity: sha512-a==}

  '@jupiterone/integration-sdk-cli@12.3.1':
    resolution: {integrity: sha512-b==}

  '@jupiterone/integration-sdk-dev-tools@12.3.1':
    resolution: {integrity: sha512-c==}

snapshots:

  '@jupiterone/integration-sdk-cli@9.1.0': {}

  '@jupiterone/integration-sdk-cli@12.3.1': {}

  '@jupiterone/integration-sdk-dev-tools@12.3.1(typescript@5.4.5)':
    dependencies:
      '@jupiterone/integration-sdk-cli': 12.3.1
      typescript: 5.4.5
`;

/** A v9 lockfile of about `bytes` characters: many packages beside the SDK's, as in a large monorepo. */
export function pnpmLockOfSize(bytes: number): string {
  const head = PNPM_V9.slice(0, PNPM_V9.indexOf('packages:'));
  const sdkPackages = PNPM_V9.slice(PNPM_V9.indexOf('packages:') + 'packages:\n'.length, PNPM_V9.indexOf('snapshots:'));
  const sdkSnapshots = PNPM_V9.slice(PNPM_V9.indexOf('snapshots:') + 'snapshots:\n'.length);
  const packages: string[] = [];
  const snapshots: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const key = `'${i % 3 ? '' : `@scope-${i}/`}pkg-${i}@1.${i % 50}.${i % 7}'`;
    const p = `\n  ${key}:\n    resolution: {integrity: sha512-${'x'.repeat(86)}==}\n    engines: {node: '>=14'}\n`;
    const s = `\n  ${key}:\n    dependencies:\n      dep-a-${i}: 2.0.${i % 9}\n      dep-b-${i}: 3.1.${i % 5}(peer@1.0.0)\n`;
    packages.push(p);
    snapshots.push(s);
    size += p.length + s.length;
  }
  return `${head}packages:\n${packages.join('')}${sdkPackages}snapshots:\n${snapshots.join('')}${sdkSnapshots}`;
}
