import { IN_KIND_CATEGORIES } from '../../shared/ledger.ts';
import { INCIDENT_TYPES } from '../../shared/incidents.ts';
import { AppError } from '../../shared/errors.ts';
import type { Credibility, Proposal, ProposalDraft, Reliability } from '../../shared/osint.ts';
import type { IncidentInput } from '../../shared/incidents.ts';
import type { MilestoneInput, PledgeInput, Source } from '../../shared/ledger.ts';

/*
 * From an accepted proposal to the input of the ledger's or the incidents'
 * own service: the draft as the analyst left it, the article(s) as its
 * graded source, and the label the analyst chose.
 */

type Sources = Proposal['sources'];
type Label = { classification: 'PUBLIC' | 'MISSION' | 'RESTRICTED'; releasableTo: string[] };

const GRADE_ORDER = 'ABCDEF';

/** The best-graded source first (A before F), the earliest article breaking ties. */
function bestFirst(sources: Sources): Sources {
  return [...sources].sort((a, b) => GRADE_ORDER.indexOf(a.reliability) - GRADE_ORDER.indexOf(b.reliability) || a.publishedOn.localeCompare(b.publishedOn));
}

/** "Qonversations [C], Caribbean Times [F]": every outlet with its grade. */
export function gradedOutlets(sources: Sources): string {
  return bestFirst(sources).map((s) => `${s.outlet} [${s.reliability}]`).join(', ');
}

/** Admiralty credibility by default: 2 (probably true) when two outlets or more carry it, else 3 (possibly true). */
export function defaultCredibility(sources: Sources): Credibility {
  return new Set(sources.map((s) => s.outlet)).size >= 2 ? 2 : 3;
}

function describe(sources: Sources, credibility: Credibility): string {
  const quotes = bestFirst(sources).map((s) => `${s.outlet} [${s.reliability}], ${s.publishedOn}, "${s.title}": ${s.quote}`);
  return `From the news (Admiralty credibility ${credibility}). ${quotes.join('\n')}`.slice(0, 4900);
}

function ledgerSource(draft: { announcedBy?: string | null }, sources: Sources): Source {
  const best = bestFirst(sources)[0];
  if (!best) throw new AppError('CONFLICT', 'this proposal has no source article left: it cannot be accepted');
  const reported = `reported by ${gradedOutlets(sources)}`;
  const announcedBy = draft.announcedBy ? `${draft.announcedBy} (${reported})` : `News report (${reported})`;
  return { announcedBy: announcedBy.slice(0, 200), title: best.title.slice(0, 300), url: best.url, illustrative: false };
}

const needs = (path: string, message: string) => new AppError('VALIDATION_FAILED', `invalid input: ${path}: ${message}: edit the proposal first`, [{ path: `draft.${path}`, message }]);

export function pledgeInput(draft: Extract<ProposalDraft, { kind: 'personnel' | 'funds' | 'in_kind' }>, sources: Sources, label: Label, credibility: Credibility): PledgeInput {
  if (!draft.organisation) throw needs('organisation', 'name the pledging organisation');
  if (!draft.pledgedOn) throw needs('pledgedOn', 'give the date of the pledge');
  const common = {
    organisation: draft.organisation, title: draft.title, description: describe(sources, credibility), pledgedOn: draft.pledgedOn, datePrecision: draft.datePrecision,
    source: ledgerSource(draft, sources), ...label,
  };
  switch (draft.kind) {
    case 'personnel':
      return { kind: 'personnel', ...common, officers: draft.officers, unitKind: draft.unitKind };
    case 'funds':
      if (!draft.amount || !draft.currency) throw needs('amount', 'the article gives no amount; give the amount and currency');
      return { kind: 'funds', ...common, amount: draft.amount, currency: draft.currency, ...(draft.usdRate ? { usdRate: draft.usdRate } : {}), channel: draft.channel };
    case 'in_kind':
      return { kind: 'in_kind', ...common, title: draft.title || IN_KIND_CATEGORIES[draft.category].en, category: draft.category, quantity: draft.quantity, unit: draft.unit };
  }
}

export function milestoneInput(draft: Extract<ProposalDraft, { kind: 'milestone' }>, sources: Sources, label: Label, credibility: Credibility): MilestoneInput {
  return {
    kind: draft.milestoneKind, title: draft.title, description: describe(sources, credibility), status: draft.status, organisation: draft.organisation, location: draft.location,
    metWith: draft.metWith, resolution: draft.resolution, plannedStart: draft.plannedStart, actualStart: draft.actualStart, datePrecision: draft.datePrecision,
    source: ledgerSource({}, sources), ...label,
  };
}

export function incidentInput(draft: Extract<ProposalDraft, { kind: 'incident' }>, sources: Sources, label: Label, credibility: Credibility): IncidentInput {
  if (!draft.place) throw needs('place', 'give where it happened (a place with its coordinates)');
  if (!draft.occurredOn) throw needs('occurredOn', 'give the date it happened');
  return {
    type: draft.type,
    title: draft.title || `${INCIDENT_TYPES[draft.type].labels.en} in ${draft.place.name}`,
    description: describe(sources, credibility),
    // Noon in Haiti (UTC-5): a day-precise date stays on its day in every time zone of the mission.
    occurredAt: `${draft.occurredOn}T12:00:00-05:00`,
    occurredPrecision: draft.occurredPrecision,
    location: { lon: draft.place.lon, lat: draft.place.lat, precision: draft.place.precision, placeName: draft.place.name },
    actors: draft.actors.map((a) => ({ name: a.name, role: 'perpetrator' as const, kind: a.kind })),
    counts: draft.counts,
    sources: bestFirst(sources).slice(0, 20).map((s) => ({
      name: s.outlet.slice(0, 200), ...(s.url ? { url: s.url } : {}), reliability: s.reliability as Reliability, credibility, reportedAt: `${s.publishedOn}T12:00:00-05:00`,
    })),
    tags: ['news'],
    ...label,
  };
}
