import assert from 'node:assert/strict';
import { adminConsentUrl, graphCloudFor } from '../../src/graph/graph-cloud';

describe('graphCloudFor', () => {
  it('uses the global authority and scope for graph.microsoft.com', () => {
    const cloud = graphCloudFor('https://graph.microsoft.com', null);

    assert.deepEqual(cloud, {
      graphOrigin: 'https://graph.microsoft.com',
      scope: 'https://graph.microsoft.com/.default',
      authorityHost: 'https://login.microsoftonline.com',
      instanceDiscovery: true,
    });
  });

  it('uses login.microsoftonline.us for both US government Graph hosts, with their own scope', () => {
    for (const host of ['graph.microsoft.us', 'dod-graph.microsoft.us']) {
      const cloud = graphCloudFor(`https://${host}`, null);
      assert.equal(cloud.authorityHost, 'https://login.microsoftonline.us', host);
      assert.equal(cloud.scope, `https://${host}/.default`, host);
    }
  });

  it('uses login.chinacloudapi.cn for Microsoft Graph operated by 21Vianet', () => {
    const cloud = graphCloudFor('https://microsoftgraph.chinacloudapi.cn', null);

    assert.equal(cloud.authorityHost, 'https://login.chinacloudapi.cn');
    assert.equal(cloud.scope, 'https://microsoftgraph.chinacloudapi.cn/.default');
  });

  it('lets AZURE_AUTHORITY_HOST override the authority and turns instance discovery off for an unknown host', () => {
    const cloud = graphCloudFor('https://graph.microsoft.us', 'https://127.0.0.1:8443');

    assert.equal(cloud.authorityHost, 'https://127.0.0.1:8443');
    assert.equal(cloud.instanceDiscovery, false);
    assert.equal(cloud.scope, 'https://graph.microsoft.us/.default');
  });

  it('takes a proxy as the global cloud', () => {
    assert.equal(graphCloudFor('https://graph-proxy.contoso.com', null).graphOrigin, 'https://graph.microsoft.com');
  });

  it('builds the admin-consent URL on the cloud authority', () => {
    const url = adminConsentUrl(graphCloudFor('https://dod-graph.microsoft.us', null), 'contoso.onmicrosoft.us', '22222222-2222-4222-8222-222222222222');

    assert.equal(url, 'https://login.microsoftonline.us/contoso.onmicrosoft.us/adminconsent?client_id=22222222-2222-4222-8222-222222222222');
  });
});
