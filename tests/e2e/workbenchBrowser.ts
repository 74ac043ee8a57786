/**
 * The end-to-end harness: Debian's Chromium driven by playwright-core, the
 * built workbench (dist/werkbank, made by `npm run build`) served on a free
 * localhost port, a guard that fails any request leaving the page's own
 * origin (the workbench must work offline), a record of dialogs (none may
 * open), screenshots kept in tests/e2e/artefacts/, step timings, and an
 * axe-core scan for serious and critical violations.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../src/workbench/server/staticServer';

export const ROOT = join(__dirname, '..', '..');
export const WORKBENCH_DIR = join(ROOT, 'dist', 'werkbank');
export const ARTEFACTS = join(__dirname, 'artefacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install -y chromium; .ci/run doet dat)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly server: StaticServer | null;
  /** URL of the workbench page. */
  readonly url: string;
  /** Requests that went anywhere but the page's own origin (blocked). */
  readonly foreignRequests: string[];
  readonly dialogs: string[];
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Opens the built workbench in a fresh Chromium: over http (default) or straight from disk (`file`). */
export async function openWorkbench(options: { via?: 'http' | 'file'; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<Session> {
  if (!existsSync(join(WORKBENCH_DIR, 'index.html'))) throw new Error(`${WORKBENCH_DIR} ontbreekt: draai eerst 'npm run build' (npm test doet dat zelf)`);
  const server = options.via === 'file' ? null : await serveStatic(WORKBENCH_DIR, 0);
  const url = server === null ? `file://${join(WORKBENCH_DIR, 'index.html')}` : server.url;
  const origin = server === null ? `file://${WORKBENCH_DIR}` : server.url.replace(/\/$/, '');
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
    locale: 'nl-NL',
    // Only to inject axe-core: the page's own policy allows scripts from its folder alone.
    bypassCSP: options.bypassCSP ?? false,
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:') || target.startsWith('blob:')) return route.continue();
    foreignRequests.push(target);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  await page.locator('[data-werkmap="inzending-noord-kennemerland.xlsx"]').waitFor();
  return {
    browser,
    context,
    page,
    server,
    url,
    foreignRequests,
    dialogs,
    pageErrors,
    async close() {
      await browser.close();
      await server?.close();
    },
  };
}

/** Saves a screenshot as a test artefact; returns its bytes. */
export async function artefact(target: Page | Locator, name: string): Promise<Buffer> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  return target.screenshot({ path });
}

/** Step timings of a test file, written to artefacts/<file>-timings.json at the end. */
export class StepTimer {
  private readonly steps: { step: string; ms: number }[] = [];
  private started = performance.now();

  start(): void {
    this.started = performance.now();
  }

  stop(step: string): void {
    this.steps.push({ step, ms: Math.round(performance.now() - this.started) });
  }

  write(name: string): void {
    mkdirSync(ARTEFACTS, { recursive: true });
    writeFileSync(join(ARTEFACTS, `${name}-timings.json`), JSON.stringify(this.steps, null, 2) + '\n');
  }
}

/** The counts the summary shows, read from its text ("10 fouten", "1 waarschuwing", "0 info"). */
export async function summaryCounts(page: Page): Promise<{ fout: number; waarschuwing: number; info: number }> {
  const text = await page.locator('[data-samenvatting]').innerText();
  const count = (re: RegExp): number => {
    const m = re.exec(text);
    if (m === null) throw new Error(`samenvatting zonder ${re}: ${text}`);
    return Number(m[1]);
  };
  return { fout: count(/(\d+) fouten?\b/), waarschuwing: count(/(\d+) waarschuwing(?:en)?\b/), info: count(/(\d+) info\b/) };
}

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: string[]; readonly failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours are measured as they end up: wait for transitions and animations (a dialog fading in) to finish.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** The pane's section tab. */
export function sectionTab(page: Page, name: 'Controleren' | 'Termen' | 'Definities' | 'Profiel' | 'Sjablonen' | 'Vergelijken'): Locator {
  return page.getByRole('tab', { name, exact: true });
}

export function panel(page: Page, id: 'controleren' | 'termen' | 'definities' | 'profiel' | 'sjablonen' | 'vergelijken'): Locator {
  return page.locator(`#paneel-${id}`);
}

/**
 * Retries an assertion until it passes or the time is up (the page updates
 * after a click, a little later); the last failure is thrown.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
