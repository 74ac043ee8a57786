/**
 * The browser builds, as an array of webpack configurations:
 *
 * - "addin": the Excel add-in in dist/addin/ — the task pane page with its
 *   bundle, the functions bundle with functions.json (written by
 *   custom-functions-metadata-plugin from src/functions/functions.ts), the
 *   ribbon commands, the icons, the help page and the manifest. Without
 *   ADDIN_URL the manifest is the development one (https://localhost:3000);
 *   `ADDIN_URL=https://host/path/ npm run build` writes the production
 *   manifest (production Id, every URL on that host) for central deployment,
 *   and dist/addin/ is a static folder to host there.
 * - "werkbank": the browser workbench in dist/werkbank/ (the task pane over
 *   an in-memory workbook; see the workbench block below).
 *
 * `npm run build` prints the size of every bundle and writes
 * dist/addin/bundle-report.json (the modules and packages of each entry),
 * which tests/manifest/bundles.test.ts checks.
 */
const path = require('path');
const zlib = require('zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const ADDIN_DIR = path.resolve(__dirname, 'dist/addin');
const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
/** The development manifest's Id is in manifest.xml; production has its own (settings bound to an Id stay apart). */
const DEV_ID = 'be64164b-f16b-4b83-b4d0-728cbfce3c19';
const PRODUCTION_ID = 'ef31b4d6-f473-426e-8eac-2777f2c23df8';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** The production base URL from ADDIN_URL (https, ending in "/"), or null for a development build. */
function productionUrl() {
  return addinUrl(process.env.ADDIN_URL ?? '');
}

/** A base URL for the add-in's files: https, no query or fragment, ending in "/"; null for none. Throws a Dutch error otherwise. */
function addinUrl(text) {
  const raw = text.trim();
  if (raw === '') return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is geen geldige URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL moet met https:// beginnen (Office laadt invoegtoepassingen alleen via https): ${raw}`);
  if (url.search !== '' || url.hash !== '') throw new Error(`ADDIN_URL mag geen ?-deel of #-deel hebben: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest for a build: for production, every development URL moved to ADDIN_URL and the production Id and name. */
function manifestFor(content, url) {
  const xml = content.toString();
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error('manifest.xml: de Id van de ontwikkelversie is veranderd; pas DEV_ID in webpack.config.js aan.');
  if (url === null) return xml;
  return xml
    .replace(/<!--[\s\S]*?-->\s*/g, '') // the comments describe the development manifest
    .split(DEV_URL)
    .join(url)
    .replace(`<Id>${DEV_ID}</Id>`, `<Id>${PRODUCTION_ID}</Id>`)
    .replace(/(<DisplayName DefaultValue="[^"]*?) \(ontwikkeling\)"/, '$1"');
}

/** The task pane page's Content-Security-Policy: our own files and office.js from Microsoft's CDN, nothing else. */
function contentSecurityPolicy(dev) {
  const connect = ["'self'", OFFICE_JS_ORIGIN];
  // The development server reloads the page over a websocket of its own.
  if (dev) connect.push(`wss://localhost:${DEV_PORT}`, `ws://localhost:${DEV_PORT}`);
  return [
    "default-src 'none'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    // Fluent UI writes its styles at run time; nothing is fetched for them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * The files evaluated when an entry's bundle loads: from the entry along
 * static imports. Our own `require()` calls inside functions load on call
 * (the definitions' zod schemas), so they are not followed from our sources;
 * a package reached at load evaluates everything it requires.
 */
function loadTimeFiles(compilation, entryName) {
  const { moduleGraph } = compilation;
  const fileOf = (module) => (typeof module.resource === 'string' ? path.relative(__dirname, module.resource).replace(/\\/g, '/') : null);
  const seen = new Set();
  const queue = compilation.entries.get(entryName).dependencies.map((d) => moduleGraph.getModule(d)).filter(Boolean);
  while (queue.length > 0) {
    const module = queue.pop();
    if (seen.has(module)) continue;
    seen.add(module);
    const ours = !(fileOf(module) ?? '').includes('node_modules/');
    for (const connection of moduleGraph.getOutgoingConnections(module)) {
      const type = connection.dependency?.type ?? '';
      if (connection.module === null || type === 'import()') continue;
      if (ours && !type.startsWith('harmony')) continue;
      queue.push(connection.module);
    }
  }
  return new Set([...seen].map(fileOf).filter((f) => f !== null));
}

/** Prints the size of every script and writes bundle-report.json: per entry its assets and the packages and sources in it. */
class BundleReportPlugin {
  constructor(title) {
    this.title = title;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleReportPlugin', (compilation) => {
      // Before modules are concatenated, the graph still has every import as it was written.
      compilation.hooks.finishModules.tap('BundleReportPlugin', () => {
        this.loadTimeFiles = new Map([...compilation.entries.keys()].map((name) => [name, loadTimeFiles(compilation, name)]));
      });
      compilation.hooks.processAssets.tap(
        { name: 'BundleReportPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compiler, compilation),
      );
    });
    compiler.hooks.done.tap('BundleReportPlugin', (stats) => {
      if (stats.hasErrors() || this.lines === undefined) return;
      console.log(`${this.title}:\n${this.lines.join('\n')}`);
    });
  }

  report(compiler, compilation) {
    const { chunkGraph } = compilation;
    const collect = (module, into) => {
      if (Array.isArray(module.modules)) for (const inner of module.modules) collect(inner, into);
      if (typeof module.resource === 'string') into.add(path.relative(__dirname, module.resource).replace(/\\/g, '/'));
    };
    const packagesOf = (files) => {
      const packages = new Set();
      for (const file of files) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
        if (m !== null) packages.add(m[1]);
      }
      return [...packages].sort();
    };
    const report = { entries: {} };
    const lines = [];
    for (const [name, entrypoint] of compilation.entrypoints) {
      const initial = new Set();
      const lazy = new Set();
      const assets = [];
      for (const chunk of entrypoint.chunks) {
        for (const module of chunkGraph.getChunkModulesIterable(chunk)) collect(module, initial);
        for (const file of chunk.files) assets.push(file);
        for (const child of chunk.getAllAsyncChunks()) {
          for (const module of chunkGraph.getChunkModulesIterable(child)) collect(module, lazy);
          for (const file of child.files) assets.push(file);
        }
      }
      const sized = assets
        .filter((file) => file.endsWith('.js'))
        .map((file) => {
          const source = compilation.assets[file].source();
          const buffer = Buffer.isBuffer(source) ? source : Buffer.from(source);
          return { file, bytes: buffer.length, gzip: zlib.gzipSync(buffer).length };
        });
      report.entries[name] = {
        assets: sized,
        bytes: sized.reduce((n, a) => n + a.bytes, 0),
        packages: packagesOf(initial),
        lazyPackages: packagesOf(lazy),
        sources: [...initial].filter((f) => f.startsWith('src/')).sort(),
        loadTimePackages: packagesOf(this.loadTimeFiles.get(name)),
        loadTimeSources: [...this.loadTimeFiles.get(name)].filter((f) => f.startsWith('src/')).sort(),
      };
      for (const a of sized) lines.push(`  ${a.file.padEnd(28)} ${kib(a.bytes).padStart(11)}   gzip ${kib(a.gzip).padStart(10)}`);
    }
    const json = JSON.stringify(report, null, 2);
    compilation.emitAsset('bundle-report.json', new compiler.webpack.sources.RawSource(json));
    this.lines = lines;
  }
}

/** https with office-addin-dev-certs where the certificates can be installed, http otherwise (or with DEV_SERVER_HTTP=1). */
async function devServerTransport() {
  if (process.env.DEV_SERVER_HTTP === '1') return { type: 'http' };
  try {
    const certs = require('office-addin-dev-certs');
    const options = await certs.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(`Geen ontwikkelcertificaten (${error.message.split('\n')[0]}); de ontwikkelserver draait op http. Excel laadt dan alleen in de browser met een uitzondering voor localhost.`);
    return { type: 'http' };
  }
}

function addinConfig(dev, url, server) {
  return {
    name: 'addin',
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/index.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: ADDIN_DIR,
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked once by `npm run typecheck`; here only compiled, as ES modules so that unused code is dropped.
              transpileOnly: true,
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // One page for the pane, the functions and the ribbon commands: the shared runtime.
        chunks: ['taskpane', 'functions', 'commands'],
        chunksSortMode: 'manual',
        csp: contentSecurityPolicy(dev),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'assets/ondersteuning.html', to: 'ondersteuning.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content, url) },
        ],
      }),
      new BundleReportPlugin(url === null ? 'Invoegtoepassing (dist/addin, ontwikkelmanifest)' : `Invoegtoepassing (dist/addin, manifest voor ${url})`),
    ],
    ...(server === null
      ? {}
      : {
          devServer: {
            port: DEV_PORT,
            server,
            static: false,
            headers: { 'Access-Control-Allow-Origin': '*' },
            client: { overlay: false },
          },
        }),
  };
}

