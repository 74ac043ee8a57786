/**
 * Webpack configurations, one per host, exported as an array (`webpack`
 * builds them all; `--config-name <name>` builds one).
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

// ---- workbench ----
// The browser workbench: the task pane over an in-memory workbook, as one
// static folder (dist/werkbank/) that works hosted anywhere or opened from
// disk: one classic (non-module) script, relative asset paths, the example
// workbook inlined, no chunks loaded at run time, no network.
const workbench = (env, argv) => {
  const production = argv.mode !== 'development';
  return {
    name: 'werkbank',
    mode: production ? 'production' : 'development',
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
    devtool: production ? false : 'eval-cheap-module-source-map',
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
              compilerOptions: { module: 'esnext', sourceMap: !production },
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
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
// ---- end workbench ----

module.exports = [workbench];
