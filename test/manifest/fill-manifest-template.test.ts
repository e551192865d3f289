import assert from 'node:assert/strict';
import { AppPackageError } from '../../src/manifest/app-package-error';
import { fillManifestTemplate } from '../../src/manifest/fill-manifest-template';

const APP_ID = '6f1d3c9e-2b4a-4c5d-9e8f-0a1b2c3d4e5f';

function template(): Record<string, unknown> {
  return {
    id: '${{MicrosoftAppId}}',
    bots: [{ botId: '${{MicrosoftAppId}}', scopes: ['personal'] }],
    developer: { websiteUrl: 'https://${{BOT_DOMAIN}}/about' },
    validDomains: ['${{BOT_DOMAIN}}'],
  };
}

function captureProblems(act: () => unknown): readonly string[] {
  try {
    act();
  } catch (error) {
    if (error instanceof AppPackageError) {
      return error.problems;
    }
    throw error;
  }
  assert.fail('expected an AppPackageError');
}

describe('fillManifestTemplate', () => {
  it('fills a placeholder everywhere it appears, inside longer strings too', () => {
    const filled = fillManifestTemplate(template(), { MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.example.org' });

    assert.deepEqual(filled, {
      id: APP_ID,
      bots: [{ botId: APP_ID, scopes: ['personal'] }],
      developer: { websiteUrl: 'https://bot.example.org/about' },
      validDomains: ['bot.example.org'],
    });
  });

  it('leaves out an array item that is only an unset placeholder, and the array it empties', () => {
    const filled = fillManifestTemplate({ id: '${{MicrosoftAppId}}', validDomains: ['${{BOT_DOMAIN}}'] }, { MicrosoftAppId: APP_ID });

    assert.deepEqual(filled, { id: APP_ID });
  });

  it('keeps the other items of an array when one unset placeholder is left out', () => {
    const filled = fillManifestTemplate({ validDomains: ['${{BOT_DOMAIN}}', 'static.example.org'] }, { BOT_DOMAIN: '' });

    assert.deepEqual(filled, { validDomains: ['static.example.org'] });
  });

  it('names each unset value and every place the template uses it', () => {
    const problems = captureProblems(() => fillManifestTemplate(template(), {}));

    assert.deepEqual(problems, [
      'MicrosoftAppId is not set; the manifest template uses it at /id, /bots/0/botId',
      'BOT_DOMAIN is not set; the manifest template uses it at /developer/websiteUrl',
    ]);
  });

  it('inserts a value with quotes as text, without changing the structure', () => {
    const filled = fillManifestTemplate({ id: '${{MicrosoftAppId}}' }, { MicrosoftAppId: '", "extra": "x' });

    assert.deepEqual(filled, { id: '", "extra": "x' });
  });
});
