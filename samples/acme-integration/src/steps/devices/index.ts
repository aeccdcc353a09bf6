import {
  createDirectRelationship,
  createIntegrationEntity,
  createMappedRelationship,
  Entity,
  IntegrationStep,
  IntegrationStepExecutionContext,
  RelationshipClass,
  RelationshipDirection,
} from '@jupiterone/integration-sdk-core';

import { AcmeDevice, AcmeVulnerability, createAPIClient } from '../../client';
import { IntegrationConfig } from '../../config';
import {
  ACCOUNT_ENTITY_KEY,
  Entities,
  IngestionSources,
  MappedRelationships,
  Relationships,
  Steps,
} from '../constants';

export function createDeviceEntity(device: AcmeDevice): Entity {
  return createIntegrationEntity({
    entityData: {
      source: device,
      assign: {
        _key: `acme_device:${device.id}`,
        _type: Entities.DEVICE._type,
        _class: Entities.DEVICE._class,
        name: device.hostname,
        hostname: device.hostname,
        platform: device.platform,
        category: 'endpoint',
        make: null,
        model: null,
        serial: null,
        deviceId: device.id,
      },
    },
  });
}

export function createVulnerabilityEntity(vulnerability: AcmeVulnerability): Entity {
  return createIntegrationEntity({
    entityData: {
      source: vulnerability,
      assign: {
        _key: `acme_vulnerability:${vulnerability.id}`,
        _type: Entities.VULNERABILITY._type,
        _class: Entities.VULNERABILITY._class,
        name: vulnerability.cve,
        category: 'endpoint',
        severity: vulnerability.severity,
        numericSeverity: 0,
        open: true,
      },
    },
  });
}

export async function fetchDevices({
  instance,
  jobState,
}: IntegrationStepExecutionContext<IntegrationConfig>): Promise<void> {
  const client = createAPIClient(instance.config);
  const accountEntity = (await jobState.getData(ACCOUNT_ENTITY_KEY)) as Entity;

  await client.iterateDevices(async (device) => {
    const deviceEntity = await jobState.addEntity(createDeviceEntity(device));
    await jobState.addRelationship(
      createDirectRelationship({ _class: RelationshipClass.HAS, from: accountEntity, to: deviceEntity }),
    );
    if (device.assignedUserId) {
      await jobState.addRelationship(
        createDirectRelationship({
          _class: RelationshipClass.USES,
          fromType: Entities.USER._type,
          fromKey: `acme_user:${device.assignedUserId}`,
          toType: Entities.DEVICE._type,
          toKey: deviceEntity._key,
        }),
      );
    }
  });
}

export async function fetchVulnerabilities({
  instance,
  jobState,
}: IntegrationStepExecutionContext<IntegrationConfig>): Promise<void> {
  const client = createAPIClient(instance.config);

  await client.iterateVulnerabilities(async (vulnerability) => {
    const deviceEntity = await jobState.findEntity(`acme_device:${vulnerability.deviceId}`);
    if (!deviceEntity) return;

    const vulnerabilityEntity = await jobState.addEntity(createVulnerabilityEntity(vulnerability));
    await jobState.addRelationships([
      createDirectRelationship({
        _class: RelationshipClass.HAS,
        from: deviceEntity,
        to: vulnerabilityEntity,
      }),
      createMappedRelationship({
        _class: RelationshipClass.IS,
        _type: MappedRelationships.VULNERABILITY_IS_CVE._type,
        source: vulnerabilityEntity,
        target: { _type: 'cve', _key: vulnerability.cve.toLowerCase(), name: vulnerability.cve },
        targetFilterKeys: [['_type', '_key']],
        relationshipDirection: RelationshipDirection.FORWARD,
      }),
    ]);
  });
}

export const deviceSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.DEVICES,
    name: 'Fetch Devices',
    entities: [Entities.DEVICE],
    relationships: [Relationships.ACCOUNT_HAS_DEVICE, Relationships.USER_USES_DEVICE],
    dependsOn: [Steps.ACCOUNT, Steps.USERS],
    ingestionSourceId: IngestionSources.DEVICES,
    executionHandler: fetchDevices,
  },
  {
    id: Steps.VULNERABILITIES,
    name: 'Fetch Vulnerabilities',
    entities: [Entities.VULNERABILITY],
    relationships: [Relationships.DEVICE_HAS_VULNERABILITY],
    mappedRelationships: [MappedRelationships.VULNERABILITY_IS_CVE],
    dependsOn: [Steps.DEVICES],
    ingestionSourceId: IngestionSources.VULNERABILITIES,
    executionHandler: fetchVulnerabilities,
  },
];
