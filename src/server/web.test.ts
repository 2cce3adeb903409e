import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { webApp } from './web.ts';

/** A build folder like web/dist: index.html and a fingerprinted script, each with its compressed copies. */
function buildFolder(): { root: string; script: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'konbit-web-'));
  mkdirSync(path.join(root, 'assets'));
  const script = `console.log(${JSON.stringify('Konbit '.repeat(400))});\n`;
  const files = { 'index.html': '<!doctype html><title>Konbit</title>', 'assets/index-abc123.js': script };
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(path.join(root, file), text);
    writeFileSync(path.join(root, `${file}.br`), brotliCompressSync(text));
    writeFileSync(path.join(root, `${file}.gz`), gzipSync(text));
  }
  return { root, script };
}

describe('the web app’s files', () => {
  const { root, script } = buildFolder();
  const app = Fastify();
  void app.register(webApp, { root });

  test('are sent as compressed at build time, in the best encoding the browser takes', async () => {
    const br = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
    assert.match(String(br.headers.vary), /accept-encoding/i);

    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), script);

    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
  });

  test('are kept for good when fingerprinted, and index.html is asked again each time', async () => {
    const asset = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(brotliDecompressSync(page.rawPayload).toString(), /<title>Konbit<\/title>/);
  });
});
