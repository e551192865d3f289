import type { Activity, ChannelAccount, TurnContext } from 'botbuilder';
import { renderCard } from '../cards/render-card';
import { buildWelcomeCard, summarizeWelcome, type WelcomeScope } from '../cards/welcome-card';
import type { Logger } from '../logger';
import type { ConversationReferenceStore } from '../delivery/conversation-reference-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import { cardMessage } from './card-message';
import { conversationReferenceOf } from './conversation-reference-of';
import { placeIdOf } from '../chat/place-id-of';
import { ReferenceSource } from './reference-source';

export interface InstallationEventsDependencies {
  store: ConversationReferenceStore & WatchedPlaceStore;
  logger: Logger;
  /** The clock for how long an unchanged reference is not written again; tests move it. */
  now?: () => number;
}

/** How long a reference this process saved is trusted to be stored unchanged before it is written again. */
const REMEMBERED_MS = 60_000;
const MAX_REMEMBERED = 1000;

interface TeamsChannelData {
  team?: { id?: unknown; name?: unknown };
}

function teamOf(activity: Partial<Activity>): { id: string | null; name: string | null } {
  const team = (activity.channelData as TeamsChannelData | undefined)?.team;
  return {
    id: typeof team?.id === 'string' && team.id !== '' ? team.id : null,
    name: typeof team?.name === 'string' ? team.name : null,
  };
}

function includesBot(members: readonly ChannelAccount[] | undefined, bot: ChannelAccount | undefined): boolean {
  return bot !== undefined && (members ?? []).some((member) => member.id === bot.id);
}

function scopeOf(activity: Partial<Activity>): WelcomeScope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || teamOf(activity).id !== null) {
    return 'team';
  }
  return type === 'groupChat' ? 'groupChat' : 'personal';
}

/**
 * What Headroom does when Teams says where it lives: remembers every conversation's reference for
 * proactive messages, welcomes a team or chat it was added to (without watching it), resumes alerts to
 * places it was installed in again, and pauses alerts to places it was removed from.
 */
export class InstallationEvents {
  /** What this process last saved per conversation, and when: only to skip rewriting the same reference every turn. */
  private readonly saved = new Map<string, { fingerprint: string; at: number; activity: ReferenceSource }>();
  private readonly now: () => number;

  constructor(private readonly deps: InstallationEventsDependencies) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Stores the conversation reference of an allowed activity: the store, not memory, is the record. A
   * reference this process saved unchanged in the last minute is not written again (the store would
   * write nothing anyway). A failure is logged and does not stop the answer.
   */
  async remember(activity: Partial<Activity>): Promise<void> {
    const at = this.now();
    const rawId = activity.conversation?.id;
    const recent = typeof rawId === 'string' ? this.saved.get(placeIdOf(rawId)) : undefined;
    if (recent !== undefined && at - recent.at < REMEMBERED_MS && recent.activity.matches(activity)) {
      return;
    }
    const found = conversationReferenceOf(activity);
    if (found === null) {
      return;
    }
    const fingerprint = JSON.stringify([found.reference, found.meta]);
    const last = this.saved.get(found.conversationId);
    if (last !== undefined && last.fingerprint === fingerprint && at - last.at < REMEMBERED_MS) {
      this.rememberSaved(found.conversationId, fingerprint, at, activity);
      return;
    }
    try {
      await this.deps.store.saveConversationReference(found.conversationId, found.reference, found.meta);
      this.rememberSaved(found.conversationId, fingerprint, at, activity);
    } catch (error) {
      this.saved.delete(found.conversationId);
      this.deps.logger.error('could not store a conversation reference', { conversationId: found.conversationId, error });
    }
  }

  private rememberSaved(conversationId: string, fingerprint: string, at: number, activity: Partial<Activity>): void {
    const previous = this.saved.get(conversationId);
    this.saved.delete(conversationId);
    // A reference found unchanged keeps the time it was written: the minute counts from the write.
    const writtenAt = previous !== undefined && previous.fingerprint === fingerprint && at - previous.at < REMEMBERED_MS ? previous.at : at;
    this.saved.set(conversationId, { fingerprint, at: writtenAt, activity: new ReferenceSource(activity) });
    if (this.saved.size > MAX_REMEMBERED) {
      const oldest = this.saved.keys().next();
      if (oldest.done !== true) {
        this.saved.delete(oldest.value);
      }
    }
  }

  /**
   * conversationUpdate with members added. Teams sends this (as well as installationUpdate) when the
   * bot is added to a team, group chat or personal scope; the welcome goes out here only, so one
   * installation gets one welcome.
   */
  async membersAdded(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!includesBot(activity.membersAdded, activity.recipient)) {
      return;
    }
    await this.resume(activity);
    const scope = scopeOf(activity);
    const card = renderCard('welcome', buildWelcomeCard(scope, teamOf(activity).name));
    await context.sendActivity(cardMessage({ card, summary: summarizeWelcome(scope) }));
  }

  /** conversationUpdate with members removed: when the bot left, alerts to that team or chat pause. */
  async membersRemoved(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (includesBot(activity.membersRemoved, activity.recipient)) {
      await this.pause(activity);
    }
  }

  /** installationUpdate: `add` (and `add-upgrade`) resumes paused places, `remove` pauses them. */
  async installationUpdated(context: TurnContext): Promise<void> {
    const action = context.activity.action;
    if (action === 'add' || action === 'add-upgrade') {
      await this.resume(context.activity);
    } else if (action === 'remove') {
      await this.pause(context.activity);
    }
  }

  /** The watched places an installation event is about: the conversation itself, and in a team every channel of it. */
  private async placesOf(activity: Partial<Activity>, active: boolean): Promise<string[]> {
    const found = conversationReferenceOf(activity);
    if (found === null) {
      return [];
    }
    const teamId = teamOf(activity).id;
    const places = (await this.deps.store.listWatchedPlaces()).filter((place) => place.active === active);
    const matches = await Promise.all(
      places.map(async (place) => {
        if (place.conversationId === found.conversationId) {
          return true;
        }
        if (teamId === null) {
          return false;
        }
        const reference = await this.deps.store.getConversationReference(place.conversationId);
        return reference?.teamId === teamId;
      }),
    );
    return places.filter((_, index) => matches[index]).map((place) => place.conversationId);
  }

  private async resume(activity: Partial<Activity>): Promise<void> {
    for (const conversationId of await this.placesOf(activity, false)) {
      if (await this.deps.store.reactivatePlace(conversationId)) {
        this.deps.logger.info('Headroom was installed again: alerts resume', { conversationId });
      }
    }
  }

  private async pause(activity: Partial<Activity>): Promise<void> {
    const reason = teamOf(activity).id === null ? 'Headroom was removed from this chat' : 'Headroom was removed from the team';
    for (const conversationId of await this.placesOf(activity, true)) {
      if (await this.deps.store.markPlaceInactive(conversationId, reason)) {
        this.deps.logger.info('Headroom was removed: alerts to this place pause until it is installed again', { conversationId });
      }
    }
  }
}
