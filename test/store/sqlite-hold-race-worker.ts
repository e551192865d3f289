import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../../src/store/sqlite-store';

/** One racer for the SQLite cross-thread hold race: waits for the shared start signal, then takes a hold. */
interface RaceInput {
  filename: string;
  start: SharedArrayBuffer;
  caller: number;
  now: string;
  expiresAt: string;
}

async function race(input: RaceInput): Promise<boolean> {
  const store = new SqliteStore({ filename: input.filename, busyTimeoutMs: 10_000 });
  try {
    const gate = new Int32Array(input.start);
    Atomics.add(gate, 1, 1);
    Atomics.wait(gate, 0, 0);
    const result = await store.tryTakeHold({
      skuId: 'sku-race',
      quantity: 1,
      reason: `worker ${input.caller}`,
      expiresAt: input.expiresAt,
      now: input.now,
      unheldLimit: 1,
    });
    return result.ok;
  } finally {
    await store.close();
  }
}

race(workerData as RaceInput).then(
  (ok) => parentPort?.postMessage({ ok }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
