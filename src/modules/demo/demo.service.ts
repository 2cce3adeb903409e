import { randomBytes } from 'node:crypto';
import { migrateToLatest, migrator, type Db } from '../../db/index.ts';
import { loadAccountabilityDemo } from '../accountability/index.ts';
import { createOrganisation, createUser } from '../auth/index.ts';
import { loadDemoIncidents } from '../incidents/index.ts';
import { loadLedgerDemo } from '../ledger/index.ts';
import { loadRoadsDemo } from '../roads/index.ts';
import { loadSitesDemo } from '../sites/index.ts';
import { loadTrainingDemo } from '../training/index.ts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './organisations.ts';

export interface DemoProps {
  db: Db;
  /** The demo accounts' password; generated when null. */
  password: string | null;
  /** Folder of public datasets, or null when none is available. */
  datasetsDir: string | null;
  log?: (line: string) => void;
}

/** What each module's demo loader receives; it returns a line saying what it loaded. */
export interface DemoStepProps {
  db: Db;
  datasetsDir: string | null;
}
type DemoStep = (props: DemoStepProps) => Promise<string>;

/** Each module's demo loader, in dependency order. */
const DEMO_STEPS: DemoStep[] = [loadLedgerDemo, loadDemoIncidents, loadRoadsDemo, loadAccountabilityDemo, loadSitesDemo, loadTrainingDemo];

export interface DemoResult {
  password: string;
  generated: boolean;
  usernames: string[];
}

/** Whether the database holds no organisation yet: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Loads the demo mission into an empty database. */
export async function seedDemo({ db, password, datasetsDir, log = () => {} }: DemoProps): Promise<DemoResult> {
  const demoPassword = password ?? randomBytes(12).toString('base64url');
  for (const organisation of DEMO_ORGANISATIONS) await createOrganisation({ db, actor: null, input: organisation });
  for (const user of DEMO_USERS) await createUser({ db, actor: null, input: { ...user, password: demoPassword } });
  log(`demo: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_USERS.length} users`);
  for (const step of DEMO_STEPS) log(`demo: ${await step({ db, datasetsDir })}`);
  return { password: demoPassword, generated: password === null, usernames: DEMO_USERS.map((u) => u.username) };
}

/** Empties the database (every migration down, then up) and loads the demo. */
export async function resetToDemo(props: DemoProps): Promise<DemoResult> {
  const down = migrator(props.db);
  for (;;) {
    const { error, results } = await down.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) break;
  }
  await migrateToLatest(props.db);
  return seedDemo(props);
}
