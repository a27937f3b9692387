// Domain (serving): how big a serving-table item is as DynamoDB counts it, so that ingest can
// quarantine the one record that cannot be stored instead of failing its whole file.
//
// The limit: "The maximum item size in DynamoDB is 400 KB, which includes both attribute name binary
// length (UTF-8 length) and attribute value lengths (again binary length)" (Amazon DynamoDB Developer
// Guide, "Service, account, and table quotas", Items: Item size). The sizes per type follow the same
// guide, "Item sizes and formats": a string is its UTF-8 length; a number about 1 byte per 2
// significant digits plus 1; a boolean or null 1 byte; a list or map 3 bytes plus 1 byte per element,
// plus its elements (a map's keys counting as attribute names). Numbers are over-counted here (1 byte
// per character of their decimal text, plus 1), so the estimate never falls below DynamoDB's own.

/** DynamoDB's item size limit in bytes (400 KB, KB = 1,024 bytes). */
export const dynamoDbMaxItemBytes = 400 * 1024;

/** The size DynamoDB gives `value` as an attribute value (undefined attributes are not written). */
export function attributeValueBytes(value: unknown): number {
  if (value === undefined) return 0;
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length + 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value) || value instanceof Set) {
    let size = 3;
    for (const element of value) size += 1 + attributeValueBytes(element);
    return size;
  }
  if (typeof value === 'object') {
    let size = 3;
    for (const [name, element] of Object.entries(value)) {
      if (element === undefined) continue;
      size += 1 + Buffer.byteLength(name, 'utf8') + attributeValueBytes(element);
    }
    return size;
  }
  return String(value).length;
}

/** An item's size as DynamoDB counts it against its limit: attribute names plus values. */
export function itemBytes(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name, 'utf8') + attributeValueBytes(value);
  }
  return size;
}

/** The name of `object`'s largest member, to say which element made an item too big. */
export function largestMember(object: Record<string, unknown>): string | undefined {
  let largest: string | undefined;
  let size = -1;
  for (const [name, value] of Object.entries(object)) {
    const bytes = attributeValueBytes(value);
    if (bytes > size) [largest, size] = [name, bytes];
  }
  return largest;
}
