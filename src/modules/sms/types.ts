import type { z } from 'zod';
import type { IncidentType, LocationPrecision as Precision } from '../../shared/incidents.ts';

/** The languages an SMS is answered in. */
export type SmsLanguage = 'ht' | 'fr' | 'en';
export const SMS_LANGUAGES: readonly SmsLanguage[] = ['ht', 'fr', 'en'];

export type LocationPrecision = z.infer<typeof Precision>;

/** A place an SMS named, located. */
export interface MatchedPlace {
  /** Neighbourhood id, or the COD-AB P-code of a communal section or commune. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'neighbourhood' | 'section' | 'commune';
  readonly lon: number;
  readonly lat: number;
  readonly precision: LocationPrecision;
}

export interface SmsCounts {
  killed: number;
  injured: number;
  abducted: number;
  displaced: number;
}

/** What the parser understood of one message. */
export interface ParsedSms {
  type: IncidentType | null;
  place: MatchedPlace | null;
  counts: SmsCounts;
  /** People counted without saying what happened to them ("3 moun"), when the type did not say either. */
  people: number | null;
  language: SmsLanguage;
}
