/*
 * The ledger module's tables. Money is integer minor units of its currency
 * (cents for USD, whole yen for JPY) in bigint columns, never a float; USD
 * values are integer cents converted at the pledge's stored rate; exchange
 * rates are exact decimal text. Dates are ISO-8601 (YYYY-MM-DD), flags 0/1.
 */

/** A pledge of officers, money or in-kind support by one organisation. Shareable. */
export interface PledgesTable {
  id: string;
  kind: string;
  /** The pledging organisation. */
  organisation_id: string;
  title: string;
  description: string;
  pledged_on: string;
  date_precision: string;
  source_announced_by: string;
  source_title: string;
  source_url: string | null;
  illustrative: number;
  /** Personnel: null when the announcement gave no number. */
  officers: number | null;
  unit_kind: string | null;
  /** Funds: minor units of currency. */
  amount_minor: number | null;
  currency: string | null;
  /** Funds: US dollars per one unit of currency on the pledge date, as exact decimal text. */
  usd_rate: string | null;
  usd_cents: number | null;
  channel: string | null;
  /** In-kind. */
  category: string | null;
  quantity: number | null;
  unit: string | null;
  classification: string;
  /** The organisation that owns the record and its label (the recorder's). */
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A dated fulfilment event; it is seen exactly when its pledge is. */
export interface PledgeEventsTable {
  id: string;
  pledge_id: string;
  kind: string;
  occurred_on: string;
  officers: number | null;
  amount_minor: number | null;
  usd_cents: number | null;
  quantity: number | null;
  over_pledge: number;
  note: string;
  source_announced_by: string | null;
  source_title: string | null;
  source_url: string | null;
  illustrative: number;
  voided_at: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** A milestone of the mandate: assessment, authorisation, deployment, capability, renewal, election. Shareable. */
export interface MandateMilestonesTable {
  id: string;
  kind: string;
  title: string;
  description: string;
  status: string;
  organisation_id: string | null;
  location: string | null;
  /** JSON array of strings. */
  met_with: string;
  resolution: string | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  date_precision: string;
  source_announced_by: string;
  source_title: string;
  source_url: string | null;
  illustrative: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LedgerTables {
  pledges: PledgesTable;
  pledge_events: PledgeEventsTable;
  mandate_milestones: MandateMilestonesTable;
}

/** Which of these tables carry a releasability label. */
export type LedgerShareableTable = 'pledges' | 'mandate_milestones';
