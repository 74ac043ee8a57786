/**
 * Writes the generated documents from the data: docs/definitieset.md (the
 * definition set for people). A test fails when a file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from './generatedDocs';

for (const [path, content] of Object.entries(generatedDocs())) {
  writeFileSync(join(__dirname, '..', path), content);
  console.log(`geschreven: ${path}`);
}
