import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fillManifestTemplate } from '../../src/manifest/fill-manifest-template';
import { TEAMS_MANIFEST_VERSION, validateTeamsManifest } from '../../src/manifest/validate-teams-manifest';

const TEMPLATE_PATH = path.resolve(__dirname, '../../manifest/manifest.json');
const APP_ID = '6f1d3c9e-2b4a-4c5d-9e8f-0a1b2c3d4e5f';

function headroomManifest(): Record<string, unknown> {
  const filled = fillManifestTemplate(JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')), {
    MicrosoftAppId: APP_ID,
    BOT_DOMAIN: 'headroom.example.org',
  });
  assert.ok(filled !== null && typeof filled === 'object' && !Array.isArray(filled));
  return { ...filled };
}

describe('validateTeamsManifest', () => {
  it('accepts the filled Headroom manifest', async () => {
    const messages = await validateTeamsManifest(headroomManifest());

    assert.deepEqual(messages, []);
  });

  it('declares in the template the schema version it is validated against', () => {
    const manifest = headroomManifest();

    assert.equal(manifest.manifestVersion, TEAMS_MANIFEST_VERSION);
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
  });

  it('reports a missing required field with the schema message', async () => {
    const manifest = headroomManifest();
    delete manifest.developer;

    const messages = await validateTeamsManifest(manifest);

    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /^must have required property 'developer'/);
  });

  it('reports an app id that is not a GUID at /id and at the bot id', async () => {
    const manifest: Record<string, unknown> = { ...headroomManifest(), id: 'headroom' };
    const bots = manifest.bots;
    assert.ok(Array.isArray(bots));
    manifest.bots = [{ ...bots[0], botId: 'headroom' }];

    const messages = await validateTeamsManifest(manifest);

    assert.deepEqual(
      messages.map((message) => message.split(' must ')[0]),
      ['/id', '/bots/0/botId'],
    );
    assert.ok(messages.every((message) => message.includes('must match pattern')));
  });

  it('reports a manifestVersion other than the bundled schema version', async () => {
    const messages = await validateTeamsManifest({ ...headroomManifest(), manifestVersion: '1.16' });

    assert.deepEqual(messages.map((message) => message.split('.')[0]), ['/manifestVersion must be equal to constant']);
  });

  it('validates offline, whatever the $schema URL points to', async () => {
    const messages = await validateTeamsManifest({ ...headroomManifest(), $schema: 'http://127.0.0.1:9/unreachable.json' });

    assert.deepEqual(messages, []);
  });
});
