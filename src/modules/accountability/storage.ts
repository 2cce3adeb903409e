import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * Attachment files live under KONBIT_DATA_DIR/accountability/attachments,
 * outside the web app's folder and served by no static route: only the
 * oversight body's case routes read them, through this module. Names are
 * random ids chosen here; nothing the sender wrote becomes part of a path.
 * Each attachment has two files: the original as received (evidence, for the
 * oversight body) and the copy with its metadata removed.
 */

export type Variant = 'original' | 'clean';

export class AttachmentStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, 'accountability', 'attachments');
  }

  #file(key: string, variant: Variant): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`invalid attachment key ${JSON.stringify(key)}`);
    return path.join(this.root, `${key}.${variant}`);
  }

  /** Writes both variants (each via a temporary file, then a rename) and returns the new key. */
  async put(original: Uint8Array, clean: Uint8Array): Promise<string> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const key = randomUUID();
    for (const [variant, bytes] of [['original', original], ['clean', clean]] as const) {
      const target = this.#file(key, variant);
      const temporary = `${target}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
      await rename(temporary, target);
    }
    return key;
  }

  async read(key: string, variant: Variant): Promise<Buffer> {
    return readFile(this.#file(key, variant));
  }

  /** Removes both variants (when the database refused the record). */
  async remove(key: string): Promise<void> {
    await rm(this.#file(key, 'original'), { force: true });
    await rm(this.#file(key, 'clean'), { force: true });
  }
}
