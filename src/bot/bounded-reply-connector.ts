import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';
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
 * Makes a connector client answer within `timeoutMs` per request and without retries: the channel
 * waits for Headroom's HTTP answer while a reply is sent, so a dead serviceUrl must fail fast, not
 * after botbuilder's exponential retries (about 11 s). A request that cannot be sent becomes a
 * ReplyDeliveryError carrying the cause. Proactive sends keep botbuilder's retries: the outbox
 * paces and redelivers those.
 */
function bound(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = pipelineOf(client);
  if (pipeline === null) {
    return client;
  }
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy({
    name: 'headroomReplyDeadline',
    async sendRequest(request, next) {
      request.timeout = timeoutMs;
      try {
        return await next(request);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ReplyDeliveryError(`the reply could not be sent to the serviceUrl: ${reason}`, null, { cause: error });
      }
    },
  });
  return client;
}

/** A connector factory whose clients (the ones replying inside a turn) are bounded as `bound` describes. */
export function boundedReplyConnectorFactory(factory: ConnectorFactory, timeoutMs = REPLY_TIMEOUT_MS): ConnectorFactory {
  return {
    create: async (serviceUrl: string, audience?: string) => bound(await factory.create(serviceUrl, audience), timeoutMs),
  };
}
