import assert from 'node:assert/strict';
import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { createGraphCredential } from '../../src/graph/graph-credential';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';

describe('createGraphCredential', () => {
  it('gives no credential when Graph needs no token', () => {
    assert.equal(createGraphCredential({ kind: 'none' }), null);
  });

  it('builds a client secret credential', () => {
    const credential = createGraphCredential({ kind: 'client-secret', tenantId: TENANT, clientId: CLIENT, clientSecret: 'not-a-real-secret' });

    assert.ok(credential instanceof ClientSecretCredential);
  });

  it('builds a client certificate credential from a certificate path', () => {
    const credential = createGraphCredential({ kind: 'client-certificate', tenantId: TENANT, clientId: CLIENT, certificatePath: '/nonexistent/cert.pem' });

    assert.ok(credential instanceof ClientCertificateCredential);
  });

  it('builds a managed identity credential, system- or user-assigned', () => {
    const system = createGraphCredential({ kind: 'managed-identity', clientId: null });
    const user = createGraphCredential({ kind: 'managed-identity', clientId: CLIENT });

    assert.ok(system instanceof ManagedIdentityCredential);
    assert.ok(user instanceof ManagedIdentityCredential);
  });
});
