// Builds the service worker (web/src/sw/service-worker.ts) after the app:
// a classic script of its own (no chunk shared with the app, which a
// service worker could not import), with the list of the build's files to
// store for offline use written in.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { isCompressedCopy } from './compress-build.ts';

const SW_FILE = 'sw.js';

async function filesUnder(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(root, full)));
    else found.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return found;
}

/** The files a device stores to open the app offline: everything built but source maps, the compressed copies (the same files) and the worker itself. */
export async function shellFiles(outDir: string): Promise<string[]> {
  return (await filesUnder(outDir)).filter((file) => file !== SW_FILE && !file.endsWith('.map') && !isCompressedCopy(file)).sort();
}

export function serviceWorker({ entry }: { entry: string }): Plugin {
  let outDir = '';
  return {
    name: 'konbit-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await shellFiles(outDir);
      const digest = createHash('sha256');
      for (const file of files) digest.update(file).update(await readFile(path.join(outDir, file)));
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry, formats: ['iife'], name: 'konbitServiceWorker', fileName: () => SW_FILE },
        },
      });
      const target = path.join(outDir, SW_FILE);
      const code = (await readFile(target, 'utf8'))
        .replace(/(["'`])__KONBIT_PRECACHE__\1/, JSON.stringify(JSON.stringify(files)))
        .replaceAll('__KONBIT_BUILD__', digest.digest('hex').slice(0, 12));
      if (code.includes('__KONBIT_PRECACHE__')) throw new Error('service worker: the precache list was not written in');
      await writeFile(target, code);
    },
  };
}
