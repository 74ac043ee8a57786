/**
 * Build step: validates the definition data and the report format and writes
 * the prebuilt copies the product loads (see scripts/prebuiltDefinitions.ts).
 * A data error stops the build with the loader's Dutch message.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prebuiltDefinitions } from './prebuiltDefinitions';

try {
  for (const [path, content] of Object.entries(prebuiltDefinitions())) {
    const file = join(__dirname, '..', path);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    writeFileSync(file, content);
    console.log(`geschreven: ${path}`);
  }
} catch (error) {
  console.error(`Definitiegegevens ongeldig: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
