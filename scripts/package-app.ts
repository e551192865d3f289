/**
 * Builds the Teams app package: `npm run package` (tsx scripts/package-app.ts).
 *
 * Reads MicrosoftAppId (required, a GUID) and BOT_DOMAIN (optional host name) from the environment,
 * validates the filled manifest against the bundled Teams schema offline, and prints the zip's path
 * as its last line. Exits non-zero, listing every problem, when the package cannot be built.
 */
import path from 'node:path';
import { AppPackageError } from '../src/manifest/app-package-error';
import { buildAppPackage } from '../src/manifest/build-app-package';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const built = await buildAppPackage({
    manifestDir: path.join(root, 'manifest'),
    outFile: path.join(root, 'dist', 'headroom-teams-app.zip'),
    microsoftAppId: process.env.MicrosoftAppId,
    botDomain: process.env.BOT_DOMAIN,
  });
  console.log(`Teams app package with ${built.entries.join(', ')}:`);
  console.log(built.zipPath);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof AppPackageError || !(error instanceof Error) ? String(error) : error.stack);
    process.exitCode = 1;
  });
}
