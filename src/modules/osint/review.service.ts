import { AppError, notFound } from '../../shared/errors.ts';
import { ProposalAccept, ProposalEdit, ProposalReject, type Proposal, type ProposalKind, type ProposalStatus } from '../../shared/osint.ts';
import type { Db } from '../../db/index.ts';
import { appendAudit, type Actor } from '../auth/index.ts';
import { createMilestone, createPledge } from '../ledger/index.ts';
import { reportIncident, streamBus } from '../incidents/index.ts';
import { joinTransaction } from './join-transaction.ts';
import { assertMayDecide } from './osint.policy.ts';
import { presentProposals } from './present.ts';
import * as repo from './proposals.repo.ts';
import { defaultCredibility, gradedOutlets, incidentInput, milestoneInput, pledgeInput } from './records.ts';

/*
 * The review queue. Nothing reaches the ledger or the incidents without an
 * analyst: accepting writes the record through the ledger's or the incidents'
 * own service, in the same transaction that marks the proposal accepted, with
 * the articles as its graded sources. Every decision names the version the
 * analyst read, so two analysts cannot both decide one proposal.
 */

export interface ListProposalsProps {
  db: Db;
  status?: ProposalStatus | undefined;
  kind?: ProposalKind | undefined;
  storyId?: string | undefined;
  articleId?: string | undefined;
  limit?: number;
}

export async function listProposals({ db, status, kind, storyId, articleId, limit = 200 }: ListProposalsProps): Promise<Proposal[]> {
  return presentProposals(db, await repo.list(db, { status, kind, storyId, articleId, limit }));
}

export async function getProposal({ db, id }: { db: Db; id: string }): Promise<Proposal> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('proposal');
  return (await presentProposals(db, [row]))[0]!;
}

/** The proposal as read in the transaction, pending and at the version given, or why not. */
async function pendingAt(trx: Db, id: string, version: number): Promise<Proposal> {
  const proposal = await getProposal({ db: trx, id });
  if (proposal.status !== 'pending') throw new AppError('CONFLICT', `this proposal was ${proposal.status} already${proposal.decidedAt ? ` (${proposal.decidedAt})` : ''}: reload the queue`);
  if (proposal.version !== version) {
    throw new AppError('CONFLICT', `the proposal changed since you read it (you sent version ${version}, it is now at version ${proposal.version}): reload it and decide again`, { currentVersion: proposal.version });
  }
  return proposal;
}

async function applyOrConflict(trx: Db, id: string, version: number, values: Parameters<typeof repo.updateIfCurrent>[3]): Promise<void> {
  if (!(await repo.updateIfCurrent(trx, id, version, values))) throw new AppError('CONFLICT', 'another analyst decided or edited this proposal at the same moment: reload it');
}

export async function editProposal({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: ProposalEdit }): Promise<Proposal> {
  assertMayDecide(actor);
  const { version, draft } = ProposalEdit.parse(input);
  await db.transaction().execute(async (trx) => {
    const before = await pendingAt(trx, id, version);
    if (draft.kind !== before.kind) throw new AppError('VALIDATION_FAILED', `invalid input: draft.kind: a ${before.kind} proposal stays a ${before.kind}; reject it and record the other kind yourself`, [{ path: 'draft.kind', message: `must be ${before.kind}` }]);
    await applyOrConflict(trx, id, version, { draft: JSON.stringify(draft), updated_at: new Date().toISOString() });
    await appendAudit(trx, { actor, action: 'edit', entityType: 'news_proposal', entityId: id, details: { before: before.draft, after: draft } });
  });
  return getProposal({ db, id });
}

export async function rejectProposal({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: ProposalReject }): Promise<Proposal> {
  assertMayDecide(actor);
  const { version, reason } = ProposalReject.parse(input);
  await db.transaction().execute(async (trx) => {
    await pendingAt(trx, id, version);
    const now = new Date().toISOString();
    await applyOrConflict(trx, id, version, { status: 'rejected', decided_by: actor.userId, decided_at: now, decision_note: reason, updated_at: now });
    await appendAudit(trx, { actor, action: 'reject', entityType: 'news_proposal', entityId: id, details: { reason } });
  });
  return getProposal({ db, id });
}

export interface AcceptResult {
  proposal: Proposal;
  record: { type: 'pledge' | 'milestone' | 'incident'; id: string };
}

export async function acceptProposal({ db, actor, id, input }: { db: Db; actor: Actor | null; id: string; input: ProposalAccept }): Promise<AcceptResult> {
  assertMayDecide(actor);
  const { version, classification, releasableTo, credibility: given, note } = ProposalAccept.parse(input);
  const label = { classification, releasableTo };
  const record = await db.transaction().execute(async (trx) => {
    const proposal = await pendingAt(trx, id, version);
    const credibility = given ?? defaultCredibility(proposal.sources);
    const inner = joinTransaction(trx);
    const draft = proposal.draft;
    let created: AcceptResult['record'];
    switch (draft.kind) {
      case 'personnel':
      case 'funds':
      case 'in_kind':
        created = { type: 'pledge', id: (await createPledge({ db: inner, actor, input: pledgeInput(draft, proposal.sources, label, credibility) })).id };
        break;
      case 'milestone':
        created = { type: 'milestone', id: (await createMilestone({ db: inner, actor, input: milestoneInput(draft, proposal.sources, label, credibility) })).id };
        break;
      case 'incident':
        created = { type: 'incident', id: (await reportIncident({ db: inner, actor, input: incidentInput(draft, proposal.sources, label, credibility) })).incident.id };
        break;
    }
    const now = new Date().toISOString();
    await applyOrConflict(trx, id, version, {
      status: 'accepted', record_type: created.type, record_id: created.id, credibility, decided_by: actor.userId, decided_at: now, decision_note: note ?? null, updated_at: now,
    });
    await appendAudit(trx, {
      actor, action: 'accept', entityType: 'news_proposal', entityId: id,
      details: { record: created, sources: gradedOutlets(proposal.sources), credibility, articles: proposal.sources.map((s) => s.articleId) },
    });
    return created;
  });
  // The incident's stream event was written inside our transaction: wake the stream now that it is committed.
  if (record.type === 'incident') streamBus.wake();
  return { proposal: await getProposal({ db, id }), record };
}
