/** The workbench's static server serves its folder and nothing outside it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileFor, serveStatic } from '../../src/workbench/server/staticServer';
import { tempDir } from '../support/runCli';

function get(url: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves index.html and files of the folder; refuses paths outside it and other methods', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'site'));
  writeFileSync(join(root, 'site', 'index.html'), '<p>werkbank</p>');
  writeFileSync(join(root, 'site', 'werkbank.js'), 'void 0;');
  writeFileSync(join(root, 'geheim.txt'), 'niet voor de buitenwereld');
  const server = await serveStatic(join(root, 'site'), 0);
  try {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(await get(server.url)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>werkbank</p>' });
    expect(await get(`${server.url}werkbank.js`)).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get(`${server.url}../geheim.txt`)).status).toBe(404);
    expect((await get(`${server.url}%2e%2e/geheim.txt`)).status).toBe(404);
    expect((await get(`${server.url}bestaat-niet.js`)).status).toBe(404);
    expect((await get(server.url, 'POST')).status).toBe(405);
  } finally {
    await server.close();
  }
  expect(fileFor(join(root, 'site'), '/..%2fgeheim.txt')).toBeNull();
  expect(fileFor(join(root, 'site'), '/%00')).toBeNull();
});
