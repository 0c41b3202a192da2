#!/usr/bin/env node
// Serves timed runs of whatsapp-chat-parser@4.0.2's parseString on one file (read once into memory), for the
// alternating side-by-side comparison with our parser (OracleCompare.java "bench"). Prints a ready line, then for
// every line read from stdin parses the text once and prints one JSON line:
// {"parser", "bytes", "messages", "wall_s", "cpu_s"} (cpu_s: user + system time of the node process during the run).
// Usage: NODE_PATH=<scratch>/node_modules node oracle-bench.cjs <file> [--days-first=true|false]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { parseString } = require('whatsapp-chat-parser');
const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('whatsapp-chat-parser')), '..', 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const file = args[0];
const df = args.find(a => a.startsWith('--days-first='));
const opts = df ? { daysFirst: df.split('=')[1] === 'true' } : {};
const text = fs.readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(text);
process.stdout.write(JSON.stringify({ parser: `${pkg.name}@${pkg.version}`, node: process.version, bytes }) + '\n');
readline.createInterface({ input: process.stdin }).on('line', () => {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const messages = parseString(text, opts).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ messages, wall_s: wall, cpu_s: (c.user + c.system) / 1e6 }) + '\n');
});
