import assert from 'node:assert/strict';
import { renderCard } from '../../src/cards/render-card';
import { RECLAIM_VERBS } from '../../src/reclaim/card-verbs';
import { buildReclaimCard, RECLAIM_CARD_ROWS } from '../../src/reclaim/reclaim-card';
import { checkAdaptiveCard } from '../cards/support/check-adaptive-card';
import { findTexts } from '../cards/support/find-texts';
import { disabledSeat, E3, reclaimRequest, removal } from './reclaim-fixtures';
import { collectNodes, type CardNode } from '../cards/support/collect-nodes';


const ON = { refreshUserIds: ['approver-1'], actionsEnabled: true };
const OFF = { refreshUserIds: ['approver-1'], actionsEnabled: false };
const NONE = { removals: [], reprocesses: [] };

describe('buildReclaimCard', () => {
  it('offers Reclaim and Dismiss as Action.Execute carrying only the request id, each with an Action.Submit fallback', () => {
    const card = renderCard('reclaim-request', buildReclaimCard(reclaimRequest(), NONE, ON));

    const executes = collectNodes(card.body, (node) => node.type === 'Action.Execute');
    assert.deepEqual(executes.map((action) => action.verb), [RECLAIM_VERBS.approve, RECLAIM_VERBS.dismiss]);
    for (const action of executes) {
      assert.deepEqual(action.data, { requestId: reclaimRequest().id });
      assert.deepEqual((action.fallback as CardNode).data, { verb: action.verb, requestId: reclaimRequest().id });
    }
    assert.deepEqual((card.refresh as { action: CardNode }).action.data, { requestId: reclaimRequest().id });
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('lists direct seats with name, UPN and last sign-in, and tells which group to leave for inherited ones', () => {
    const card = renderCard('reclaim-request', buildReclaimCard(reclaimRequest(), NONE, ON));

    const texts = findTexts(card).map((t) => t.text);
    assert.ok(texts.includes('Adele Vance'));
    assert.ok(texts.includes('adele.vance@contoso.com · account disabled · last sign-in 14 Jan 2025'));
    assert.ok(texts.includes('Assigned directly: Reclaim removes these 2 licenses'));
    assert.ok(texts.includes('Take them out of Sales to free the seat. Headroom never changes group membership.'));
    assert.ok(texts.includes('3 seats on disabled accounts'));
  });

  it('has no Reclaim button when RECLAIM_ACTIONS is off, and says what to grant and set', () => {
    const card = renderCard('reclaim-request', buildReclaimCard(reclaimRequest(), NONE, OFF));

    const titles = collectNodes(card.body, (node) => node.type === 'Action.Execute').map((a) => a.title);
    assert.deepEqual(titles, ['Dismiss']);
    const off = findTexts(card).find((t) => t.text.startsWith('Reclaiming from Teams is off'));
    assert.match(off?.text ?? '', /LicenseAssignment\.ReadWrite\.All/);
    assert.match(off?.text ?? '', /RECLAIM_ACTIONS=on/);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('shows each seat outcome after approval, Graph errors included, and no buttons', () => {
    const done = reclaimRequest({ status: 'done', decidedBy: 'a1', decidedByName: 'Megan Bowen', decidedAt: '2025-05-01T10:42:00.000Z' });
    const removals = [removal('u1'), removal('u2', { state: 'failed', errorCode: 'DependencyViolation', errorMessage: 'Remove the dependent add-on first.' })];

    const card = renderCard('reclaim-request', buildReclaimCard(done, { removals, reprocesses: [] }, ON));

    const texts = findTexts(card);
    assert.ok(texts.some((t) => t.text === 'Removed: the seat is free.' && t.color === 'good'));
    assert.ok(texts.some((t) => t.text === 'Not removed: DependencyViolation: Remove the dependent add-on first.' && t.color === 'attention'));
    assert.ok(texts.some((t) => t.text === 'Done: 1 seat freed, 1 not removed'));
    assert.ok(texts.some((t) => t.text === 'Approved by Megan Bowen at 10:42 UTC on 1 May 2025.'));
    assert.deepEqual(collectNodes(card.body, (node) => node.type === 'Action.Execute'), []);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });

  it('names the groups reprocessed, and those Entra could not be asked to reprocess with the reason', () => {
    const done = reclaimRequest({ status: 'done', decidedBy: 'a1', decidedByName: 'Megan Bowen', decidedAt: '2025-05-01T10:42:00.000Z' });
    const base = { source: 'reclaim:x', skuId: E3, intendedAt: '', attemptedAt: '', settledAt: '', errorMessage: null };
    const reprocesses = [
      { ...base, groupId: 'g1', groupName: 'Contractors', state: 'done' as const, errorCode: null },
      { ...base, groupId: 'g2', groupName: 'Temp Staff', state: 'failed' as const, errorCode: 'MissingPermission' },
    ];

    const card = renderCard('reclaim-request', buildReclaimCard(done, { removals: [removal('u1')], reprocesses }, ON));

    const decision = findTexts(card).find((t) => t.text.startsWith('Approved by Megan Bowen'))?.text ?? '';
    assert.match(decision, /reprocess the waiting users of Contractors\./);
    assert.match(decision, /Could not ask Entra to reprocess Temp Staff \(MissingPermission\)/);
  });

  it('renders tenant strings literally in TextRuns', () => {
    const hostile = reclaimRequest({ displayName: '**E3** ${tenantName}', seats: [disabledSeat('u1', '[click](https://evil.test) ${x}')] });

    const card = renderCard('reclaim-request', buildReclaimCard(hostile, NONE, ON));

    const texts = findTexts(card);
    assert.equal(texts.find((t) => t.text === '**E3** ${tenantName}')?.type, 'TextRun');
    assert.equal(texts.find((t) => t.text === '[click](https://evil.test) ${x}')?.type, 'TextRun');
  });

  it('cuts a long list with "and N more"', () => {
    const seats = Array.from({ length: RECLAIM_CARD_ROWS + 7 }, (_, i) => disabledSeat(`u${i}`, `User ${i}`));

    const card = renderCard('reclaim-request', buildReclaimCard(reclaimRequest({ seats }), NONE, ON));

    assert.ok(findTexts(card).some((t) => t.text === '… and 7 more seats.'));
    assert.ok(JSON.stringify(card).length < 28_000);
    assert.deepEqual(checkAdaptiveCard(card), []);
  });
});
