import { z } from 'zod';

/** The languages Konbit speaks: English, French and Haitian Creole. */
export const LOCALES = ['en', 'fr', 'ht'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A user-facing label in each of Konbit's languages. */
export type Labels = Readonly<Record<Locale, string>>;

/** A vocabulary: the allowed codes of a field with their labels. */
export type Vocabulary<Code extends string> = Readonly<Record<Code, Labels>>;

/** The codes of a vocabulary, in declaration order, as a zod enum's input. */
export function codesOf<Code extends string>(vocabulary: Vocabulary<Code>): [Code, ...Code[]] {
  return Object.keys(vocabulary) as [Code, ...Code[]];
}
