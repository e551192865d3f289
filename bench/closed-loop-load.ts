import { Agent, request } from 'node:http';

export interface ClosedLoopOptions {
  /** Where to POST, e.g. `http://127.0.0.1:3978/api/messages`. */
  url: string;
  /** Requests kept in flight: each worker sends its next request when the last one answered. */
  concurrency: number;
  durationMs: number;
  /** The JSON body of the next request. */
  nextBody: () => string;
}

export interface ClosedLoopResult {
  /** Requests answered 2xx. */
  ok: number;
  /** Requests answered otherwise, or that failed. */
  errors: number;
  /** Latencies of the 2xx answers, in ms. */
  latenciesMs: number[];
  elapsedMs: number;
}

/** Runs a closed-loop load: `concurrency` workers, each posting again as soon as its answer is in. */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(options.url);
  const result: ClosedLoopResult = { ok: 0, errors: 0, latenciesMs: [], elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      const status = await postOnce(agent, target, options.nextBody());
      if (status >= 200 && status < 300) {
        result.ok += 1;
        result.latenciesMs.push(performance.now() - sentAt);
      } else {
        result.errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** Posts one body; resolves with the status, or 0 when the request failed. */
function postOnce(agent: Agent, target: URL, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
