import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jpegWithGps, pngWithText } from './accountability.testing.ts';
import { MediaError, displayName, sniffMediaType, stripMetadata } from './media.ts';

function contains(haystack: Uint8Array, needle: string | Uint8Array): boolean {
  return Buffer.from(haystack).includes(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle));
}

describe('attachment media', () => {
  test('a JPEG with EXIF GPS, XMP and a comment comes out without them, pixels untouched', () => {
    const original = jpegWithGps();
    assert.ok(contains(original, 'Exif') && contains(original, 'KBCAM') && contains(original, 'complainant'));
    const gpsLatitude = Buffer.from([0, 0, 0, 18, 0, 0, 0, 1, 0, 0, 0, 33, 0, 0, 0, 1]);
    assert.ok(contains(original, gpsLatitude));
    assert.equal(sniffMediaType(original), 'image/jpeg');
    const { bytes, removed } = stripMetadata('image/jpeg', original);
    assert.deepEqual(removed, ['JFIF (APP0)', 'EXIF (APP1)', 'XMP (APP1)', 'comment (COM)']);
    for (const trace of ['Exif', 'KBCAM', 'complainant', 'Jean', 'JFIF']) assert.ok(!contains(bytes, trace), `${trace} is gone`);
    assert.ok(!contains(bytes, gpsLatitude));
    // What is left is exactly the image without metadata: the same as a JPEG built without any.
    const bare = jpegWithGps({ withMetadata: false });
    const { bytes: bareStripped } = stripMetadata('image/jpeg', bare);
    assert.deepEqual(Buffer.from(bytes), Buffer.from(bareStripped));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xd8]);
    assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9]);
  });

  test('data hidden after the end of a JPEG is dropped', () => {
    const withTrailer = Buffer.concat([jpegWithGps(), Buffer.from('PK\u0003\u0004secret.zip')]);
    const { bytes, removed } = stripMetadata('image/jpeg', withTrailer);
    assert.ok(!contains(bytes, 'secret'));
    assert.ok(removed.some((r) => r.includes('after the end')));
  });

  test('a PNG loses its text and time chunks and keeps its image', () => {
    const original = pngWithText();
    assert.equal(sniffMediaType(original), 'image/png');
    const { bytes, removed } = stripMetadata('image/png', original);
    assert.deepEqual(removed, ['PNG tEXt', 'PNG tIME']);
    assert.ok(!contains(bytes, 'Marie') && !contains(bytes, 'GPS'));
    for (const kept of ['IHDR', 'IDAT', 'IEND']) assert.ok(contains(bytes, kept));
  });

  test('the type comes from the content, not the name', () => {
    assert.equal(sniffMediaType(Buffer.from('<html><script>alert(1)</script></html>')), null);
    assert.equal(sniffMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')), null);
    assert.equal(sniffMediaType(Buffer.from('MZ\x90\x00 executable')), null);
    assert.equal(sniffMediaType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffMediaType(Buffer.alloc(0)), null);
  });

  test('damaged images are refused, not passed through', () => {
    const jpeg = jpegWithGps();
    assert.throws(() => stripMetadata('image/jpeg', jpeg.subarray(0, 40)), MediaError);
    assert.throws(() => stripMetadata('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x00])), MediaError);
    assert.throws(() => stripMetadata('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9])), /no image frame/);
    const png = pngWithText();
    assert.throws(() => stripMetadata('image/png', png.subarray(0, 30)), MediaError);
    const huge = Buffer.from(png);
    huge.writeUInt32BE(0x7fffffff, 8);
    assert.throws(() => stripMetadata('image/png', huge), MediaError);
  });

  test('file names are shown without folders or control characters', () => {
    assert.equal(displayName('../../etc/passwd'), 'passwd');
    assert.equal(displayName('..\\..\\windows\\win.ini'), 'win.ini');
    assert.equal(displayName('%2e%2e%2f%2e%2e%2fsecret.jpg'), 'secret.jpg');
    assert.equal(displayName('photo\u0000.jpg\u202e'), 'photo.jpg');
    assert.equal(displayName('.hidden'), 'hidden');
    assert.equal(displayName(undefined), 'attachment');
    assert.equal(displayName('a'.repeat(500)).length, 120);
  });
});
