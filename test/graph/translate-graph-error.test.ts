import assert from 'node:assert/strict';
import { ForbiddenError, MissingPermissionError, NotFoundError, UnavailableError } from '../../src/errors';
import { translateGraphError } from '../../src/graph/translate-graph-error';

const graphBody = (code: string, message: string): unknown => ({ error: { code, message, innerError: {} } });

describe('translateGraphError', () => {
  it('names the least privileged permission of the endpoint Graph refused', () => {
    const error = translateGraphError({
      status: 403,
      body: graphBody('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      method: 'GET',
      path: 'subscribedSkus?$select=skuId',
    });

    assert.ok(error instanceof MissingPermissionError);
    assert.match(error.message, /lacks permission to read subscribed licenses/);
    assert.match(error.message, /needs the application permission Organization\.Read\.All/);
    assert.deepEqual(error.permissions, ['Organization.Read.All']);
    assert.doesNotMatch(error.message, /LicenseAssignment\.Read\.All/);
  });

  it('names both permissions checkMemberGroups needs together', () => {
    const error = translateGraphError({
      status: 403,
      body: graphBody('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      method: 'POST',
      path: 'users/5b2a2d7e-0c39-4a55-9c39-1d6f7ef3a001/checkMemberGroups',
    });

    assert.ok(error instanceof MissingPermissionError);
    assert.deepEqual([...error.permissions].sort(), ['GroupMember.Read.All', 'User.Read.All']);
    assert.match(error.message, /User\.Read\.All and GroupMember\.Read\.All/);
  });

  it('names GroupMember.Read.All, not Group.Read.All, for the groups with license errors', () => {
    const error = translateGraphError({
      status: 403,
      body: graphBody('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      method: 'GET',
      path: 'groups?$filter=hasMembersWithLicenseErrors eq true&$select=id',
    });

    assert.ok(error instanceof MissingPermissionError);
    assert.deepEqual(error.permissions, ['GroupMember.Read.All']);
  });

  it('explains a 403 that is not about permissions without asking for consent', () => {
    const error = translateGraphError({ status: 403, body: graphBody('Forbidden', 'Tenant is blocked.'), method: 'GET', path: 'groups' });

    assert.ok(error instanceof ForbiddenError);
    assert.doesNotMatch(error.message, /consent/);
  });

  it('turns a 404 into NotFoundError', () => {
    const error = translateGraphError({ status: 404, body: graphBody('Request_ResourceNotFound', 'gone'), method: 'GET', path: 'users/x' });

    assert.ok(error instanceof NotFoundError);
  });

  it('says how many attempts were made when retries ran out', () => {
    const error = translateGraphError({ status: 429, body: graphBody('TooManyRequests', 'slow down'), method: 'GET', path: 'groups', attempts: 4 });

    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /TooManyRequests/);
    assert.match(error.message, /4 attempts/);
  });

  it('copes with a body that is not a Graph error', () => {
    const error = translateGraphError({ status: 502, body: '<html>Bad gateway</html>', method: 'GET', path: 'organization' });

    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /HTTP 502/);
  });
});
