import assert from 'node:assert/strict';
import { UnavailableError } from '../../src/errors';
import { parseCollectionPage } from '../../src/graph/collection-page';

describe('parseCollectionPage', () => {
  it('reads the items and the next-page link', () => {
    const page = parseCollectionPage({ value: [{ id: 'a' }], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/groups?$skiptoken=x' }, 'GET groups');

    assert.deepEqual(page, { value: [{ id: 'a' }], nextLink: 'https://graph.microsoft.com/v1.0/groups?$skiptoken=x' });
  });

  it('reads a last page as having no next link', () => {
    assert.equal(parseCollectionPage({ value: [] }, 'GET groups').nextLink, null);
  });

  it('refuses a body without a value list', () => {
    assert.throws(() => parseCollectionPage({ id: 'a' }, 'GET groups'), (error: unknown) => {
      assert.ok(error instanceof UnavailableError);
      assert.match(error.message, /GET groups without a "value" list/);
      return true;
    });
  });

  it('refuses a body that is not an object', () => {
    assert.throws(() => parseCollectionPage('oops', 'GET groups'), UnavailableError);
  });

  it('refuses a next-page link that is not text', () => {
    assert.throws(() => parseCollectionPage({ value: [], '@odata.nextLink': 42 }, 'GET groups'), UnavailableError);
  });
});
