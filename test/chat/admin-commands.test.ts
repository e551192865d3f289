import assert from 'node:assert/strict';
import type { ActivityOptions } from '../support/activity-factory';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import type { SkuFigures } from '../../src/licenses/sku-figures';
import type { Store } from '../../src/store/store';
import { cardText, cardTexts } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';

const TEAM_ID = '19:team-contoso@thread.tacv2';
const OPS_CHANNEL = '19:ops@thread.tacv2';

/** A message @mentioning the bot in a channel thread, from `userAadObjectId`. */
function inChannel(userAadObjectId: string, channelId = OPS_CHANNEL): Partial<ActivityOptions> {
  return {
    conversationType: 'channel',
    conversationId: `${channelId};messageid=1714550000000`,
    teamId: TEAM_ID,
    mentionBot: true,
    userAadObjectId,
  };
}

function personal(userAadObjectId: string): Partial<ActivityOptions> {
  return { userAadObjectId };
}

/** Everything an admin command could change. */
async function settingsOf(store: Store): Promise<unknown> {
  const [places, thresholds, muted] = await Promise.all([store.listWatchedPlaces(), store.listThresholds(), store.listMuted()]);
  return { places, thresholds, muted };
}

async function resetSettings(store: Store): Promise<void> {
  for (const place of await store.listWatchedPlaces()) {
    await store.unwatchPlace(place.conversationId);
  }
  for (const threshold of await store.listThresholds()) {
    await store.clearThreshold(threshold.skuId);
  }
  for (const muted of await store.listMuted()) {
    await store.setMuted(muted.skuId, false, 'test');
  }
}

