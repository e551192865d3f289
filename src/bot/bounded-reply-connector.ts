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

/** The fields of botframework-connector's ConnectorFactoryImpl that say whose clients it makes. */
interface FactoryIdentityView {
  appId?: unknown;
  toChannelFromBotOAuthScope?: unknown;
  loginEndpoint?: unknown;
  credentialFactory?: unknown;
}

/**
 * Who a factory's clients act as (the bot's app id, the token scope, the login endpoint), or null when
 * the factory does not say: such a factory's clients are not shared.
 */
function identityOf(factory: ConnectorFactory): string | null {
  const view = factory as unknown as FactoryIdentityView;
  const fields = [view.appId, view.toChannelFromBotOAuthScope, view.loginEndpoint];
  if (view.credentialFactory === undefined || !fields.every((field) => field === undefined || field === null || typeof field === 'string')) {
    return null;
  }
  return JSON.stringify(fields.map((field) => field ?? null));
}

/**
 * Shares bounded reply clients between turns. botbuilder authenticates each activity into a new
 * connector factory, whose clients each build a new HTTP pipeline and credentials; on a busy bot that
 * is a large part of a turn. A client acts for one bot app id, token scope and login endpoint, at one
 * serviceUrl and audience, and holds no per-turn state (its credentials fetch and renew tokens per
 * request), so one client per such key is reused. At most `maxClients` are kept (the oldest goes
 * first); a client that could not be created is not kept.
 */
export class ReplyConnectorCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    private readonly maxClients = 32,
    private readonly timeoutMs = REPLY_TIMEOUT_MS,
  ) {}

  /** The number of clients kept. */
  get size(): number {
    return this.clients.size;
  }

  /** A factory that hands out the shared bounded client for each key, making it with `factory` once. */
  factoryFor(factory: ConnectorFactory): ConnectorFactory {
    const identity = identityOf(factory);
    if (identity === null) {
      return boundedReplyConnectorFactory(factory, this.timeoutMs);
    }
    return {
      create: (serviceUrl: string, audience?: string) => this.shared(`${identity}|${serviceUrl}|${audience ?? ''}`, async () => bound(await factory.create(serviceUrl, audience), this.timeoutMs)),
    };
  }

  private shared(key: string, make: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const known = this.clients.get(key);
    if (known !== undefined) {
      return known;
    }
    const made = make();
    this.clients.set(key, made);
    made.catch(() => {
      if (this.clients.get(key) === made) {
        this.clients.delete(key);
      }
    });
    if (this.clients.size > this.maxClients) {
      const oldest = this.clients.keys().next();
      if (oldest.done !== true) {
        this.clients.delete(oldest.value);
      }
    }
    return made;
  }
}
