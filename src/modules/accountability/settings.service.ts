import { AccountabilitySettings, SettingsInput } from '../../shared/accountability.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { requireOversight } from './accountability.policy.ts';
import { readSettings, writeSettings } from './detentions.repo.ts';

/** The deadlines in force: handover of detainees, and days per open stage of a case. */
export async function getSettings(db: Db): Promise<AccountabilitySettings> {
  const row = await readSettings(db);
  return AccountabilitySettings.parse({ handoverDeadlineHours: row.handover_deadline_hours, stageDays: JSON.parse(row.stage_days) });
}

/** Changes deadlines (oversight body only). New deadlines apply to detentions recorded and stages entered from now on. */
export async function updateSettings({ db, actor, input }: { db: Db; actor: Actor | null; input: SettingsInput }): Promise<AccountabilitySettings> {
  const by = await requireOversight(db, actor);
  const parsed = SettingsInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    const after = AccountabilitySettings.parse({
      handoverDeadlineHours: parsed.handoverDeadlineHours ?? before.handoverDeadlineHours,
      stageDays: { ...before.stageDays, ...parsed.stageDays },
    });
    await writeSettings(trx, { handover_deadline_hours: after.handoverDeadlineHours, stage_days: JSON.stringify(after.stageDays), updated_by: by.userId, updated_at: new Date().toISOString() });
    await appendAudit(trx, { actor: by, action: 'update', entityType: 'accountability_settings', entityId: '1', details: { before, after } });
    return after;
  });
}
