/*
 * The SMS module's tables: the gateways that post messages, the phone numbers
 * registered to reporters' accounts, every message received (for replay
 * protection, rate limits and the reply given), and the reports the messages
 * became. Times are ISO-8601 UTC text, flags 0/1, JSON as text.
 */

/** A gateway posting SMS to Konbit; its secret is kept only as a sha256 digest. */
export interface SmsGatewaysTable {
  id: string;
  name: string;
  secret_hash: string;
  disabled: number;
  created_by: string | null;
  created_at: string;
}

/** A phone number (E.164) whose messages are incident reports by a Konbit account. */
export interface SmsReportersTable {
  phone: string;
  user_id: string;
  /** Label of the reports and incidents this number sends: PUBLIC | MISSION | RESTRICTED. */
  classification: string;
  /** Organisation codes a RESTRICTED report is released to, JSON array. */
  releasable_to: string;
  /** Admiralty grading of the reporter as a source: A–F and 1–6. */
  reliability: string;
  credibility: number;
  created_by: string | null;
  created_at: string;
}

/** One message from a gateway: its replay key, who sent it (digest only), what was done and answered. */
export interface SmsMessagesTable {
  gateway_id: string;
  /** sha256 of the gateway's message id, or of sender, time and text. */
  digest: string;
  /**
   * sha256 of the normalised sender number, what rate limits count. It keeps the number out of plain
   * sight (logs, exports), not out of reach: a phone number has few enough digits to be found by trying them.
   */
  sender_key: string;
  /** Server time of arrival. */
  received_at: string;
  /** pending | incident | unlocated | free_text | complaint | not_registered | rate_limited */
  action: string;
  /** The replies in ht, fr and en, JSON; empty while pending. */
  replies: string;
  report_id: string | null;
}

/** A report by SMS from a registered number: an incident, or a free-text report awaiting a place. */
export interface SmsReportsTable {
  id: string;
  /** The number given back to the sender, e.g. K-7Q2M9X. */
  reference: string;
  reporter_user_id: string;
  gateway_id: string;
  text: string;
  language: string;
  /** What the parser understood, JSON. */
  parsed: string;
  type: string | null;
  place_name: string | null;
  /** incident (created at once) | unlocated (waits for an analyst) | located (an analyst placed it). */
  status: string;
  incident_id: string | null;
  sent_at: string;
  located_by: string | null;
  located_at: string | null;
  classification: string;
  owner_org_id: string;
  created_at: string;
  updated_at: string;
}

export interface SmsTables {
  sms_gateways: SmsGatewaysTable;
  sms_reporters: SmsReportersTable;
  sms_messages: SmsMessagesTable;
  sms_reports: SmsReportsTable;
}

export type SmsShareableTable = 'sms_reports';
