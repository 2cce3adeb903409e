// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the build, compressed
// once at the highest levels, which the server sends as they are (@fastify/static's
// `preCompressed`) instead of compressing MapLibre's megabyte again for every cold visit.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:m?js|css|html|svg|json|webmanifest)$/;
/** Smaller files gain nothing worth a second request path. */
const SMALLEST = 1024;

/** Whether a file of the build is one of the compressed copies written here. */
export const isCompressedCopy = (file: string): boolean => /\.(?:br|gz)$/.test(file);

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'konbit-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = await readFile(full);
          if (content.length < SMALLEST) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            promisify(gzip)(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${full}.br`, br), writeFile(`${full}.gz`, gz)]);
        }),
      );
    },
  };
}