describe('admin chat commands', () => {
  describe('with ADMIN_USER_IDS', () => {
    let harness: Harness;
    let store: Store;

    before(async () => {
      harness = await startHarness({ ADMIN_USER_IDS: CONTOSO_IDS.adminUserId });
      store = harness.headroom.store;
    });
    after(async () => {
      await harness.stop();
    });
    afterEach(async () => {
      harness.graph.faults.clear();
      await resetSettings(store);
    });

    async function figuresOf(partNumber: string): Promise<SkuFigures> {
      const figures = (await harness.headroom.licenses.figures()).figures.find((sku) => sku.skuPartNumber === partNumber);
      assert.ok(figures, `the demo tenant has ${partNumber}`);
      return figures;
    }

    it('watches a channel when an admin says "watch here" there, keyed on the channel rather than the thread', async () => {
      const { card } = await harness.ask('watch here', inChannel(CONTOSO_IDS.adminUserId));

      const places = await store.listWatchedPlaces();
      assert.deepEqual(
        places.map((place) => ({ id: place.conversationId, kind: place.kind, by: place.addedBy, active: place.active })),
        [{ id: OPS_CHANNEL, kind: 'channel', by: CONTOSO_IDS.adminUserId, active: true }],
      );
      assert.match(cardText(card), /Watching this channel/);
      assert.match(cardText(card), /Default threshold: below 5% of purchased seats/);
    });

    it('names the product thresholds and mutes that will apply when watching', async () => {
      const e3 = await figuresOf('SPE_E3');
      await store.setThreshold(e3.skuId, { kind: 'absolute', value: 25 }, 'test');

      const { card } = await harness.ask('watch here', inChannel(CONTOSO_IDS.adminUserId));

      assert.ok(cardText(card).includes(`${e3.displayName} below 25 seats`), cardText(card));
    });

    it('explains in a personal chat that warnings go to a channel or group chat, and watches nothing', async () => {
      const { card } = await harness.ask('watch here', personal(CONTOSO_IDS.adminUserId));

      assert.match(cardText(card), /channel or a group chat/);
      assert.deepEqual(await store.listWatchedPlaces(), []);
    });

    it('watches a group chat', async () => {
      await harness.ask('watch here', { conversationType: 'groupChat', conversationId: '19:chat-1@thread.v2', userAadObjectId: CONTOSO_IDS.adminUserId, mentionBot: true });

      assert.deepEqual((await store.listWatchedPlaces()).map((place) => [place.conversationId, place.kind]), [['19:chat-1@thread.v2', 'groupChat']]);
    });

    it('stops watching on "unwatch"', async () => {
      await store.watchPlace({ conversationId: OPS_CHANNEL, addedBy: 'test', kind: 'channel' });

      const { card } = await harness.ask('unwatch', inChannel(CONTOSO_IDS.adminUserId));

      assert.deepEqual(await store.listWatchedPlaces(), []);
      assert.match(cardText(card), /Stopped watching/);
    });

    for (const command of ['watch here', 'unwatch', 'alert m365 e3 below 20', 'mute visio', 'unmute visio']) {
      it(`refuses "${command}" from a user who is not an admin, politely, and changes nothing`, async () => {
        await store.watchPlace({ conversationId: OPS_CHANNEL, addedBy: 'test', kind: 'channel' });
        await store.setMuted(CONTOSO_IDS.skus.VISIOCLIENT, true, 'test');
        const before = await settingsOf(store);

        const { card } = await harness.ask(command, inChannel(CONTOSO_IDS.regularUserId));

        assert.deepEqual(await settingsOf(store), before);
        assert.match(cardText(card), /Only Headroom admins can change alerts/);
        assert.ok(cardText(card).includes(CONTOSO_IDS.regularUserId), 'tells the user the id to add to ADMIN_USER_IDS');
        assert.match(cardText(card), /ADMIN_USER_IDS/);
      });
    }

    it('refuses a user Teams did not identify', async () => {
      const { card } = await harness.ask('watch here', { conversationType: 'channel', conversationId: OPS_CHANNEL, teamId: TEAM_ID, mentionBot: true });

      assert.match(cardText(card), /Only Headroom admins can change alerts/);
      assert.deepEqual(await store.listWatchedPlaces(), []);
    });

    it('sets a threshold for exactly one product and compares it with what is available now', async () => {
      const e3 = await figuresOf('SPE_E3');

      const { card } = await harness.ask('alert m365 e3 below 20', personal(CONTOSO_IDS.adminUserId));

      const thresholds = await store.listThresholds();
      assert.deepEqual(
        thresholds.map((row) => ({ skuId: row.skuId, threshold: row.threshold, by: row.setBy })),
        [{ skuId: e3.skuId, threshold: { kind: 'absolute', value: 20 }, by: CONTOSO_IDS.adminUserId }],
      );
      const text = cardText(card);
      assert.ok(text.includes(`${e3.displayName} has fewer than 20 seats available`), text);
      assert.ok(text.includes(`Now ${e3.available} of ${e3.purchased} seats are available`), text);
      assert.equal(e3.available < 20, /already below it/.test(text));
    });

    it('sets a percentage threshold and shows the seats it stands for', async () => {
      const office = await figuresOf('ENTERPRISEPACK');

      const { card } = await harness.ask('alert office 365 e3 below 5%', personal(CONTOSO_IDS.adminUserId));

      assert.deepEqual((await store.listThresholds()).map((row) => [row.skuId, row.threshold]), [[office.skuId, { kind: 'percent', value: 5 }]]);
      const seats = Math.ceil((office.purchased * 5) / 100);
      assert.ok(cardText(card).includes(`5% of purchased seats (${seats} of ${office.purchased.toLocaleString('en-US')})`), cardText(card));
    });

    it('asks which product when several match, lists them, and sets nothing', async () => {
      const { card } = await harness.ask('alert e3 below 10', personal(CONTOSO_IDS.adminUserId));

      const text = cardText(card);
      assert.match(text, /Which product\?/);
      assert.match(text, /Microsoft 365 E3: “alert SPE_E3 below 10”/);
      assert.match(text, /Office 365 E3: “alert ENTERPRISEPACK below 10”/);
      assert.deepEqual(await store.listThresholds(), []);
    });

    it('suggests close names when no product matches, and sets nothing', async () => {
      const { card } = await harness.ask('alert microsft 365 e3 below 10', personal(CONTOSO_IDS.adminUserId));

      const texts = cardTexts(card);
      assert.ok(texts.some((text) => /couldn't find a product matching “microsft 365 e3”/.test(text)), texts.join(' | '));
      assert.ok(texts.includes('Microsoft 365 E3'), texts.join(' | '));
      assert.deepEqual(await store.listThresholds(), []);
    });

    it('mutes a product: gone from "licenses", still answered by name, back after "unmute"', async () => {
      const visio = await figuresOf('VISIOCLIENT');
      const listed = async (): Promise<boolean> => cardTexts((await harness.ask('licenses')).card).includes(visio.displayName);
      const shownBefore = await listed();

      await harness.ask('mute visio', personal(CONTOSO_IDS.adminUserId));
      const shownWhileMuted = await listed();
      const byName = cardText((await harness.ask('visio')).card);
      await harness.ask('unmute visio', personal(CONTOSO_IDS.adminUserId));
      const shownAfter = await listed();

      assert.deepEqual([shownBefore, shownWhileMuted, shownAfter], [true, false, true]);
      assert.ok(byName.includes(visio.displayName), byName);
      assert.match(byName, /an admin muted it/);
      assert.deepEqual(await store.listMuted(), []);
    });

    it('records who muted a product', async () => {
      const { card } = await harness.ask('mute SPE_E5', personal(CONTOSO_IDS.adminUserId));

      assert.deepEqual((await store.listMuted()).map((row) => [row.skuId, row.mutedBy]), [[CONTOSO_IDS.skus.SPE_E5, CONTOSO_IDS.adminUserId]]);
      assert.match(cardText(card), /left out of overviews and alerts/);
    });

    it('lists watched places, thresholds, muted products and active alerts on "alerts", for anyone', async () => {
      const e3 = await figuresOf('SPE_E3');
      const bi = await figuresOf('POWER_BI_PRO');
      const visio = await figuresOf('VISIOCLIENT');
      await store.watchPlace({ conversationId: OPS_CHANNEL, addedBy: 'test', kind: 'channel' });
      await store.watchPlace({ conversationId: '19:chat-9@thread.v2', addedBy: 'test', kind: 'groupChat' });
      await store.markPlaceInactive('19:chat-9@thread.v2', 'the bot was removed');
      await store.setThreshold(e3.skuId, { kind: 'absolute', value: 30 }, 'test');
      await store.setMuted(visio.skuId, true, 'test');
      const since = new Date().toISOString();
      await store.commitAlertTransitions(
        [
          { skuId: bi.skuId, condition: 'over-assigned', expectedVersion: null, status: 'active', since, lastNotifiedAt: since, details: {} },
          { skuId: e3.skuId, condition: 'waiting', expectedVersion: null, status: 'resolved', since, lastNotifiedAt: since, details: {} },
        ],
        [],
      );

      const { card, summary } = await harness.ask('alerts', inChannel(CONTOSO_IDS.regularUserId));

      // Each row is several TextRuns of one paragraph.
      const text = cardTexts(card).join('');
      assert.match(text, /Default threshold: 5% of purchased seats/);
      assert.match(text, /Channel 19:ops@thread\.tacv2 \(this chat\): active/);
      assert.match(text, /Group chat 19:chat-9@thread\.v2: paused: the bot was removed/);
      assert.ok(text.includes(`${e3.displayName}: below 30 seats`), text);
      assert.ok(text.includes(`${visio.displayName}: muted since`), text);
      assert.ok(text.includes(`${bi.displayName}: over-assigned since ${since.slice(0, 10)}`), text);
      assert.ok(!text.includes('users waiting for seats'), 'a resolved alert is not listed');
      assert.match(summary, /1 active alert/);
    });

    it('says when nothing is watched yet', async () => {
      const { card } = await harness.ask('alerts');

      assert.match(cardText(card), /No chat is watched yet/);
    });
  });

  describe('with ADMIN_GROUP_ID', () => {
    let harness: Harness;

    before(async () => {
      harness = await startHarness({ ADMIN_GROUP_ID: CONTOSO_IDS.approverGroupId });
    });
    after(async () => {
      await harness.stop();
    });
    afterEach(async () => {
      harness.graph.faults.clear();
      await resetSettings(harness.headroom.store);
    });

    it('lets a member of a group nested in the admin group watch a channel', async () => {
      await harness.ask('watch here', inChannel(CONTOSO_IDS.nestedApproverUserId));

      assert.deepEqual((await harness.headroom.store.listWatchedPlaces()).map((place) => place.addedBy), [CONTOSO_IDS.nestedApproverUserId]);
    });

    it('refuses a user outside the admin group', async () => {
      const { card } = await harness.ask('watch here', inChannel(CONTOSO_IDS.regularUserId));

      assert.match(cardText(card), /Only Headroom admins can change alerts/);
      assert.deepEqual(await harness.headroom.store.listWatchedPlaces(), []);
    });

    it('refuses, and changes nothing, when Graph cannot say whether the user is an admin', async () => {
      harness.graph.faults.inject({ status: 503, times: 10, pathIncludes: 'checkMemberGroups' });

      const { card } = await harness.ask('watch here', inChannel(CONTOSO_IDS.approverUserId));

      assert.match(cardText(card), /couldn't check whether you are a Headroom admin/);
      assert.deepEqual(await harness.headroom.store.listWatchedPlaces(), []);
    });
  });
});
