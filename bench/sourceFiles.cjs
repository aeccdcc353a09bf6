// The files a baseline parses: every .ts file under DIR/src, or (`--list FILE`) the files named in a JSON list
// (the ones a check read, for bench/real.mjs).
const fs = require('node:fs');
const path = require('node:path');

function listTs(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listTs(full, out);
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The files to parse for these command-line arguments (DIR first). */
function sourceFiles(argv) {
  const listAt = argv.indexOf('--list');
  return listAt > 0 ? JSON.parse(fs.readFileSync(argv[listAt + 1], 'utf8')) : listTs(path.join(argv[2], 'src'));
}

module.exports = { sourceFiles };
