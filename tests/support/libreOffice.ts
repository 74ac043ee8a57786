/**
 * LibreOffice (Debian's libreoffice-calc, installed by .ci/run) as a real
 * spreadsheet engine for tests: opens an .xlsx, recalculates every formula
 * and saves it again, so the test can read what the formulas give. Each run
 * has a private profile (parallel runs do not clash) that tells Calc to
 * recalculate files on load instead of trusting their cached values.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.SOFFICE ?? '/usr/bin/soffice';

const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens the bytes in LibreOffice Calc, recalculates and returns the saved .xlsx. */
export function recalculateWithLibreOffice(xlsx: Uint8Array): Uint8Array {
  if (!existsSync(SOFFICE)) {
    throw new Error(`${SOFFICE} ontbreekt: installeer LibreOffice Calc (apt-get install -y libreoffice-calc, zoals .ci/run doet)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'reintegratie-lo-'));
  try {
    const profile = join(dir, 'profiel');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    const input = join(dir, 'invoer.xlsx');
    const outDir = join(dir, 'uit');
    writeFileSync(input, xlsx);
    const result = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const output = join(outDir, 'invoer.xlsx');
    if (result.status !== 0 || !existsSync(output)) {
      throw new Error(`LibreOffice kon het bestand niet omzetten (status ${result.status}): ${result.stderr || result.stdout}`);
    }
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
