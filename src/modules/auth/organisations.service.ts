import { randomUUID } from 'node:crypto';
import { MISSION_MEMBER_KINDS } from '../../shared/access.ts';
import { Organisation, OrganisationInput } from '../../shared/auth.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../db/index.ts';
import type { OrganisationsTable } from '../../db/schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import * as repo from './auth.repo.ts';

export function presentOrganisation(row: OrganisationsTable): Organisation {
  return Organisation.parse({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    iso3: row.iso3,
    isLeadNation: row.is_lead_nation === 1,
    isMissionMember: row.is_mission_member === 1,
  });
}

export interface CreateOrganisationProps {
  db: Db;
  /** null when the system itself seeds data. */
  actor: Actor | null;
  input: OrganisationInput;
}

export async function createOrganisation({ db, actor, input }: CreateOrganisationProps): Promise<Organisation> {
  const parsed = OrganisationInput.parse(input);
  return db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationByCode(trx, parsed.code)) {
      throw new AppError('CONFLICT', `an organisation with code ${parsed.code} exists already`);
    }
    const row: OrganisationsTable = {
      id: randomUUID(),
      code: parsed.code,
      name: parsed.name,
      kind: parsed.kind,
      iso3: parsed.iso3,
      is_lead_nation: parsed.isLeadNation ? 1 : 0,
      is_mission_member: (parsed.isMissionMember ?? MISSION_MEMBER_KINDS.includes(parsed.kind)) ? 1 : 0,
      created_at: new Date().toISOString(),
    };
    await repo.insertOrganisation(trx, row);
    await appendAudit(trx, { actor, action: 'create', entityType: 'organisation', entityId: row.id, details: { after: row } });
    return presentOrganisation(row);
  });
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return (await repo.listOrganisations(db)).map(presentOrganisation);
}

/**
 * Turns organisation codes (as users write them) into ids, or fails naming
 * every unknown code and the field it came from.
 */
export async function organisationIdsForCodes(db: Db, codes: readonly string[], field = 'releasableTo'): Promise<string[]> {
  const unique = [...new Set(codes)];
  const rows = await repo.organisationsByCodes(db, unique);
  const idByCode = new Map(rows.map((r) => [r.code, r.id]));
  const unknown = unique.filter((code) => !idByCode.has(code));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `unknown organisation ${unknown.join(', ')} in ${field}`, [{ path: field, message: `unknown organisation code: ${unknown.join(', ')}` }]);
  }
  return unique.map((code) => idByCode.get(code)!);
}
