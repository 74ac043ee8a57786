// Marks the built CLI as executable (npm does this for bins it links, but a
// direct `node dist/cli/main.js` or a fresh `npm ci` may not).
const fs = require('fs');
const path = require('path');
const cli = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
