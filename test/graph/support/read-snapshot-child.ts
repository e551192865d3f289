/**
 * Run in a child process started with NODE_EXTRA_CA_CERTS (Node reads it only at start): reads one
 * license snapshot through Headroom's real Graph access and prints the outcome as one JSON line.
 * Argument: JSON `{ baseUrl, authorityHost, auth }`.
 */
import type { GraphAuth } from '../../../src/config';
import { createGraphAccess } from '../../../src/graph/graph-access';
import { silentLogger } from '../../../src/logger';

interface ChildInput {
  baseUrl: string;
  authorityHost: string;
  auth: GraphAuth;
  /** Snapshots to read one after the other on the same Graph access (one credential); default 1. */
  reads?: number;
  /** Pause between reads, in ms. */
  pauseMs?: number;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput;
  const graph = createGraphAccess(
    { baseUrl: input.baseUrl, auth: input.auth, authorityHost: input.authorityHost, retry: { maxAttempts: 1 } },
    silentLogger,
  );
  try {
    let snapshot = await graph.licenseReader.readSnapshot();
    for (let read = 1; read < (input.reads ?? 1); read += 1) {
      await new Promise((resolve) => setTimeout(resolve, input.pauseMs ?? 0));
      snapshot = await graph.licenseReader.readSnapshot();
    }
    console.log(JSON.stringify({ ok: true, tenantId: snapshot.tenant.id, skus: snapshot.skus.length, problems: snapshot.problems ?? [] }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, name: error instanceof Error ? error.name : 'unknown', message: error instanceof Error ? error.message : String(error) }));
  }
}

void main();
