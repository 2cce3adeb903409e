// Puts the first screen's code in index.html's head, so that the browser fetches it while it
// fetches the app's own: `<link rel="modulepreload">` for the map screen's chunks (MapLibre
// among them; the screen is a dynamic import, which Vite does not preload), a style preload for
// their CSS, and a prefetch of MapLibre's worker (a file of its own, started by the map screen's
// code). The screen's code runs only when the app asks for it (App.tsx).
import path from 'node:path';
import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';

type Chunk = Rolldown.OutputChunk;

function isChunk(item: Rolldown.OutputChunk | Rolldown.OutputAsset): item is Chunk {
  return item.type === 'chunk';
}

/** The chunk and every chunk it imports statically, transitively (file names). */
function closure(chunk: Chunk, byFile: Map<string, Chunk>, into = new Set<string>()): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const file of chunk.imports) {
    const imported = byFile.get(file);
    if (imported) closure(imported, byFile, into);
  }
  return into;
}

export function preloadFirstScreen({ screen, worker }: { screen: string; worker: RegExp }): Plugin {
  let base = '/';
  return {
    name: 'konbit-preload-first-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const chunks = Object.values(bundle).filter(isChunk);
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const entry = chunks.find((c) => c.isEntry);
        const first = chunks.find((c) => c.facadeModuleId !== null && path.resolve(c.facadeModuleId) === path.resolve(screen));
        if (!entry || !first) throw new Error(`first screen preload: no chunk for ${entry ? screen : 'the entry'}`);
        const loaded = closure(entry, byFile);
        const files = [...closure(first, byFile)].filter((file) => !loaded.has(file));
        const css = new Set(files.flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]));
        const workerFile = Object.keys(bundle).find((file) => worker.test(file));
        if (!workerFile) throw new Error(`first screen preload: no file matches ${String(worker)}`);
        const tags: HtmlTagDescriptor[] = [
          ...files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + file }, injectTo: 'head' as const })),
          ...[...css].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: base + file }, injectTo: 'head' as const })),
          { tag: 'link', attrs: { rel: 'prefetch', href: base + workerFile }, injectTo: 'head' },
        ];
        return tags;
      },
    },
  };
}
