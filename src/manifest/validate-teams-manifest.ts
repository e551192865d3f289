import { readFileSync } from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';

/** The Teams manifest schema version Headroom's template is written for (bundled in @microsoft/app-manifest). */
export const TEAMS_MANIFEST_VERSION = '1.30';

type ManifestArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type SchemaArgument = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

let bundledSchema: SchemaArgument | undefined;

/**
 * Validates a filled manifest against the Teams schema bundled in `@microsoft/app-manifest`, offline:
 * the schema is read from the package, never fetched from the `$schema` URL.
 *
 * @returns the schema's messages (`<JSON pointer> <message>. Details: ...`), empty when the manifest is valid.
 */
export async function validateTeamsManifest(manifest: unknown): Promise<string[]> {
  // The validator itself is what checks the shape, so the cast only satisfies its signature.
  const messages = await AppManifestUtils.validateAgainstSchema(manifest as ManifestArgument, loadBundledSchema());
  return messages.map((message) => message.trim());
}

function loadBundledSchema(): SchemaArgument {
  if (bundledSchema === undefined) {
    const file = require.resolve(
      `@microsoft/app-manifest/build/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
    bundledSchema = JSON.parse(readFileSync(file, 'utf8')) as SchemaArgument;
  }
  return bundledSchema;
}
