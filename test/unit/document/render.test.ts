import { strict as assert } from 'node:assert';
import type { DocumentMetadata } from '../../../server/src/core/document/collect';
import { documentFlavorForCliVersion } from '../../../server/src/core/document/flavor';
import {
  hasDocumentableTypes,
  renderDocumentationSection,
  replaceBetweenDocumentMarkers,
} from '../../../server/src/core/document/render';
import { entity, mapped, rel } from './fixtures';

const START = '<!-- {J1_DOCUMENTATION_MARKER_START} -->';
const END = '<!-- {J1_DOCUMENTATION_MARKER_END} -->';

const HEAD = `${START}
<!--
********************************************************************************
NOTE: ALL OF THE FOLLOWING DOCUMENTATION IS GENERATED USING THE
"j1-integration document" COMMAND. DO NOT EDIT BY HAND! PLEASE SEE THE DEVELOPER
DOCUMENTATION FOR USAGE INFORMATION:

https://github.com/JupiterOne/sdk/blob/main/docs/integrations/development.md
********************************************************************************
-->

## Data Model`;

const TAIL = `

<!--
********************************************************************************
END OF GENERATED DOCUMENTATION AFTER BELOW MARKER
********************************************************************************
-->
${END}`;

const metadata: DocumentMetadata = {
  entities: [entity('Account', 'acme_account', 'Account'), entity('User', 'acme_user', ['User', 'Person'])],
  relationships: [rel('acme_account', 'HAS', 'acme_user')],
  mappedRelationships: [mapped('acme_user', 'IS', 'person', 'FORWARD')],
};

// Written out by hand (column widths counted), not produced by the code under test.
const ENTITIES = `

### Entities

The following entities are created:

| Resources | Entity \`_type\` | Entity \`_class\`  |
| --------- | -------------- | ---------------- |
| Account   | \`acme_account\` | \`Account\`        |
| User      | \`acme_user\`    | \`User\`, \`Person\` |`;

const RELATIONSHIPS = `

### Relationships

The following relationships are created:

| Source Entity \`_type\` | Relationship \`_class\` | Target Entity \`_type\` |
| --------------------- | --------------------- | --------------------- |
| \`acme_account\`        | **HAS**               | \`acme_user\`           |`;

const MAPPED = `

### Mapped Relationships

The following mapped relationships are created:

| Source Entity \`_type\` | Relationship \`_class\` | Target Entity \`_type\` | Direction |
| --------------------- | --------------------- | --------------------- | --------- |
| \`acme_user\`           | **IS**                | \`*person*\`            | FORWARD   |`;

describe('document/render', () => {
  describe('renderDocumentationSection', () => {
    it('writes markers, comment block, headings and tables exactly as the CLI', () => {
      assert.equal(renderDocumentationSection(metadata), HEAD + ENTITIES + RELATIONSHIPS + MAPPED + TAIL);
    });

    it('omits the sections that have no rows', () => {
      assert.equal(
        renderDocumentationSection({ ...metadata, entities: [], mappedRelationships: [] }),
        HEAD + RELATIONSHIPS + TAIL,
      );
      assert.equal(renderDocumentationSection({ entities: [], relationships: [], mappedRelationships: [] }), HEAD + TAIL);
    });

    it('renders an empty class array as an empty cell', () => {
      const section = renderDocumentationSection({
        entities: [entity('Thing', 'thing', [])],
        relationships: [],
        mappedRelationships: [],
      });
      assert.ok(section.includes('\n| Thing     | `thing`        |                 |\n'));
    });

    it('uses the wording and link of old CLI versions', () => {
      const old = renderDocumentationSection(metadata, documentFlavorForCliVersion('6.13.0'));
      assert.match(old, /blob\/master\/docs/);
      assert.match(old, /The following relationships are created\/mapped:/);
      assert.doesNotMatch(old, /Mapped Relationships/);
      const v618 = renderDocumentationSection(metadata, documentFlavorForCliVersion('6.18.0'));
      assert.match(v618, /blob\/main\/docs/);
      assert.match(v618, /created\/mapped:/);
      assert.match(v618, /### Mapped Relationships/);
    });
  });

  describe('hasDocumentableTypes', () => {
    it('needs an entity or a relationship; mapped relationships alone do not count', () => {
      assert.equal(hasDocumentableTypes(metadata), true);
      assert.equal(hasDocumentableTypes({ ...metadata, relationships: [] }), true);
      assert.equal(hasDocumentableTypes({ ...metadata, entities: [] }), true);
      assert.equal(hasDocumentableTypes({ ...metadata, entities: [], relationships: [] }), false);
    });
  });

  describe('replaceBetweenDocumentMarkers', () => {
    const section = `${START}\nNEW\n${END}`;

    it('appends after a blank line when there is no start marker', () => {
      assert.deepEqual(replaceBetweenDocumentMarkers('# Title\n', section), { text: `# Title\n\n\n${section}` });
      assert.deepEqual(replaceBetweenDocumentMarkers('', section), { text: `\n\n${section}` });
    });

    it('replaces from start marker to end marker, keeping text around them', () => {
      const old = `# Title\n\nIntro.\n\n${START}\nOLD\nOLD\n${END}\n\nAfter.\n`;
      assert.deepEqual(replaceBetweenDocumentMarkers(old, section), { text: `# Title\n\nIntro.\n\n${section}\n\nAfter.\n` });
    });

    it("fails with the CLI's message when the end marker is missing", () => {
      assert.deepEqual(replaceBetweenDocumentMarkers(`${START}\nOLD\n`, section), {
        error: 'Could not generate documentation. Documentation starter marker found, but ending marker not found!',
      });
    });

    it('uses the first end marker even when it precedes the start marker, as the CLI does', () => {
      const old = `a\n${END}\nb\n${START}\nc\n${END}\nd`;
      assert.deepEqual(replaceBetweenDocumentMarkers(old, section), { text: `a\n${END}\nb\n${section}\nb\n${START}\nc\n${END}\nd` });
    });

    it('is idempotent once the section is in place', () => {
      const once = replaceBetweenDocumentMarkers('# T\n', section);
      assert.ok('text' in once);
      assert.deepEqual(replaceBetweenDocumentMarkers(once.text, section), once);
    });
  });
});
