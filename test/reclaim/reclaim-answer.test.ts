import assert from 'node:assert/strict';
import type { ChatRequest } from '../../src/chat/chat-request';
import { UnavailableError } from '../../src/errors';
import type { ServedFigures } from '../../src/licenses/license-service';
import { reclaimAnswer } from '../../src/reclaim/reclaim-answer';
import type { ReclaimScan } from '../../src/reclaim/reclaim-scan';
import { cardText } from '../support/card-text';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';
import { makeCandidate, makeScan } from './reclaim-scan-factory';

const now = new Date('2026-11-30T18:00:00.000Z');
const e3 = makeSkuFigures({ purchased: 10, assigned: 10, skuPartNumber: 'SPE_E3', displayName: 'Microsoft 365 E3' });
const scan = makeScan([makeCandidate({ skuId: e3.skuId, displayName: 'Quentin Leaver', userPrincipalName: 'quentin@contoso.example' })], { now });

function request(aadObjectId: string | null): ChatRequest {
  return { text: 'reclaim', tenantId: 't', user: { aadObjectId, name: 'Someone' }, conversation: { id: 'c', kind: 'personal', teamId: null } };
}

function answer(options: { isAdmin: () => Promise<boolean>; figures?: () => Promise<ServedFigures>; latest?: ReclaimScan | null }) {
  return reclaimAnswer({
    scans: { latestReclaimScan: () => Promise.resolve(options.latest === undefined ? scan : options.latest) },
    licenses: { figures: options.figures ?? (() => Promise.resolve({ figures: [e3] } as unknown as ServedFigures)) },
    access: { isAdmin: options.isAdmin },
    now: () => now,
  });
}

describe('reclaimAnswer', () => {
  it('leaves names out, and says why, when the directory cannot say whether the asker is an admin', async () => {
    const handler = answer({ isAdmin: () => Promise.reject(new UnavailableError('Graph is down')) });

    const reply = await handler({ kind: 'reclaim', query: null }, request('someone'));

    assert.ok(!JSON.stringify(reply).includes('Quentin'));
    assert.match(cardText(reply.card), /couldn't check whether you are a Headroom admin/);
    assert.match(cardText(reply.card), /1 seat on disabled accounts/);
  });

  it('shows no names in a channel or group chat, even to an admin, and does not ask the directory', async () => {
    let asked = false;
    const handler = answer({ isAdmin: () => { asked = true; return Promise.resolve(true); } });

    for (const kind of ['channel', 'groupChat'] as const) {
      const reply = await handler({ kind: 'reclaim', query: null }, { ...request('admin'), conversation: { id: 'c', kind, teamId: null } });
      assert.ok(!JSON.stringify(reply).includes('Quentin'), kind);
      assert.match(cardText(reply.card), /personal chat/);
    }
    assert.equal(asked, false);
  });

  it('still counts every product, by SKU id, when Graph cannot give the product names', async () => {
    const handler = answer({ isAdmin: () => Promise.resolve(true), figures: () => Promise.reject(new UnavailableError('Graph is down')) });

    const reply = await handler({ kind: 'reclaim', query: null }, request('admin'));

    assert.ok(cardText(reply.card).includes(e3.skuId));
    assert.ok(cardText(reply.card).includes('Quentin Leaver'));
  });

  it('lets a Graph failure explain itself when a product was named, since it cannot be matched', async () => {
    const handler = answer({ isAdmin: () => Promise.resolve(true), figures: () => Promise.reject(new UnavailableError('Graph is down')) });

    await assert.rejects(handler({ kind: 'reclaim', query: 'e3' }, request('admin')), UnavailableError);
  });

  it('does not ask who the asker is before there is a scan', async () => {
    let asked = false;
    const handler = answer({ latest: null, isAdmin: () => { asked = true; return Promise.resolve(true); } });

    const reply = await handler({ kind: 'reclaim', query: null }, request('admin'));

    assert.match(reply.summary, /No reclaim scan yet/);
    assert.equal(asked, false);
  });
});
