import { DeliveryError } from '../delivery/delivery-error';
import type { OutboxSender } from '../delivery/outbox-sender';
import { version } from '../version';
import { SIGNATURE_HEADER, signWebhookBody } from './sign-webhook-body';

export interface ReservationWebhookSenderOptions {
  /** RESERVATION_WEBHOOK_SECRET. */
  secret: string;
  /** How long one POST may take. Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Delivers `webhook` outbox messages: POSTs the payload as JSON to the message's target URL, signed
 * with `X-Headroom-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, and with the outbox dedupe
 * key as `X-Headroom-Delivery` so a receiver can recognise a retry. Any 2xx is delivered. A timeout,
 * a network failure, 408, 429 (with its Retry-After) and 5xx are retried by the outbox with backoff;
 * any other 4xx gives up (the receiver refused the request itself).
 */
export function reservationWebhookSender(options: ReservationWebhookSenderOptions): OutboxSender {
  return async (message) => {
    const body = JSON.stringify(message.payload);
    let response: Response;
    try {
      response = await fetch(message.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': `Headroom/${version}`,
          [SIGNATURE_HEADER]: signWebhookBody(body, options.secret),
          'X-Headroom-Delivery': message.dedupeKey,
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError('The procurement webhook could not be reached', null, null, { cause: error });
    }
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) {
      return {};
    }
    throw new DeliveryError(`The procurement webhook answered HTTP ${response.status}`, response.status, retryAfterSeconds(response.headers.get('retry-after')));
  };
}

function retryAfterSeconds(header: string | null): number | null {
  if (header === null) {
    return null;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
