export const Steps = {
  ACCOUNT: 'fetch-account',
  USERS: 'fetch-users',
  GROUPS: 'fetch-groups',
} as const;

export const Entities = {
  ACCOUNT: { resourceName: 'Account', _type: 'tiny_account', _class: 'Account' },
  USER: { resourceName: 'User', _type: 'tiny_user', _class: 'User' },
  GROUP: { resourceName: 'Group', _type: 'tiny_group', _class: 'UserGroup' },
};
