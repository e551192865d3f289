import { existsSync } from 'node:fs';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { startHeadroom } from './app';
import { createLogger } from './logger';
import { shutDownGracefully, SHUTDOWN_EXIT } from './shutdown/shut-down-gracefully';

async function main(): Promise<void> {
  if (existsSync('.env')) {
    // Node's own loader: values already in the environment win over the file.
    process.loadEnvFile('.env');
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const headroom = await startHeadroom(config, { logger });
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl-C (or SIGTERM) means "now": do not wait for the drain.
      logger.warn('second stop signal; exiting without waiting', { signal, pending: headroom.pending() });
      process.exit(SHUTDOWN_EXIT.unclean);
    }
    stopping = true;
    void shutDownGracefully(signal, { stop: headroom.stop, pending: headroom.pending, logger }).then((code) => process.exit(code));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  console.error('Headroom failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
