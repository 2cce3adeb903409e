/*
 * The accountability module's tables: complaints from the public and their
 * handling by the oversight body, the SMS/WhatsApp gateways that bring them
 * in, and the register of persons detained by mission units. Times are
 * ISO-8601 UTC text, flags 0/1, lists JSON text.
 *
 * Complaints carry no releasability label: no organisation owns them and only
 * the oversight body reads them (modules/accountability enforces it). The
 * complainant's contact details live in their own table, read only for the
 * investigators assigned to the case.
 */

export interface ComplaintsTable {
  id: string;
  /** sha256 of the normalised receipt code: the code itself is never stored. */
  receipt_hash: string;
  /** 'web' | 'sms' | 'whatsapp'. */
  channel: string;
  gateway_id: string | null;
  language: string | null;
  /** The complainant's own choice of category, if any. */
  complainant_kind: string | null;
  what: string;
  occurred_when: string;
  occurred_on: string | null;
  place: string;
  lat: number | null;
  lon: number | null;
  accused_contingent: string;
  accused_unit: string;
  accused_vehicle: string;
  accused_description: string;
  status: string;
  outcome: string | null;
  category: string | null;
  severity: string | null;
  concerned_org_id: string | null;
  concerned_unit: string | null;
  /** When the current stage's deadline passes; null once closed. */
  stage_due_at: string | null;
  received_at: string;
  closed_at: string | null;
  updated_at: string;
  illustrative: number;
}

/** Contact details given by the complainant; read only for the assigned investigators. */
export interface ComplaintContactsTable {
  complaint_id: string;
  name: string;
  phone: string;
  email: string;
  preferred: string;
  notes: string;
  created_at: string;
}

/** Information the complainant added later with the receipt code. */
export interface ComplaintAdditionsTable {
  id: string;
  complaint_id: string;
  source: string;
  text: string;
  created_at: string;
}

export interface ComplaintAttachmentsTable {
  id: string;
  complaint_id: string;
  /** The name the sender gave, cleaned for display; never used as a path. */
  original_name: string;
  /** Detected from the content: 'image/jpeg' | 'image/png' | 'application/pdf'. */
  media_type: string;
  size_bytes: number;
  /** sha256 of the file as received (evidence integrity). */
  sha256: string;
  clean_size_bytes: number;
  /** JSON array of what was removed (e.g. "EXIF (APP1)"). */
  metadata_removed: string;
  /** File name under the attachments folder: a random id, nothing the sender chose. */
  stored_key: string;
  created_at: string;
}

export interface ComplaintAssignmentsTable {
  complaint_id: string;
  user_id: string;
  assigned_by: string;
  assigned_at: string;
}

export interface ComplaintNotesTable {
  id: string;
  complaint_id: string;
  author_id: string;
  /** 1: shown to whoever holds the receipt code. */
  to_complainant: number;
  text: string;
  created_at: string;
}

export interface ComplaintReferralsTable {
  id: string;
  complaint_id: string;
  kind: string;
  recipient: string;
  note: string;
  created_by: string;
  created_at: string;
}

export interface ComplaintTransitionsTable {
  id: string;
  complaint_id: string;
  /** 1 for the filing, then one more per move: the order of moves made within the same instant. */
  step: number;
  from_status: string | null;
  to_status: string;
  outcome: string | null;
  reason: string;
  by_user_id: string | null;
  at: string;
}

/** An SMS or WhatsApp gateway allowed to post messages; its secret is kept only as a hash. */
export interface ComplaintGatewaysTable {
  id: string;
  name: string;
  channel: string;
  secret_hash: string;
  disabled: number;
  created_by: string | null;
  created_at: string;
}

/** Digests of messages already taken from a gateway, so that a replay is not filed twice. */
export interface GatewayMessagesTable {
  gateway_id: string;
  digest: string;
  received_at: string;
}

/** A person detained by a mission unit. Shareable (the record); the identity is a separate, RESTRICTED record. */
export interface DetentionsTable {
  id: string;
  classification: string;
  /** The detaining unit's organisation. */
  owner_org_id: string;
  unit: string;
  detained_at: string;
  place: string;
  lat: number | null;
  lon: number | null;
  grounds: string;
  legal_basis: string;
  condition: string;
  /** detained_at plus the handover deadline in force when the detention was recorded. */
  handover_due_at: string;
  handed_over_at: string | null;
  handed_over_to: string | null;
  handover_condition: string | null;
  released_at: string | null;
  release_reason: string | null;
  /** 'held' | 'handed_over' | 'released'. */
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  illustrative: number;
}

/** Who was detained: always RESTRICTED to the detaining organisation and those it names (and the oversight body). */
export interface DetaineeIdentitiesTable {
  /** The detention's id. */
  id: string;
  classification: string;
  owner_org_id: string;
  name: string;
  sex: string;
  age: string;
  description: string;
  identity_document: string;
}

/** One row (id 1): deadlines the oversight body sets. */
export interface AccountabilitySettingsTable {
  id: number;
  handover_deadline_hours: number;
  /** JSON: days per open stage. */
  stage_days: string;
  updated_by: string | null;
  updated_at: string;
}

export interface AccountabilityTables {
  complaints: ComplaintsTable;
  complaint_contacts: ComplaintContactsTable;
  complaint_additions: ComplaintAdditionsTable;
  complaint_attachments: ComplaintAttachmentsTable;
  complaint_assignments: ComplaintAssignmentsTable;
  complaint_notes: ComplaintNotesTable;
  complaint_referrals: ComplaintReferralsTable;
  complaint_transitions: ComplaintTransitionsTable;
  complaint_gateways: ComplaintGatewaysTable;
  gateway_messages: GatewayMessagesTable;
  detentions: DetentionsTable;
  detainee_identities: DetaineeIdentitiesTable;
  accountability_settings: AccountabilitySettingsTable;
}

/** Which of these tables carry a releasability label. */
export type AccountabilityShareableTable = 'detentions' | 'detainee_identities';
