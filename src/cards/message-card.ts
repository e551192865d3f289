import type { TextColor } from './styled-text';
import { toDisplayText } from './to-display-text';

/** How a notice looks: neutral, a success, a caution or an error or refusal. */
export type MessageTone = 'default' | 'good' | 'warning' | 'attention';

/** Data for `cards/message.json`: a title and a short text; errors, refusals, confirmations. */
export interface MessageCard {
  title: string;
  /** The title's colour. */
  color: TextColor;
  text: string;
  /** Further lines, one paragraph each (e.g. every configuration problem); may be empty. */
  details: string[];
}

/** Longest title, text and detail line shown. */
const TITLE_LENGTH = 120;
const TEXT_LENGTH = 1_000;
const DETAIL_LENGTH = 300;
const MAX_DETAILS = 20;

/** Builds a notice. All strings are shown literally; line breaks in `text` become spaces, so pass paragraphs as `details`. */
export function buildMessageCard(message: { title: string; text: string; details?: readonly string[]; tone?: MessageTone }): MessageCard {
  return {
    title: toDisplayText(message.title, TITLE_LENGTH, 'Headroom'),
    color: message.tone ?? 'default',
    text: toDisplayText(message.text, TEXT_LENGTH, ''),
    details: (message.details ?? []).slice(0, MAX_DETAILS).map((line) => toDisplayText(line, DETAIL_LENGTH, '')).filter((line) => line !== ''),
  };
}

/** The notice in one plain-text line: "Title: text". */
export function summarizeMessage(message: { title: string; text: string }): string {
  const title = toDisplayText(message.title, TITLE_LENGTH, 'Headroom');
  const text = toDisplayText(message.text, TEXT_LENGTH, '');
  return text === '' ? title : `${title}: ${text}`;
}
