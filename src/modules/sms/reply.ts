import type { IncidentType } from '../../shared/incidents.ts';
import type { ParsedSms, SmsCounts, SmsLanguage } from './types.ts';

/*
 * The replies the gateway sends back: one SMS (at most 160 characters) in the
 * sender's language, saying what Konbit understood, so that a wrong reading
 * is caught by the one person who knows.
 */

export type Replies = Record<SmsLanguage, string>;

export const SMS_LIMIT = 160;

const TYPE_WORDS: Record<IncidentType, Replies> = {
  kidnapping: { ht: 'kidnapin', fr: 'enlèvement', en: 'kidnapping' },
  killing: { ht: 'asasina', fr: 'meurtre', en: 'killing' },
  armed_clash: { ht: 'fiziyad', fr: 'affrontement', en: 'armed clash' },
  attack_on_police: { ht: 'atak sou polis', fr: 'attaque contre la police', en: 'attack on police' },
  looting: { ht: 'piyay', fr: 'pillage', en: 'looting' },
  arson: { ht: 'dife', fr: 'incendie', en: 'arson' },
  sexual_violence: { ht: 'vyòl', fr: 'violence sexuelle', en: 'sexual violence' },
  organ_trafficking: { ht: 'trafik ògàn', fr: 'trafic d’organes', en: 'organ trafficking' },
  roadblock: { ht: 'barikad', fr: 'barrage', en: 'roadblock' },
  attack_on_infrastructure: { ht: 'atak sou enfrastrikti', fr: 'attaque d’infrastructure', en: 'attack on infrastructure' },
  displacement: { ht: 'deplasman', fr: 'déplacement', en: 'displacement' },
  protest: { ht: 'manifestasyon', fr: 'manifestation', en: 'protest' },
  other: { ht: 'lòt', fr: 'autre', en: 'other' },
};

const COUNT_WORDS: Record<keyof SmsCounts | 'people', Replies> = {
  killed: { ht: 'mò', fr: 'morts', en: 'killed' },
  injured: { ht: 'blese', fr: 'blessés', en: 'injured' },
  abducted: { ht: 'kidnape', fr: 'enlevés', en: 'abducted' },
  displaced: { ht: 'deplase', fr: 'déplacés', en: 'displaced' },
  people: { ht: 'moun', fr: 'personnes', en: 'people' },
};

const each = (build: (language: SmsLanguage) => string): Replies => ({ ht: build('ht'), fr: build('fr'), en: build('en') });

/** Shortens a text to fit, marking the cut. */
function fit(text: string, limit = SMS_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function understood(parsed: ParsedSms, language: SmsLanguage, placeRoom: number): string {
  const parts: string[] = [];
  if (parsed.type) parts.push(TYPE_WORDS[parsed.type][language]);
  if (parsed.place) parts.push(fit(parsed.place.name, placeRoom));
  for (const field of ['killed', 'injured', 'abducted', 'displaced'] as const) {
    if (parsed.counts[field] > 0) parts.push(`${parsed.counts[field]} ${COUNT_WORDS[field][language]}`);
  }
  if (parsed.people) parts.push(`${parsed.people} ${COUNT_WORDS.people[language]}`);
  return parts.join(', ');
}

/** The reply to a report that became an incident, or waits in the queue for a place. */
export function reportReplies(parsed: ParsedSms, reference: string): Replies {
  return each((language) => {
    const what = understood(parsed, language, 40);
    const lead = { ht: 'Mèsi. Nou resevwa', fr: 'Merci. Reçu', en: 'Thank you. Received' }[language];
    const number = { ht: 'Nimewo', fr: 'Numéro', en: 'Number' }[language];
    const unplaced = parsed.place
      ? ''
      : { ht: ' Nou pa jwenn kote a: yon analis ap chèche l.', fr: ' Lieu non reconnu : un analyste le cherchera.', en: ' Place not recognised: an analyst will locate it.' }[language];
    const body = what ? `${lead}${language === 'fr' ? ' :' : ':'} ${what}.` : `${lead}.`;
    return fit(`${body}${unplaced} ${number}${language === 'fr' ? ' :' : ':'} ${reference}`);
  });
}

export const NOT_REGISTERED: Replies = {
  ht: 'Nimewo sa a pa anrejistre pou voye rapò. Mande chèf ou anrejistre l nan Konbit.',
  fr: 'Ce numéro n’est pas enregistré pour les signalements. Demandez à votre responsable de l’enregistrer dans Konbit.',
  en: 'This number is not registered for reports. Ask your supervisor to register it in Konbit.',
};

export const RATE_LIMITED = (perHour: number): Replies => ({
  ht: `Twòp mesaj: ${perHour} pa èdtan maksimòm. Tann yon ti tan epi voye ankò.`,
  fr: `Trop de messages : ${perHour} par heure au plus. Attendez avant de renvoyer.`,
  en: `Too many messages: at most ${perHour} an hour. Please wait before sending again.`,
});

export function complaintReplies(receipt: string): Replies {
  return {
    ht: `Nou resevwa plent ou. Kòd ou: ${receipt}. Kenbe l pou swiv plent lan.`,
    fr: `Plainte reçue. Votre code : ${receipt}. Gardez-le pour suivre la plainte.`,
    en: `Complaint received. Your code: ${receipt}. Keep it to follow the complaint.`,
  };
}
