import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { InstallationEvents } from '../../src/bot/installation-events';
import { CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { silentLogger } from '../../src/logger';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { BOT_ID, teamsActivity, type ActivityOptions } from '../support/activity-factory';
import { cardText } from '../support/card-text';
import { startHarness, type Harness } from '../support/headroom-harness';

const TEAM_ID = '19:team-contoso@thread.tacv2';
const OPS_CHANNEL = '19:ops@thread.tacv2';
const OTHER_TEAM_CHANNEL = '19:finance@thread.tacv2';
const OTHER_TEAM_ID = '19:team-finance@thread.tacv2';

type SendOptions = Parameters<Harness['send']>[0];

/** A channel message in `channelId` of `teamId`. */
function channelMessage(text: string, channelId: string, teamId: string): Partial<ActivityOptions> {
  return {
    text,
    conversationType: 'channel',
    conversationId: `${channelId};messageid=1714550000123`,
    teamId,
    mentionBot: true,
    userAadObjectId: CONTOSO_IDS.adminUserId,
  };
}

/** What Teams posts when the bot itself joins or leaves a team (its General channel is the team id). */
function teamMembership(change: 'membersAdded' | 'membersRemoved', teamId = TEAM_ID): SendOptions {
  return {
    type: 'conversationUpdate',
    conversationType: 'channel',
    conversationId: teamId,
    teamId,
    userAadObjectId: CONTOSO_IDS.adminUserId,
    activity: {
      [change]: [{ id: BOT_ID, name: 'Headroom' }],
      channelData: {
        tenant: { id: CONTOSO_IDS.tenantId },
        team: { id: teamId, name: 'IT <b>Operations</b> ${team}' },
        eventType: change === 'membersAdded' ? 'teamMemberAdded' : 'teamMemberRemoved',
      },
    },
  };
}

function installationUpdate(action: 'add' | 'remove', options: Partial<ActivityOptions> = {}): SendOptions {
  return {
    type: 'installationUpdate',
    conversationType: 'channel',
    conversationId: TEAM_ID,
    teamId: TEAM_ID,
    userAadObjectId: CONTOSO_IDS.adminUserId,
    ...options,
    activity: { action },
  };
}

describe('conversation references and installation', () => {
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
    for (const place of await store.listWatchedPlaces()) {
      await store.unwatchPlace(place.conversationId);
    }
  });

  it('stores the reference of a channel message keyed on the channel, without the thread or the message id', async () => {
    await harness.send(channelMessage('licenses', OPS_CHANNEL, TEAM_ID));

    const stored = await store.getConversationReference(OPS_CHANNEL);
    assert.ok(stored, 'a reference is stored for the channel');
    const reference = stored.reference as Record<string, unknown>;
    assert.deepEqual(
      { tenantId: stored.tenantId, type: stored.conversationType, teamId: stored.teamId },
      { tenantId: CONTOSO_IDS.tenantId, type: 'channel', teamId: TEAM_ID },
    );
    assert.equal((reference.conversation as Record<string, unknown>).id, OPS_CHANNEL);
    assert.equal(reference.serviceUrl, harness.connector.url);
    assert.equal((reference.bot as Record<string, unknown>).id, BOT_ID);
    assert.equal(reference.activityId, undefined);
  });

  it('stores the reference of a personal chat', async () => {
    const conversationId = 'a:personal-reference-test';

    await harness.send({ text: 'help', conversationId, userAadObjectId: CONTOSO_IDS.regularUserId });

    const stored = await store.getConversationReference(conversationId);
    assert.equal(stored?.conversationType, 'personal');
    assert.equal(((stored?.reference as Record<string, unknown>).user as Record<string, unknown>).aadObjectId, CONTOSO_IDS.regularUserId);
  });

  it('stores nothing for a tenant that is not allowed', async () => {
    const conversationId = 'a:personal-foreign-tenant';

    await harness.send({ text: 'help', conversationId, tenantId: '11111111-2222-4333-8444-555555555555' });

    assert.equal(await store.getConversationReference(conversationId), null);
  });

  it('welcomes a team it was added to with "watch here", names the team literally, and watches nothing', async () => {
    const { status, replies } = await harness.send(teamMembership('membersAdded'));

    assert.equal(status, 200);
    assert.equal(replies.length, 1);
    assert.equal(replies[0]?.conversationId, TEAM_ID);
    const attachments = replies[0]?.body.attachments as { content: unknown }[];
    const text = cardText(attachments[0]?.content);
    assert.match(text, /watch here/);
    assert.ok(text.includes('IT <b>Operations</b> ${team}'), text);
    assert.deepEqual(await store.listWatchedPlaces(), []);
    assert.equal((await store.getConversationReference(TEAM_ID))?.channelName, 'General');
  });

  it('does not welcome again on the installationUpdate Teams sends alongside', async () => {
    const { status, replies } = await harness.send(installationUpdate('add'));

    assert.equal(status, 200);
    assert.deepEqual(replies, []);
  });

  it('does not welcome when someone other than the bot joins', async () => {
    const added = teamMembership('membersAdded');
    const { replies } = await harness.send({ ...added, activity: { ...added.activity, membersAdded: [{ id: '29:someone-else' }] } });

    assert.deepEqual(replies, []);
  });

  it('welcomes a personal chat with a pointer to teams', async () => {
    const { replies } = await harness.send({ type: 'conversationUpdate', conversationId: 'a:personal-welcome', activity: { membersAdded: [{ id: BOT_ID }] } });

    const attachments = replies[0]?.body.attachments as { content: unknown }[];
    assert.match(cardText(attachments[0]?.content), /add me to a team/);
  });

  it('pauses every watched channel of a team the bot is removed from, and no other', async () => {
    await harness.send(channelMessage('watch here', OPS_CHANNEL, TEAM_ID));
    await harness.send(channelMessage('watch here', OTHER_TEAM_CHANNEL, OTHER_TEAM_ID));

    const { replies } = await harness.send(teamMembership('membersRemoved'));

    const places = Object.fromEntries((await store.listWatchedPlaces()).map((place) => [place.conversationId, place.active]));
    assert.deepEqual(places, { [OPS_CHANNEL]: false, [OTHER_TEAM_CHANNEL]: true });
    assert.deepEqual(replies, []);
  });

  it('resumes the paused channels of a team when the bot is installed there again', async () => {
    await harness.send(channelMessage('watch here', OPS_CHANNEL, TEAM_ID));
    await harness.send(installationUpdate('remove'));
    const paused = (await store.listWatchedPlaces()).map((place) => place.active);

    await harness.send(installationUpdate('add'));

    assert.deepEqual(paused, [false]);
    assert.deepEqual((await store.listWatchedPlaces()).map((place) => [place.conversationId, place.active]), [[OPS_CHANNEL, true]]);
  });

  it('resumes on the conversationUpdate of a reinstall too', async () => {
    await harness.send(channelMessage('watch here', OPS_CHANNEL, TEAM_ID));
    await store.markPlaceInactive(OPS_CHANNEL, 'connector answered 403');

    await harness.send(teamMembership('membersAdded'));

    assert.deepEqual((await store.listWatchedPlaces()).map((place) => place.active), [true]);
  });

  it('pauses a group chat the bot is removed from', async () => {
    const chat = '19:chat-removal@thread.v2';
    await harness.send({ text: 'watch here', conversationType: 'groupChat', conversationId: chat, mentionBot: true, userAadObjectId: CONTOSO_IDS.adminUserId });

    await harness.send(installationUpdate('remove', { conversationType: 'groupChat', conversationId: chat, teamId: undefined }));

    const [place] = await store.listWatchedPlaces();
    assert.deepEqual([place?.conversationId, place?.active, place?.inactiveReason], [chat, false, 'Headroom was removed from this chat']);
  });
});

