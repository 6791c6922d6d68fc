// Runs before every npm script the README names, on whatever Node is first on the PATH: an older
// Node gets one line saying what is needed and how to get it, instead of a crash further on (Node 20
// starts the server, prints "Ready", then dies in better-sqlite3 with a segmentation fault).
// Plain CommonJS with nothing newer than Node 8 in it, so any Node can read it.
"use strict";
var NEEDED = [22, 12];
var parts = process.versions.node.split(".").map(Number);
var ok = parts[0] > NEEDED[0] || (parts[0] === NEEDED[0] && parts[1] >= NEEDED[1]);
if (!ok) {
  process.stderr.write(
    "Persona Market needs Node " +
      NEEDED.join(".") +
      " or newer; this is Node " +
      process.versions.node +
      " (" +
      process.execPath +
      "). Get it with `nvm install` (reads .nvmrc) or " +
      '`npm install -g --prefix ~/.local/node22 node@22 && export PATH="$HOME/.local/node22/bin:$PATH"`, then run the command again.\n',
  );
  process.exit(1);
}
