// A real Headroom in a child process that kills itself with SIGKILL at a chosen point of delivery,
// for the restart tests in watcher-restart.test.ts. Settings come from the parent through the environment.
import { startHeadroom } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';

async function main(): Promise<void> {
  const point = process.env.CRASH_AT;
  const die = (): void => {
    process.kill(process.pid, 'SIGKILL');
  };
  const config = {
    ...loadConfig({
      GRAPH_BASE_URL: process.env.CRASH_GRAPH_URL ?? '',
      DATA_DIR: process.env.CRASH_DATA_DIR ?? '',
      LICENSE_CACHE_SECONDS: '0',
      RESERVATION_SUGGESTIONS: 'off',
    }),
    port: 0,
  };
  const headroom = await startHeadroom(config, {
    logger: silentLogger,
    alerts: {
      autoStart: false,
      claimLeaseMs: 200,
      dispatchHooks: { afterSend: point === 'after-send' ? die : undefined, afterMark: point === 'after-mark' ? die : undefined },
    },
  });
  await headroom.watcher.tickOnce();
  await headroom.stop('the crash point was never reached');
  process.exitCode = 3;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 2;
});
