/*
 * Page furniture: what a scraped page carries around its article. Image
 * captions and credits ("shutterstock 288169154 Large"), a place line under
 * a picture ("Nairobi, Kenya"), section labels ("Global Affairs"), share
 * buttons, and the "More from …" list of other stories whose titles are not
 * about this one ("power outage in Ecuador"). Works on paragraphs, for plain
 * text and for the paragraphs Readability kept from a page alike.
 */

/** A heading that starts the list of other stories: it and everything after it go. */
const RELATED_MARKER = /^(?:more from\b|more stories\b|related(?: stories| articles| posts| news| coverage)?\s*:?$|read (?:more|also|next)\b|you (?:may|might) also like|recommended(?: for you| stories)?$|most (?:read|popular)$|latest (?:news|stories)$|trending(?: now)?$|also in\b|further reading|lire aussi|à lire aussi|a lire aussi|sur le même sujet|dans la même rubrique|les plus lus|plus d'articles|li tou|lòt atik|te puede interesar|más noticias|noticias relacionadas|lee también)/i;
const SHARE = /^(?:share(?: this(?: article| story)?)?|tweet|email|e-mail|print|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|partager|imprimer|pataje|compartir|follow us|suivez-nous|subscribe|s'abonner|newsletter)(?:\s*[|·•/]\s*\S+)*\s*$/i;
const CREDIT = /\b(?:shutterstock|getty ?images|afp|reuters|ap photo|associated press|efe|photo\s*:|photo\s*©|crédit|credit|courtesy|file photo|image\s*:|illustration|©)/i;
const SENTENCE_END = /[.!?…"”»)]$/;

export interface Furniture {
  /** The paragraphs of the article proper. */
  readonly paragraphs: string[];
  /** What was dropped, for the analyst to check. */
  readonly dropped: string[];
  /** The publisher, when the furniture names it ("More from Qonversations"). */
  readonly outletHint: string | null;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Tokens made of digits and hex, like an image file's name or an id. */
function isIdLine(text: string): boolean {
  const tokens = words(text);
  const ids = tokens.filter((t) => /\d/.test(t) && /^[\w-]+$/.test(t));
  return tokens.length > 0 && ids.length / tokens.length >= 0.4;
}

/** Whether a paragraph is furniture rather than article text. */
export function isFurniture(paragraph: string): boolean {
  const text = paragraph.trim();
  const count = words(text).length;
  if (SHARE.test(text)) return true;
  if (isIdLine(text)) return true;
  if (CREDIT.test(text) && (count < 15 || !SENTENCE_END.test(text))) return true;
  // Captions, datelines under pictures, section labels: short and not a sentence.
  return count < 7 && !SENTENCE_END.test(text);
}

/** Splits furniture from article paragraphs; a "More from …" heading drops itself and all that follows. */
export function dropFurniture(paragraphs: readonly string[]): Furniture {
  const kept: string[] = [];
  const dropped: string[] = [];
  let outletHint: string | null = null;
  // A "More from" list closes a page; the same words early on are part of the article.
  const listsFrom = Math.floor(paragraphs.length / 3);
  for (let i = 0; i < paragraphs.length; i += 1) {
    const paragraph = paragraphs[i]!.trim();
    if (!paragraph) continue;
    if (i >= listsFrom && RELATED_MARKER.test(paragraph) && words(paragraph).length <= 8) {
      const from = /^more from\s+(.+?)\s*$/i.exec(paragraph);
      if (from) outletHint = from[1]!;
      dropped.push(...paragraphs.slice(i).map((p) => p.trim()).filter(Boolean));
      break;
    }
    if (isFurniture(paragraph)) dropped.push(paragraph);
    else kept.push(paragraph);
  }
  return { paragraphs: kept, dropped, outletHint };
}
