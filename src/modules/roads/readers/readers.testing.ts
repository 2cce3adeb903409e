import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before } from 'node:test';
import { RoadImportError } from './errors.ts';

/* What the readers' tests share: the fixtures, input cut into pieces, the error a bad file gives. */

/** Absolute path of a file in readers/fixtures. */
export const fixture = (name: string): string => new URL(`fixtures/${name}`, import.meta.url).pathname;

/** A stream of the given text or bytes cut into pieces of `size` bytes, to cross every boundary. */
export function streamOf(text: string | Buffer, size = 7): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces);
}

/** The RoadImportError a read or an import fails with; any other outcome fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<RoadImportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RoadImportError, `expected a RoadImportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the read to fail with a RoadImportError');
}

/**
 * A scratch folder (konbit-PREFIX…) made before the test file's tests and removed after them;
 * `inScratch(name)` is the path of a file in it.
 */
export function scratchFolder(prefix: string): (name: string) => string {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `konbit-${prefix}-`));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return (name) => {
    assert.ok(dir, 'the scratch folder is made before the tests run; call this inside a test');
    return path.join(dir, name);
  };
}
