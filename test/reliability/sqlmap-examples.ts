/** A plausible value for a JSON schema of the OpenAPI document: what sqlmap starts from. */
export function fromSchemaExample(schema: Record<string, any> | undefined, depth = 0): unknown {
  if (!schema || depth > 5) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  const alternatives = (schema.anyOf ?? schema.oneOf) as Record<string, any>[] | undefined;
  if (alternatives?.length) return fromSchemaExample(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of (schema.required ?? []) as string[]) value[key] = fromSchemaExample(schema.properties?.[key], depth + 1);
      return value;
    }
    case 'array':
      return schema.minItems ? [fromSchemaExample(schema.items, depth + 1)] : [];
    case 'string':
      if (schema.format === 'date-time') return '2024-06-01T12:00:00Z';
      if (schema.format === 'date') return '2024-06-01';
      return 'konbit';
    case 'integer':
    case 'number':
      return Math.max(1, Number(schema.minimum ?? 1));
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}
