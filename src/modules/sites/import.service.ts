import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { SiteImportOptions, SiteInput, type SiteImportFormat, type SiteImportResult, type SiteImportRowError, type SiteInputParsed } from '../../shared/sites.ts';
import type { Db } from '../../db/index.ts';
import type { SitesTable } from '../../db/tables/sites.ts';
import { appendAudit, listOrganisations, type Actor } from '../auth/index.ts';
import { checkSiteGeometry, type CheckedSiteGeometry } from './geometry.ts';
import { readCsv, readGeoJson } from './import.profiles.ts';
import { adminLookup, ownerOf, siteColumns, writeReleases, type AdminSource } from './sites.service.ts';
import * as repo from './sites.repo.ts';
import { invalidateThreats } from './threat-cache.ts';

/*
 * Importing sites from GeoJSON or CSV. Every row is checked like a site
 * entered by hand; a row that fails is reported with its number, column and
 * reason. All or nothing by default; with mode commit-valid the good rows are
 * written and the bad ones reported. A row whose source id the owner has
 * imported before updates that site instead of adding another, so a file can
 * be imported again when its publisher updates it.
 */

const MAX_ROWS = 20_000;

export interface ImportSitesProps extends AdminSource {
  db: Db;
  /** null for the system (command line, demo), which names the owner. */
  actor: Actor | null;
  format: SiteImportFormat;
  content: string;
  options?: SiteImportOptions;
  ownerCode?: string | undefined;
}

interface CheckedRow {
  row: number;
  parsed: SiteInputParsed;
  shape: CheckedSiteGeometry;
}

function zodErrors(row: number, issues: readonly { path: readonly PropertyKey[]; message: string }[]): SiteImportRowError[] {
  return issues.map((issue) => ({ row, ...(issue.path.length ? { column: issue.path.map(String).join('.') } : {}), reason: issue.message }));
}

/** Checks every row; returns the good ones and the reasons of the others. */
async function checkRows(db: Db, format: SiteImportFormat, content: string, options: ReturnType<typeof SiteImportOptions.parse>) {
  const file = format === 'geojson' ? readGeoJson(content) : readCsv(content);
  if (file.rows.length > MAX_ROWS) throw new AppError('VALIDATION_FAILED', `the file has ${file.rows.length} rows; import at most ${MAX_ROWS} at a time`);
  const known = new Set((await listOrganisations(db)).map((o) => o.code));
  const good: CheckedRow[] = [];
  const rejected: SiteImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const read of file.rows) {
    if ('errors' in read) {
      rejected.push(...read.errors);
      continue;
    }
    const { row, input } = read;
    const source = input.source ?? (options.sourceName ? { name: options.sourceName, url: options.sourceUrl ?? null, externalId: null } : null);
    const merged = {
      kind: options.kind, criticality: options.criticality, classification: options.classification, releasableTo: options.releasableTo, illustrative: options.illustrative,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      source: source && !source.name ? { ...source, name: options.sourceName ?? `${file.profile} import` } : source,
    };
    const parsed = SiteInput.safeParse(merged);
    if (!parsed.success) {
      rejected.push(...zodErrors(row, parsed.error.issues));
      continue;
    }
    const unknown = parsed.data.releasableTo.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      rejected.push({ row, column: 'releasableTo', value: unknown.join(','), reason: `unknown organisation ${unknown.join(', ')}` });
      continue;
    }
    let shape: CheckedSiteGeometry;
    try {
      shape = checkSiteGeometry(parsed.data.geometry, `row ${row}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rejected.push({ row, column: 'geometry', reason: error.message });
      continue;
    }
    const ref = parsed.data.source?.externalId;
    if (ref) {
      const earlier = seen.get(ref);
      if (earlier !== undefined) {
        rejected.push({ row, column: 'externalId', value: ref, reason: `repeats row ${earlier}, which has the same source id` });
        continue;
      }
      seen.set(ref, row);
    }
    good.push({ row, parsed: parsed.data, shape });
  }
  return { profile: file.profile, good, rejected };
}

/** Whether an import would change a site: its own columns, ids and bookkeeping aside. */
function differs(before: SitesTable, after: ReturnType<typeof siteColumns>): boolean {
  return (Object.keys(after) as (keyof typeof after)[]).some((key) => {
    const a = before[key], b = after[key];
    return typeof b === 'number' ? Math.abs(Number(a) - b) > 1e-9 : a !== b;
  });
}

export async function importSites(props: ImportSitesProps): Promise<SiteImportResult> {
  const { db, actor, format, content, ownerCode } = props;
  const options = SiteImportOptions.parse(props.options ?? {});
  const { profile, good, rejected } = await checkRows(db, format, content, options);
  if (options.mode === 'all-or-nothing' && rejected.length > 0) {
    const count = rejected.length;
    throw new AppError('VALIDATION_FAILED', `${count} row${count > 1 ? 's were' : ' was'} rejected, so nothing was imported: fix ${count > 1 ? 'them' : 'it'}, or import with mode commit-valid to keep the valid rows (${rejected.slice(0, 3).map((r) => `row ${r.row}${r.column ? ` ${r.column}` : ''}: ${r.reason}`).join('; ')}${count > 3 ? '; …' : ''})`, { rejected });
  }
  const admin = await adminLookup(props);
  const ownerId = await ownerOf(db, actor, ownerCode);
  const counts = await db.transaction().execute(async (trx) => {
    const refs = good.flatMap((g) => (g.parsed.source?.externalId ? [g.parsed.source.externalId] : []));
    const existing = new Map((await repo.byExternalRefs(trx, ownerId, refs)).map((row) => [row.external_ref!, row]));
    const now = new Date().toISOString();
    const inserts: SitesTable[] = [];
    const created: string[] = [];
    const updated: string[] = [];
    let unchanged = 0;
    for (const { parsed, shape } of good) {
      const columns = siteColumns(parsed, shape, admin);
      const before = columns.external_ref ? existing.get(columns.external_ref) : undefined;
      if (before && !differs(before, columns)) {
        unchanged += 1;
        continue;
      }
      if (before) {
        await repo.update(trx, before.id, { ...columns, version: before.version + 1, updated_at: now });
        await writeReleases(trx, 'sites', before.id, parsed.classification, parsed.releasableTo);
        updated.push(before.id);
        continue;
      }
      const row: SitesTable = { id: randomUUID(), ...columns, version: 1, owner_org_id: ownerId, created_by: actor?.userId ?? null, created_at: now, updated_at: now };
      inserts.push(row);
      created.push(row.id);
      if (parsed.classification === 'RESTRICTED') await writeReleases(trx, 'sites', row.id, parsed.classification, parsed.releasableTo);
    }
    await repo.insert(trx, inserts);
    await appendAudit(trx, { actor, action: 'import', entityType: 'site', entityId: null, details: { format, profile, created, updated, unchanged, rejected: rejected.length } });
    return { created: created.length, updated: updated.length, unchanged };
  });
  invalidateThreats();
  return { profile, ...counts, rejected };
}