// ---- workbench ----
// The browser workbench (issue 7): the task pane over an in-memory workbook,
// as one static folder (dist/werkbank/) that works hosted anywhere or opened
// from disk: one classic (non-module) script, relative asset paths, the
// example workbook inlined, no chunks loaded at run time, no network (its
// own Content-Security-Policy in src/workbench/index.html forbids any
// connection). `npm run workbench` builds only this configuration
// (`--config-name werkbank`) and serves it.
const webpack = require('webpack');

function workbenchConfig(dev) {
  return {
    name: 'werkbank',
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2020'],
    entry: { werkbank: path.resolve(__dirname, 'src/workbench/index.tsx') },
    output: {
      path: path.resolve(__dirname, 'dist/werkbank'),
      filename: '[name].js',
      publicPath: '',
      clean: true,
      // A classic script (no `type="module"`): file:// pages may not load module scripts.
      module: false,
      chunkFormat: 'array-push',
    },
    devtool: dev ? 'eval-cheap-module-source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // `npm run typecheck` type-checks; here only transpile, as ES modules so that icons and Fluent tree-shake.
              transpileOnly: true,
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: dev },
            },
          },
        },
        // The bundled example workbook, inlined as a data URL (no fetch: file:// pages cannot fetch).
        { test: /\.xlsx$/, type: 'asset/inline' },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'src/workbench/index.html'),
        filename: 'index.html',
        scriptLoading: 'defer',
        inject: 'head',
        chunks: ['werkbank'],
      }),
      // Everything in one file: no chunk is fetched at run time.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new BundleReportPlugin('Werkbank (dist/werkbank)'),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}
// ---- end workbench ----

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const url = dev ? null : productionUrl();
  const server = env.WEBPACK_SERVE ? await devServerTransport() : null;
  const configs = [addinConfig(dev, url, server)];

  // ---- workbench ----
  configs.push(workbenchConfig(dev));

  return configs;
};

module.exports.manifestFor = manifestFor;
module.exports.addinUrl = addinUrl;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.PRODUCTION_ID = PRODUCTION_ID;
module.exports.DEV_ID = DEV_ID;
module.exports.DEV_URL = DEV_URL;
