import { existsSync } from 'node:fs';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { startHeadroom } from './app';

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
  const headroom = await startHeadroom(config);
  const stop = (signal: string): void => {
    void headroom.stop(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Headroom failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
