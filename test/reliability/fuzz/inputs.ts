import fc from 'fast-check';

/*
 * Hostile inputs for the fuzzers: byte-level mutations of good files, values built from the API's
 * own JSON schemas (so that many get past validation and reach the services), and the strings
 * attackers and broken exports send.
 */

/** Strings that have broken parsers, SQL and templates elsewhere. */
export const NASTY_STRINGS = [
  '', ' ', '\u0000', '\uFEFF', '\uD800', '\u202E', '"', "'", '\\', '\r\n', '\n\n\n', ',,,,', ';', '=cmd|\' /C calc\'!A0', '+1', '@SUM(1)',
  "' OR '1'='1", '1; DROP TABLE incidents; --', '%', '_', '*', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '<!DOCTYPE x [<!ENTITY e "e">]>', '&e;',
  '../../etc/passwd', 'NaN', 'Infinity', '-0', '1e309', '9007199254740993', '0x10', '2024-02-31', '2024-13-01T25:61:61Z', '9999-12-31T23:59:59Z',
  'null', 'true', '[]', '{}', 'Ayiti Chèri', 'ⵣ', '𝕂𝕠𝕟𝕓𝕚𝕥', 'a'.repeat(5000),
];

export const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }));

/** A mutation of a good file: flipped, inserted, deleted, duplicated or truncated bytes. */
export function mutated(base: Buffer): fc.Arbitrary<Buffer> {
  const position = fc.nat({ max: Math.max(0, base.length) });
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: nastyString }),
    fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.nat({ max: 64 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.nat({ max: 400 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = Buffer.from(base);
    for (const e of edits) {
      const at = Math.min(e.at, bytes.length);
      switch (e.kind) {
        case 'flip':
          if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = e.byte;
          break;
        case 'insert':
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.text), bytes.subarray(at)]);
          break;
        case 'delete':
          bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.length)]);
          break;
        case 'duplicate':
          bytes = Buffer.concat([bytes.subarray(0, at + e.length), bytes.subarray(at)]);
          break;
        case 'truncate':
          bytes = bytes.subarray(0, at);
          break;
      }
    }
    return bytes;
  });
}

/** Any file at all: good ones mutated, random text, random bytes. */
export function hostileFile(goodFiles: readonly Buffer[], generated: fc.Arbitrary<Buffer>[] = []): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...goodFiles).chain(mutated) },
    { weight: 3, arbitrary: fc.oneof(...(generated.length > 0 ? generated : [fc.constant(Buffer.alloc(0))])) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)) },
  );
}

/** A CSV of the given header, with cells drawn from good values and hostile ones. */
export function csvFile(header: readonly string[], goodCell: (column: string) => fc.Arbitrary<string>, prefix = ''): fc.Arbitrary<Buffer> {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const columns = fc.shuffledSubarray([...header], { minLength: 1 });
  return columns.chain((chosen) =>
    fc.array(fc.tuple(...chosen.map((c) => fc.oneof({ weight: 3, arbitrary: goodCell(c) }, { weight: 1, arbitrary: nastyString }))), { maxLength: 8 }).map((rows) =>
      Buffer.from(prefix + [chosen, ...rows].map((row) => row.map(quote).join(',')).join('\n')),
    ),
  );
}

/* JSON values from the OpenAPI document's schemas. */

type Schema = Record<string, any>;

export function fromSchema(schema: Schema | undefined, resolve: (ref: string) => Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if (typeof schema.$ref === 'string') return fromSchema(resolve(schema.$ref), resolve, depth + 1);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, resolve, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return fromSchema(schema.allOf[0] as Schema, resolve, depth + 1);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...types.map((type) => ofType(type, schema, resolve, depth)));
}

function ofType(type: string | undefined, schema: Schema, resolve: (ref: string) => Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      if (Object.keys(properties).length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) model[key] = fromSchema(value, resolve, depth + 1);
      return fc.record(model, { requiredKeys: ((schema.required ?? []) as string[]).filter((k) => k in properties) });
    }
    case 'array':
      return fc.array(fromSchema(schema.items as Schema | undefined, resolve, depth + 1), { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -Number.MAX_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case undefined:
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  const recent = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true });
  if (schema.format === 'date-time') return recent.map((d) => d.toISOString());
  if (schema.format === 'date') return recent.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'uuid') return fc.uuid();
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // a pattern JavaScript cannot read: fall through
    }
  }
  const minLength = Math.min(schema.minLength ?? 0, 20);
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 30, 30)) });
}

/** A value built from the schema, then broken in one or two places (or not at all). */
export function hostileJson(schema: Schema | undefined, resolve: (ref: string) => Schema | undefined): fc.Arbitrary<unknown> {
  const built = fromSchema(schema, resolve);
  const breakage = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString, fc.constantFrom(1e308, -1e308, -0, 2 ** 53 + 2, -1, 0, [], {}, null));
  return fc.oneof(
    { weight: 3, arbitrary: built },
    { weight: 3, arbitrary: fc.tuple(built, fc.nat(), breakage, fc.boolean()).map(([value, pick, replacement, remove]) => breakOne(value, pick, replacement, remove)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
}

function breakOne(value: unknown, pick: number, replacement: unknown, remove: boolean): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0) return { [`unexpected${pick % 7}`]: replacement };
  const key = keys[pick % keys.length]!;
  const inner = copy[key];
  if (inner !== null && typeof inner === 'object' && pick % 3 === 0) copy[key] = breakOne(inner, Math.floor(pick / 3), replacement, remove);
  else if (remove) delete copy[key];
  else copy[key] = replacement;
  return copy;
}
