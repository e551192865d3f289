import { checkTextInValue } from '../text/check-text-in-value';
import { findUnsafeCharacter } from '../text/find-unsafe-character';

/** The longest id Headroom accepts for a conversation, user or bot. Teams ids are well under 300 characters. */
export const MAX_ACTIVITY_ID_LENGTH = 1024;

/**
 * A conversation id is printable ASCII without spaces. Teams ids look like `a:1bT8…`,
 * `19:abc@thread.tacv2;messageid=1649887612801` or `19:meeting_Mjdh…@thread.v2`; the Bot Framework
 * Emulator's look like `7a9d…|livechat`.
 */
const CONVERSATION_ID = /^[\x21-\x7e]+$/;

const TIME_FIELDS = ['timestamp', 'localTimestamp', 'expiration'] as const;
/** The parts of an activity that end up in a stored conversation reference and its metadata. */
const STORED_FIELDS = ['serviceUrl', 'locale', 'conversation', 'from', 'recipient', 'channelData'] as const;
const OPTIONAL_TEXT_FIELDS = ['id', 'locale', 'name', 'action', 'replyToId', 'textFormat'] as const;

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idProblem(value: unknown, field: string): string | null {
  if (typeof value !== 'string' || value === '') {
    return `"${field}" must be non-empty text, not ${value === '' ? 'empty' : describeType(value)}`;
  }
  if (value.length > MAX_ACTIVITY_ID_LENGTH) {
    return `"${field}" is longer than ${MAX_ACTIVITY_ID_LENGTH} characters`;
  }
  const unsafe = findUnsafeCharacter(value);
  return unsafe === null ? null : `"${field}" contains ${unsafe.description}`;
}

function accountProblem(value: unknown, field: 'from' | 'recipient'): string | null {
  if (!isRecord(value)) {
    return `"${field}" must be an object with an "id", not ${value === undefined ? 'missing' : describeType(value)}`;
  }
  for (const optional of ['name', 'aadObjectId'] as const) {
    if (value[optional] !== undefined && value[optional] !== null && typeof value[optional] !== 'string') {
      return `"${field}.${optional}" must be text, not ${describeType(value[optional])}`;
    }
  }
  return idProblem(value.id, `${field}.id`);
}

function conversationProblem(value: unknown): string | null {
  if (!isRecord(value)) {
    return `"conversation" must be an object with an "id", not ${value === undefined ? 'missing' : describeType(value)}`;
  }
  const id = idProblem(value.id, 'conversation.id');
  if (id !== null) {
    return id;
  }
  if (!CONVERSATION_ID.test(value.id as string)) {
    return '"conversation.id" must be printable ASCII without spaces, as Bot Framework conversation ids are';
  }
  for (const optional of ['conversationType', 'tenantId', 'name'] as const) {
    if (value[optional] !== undefined && value[optional] !== null && typeof value[optional] !== 'string') {
      return `"conversation.${optional}" must be text, not ${describeType(value[optional])}`;
    }
  }
  return null;
}

function serviceUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') {
    return `"serviceUrl" must be an http(s) URL, not ${value === '' ? 'empty' : value === undefined ? 'missing' : describeType(value)}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '"serviceUrl" is not a URL';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : `"serviceUrl" must be an http(s) URL, not ${url.protocol}`;
}

function timeProblem(activity: Record<string, unknown>): string | null {
  for (const field of TIME_FIELDS) {
    const value = activity[field];
    if (value !== undefined && value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
      return `"${field}" must be an ISO 8601 time`;
    }
  }
  return null;
}

/**
 * Why a request body cannot be handed to botbuilder as an activity, or null when it can. Checks what
 * botbuilder and Headroom rely on: `type`, `channelId`, `from.id`, `recipient.id` and `conversation.id`
 * as non-empty text (ids within the text rule; the conversation id printable ASCII), `serviceUrl` as an
 * http(s) URL, times that parse, optional text fields (`locale`, `conversation.conversationType`, …)
 * as text, `entities` and `membersAdded`/`membersRemoved` as arrays, and the text rule on everything
 * a stored conversation reference is made of (`conversation`, `from`, `recipient`, `channelData`,
 * `locale`, `serviceUrl`). `text` and `value` are left to the bot, which answers a message it cannot
 * read rather than refusing the request.
 */
export function activityProblem(activity: Record<string, unknown>): string | null {
  const checks: (() => string | null)[] = [
    () => idProblem(activity.type, 'type'),
    () => idProblem(activity.channelId, 'channelId'),
    () => serviceUrlProblem(activity.serviceUrl),
    () => conversationProblem(activity.conversation),
    () => accountProblem(activity.from, 'from'),
    () => accountProblem(activity.recipient, 'recipient'),
    () => timeProblem(activity),
    () => {
      const wrong = OPTIONAL_TEXT_FIELDS.find((field) => activity[field] !== undefined && activity[field] !== null && typeof activity[field] !== 'string');
      return wrong === undefined ? null : `"${wrong}" must be text, not ${describeType(activity[wrong])}`;
    },
    () => {
      const wrong = (['entities', 'membersAdded', 'membersRemoved', 'attachments'] as const).find(
        (field) => activity[field] !== undefined && activity[field] !== null && !Array.isArray(activity[field]),
      );
      return wrong === undefined ? null : `"${wrong}" must be an array, not ${describeType(activity[wrong])}`;
    },
    () => (activity.channelData !== undefined && activity.channelData !== null && !isRecord(activity.channelData) ? `"channelData" must be an object, not ${describeType(activity.channelData)}` : null),
    // What a stored conversation reference is made of must meet the text rule, so every database keeps it alike.
    ...STORED_FIELDS.map((field) => () => checkTextInValue(activity[field], field)),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem !== null) {
      return problem;
    }
  }
  return null;
}
