import { randomUUID } from 'node:crypto';

export interface ActivityOptions {
  serviceUrl: string;
  tenantId: string;
  text?: string;
  type?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  conversationId?: string;
  teamId?: string;
  userAadObjectId?: string;
  userName?: string;
  /** Adds an @mention of the bot in front of the text, as Teams does in channels. */
  mentionBot?: boolean;
  value?: unknown;
  name?: string;
}

export const BOT_ID = '28:headroom-test-bot';

/** A Teams-shaped activity as the channel would POST it to /api/messages. */
export function teamsActivity(options: ActivityOptions): Record<string, unknown> {
  const conversationType = options.conversationType ?? 'personal';
  const mentionText = '<at>Headroom</at>';
  const text = options.text === undefined ? undefined : options.mentionBot ? `${mentionText} ${options.text}` : options.text;
  const channelData: Record<string, unknown> = { tenant: { id: options.tenantId } };
  if (options.teamId) {
    channelData.team = { id: options.teamId };
    channelData.channel = { id: options.conversationId ?? '19:general@thread.tacv2' };
  }
  return {
    type: options.type ?? 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: {
      id: `29:${options.userAadObjectId ?? 'user'}`,
      name: options.userName ?? 'Ada Admin',
      aadObjectId: options.userAadObjectId,
    },
    recipient: { id: BOT_ID, name: 'Headroom' },
    conversation: {
      id: options.conversationId ?? `a:personal-${randomUUID()}`,
      conversationType,
      tenantId: options.tenantId,
      isGroup: conversationType !== 'personal',
    },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: options.mentionBot
      ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT_ID, name: 'Headroom' } }]
      : [],
    channelData,
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.name === undefined ? {} : { name: options.name }),
  };
}
