import {
  generateRelationshipType,
  RelationshipClass,
  RelationshipDirection,
  StepEntityMetadata,
  StepMappedRelationshipMetadata,
  StepRelationshipMetadata,
} from '@jupiterone/integration-sdk-core';

export const ACCOUNT_ENTITY_KEY = 'entity:account';

export const Steps = {
  ACCOUNT: 'fetch-account',
  USERS: 'fetch-users',
  GROUPS: 'fetch-groups',
  GROUP_USER_RELATIONSHIPS: 'build-user-group-relationships',
  DEVICES: 'fetch-devices',
  VULNERABILITIES: 'fetch-vulnerabilities',
};

export const IngestionSources = {
  DEVICES: 'devices',
  VULNERABILITIES: 'vulnerabilities',
};

export const Entities: Record<
  'ACCOUNT' | 'USER' | 'GROUP' | 'DEVICE' | 'VULNERABILITY',
  StepEntityMetadata
> = {
  ACCOUNT: {
    resourceName: 'Account',
    _type: 'acme_account',
    _class: ['Account'],
  },
  USER: {
    resourceName: 'User',
    _type: 'acme_user',
    _class: ['User'],
  },
  GROUP: {
    resourceName: 'UserGroup',
    _type: 'acme_group',
    _class: ['UserGroup'],
  },
  DEVICE: {
    resourceName: 'Device',
    _type: 'acme_device',
    _class: ['Device', 'Host'],
  },
  VULNERABILITY: {
    resourceName: 'Vulnerability',
    _type: 'acme_vulnerability',
    _class: 'Finding',
    partial: true,
  },
};

export const Relationships: Record<
  | 'ACCOUNT_HAS_USER'
  | 'ACCOUNT_HAS_GROUP'
  | 'GROUP_HAS_USER'
  | 'ACCOUNT_HAS_DEVICE'
  | 'USER_USES_DEVICE'
  | 'DEVICE_HAS_VULNERABILITY',
  StepRelationshipMetadata
> = {
  ACCOUNT_HAS_USER: {
    _type: 'acme_account_has_user',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.USER._type,
  },
  ACCOUNT_HAS_GROUP: {
    _type: 'acme_account_has_group',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.GROUP._type,
  },
  GROUP_HAS_USER: {
    _type: generateRelationshipType(RelationshipClass.HAS, Entities.GROUP, Entities.USER),
    sourceType: Entities.GROUP._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.USER._type,
  },
  ACCOUNT_HAS_DEVICE: {
    _type: 'acme_account_has_device',
    sourceType: Entities.ACCOUNT._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.DEVICE._type,
  },
  USER_USES_DEVICE: {
    _type: 'acme_user_uses_device',
    sourceType: Entities.USER._type,
    _class: RelationshipClass.USES,
    targetType: Entities.DEVICE._type,
  },
  DEVICE_HAS_VULNERABILITY: {
    _type: 'acme_device_has_vulnerability',
    sourceType: Entities.DEVICE._type,
    _class: RelationshipClass.HAS,
    targetType: Entities.VULNERABILITY._type,
  },
};

export const MappedRelationships: Record<
  'VULNERABILITY_IS_CVE',
  StepMappedRelationshipMetadata
> = {
  VULNERABILITY_IS_CVE: {
    _type: 'acme_vulnerability_is_cve',
    sourceType: Entities.VULNERABILITY._type,
    _class: RelationshipClass.IS,
    targetType: 'cve',
    direction: RelationshipDirection.FORWARD,
  },
};
