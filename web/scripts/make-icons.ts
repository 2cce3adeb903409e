// Draws Konbit's app icons (web/public/icons): a map pin on the mission's
// blue, as PNG at the sizes a phone's home screen asks for, and as SVG.
// Run: node --import tsx web/scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1e, 0x3a, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const out = new URL('../public/icons/', import.meta.url);

/** Whether (x, y) in a unit square lies on the pin: a ring around a dot, over a point. */
function onPin(x: number, y: number): boolean {
  const [cx, cy, r] = [0.5, 0.42, 0.22];
  const d = Math.hypot(x - cx, y - cy);
  const ring = d <= r && d >= r * 0.45;
  // The point below the ring: a triangle narrowing to (0.5, 0.86).
  const t = (y - cy) / (0.86 - cy);
  const tail = y > cy + r * 0.6 && t <= 1 && Math.abs(x - cx) <= r * 0.8 * (1 - t);
  return ring || tail;
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const frame = Buffer.alloc(body.length + 8);
  frame.writeUInt32BE(data.length, 0);
  body.copy(frame, 4);
  frame.writeUInt32BE(crc32(body), body.length + 4);
  return frame;
}

function png(size: number, maskable: boolean): Buffer {
  const rows = Buffer.alloc(size * (size * 3 + 1));
  // A maskable icon keeps its drawing inside the middle 80 %, which any mask leaves visible.
  const inset = maskable ? 0.1 : 0;
  for (let y = 0; y < size; y++) {
    rows[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size - inset) / (1 - 2 * inset);
      const v = ((y + 0.5) / size - inset) / (1 - 2 * inset);
      const colour = onPin(u, v) ? WHITE : BLUE;
      rows.set(colour, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#1e3a8a"/>
<path d="M50 86 L32.4 55.2 A22 22 0 1 1 67.6 55.2 Z" fill="#fff"/>
<circle cx="50" cy="42" r="9.9" fill="#1e3a8a"/>
</svg>
`;

mkdirSync(out, { recursive: true });
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, out), png(size, false));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, true));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, false));
writeFileSync(new URL('icon.svg', out), SVG);
