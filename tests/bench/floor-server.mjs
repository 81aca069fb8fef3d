// The floor for sign-in latency (QUALITY.md): a bare node:http server doing one durable sqlite3
// insert per request, the cheapest honest way to acknowledge a sign-in. Same sqlite3 package,
// WAL, synchronous=FULL, as the hub.
import { createServer } from 'node:http';
import sqlite3 from 'sqlite3';

const file = process.argv[2];
const db = new sqlite3.Database(file);
db.serialize(() => {
  db.run('PRAGMA journal_mode = WAL');
  db.run('PRAGMA synchronous = FULL');
  db.run('CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, badge TEXT NOT NULL, at INTEGER NOT NULL)');
});
const insert = db.prepare('INSERT INTO events (badge, at) VALUES (?, ?)');

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const { badge } = JSON.parse(Buffer.concat(chunks).toString() || '{}');
    insert.run(String(badge), Date.now(), function (err) {
      const body = JSON.stringify(err ? { error: err.message } : { event: { id: this.lastID } });
      res.writeHead(err ? 500 : 200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}/`));
