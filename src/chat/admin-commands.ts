import type { AccessPolicy } from '../access/access-policy';
import { buildAlertsStatusCard, summarizeAlertsStatus, type AlertsStatusInput, type AlertsStatusPlace } from '../cards/alerts-status-card';
import { formatCount } from '../cards/format-count';
import { formatQuantity } from '../cards/format-quantity';
import { buildMessageCard, summarizeMessage, type MessageTone } from '../cards/message-card';
import { renderCard } from '../cards/render-card';
import type { SkuThreshold } from '../settings/sku-threshold';
import { ForbiddenError, HeadroomError, ValidationError } from '../errors';
import type { LicenseService } from '../licenses/license-service';
import type { SkuFigures } from '../licenses/sku-figures';
import type { ConversationReferenceStore } from '../delivery/conversation-reference-store';
import type { WatchedPlaceStore } from '../delivery/watched-place-store';
import type { AlertStateStore } from '../alerts/alert-state-store';
import type { AlertSettingsStore } from '../alerts/alert-settings-store';
import type { WatchedPlace } from '../delivery/watched-place';
import type { ChatReply } from '../cards/chat-reply';
import type { ChatRequest } from './chat-request';
import type { CommandHandler } from './chat-router';
import { describeThreshold } from './describe-threshold';
import { placeIdOf } from './place-id-of';
import { resolveOneSku } from './resolve-one-sku';
import { thresholdSeats } from './threshold-seats';

export interface AdminCommandDependencies {
  store: ConversationReferenceStore & WatchedPlaceStore & AlertStateStore & AlertSettingsStore;
  licenses: LicenseService;
  access: AccessPolicy;
  /** ALERT_MIN_AVAILABLE. */
  defaultThreshold: SkuThreshold;
}

/** Candidates listed when a product query matches several products. */
const MAX_CANDIDATES = 8;

function reply(message: { title: string; text: string; details?: readonly string[]; tone?: MessageTone }): ChatReply {
  return { card: renderCard('message', buildMessageCard(message)), summary: summarizeMessage(message) };
}

function refusal(request: ChatRequest): ForbiddenError {
  const who =
    request.user.aadObjectId === null
      ? 'Teams did not tell me who you are, so I cannot check.'
      : `Ask one of them, or ask whoever runs Headroom to add your Entra object id (${request.user.aadObjectId}) to ADMIN_USER_IDS or you to the ADMIN_GROUP_ID group.`;
  return new ForbiddenError(`Only Headroom admins can change alerts. ${who} Nothing was changed.`);
}

/** What a place is called in a confirmation. */
function placeWord(kind: ChatRequest['conversation']['kind']): string {
  return kind === 'channel' ? 'this channel' : 'this chat';
}

/**
 * The alert commands: `alerts` (anyone), and the admin-only `watch here`, `unwatch`,
 * `alert <product> below <n>[%]`, `mute <product>` and `unmute <product>`. A non-admin gets a
 * refusal (a `ForbiddenError`) before anything is read or changed.
 */
