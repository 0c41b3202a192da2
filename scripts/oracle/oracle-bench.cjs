#!/usr/bin/env node
// Times whatsapp-chat-parser@4.0.2's parseString on one file (read once, parsed N times), for the side-by-side
// comparison with our parser. Prints one JSON line: {"parser", "file", "bytes", "messages", "runs_s": [...], "median_s"}.
// Usage: NODE_PATH=<scratch>/node_modules node oracle-bench.cjs <file> [runs=5] [--days-first=true|false]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseString } = require('whatsapp-chat-parser');
const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('whatsapp-chat-parser')), '..', 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const file = args[0];
const runs = Number(args.find((a, i) => i > 0 && /^\d+$/.test(a)) || 5);
const df = args.find(a => a.startsWith('--days-first='));
const opts = df ? { daysFirst: df.split('=')[1] === 'true' } : {};
const text = fs.readFileSync(file, 'utf8');
const times = [];
let count = 0;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  count = parseString(text, opts).length;
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const sorted = [...times].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ parser: `${pkg.name}@${pkg.version}`, file, bytes: Buffer.byteLength(text), messages: count,
  runs_s: times, median_s: sorted[Math.floor(sorted.length / 2)] }) + '\n');
