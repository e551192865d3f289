import type { ConnectorClient } from 'botframework-connector';
import { ReplyDeliveryError } from './reply-delivery-error';

/** How long one reply to an incoming activity may take before it counts as undelivered. */
export const REPLY_TIMEOUT_MS = 5_000;

interface PipelineRequestView {
  timeout: number;
}

interface PipelinePolicyView {
  name: string;
  sendRequest(request: PipelineRequestView, next: (request: PipelineRequestView) => Promise<unknown>): Promise<unknown>;
}

/** The part of Azure core's request pipeline (under botbuilder's connector client) this file changes. */
interface PipelineView {
  addPolicy(policy: PipelinePolicyView): void;
  removePolicy(options: { phase: 'Retry' }): unknown[];
}

function pipelineOf(client: ConnectorClient): PipelineView | null {
  const inner = (client as unknown as { client?: { pipeline?: Partial<PipelineView> } }).client;
  const pipeline = inner?.pipeline;
  return typeof pipeline?.addPolicy === 'function' && typeof pipeline.removePolicy === 'function' ? (pipeline as PipelineView) : null;
}

/**
 * True for a connection the channel reset before any answer came back. Replies share kept-alive
 * connections (Azure core keeps one HTTP agent per process), and a channel that closes an idle one
 * just as a reply goes out resets it; the reply never reached the channel.
 */
function isConnectionReset(error: unknown): boolean {
  const { code, statusCode } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown };
  return code === 'ECONNRESET' && statusCode === undefined;
}

/**
 * Makes a connector client answer within `timeoutMs` per request, without botbuilder's retries: the
 * channel waits for Headroom's HTTP answer while a reply is sent, so a dead serviceUrl must fail fast,
 * not after botbuilder's exponential retries (about 11 s). The one exception is a connection reset
 * before any answer (`isConnectionReset`), which is sent once more on a new connection. A request
 * that still cannot be sent becomes a ReplyDeliveryError carrying the cause. Proactive sends keep
 * botbuilder's retries: the outbox paces and redelivers those.
 */
export function boundReplyClient(client: ConnectorClient, timeoutMs = REPLY_TIMEOUT_MS): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (pipeline === null) {
    return client;
  }
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy({
    name: 'headroomReplyDeadline',
    async sendRequest(request, next) {
      request.timeout = timeoutMs;
      const onceMoreAfterReset = (error: unknown): Promise<unknown> => (isConnectionReset(error) ? next(request) : Promise.reject(error));
      try {
        return await next(request).catch(onceMoreAfterReset);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ReplyDeliveryError(`the reply could not be sent to the serviceUrl: ${reason}`, null, { cause: error });
      }
    },
  });
  return client;
}
