/**
 * `npm run workbench`: serves the built workbench on http://localhost:3001
 * (PORT to change) until stopped with Ctrl+C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './staticServer';

const root = join(__dirname, '..', '..', '..', 'dist', 'werkbank');

async function main(): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    console.error('De werkbank is nog niet gebouwd: draai eerst npm run build.');
    process.exit(2);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 3001 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT} is geen geldig poortnummer.`);
    process.exit(2);
  }
  try {
    const server = await serveStatic(root, port);
    console.log(`Werkbank: ${server.url} (stoppen met Ctrl+C)`);
    console.log('De werkbank draait helemaal in de browser: werkmappen worden nergens heen gestuurd.');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Poort ${port} is al in gebruik; kies een andere met PORT=...` : `De werkbank kan niet starten: ${String(error)}`);
    process.exit(2);
  }
}

void main();
