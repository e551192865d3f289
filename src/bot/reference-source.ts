import type { Activity } from 'botbuilder';

/** The parts of an activity a stored conversation reference is made from (the conversation's id aside). */
const TOP_LEVEL = ['channelId', 'locale', 'serviceUrl'] as const;
const ACCOUNTS = ['from', 'recipient', 'conversation'] as const;

interface TeamsChannelData {
  tenant?: { id?: unknown };
  team?: { id?: unknown };
  channel?: { name?: unknown };
}

/** The shallow fields of an account or conversation, the conversation's id left out (the thread part of it is not stored). */
function fieldsOf(value: unknown, skipId: boolean): ReadonlyMap<string, unknown> | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const fields = new Map<string, unknown>();
  for (const [key, field] of Object.entries(value)) {
    if (!(skipId && key === 'id')) {
      fields.set(key, field);
    }
  }
  return fields;
}

function sameFields(known: ReadonlyMap<string, unknown> | null, value: unknown, skipId: boolean): boolean {
  if (known === null || typeof value !== 'object' || value === null) {
    return known === null && (value === undefined || value === null);
  }
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || (skipId && key === 'id')) {
      continue;
    }
    count += 1;
    const field: unknown = (value as Record<string, unknown>)[key];
    // Anything but a plain value (an object or array) counts as changed: the reference is then built and compared in full.
    if ((typeof field === 'object' && field !== null) || !known.has(key) || known.get(key) !== field) {
      return false;
    }
  }
  return count === known.size;
}

function channelDataParts(activity: Partial<Activity>): [unknown, unknown, unknown] {
  const channelData = activity.channelData as TeamsChannelData | undefined;
  return [channelData?.tenant?.id, channelData?.team?.id, channelData?.channel?.name];
}

/**
 * What a conversation reference was last built from, kept so that the next activity of the same
 * conversation can be checked field by field, without building and serialising its reference again. Any
 * difference, or any field that is not a plain value, means "build it and compare in full".
 */
export class ReferenceSource {
  private readonly topLevel: readonly unknown[];
  private readonly accounts: readonly (ReadonlyMap<string, unknown> | null)[];
  private readonly channelData: readonly unknown[];

  constructor(activity: Partial<Activity>) {
    this.topLevel = TOP_LEVEL.map((key) => activity[key]);
    this.accounts = ACCOUNTS.map((key) => fieldsOf(activity[key], key === 'conversation'));
    this.channelData = channelDataParts(activity);
  }

  /** True when `activity` would give the same reference and metadata (its conversation id is compared by the caller). */
  matches(activity: Partial<Activity>): boolean {
    for (const [index, key] of TOP_LEVEL.entries()) {
      if (activity[key] !== this.topLevel[index]) {
        return false;
      }
    }
    for (const [index, key] of ACCOUNTS.entries()) {
      if (!sameFields(this.accounts[index] ?? null, activity[key], key === 'conversation')) {
        return false;
      }
    }
    const parts = channelDataParts(activity);
    return parts.every((part, index) => part === this.channelData[index]);
  }
}
