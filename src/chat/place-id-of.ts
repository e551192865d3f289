/**
 * The conversation a watched place is keyed on. A message in a Teams channel thread arrives with
 * `;messageid=...` after the channel id; alerts go to the channel itself as new posts, so the thread
 * part is dropped. Other conversation ids are returned unchanged.
 */
export function placeIdOf(conversationId: string): string {
  return conversationId.replace(/;messageid=.*$/i, '');
}
