// One Konbit instance in a process of its own, for the multi-instance test: buildApp over the
// PostgreSQL schema given as JSON in argv[2] ({ url, searchPath }), listening on a free loopback
// port. Over the IPC channel it tells its port, answers 'stats' with its fan-out figures and
// closes on 'close'.
import { createDb } from '../../src/db/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { fanoutStats } from '../../src/server/fanout.ts';
import { testConfig } from '../../src/server/testing.ts';

const { url, searchPath } = JSON.parse(process.argv[2] ?? '{}') as { url: string; searchPath?: string };
const db = createDb({ url, ...(searchPath ? { searchPath } : {}), poolSize: 4 });
const app = await buildApp(testConfig(), { db });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as { port: number }).port;

process.on('message', (message) => {
  if (message === 'stats') process.send!({ stats: fanoutStats });
  if (message === 'close') {
    void (async () => {
      await app.close();
      await db.destroy();
      process.exit(0);
    })();
  }
});
process.send!({ port });
