import { existsSync } from 'node:fs';
import { loadConfig, type Config } from '../config';
import { ConfigError } from '../errors';
import { renderDoctorReport } from './render-doctor-report';
import { runDoctor } from './run-doctor';

/** Exit codes of `npm run doctor`. */
const EXIT = { ok: 0, broken: 1, configuration: 2 } as const;

/**
 * `npm run doctor [-- --json]`: reads the same configuration as `npm start` (.env, then the
 * environment), checks Graph and the bot, prints one report. Exits 0 when every required permission
 * works, 1 when one is missing or a probe fails, 2 on a configuration error.
 */
async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--json');
  const json = argv.includes('--json');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}: use npm run doctor, or npm run doctor -- --json`);
    return EXIT.configuration;
  }
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      if (json) {
        console.log(JSON.stringify({ configurationProblems: error.problems, exitCode: EXIT.configuration }, null, 2));
      } else {
        console.error(error.message);
      }
      return EXIT.configuration;
    }
    throw error;
  }
  // Demo mode probes the built-in demo tenant, as `npm start` would read it.
  const demo = config.demoMode ? await (await import('../demo-tenant/demo-graph-server')).startDemoGraphServer() : null;
  try {
    const report = await runDoctor(config, { demoBaseUrl: demo?.baseUrl });
    console.log(json ? JSON.stringify(report, null, 2) : renderDoctorReport(report));
    return report.exitCode;
  } finally {
    await demo?.close();
  }
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error('The doctor failed:', error instanceof Error ? error.message : error);
    process.exitCode = EXIT.broken;
  });
