/**
 * The longest chat message Headroom reads, in characters after the bot's @mention and markup are
 * removed. No real question comes close; a longer message gets a polite "too long" answer, and
 * nothing past the limit is ever parsed or matched.
 */
export const MAX_CHAT_TEXT_LENGTH = 1000;

/**
 * How much of the raw activity text is looked at, at most: room for the limit plus the markup Teams
 * wraps around a message (`<p>`, `<at>…</at>`, `&nbsp;`). Everything beyond is cut before any work.
 */
export const MAX_RAW_CHAT_TEXT_LENGTH = 4 * MAX_CHAT_TEXT_LENGTH;
