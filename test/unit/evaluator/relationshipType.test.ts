import * as assert from 'node:assert/strict';
import { generateRelationshipType } from '../../../server/src/core/sdk/relationshipType';

describe('generateRelationshipType (the SDK algorithm)', () => {
  const cases: Array<[string, string, string, string]> = [
    ['HAS', 'acme_account', 'acme_user', 'acme_account_has_user'],
    ['HAS', 'github_repo', 'github_pull_request', 'github_repo_has_pull_request'],
    ['HAS', 'user', 'user', 'user_has_'],
    ['HAS', 'acme_user', 'acme_user', 'acme_user_has_user'],
    ['HAS', 'acme_user_group', 'acme_user', 'acme_user_group_has_user'],
    ['CONTAINS', 'aws_s3_bucket', 'aws_s3_bucket_object', 'aws_s3_bucket_contains_object'],
    ['IS', 'acme_finding', 'cve', 'acme_finding_is_cve'],
    ['ASSIGNED', 'okta_user', 'aws_iam_role', 'okta_user_assigned_aws_iam_role'],
    ['HAS', 'a', 'a_b_c', 'a_has_b_c'],
    ['HAS', 'x_y', 'x', 'x_y_has_'],
  ];
  for (const [cls, from, to, expected] of cases) {
    it(`${from} ${cls} ${to} -> ${expected}`, () => assert.equal(generateRelationshipType(cls, from, to), expected));
  }
});
