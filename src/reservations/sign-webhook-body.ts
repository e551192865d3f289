import { createHmac } from 'node:crypto';

/** The header that carries the signature of a procurement webhook. */
export const SIGNATURE_HEADER = 'X-Headroom-Signature';

/**
 * The value of `X-Headroom-Signature` for a raw request body: `sha256=` and the hex HMAC-SHA256 of
 * the body's UTF-8 bytes, keyed with RESERVATION_WEBHOOK_SECRET.
 */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
