import assert from 'node:assert/strict';
import { UnavailableError } from '../../src/errors';
import { resolveNextLink } from '../../src/graph/resolve-next-link';

describe('resolveNextLink', () => {
  it('turns a link on the configured base into a path under the version root', () => {
    const path = resolveNextLink('http://127.0.0.1:4000', 'http://127.0.0.1:4000/v1.0/groups?$top=2&$skiptoken=abc');

    assert.equal(path, 'groups?$top=2&$skiptoken=abc');
  });

  it('keeps a base path such as a proxy prefix', () => {
    const path = resolveNextLink('https://proxy.contoso.com/graph/', 'https://proxy.contoso.com/graph/v1.0/users?$skiptoken=x');

    assert.equal(path, 'users?$skiptoken=x');
  });

  it('refuses a link to another host', () => {
    assert.throws(() => resolveNextLink('https://graph.microsoft.com', 'https://evil.example.com/v1.0/groups?$skiptoken=x'), UnavailableError);
  });

  it('refuses a link to another scheme or port on the same host', () => {
    assert.throws(() => resolveNextLink('http://127.0.0.1:4000', 'http://127.0.0.1:4001/v1.0/groups'), UnavailableError);
    assert.throws(() => resolveNextLink('https://graph.microsoft.com', 'http://graph.microsoft.com/v1.0/groups'), UnavailableError);
  });

  it('refuses a link to another API version', () => {
    assert.throws(() => resolveNextLink('https://graph.microsoft.com', 'https://graph.microsoft.com/beta/groups'), UnavailableError);
  });

  it("behind a proxy, follows a link to the cloud's Graph host through the proxy", () => {
    const path = resolveNextLink('https://proxy.contoso.com', 'https://graph.microsoft.us/v1.0/groups?$skiptoken=x', 'https://graph.microsoft.us');

    assert.equal(path, 'groups?$skiptoken=x');
  });

  it('behind a proxy, still refuses a link to a third host or to another cloud', () => {
    assert.throws(() => resolveNextLink('https://proxy.contoso.com', 'https://evil.example.com/v1.0/groups', 'https://graph.microsoft.com'), UnavailableError);
    assert.throws(() => resolveNextLink('https://proxy.contoso.com', 'https://graph.microsoft.us/v1.0/groups', 'https://graph.microsoft.com'), UnavailableError);
  });

  it('on a Graph host, does not take links to another Graph host', () => {
    assert.throws(() => resolveNextLink('https://graph.microsoft.com', 'https://graph.microsoft.us/v1.0/groups', 'https://graph.microsoft.us'), UnavailableError);
  });
});