export function adminCommands(deps: AdminCommandDependencies): {
  alerts: CommandHandler<'alerts'>;
  watch: CommandHandler<'watch'>;
  unwatch: CommandHandler<'unwatch'>;
  'set-threshold': CommandHandler<'set-threshold'>;
  mute: CommandHandler<'mute'>;
  unmute: CommandHandler<'unmute'>;
} {
  const { store, licenses, access } = deps;

  /** The acting admin's id for the record; refuses anyone else. */
  async function requireAdmin(request: ChatRequest): Promise<string> {
    if (!(await access.isAdmin(request.user.aadObjectId)) || request.user.aadObjectId === null) {
      throw refusal(request);
    }
    return request.user.aadObjectId;
  }

  /** Current figures, or null when Graph has never answered (names then fall back to SKU ids). */
  async function figuresOrNull(): Promise<SkuFigures[] | null> {
    try {
      return (await licenses.figures()).figures;
    } catch (error) {
      if (error instanceof HeadroomError) {
        return null;
      }
      throw error;
    }
  }

  /** Resolves the one product a settings command names, or the reply that says why it can't. */
  async function oneProduct(query: string, example: (sku: SkuFigures) => string, preferred?: (sku: SkuFigures) => boolean): Promise<{ sku: SkuFigures } | { reply: ChatReply }> {
    const figures = (await licenses.figures()).figures;
    const resolved = resolveOneSku(query, figures, preferred);
    if (resolved.kind === 'one') {
      return { sku: resolved.sku };
    }
    if (resolved.kind === 'none') {
      const suggestions = resolved.suggestions;
      return {
        reply: reply({
        title: 'No matching product',
        text:
          suggestions.length > 0
            ? `I couldn't find a product matching “${query}”. Did you mean one of these?`
            : `I couldn't find a product matching “${query}”. Ask "licenses" to see every product.`,
        details: suggestions,
        tone: 'warning',
        }),
      };
    }
    const shown = resolved.candidates.slice(0, MAX_CANDIDATES);
    const rest = resolved.candidates.length - shown.length;
    return {
      reply: reply({
      title: 'Which product?',
      text: `“${query}” matches ${formatCount(resolved.candidates.length)} products. Say which one, for example “${example(shown[0])}”. Nothing was changed.`,
      details: [
        ...shown.map((sku) => `${sku.displayName}: “${example(sku)}”`),
        ...(rest > 0 ? [`and ${formatQuantity(rest, 'more product')}`] : []),
      ],
      tone: 'warning',
      }),
    };
  }

  async function settingsSummary(figures: readonly SkuFigures[] | null): Promise<string[]> {
    const nameOf = (skuId: string): string => figures?.find((sku) => sku.skuId === skuId)?.displayName ?? skuId;
    const [thresholds, muted] = await Promise.all([store.listThresholds(), store.listMuted()]);
    return [
      `Default threshold: below ${describeThreshold(deps.defaultThreshold)} available.`,
      thresholds.length === 0
        ? 'No product has its own threshold.'
        : `Product thresholds: ${thresholds.map((row) => `${nameOf(row.skuId)} below ${describeThreshold(row.threshold)}`).join('; ')}.`,
      ...(muted.length === 0 ? [] : [`Muted (no alerts): ${muted.map((row) => nameOf(row.skuId)).join(', ')}.`]),
    ];
  }

  async function placeOf(place: WatchedPlace, here: string): Promise<AlertsStatusPlace> {
    const reference = await store.getConversationReference(place.conversationId);
    return {
      name: reference?.channelName ?? null,
      kind: place.kind,
      conversationId: place.conversationId,
      active: place.active,
      inactiveReason: place.inactiveReason,
      isHere: place.conversationId === here,
    };
  }

  return {
    alerts: async (_command, request) => {
      const [places, thresholds, muted, states, figures] = await Promise.all([
        store.listWatchedPlaces(),
        store.listThresholds(),
        store.listMuted(),
        store.listAlertStates(),
        figuresOrNull(),
      ]);
      const skuOf = (skuId: string): SkuFigures | undefined => figures?.find((sku) => sku.skuId === skuId);
      const here = placeIdOf(request.conversation.id);
      const input: AlertsStatusInput = {
        defaultThreshold: deps.defaultThreshold,
        places: await Promise.all(places.map((place) => placeOf(place, here))),
        thresholds: thresholds.map((row) => ({
          productName: skuOf(row.skuId)?.displayName ?? row.skuId,
          description: describeThreshold(row.threshold, skuOf(row.skuId)?.purchased),
        })),
        muted: muted.map((row) => ({ productName: skuOf(row.skuId)?.displayName ?? row.skuId, mutedAt: row.mutedAt })),
        alerts: states
          .filter((state) => state.status === 'active')
          .map((state) => ({ productName: skuOf(state.skuId)?.displayName ?? state.skuId, condition: state.condition, since: state.since })),
      };
      return { card: renderCard('alerts-status', buildAlertsStatusCard(input)), summary: summarizeAlertsStatus(input) };
    },

    watch: async (_command, request) => {
      const kind = request.conversation.kind;
      if (kind === 'personal') {
        throw new ValidationError(
          'Warnings go to a channel or a group chat, not to a personal chat. @mention me in the channel (or group chat) that should get them and say "watch here".',
        );
      }
      const by = await requireAdmin(request);
      const place = await store.watchPlace({ conversationId: placeIdOf(request.conversation.id), addedBy: by, kind });
      const settings = await settingsSummary(await figuresOrNull());
      return reply({
        title: `Watching ${placeWord(kind)}`,
        text:
          `I'll post here when a product falls below its threshold, runs out, is over-assigned, has users waiting, has seats expiring ` +
          `or has users left on a suspended subscription, and once more when it recovers; new license errors follow with less emphasis.` +
          `${place.active ? '' : ' (This place is paused until I can post here again.)'}`,
        details: [...settings, 'Say "alerts" to see everything, or "unwatch" to stop.'],
        tone: 'good',
      });
    },

    unwatch: async (_command, request) => {
      await requireAdmin(request);
      const stopped = await store.unwatchPlace(placeIdOf(request.conversation.id));
      return stopped
        ? reply({ title: 'Stopped watching', text: `I won't post warnings in ${placeWord(request.conversation.kind)} any more. Say "watch here" to start again.`, tone: 'good' })
        : reply({ title: 'Not watched', text: `Nothing changed: ${placeWord(request.conversation.kind)} was not getting warnings.` });
    },

    'set-threshold': async (command, request) => {
      const by = await requireAdmin(request);
      const amount = command.threshold.kind === 'percent' ? `${command.threshold.value}%` : String(command.threshold.value);
      const resolved = await oneProduct(command.query, (sku) => `alert ${sku.skuPartNumber} below ${amount}`);
      if ('reply' in resolved) {
        return resolved.reply;
      }
      const found = resolved.sku;
      await store.setThreshold(found.skuId, command.threshold, by);
      const seats = thresholdSeats(command.threshold, found.purchased);
      const now = `Now ${formatCount(Math.max(0, found.available))} of ${formatCount(found.purchased)} seats are available`;
      const state =
        found.available < seats
          ? `${now}, already below it: watched places get a warning at the next check.`
          : `${now}, ${formatQuantity(found.available - seats, 'seat')} above it.`;
      const watched = (await store.listWatchedPlaces({ activeOnly: true })).length;
      return reply({
        title: 'Threshold saved',
        text: `I'll warn when ${found.displayName} has fewer than ${describeThreshold(command.threshold, found.purchased)} available. ${state}`,
        details: watched === 0 ? ['No chat is watched yet: say "watch here" in a channel to get the warnings.'] : [],
        tone: 'good',
      });
    },

    mute: async (command, request) => {
      const by = await requireAdmin(request);
      const resolved = await oneProduct(command.query, (sku) => `mute ${sku.skuPartNumber}`);
      if ('reply' in resolved) {
        return resolved.reply;
      }
      const found = resolved.sku;
      const already = (await store.listMuted()).some((row) => row.skuId === found.skuId);
      await store.setMuted(found.skuId, true, by);
      licenses.adjustmentsChanged();
      return reply({
        title: already ? 'Already muted' : 'Muted',
        text: `${found.displayName} is left out of overviews and alerts. Ask for it by name to see its figures; say "unmute ${found.skuPartNumber}" to bring it back.`,
        tone: 'good',
      });
    },

    unmute: async (command, request) => {
      const by = await requireAdmin(request);
      const muted = new Set((await store.listMuted()).map((row) => row.skuId));
      const resolved = await oneProduct(command.query, (sku) => `unmute ${sku.skuPartNumber}`, (sku) => muted.has(sku.skuId));
      if ('reply' in resolved) {
        return resolved.reply;
      }
      const found = resolved.sku;
      await store.setMuted(found.skuId, false, by);
      licenses.adjustmentsChanged();
      return muted.has(found.skuId)
        ? reply({ title: 'Unmuted', text: `${found.displayName} is back in overviews and alerts.`, tone: 'good' })
        : reply({ title: 'Not muted', text: `${found.displayName} was not muted, so nothing changed.` });
    },
  };
}