describe('InstallationEvents.remember', () => {
  const CONVERSATION = 'a:personal-remember';
  let store: SqliteStore;
  let saves: number;
  let now: number;
  let events: InstallationEvents;

  /** The real store, counting the saves that reach it. */
  function countingStore(inner: SqliteStore): Store {
    return new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'saveConversationReference') {
          return (...args: Parameters<Store['saveConversationReference']>) => {
            saves += 1;
            return target.saveConversationReference(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  function message(serviceUrl: string): Partial<Activity> {
    return teamsActivity({ serviceUrl, tenantId: CONTOSO_IDS.tenantId, conversationId: CONVERSATION, text: 'licenses' }) as Partial<Activity>;
  }

  beforeEach(async () => {
    store = new SqliteStore({ filename: ':memory:' });
    await store.migrate();
    saves = 0;
    now = Date.parse('2030-01-01T00:00:00Z');
    events = new InstallationEvents({ store: countingStore(store), logger: silentLogger, now: () => now });
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores a changed reference even right after saving the previous one', async () => {
    await events.remember(message('https://smba.example/emea/'));

    await events.remember(message('https://smba.example/amer/'));

    const stored = await store.getConversationReference(CONVERSATION);
    assert.equal((stored?.reference as { serviceUrl?: string }).serviceUrl, 'https://smba.example/amer/');
  });

  it('does not save an unchanged reference again within a minute', async () => {
    await events.remember(message('https://smba.example/emea/'));
    now += 30_000;

    await events.remember(message('https://smba.example/emea/'));

    assert.equal(saves, 1);
  });

  it('stores the reference again within the minute when the sender\'s name changed', async () => {
    await events.remember(message('https://smba.example/emea/'));
    now += 1_000;
    const renamed = { ...message('https://smba.example/emea/'), from: { id: '29:user', name: 'Ada Lovelace' } };

    await events.remember(renamed);

    const stored = await store.getConversationReference(CONVERSATION);
    assert.equal((stored?.reference as { user?: { name?: string } }).user?.name, 'Ada Lovelace');
  });

  it('stores the reference again within the minute when the channel name changed', async () => {
    const inChannel = (name: string): Partial<Activity> => {
      const activity = teamsActivity({
        serviceUrl: 'https://smba.example/emea/',
        tenantId: CONTOSO_IDS.tenantId,
        conversationType: 'channel',
        conversationId: `${OPS_CHANNEL};messageid=1`,
        teamId: TEAM_ID,
        text: 'licenses',
      }) as Partial<Activity>;
      return { ...activity, channelData: { ...(activity.channelData as object), channel: { id: OPS_CHANNEL, name } } };
    };
    await events.remember(inChannel('Ops'));

    await events.remember(inChannel('Operations'));

    assert.equal(saves, 2);
    assert.equal((await store.getConversationReference(OPS_CHANNEL))?.channelName, 'Operations');
  });

  it('does not save again for another thread of the same channel within the minute', async () => {
    const thread = (messageId: string): Partial<Activity> =>
      teamsActivity({
        serviceUrl: 'https://smba.example/emea/',
        tenantId: CONTOSO_IDS.tenantId,
        conversationType: 'channel',
        conversationId: `${OPS_CHANNEL};messageid=${messageId}`,
        teamId: TEAM_ID,
        text: 'licenses',
      }) as Partial<Activity>;
    await events.remember(thread('1'));

    await events.remember(thread('2'));

    assert.equal(saves, 1);
  });

  it('counts the minute from the write, not from the last turn that found the reference unchanged', async () => {
    await events.remember(message('https://smba.example/emea/'));
    now += 40_000;
    await events.remember(message('https://smba.example/emea/'));
    now += 21_000;

    await events.remember(message('https://smba.example/emea/'));

    assert.equal(saves, 2);
  });

  it('saves an unchanged reference again once a minute has passed', async () => {
    await events.remember(message('https://smba.example/emea/'));
    now += 61_000;

    await events.remember(message('https://smba.example/emea/'));

    assert.equal(saves, 2);
  });
});
