import type { Db } from '../../db/index.ts';
import type { Actor } from '../auth/index.ts';
import { actorForUsername } from './act-as.ts';
import { organisationByCode } from './cases.repo.ts';
import { addNote, addReferral, assignInvestigators, listCases, transitionCase, triageCase } from './cases.service.ts';
import { fileComplaint } from './complaints.service.ts';
import { recordDetention, recordHandover } from './detentions.service.ts';

/*
 * Illustrative accountability records for the demo mission: a few complaints
 * at different stages and three detentions (one handed over in time, one
 * late, one still held past the deadline). Every one is marked illustrative
 * and says so in its text; none names a real contingent as concerned.
 */

const HOUR = 3_600_000;

export async function loadAccountabilityDemo({ db }: { db: Db }): Promise<string> {
  const now = Date.now();
  await fileComplaint({
    db,
    channel: 'web',
    illustrative: true,
    now: new Date(now - 20 * 24 * HOUR),
    input: {
      language: 'ht',
      kind: 'excessive_force',
      what: '[Egzanp] Nan yon baraj sou wout Delmas, yon polisye etranje frape yon chofè taptap ki t ap mande poukisa yo kenbe l.',
      when: 'Madi swa, vè 7è',
      where: { place: 'Delmas 33 (illustrative)', point: { lat: 18.5512, lon: -72.3076 } },
      who: { unit: 'patrol (illustrative)', vehicle: 'white armoured vehicle', description: 'two officers in blue helmets' },
      contact: { phone: '+509 0000 0000', preferred: 'sms' },
    },
  });
  await fileComplaint({
    db,
    channel: 'web',
    illustrative: true,
    now: new Date(now - 3 * 24 * HOUR),
    input: { language: 'fr', kind: 'property_damage', what: '[Exemple] Un véhicule de la mission a renversé l’étal d’une marchande au marché de Pétion-Ville sans s’arrêter.', where: { place: 'Pétion-Ville (illustrative)' } },
  });
  await fileComplaint({
    db,
    channel: 'sms',
    illustrative: true,
    language: null,
    now: new Date(now - 9 * 24 * HOUR),
    input: { what: '[Illustrative] Officers at a checkpoint near Croix-des-Bouquets asked drivers for money to pass.' },
  });

  let oversight: Actor | null = null;
  try {
    oversight = await actorForUsername(db, 'oversight');
  } catch {
    // a database without the demo's oversight account: the complaints stay as received
  }
  if (oversight) {
    const cases = await listCases({ db, actor: oversight, query: { limit: 500 } });
    const target = cases.find((c) => c.receivedAt === new Date(now - 20 * 24 * HOUR).toISOString());
    if (target) {
      await triageCase({ db, actor: oversight, id: target.id, input: { category: 'excessive_force', severity: 'high', concernedUnit: 'patrol (illustrative)' } });
      await assignInvestigators({ db, actor: oversight, id: target.id, input: { usernames: ['oversight'] } });
      await transitionCase({ db, actor: oversight, id: target.id, input: { to: 'under_investigation' } });
      await addReferral({ db, actor: oversight, id: target.id, input: { kind: 'medical', recipient: 'Illustrative clinic, Delmas', note: 'Illustrative referral.' } });
      await addNote({ db, actor: oversight, id: target.id, input: { text: 'Nou resevwa plent ou a epi n ap mennen ankèt. (Illustrative message.)', toComplainant: true } });
    }
  }

  let detentions = 0;
  const ken = await organisationByCode(db, 'KEN');
  if (ken) {
    const base = { grounds: 'caught_in_act' as const, legalBasis: 'Illustrative: arrest in flagrante delicto, to be handed to the HNP at once', classification: 'MISSION' as const, identityReleasableTo: ['HNP'] };
    const onTime = await recordDetention({
      db, actor: null, ownerOrgId: ken.id, illustrative: true, now: new Date(now - 48 * HOUR),
      input: { ...base, unit: 'Illustrative patrol unit', detainedAt: new Date(now - 50 * HOUR).toISOString(), place: 'Route de Delmas (illustrative)', condition: 'No injuries', person: { name: 'Illustrative person A', sex: 'male', age: 'about 25' } },
    });
    await recordHandover({ db, actor: null, id: onTime.id, input: { handedOverAt: new Date(now - 40 * HOUR).toISOString(), handedOverTo: 'Illustrative HNP commissariat, Delmas 33' } });
    const late = await recordDetention({
      db, actor: null, ownerOrgId: ken.id, illustrative: true, now: new Date(now - 96 * HOUR),
      input: { ...base, unit: 'Illustrative checkpoint team', detainedAt: new Date(now - 100 * HOUR).toISOString(), place: 'Carrefour Aéroport (illustrative)', person: { name: 'Illustrative person B', sex: 'female', age: 'about 30' } },
    });
    await recordHandover({ db, actor: null, id: late.id, input: { handedOverAt: new Date(now - 60 * HOUR).toISOString(), handedOverTo: 'Illustrative HNP unit, Tabarre' } });
    await recordDetention({
      db, actor: null, ownerOrgId: ken.id, illustrative: true, now: new Date(now - 30 * HOUR),
      input: { ...base, unit: 'Illustrative quick reaction force', detainedAt: new Date(now - 30 * HOUR).toISOString(), place: 'Croix-des-Bouquets (illustrative)', person: { name: 'Illustrative person C', sex: 'male', age: 'about 40' } },
    });
    detentions = 3;
  }
  return `accountability: 3 illustrative complaints, ${detentions} illustrative detentions`;
}
