import { describe, expect, it } from 'vitest';
import { attributeValueBytes, dynamoDbMaxItemBytes, itemBytes, largestMember } from './item-size';

describe('Function: itemBytes', () => {
  it('counts attribute names and values as DynamoDB does: UTF-8 bytes, maps and lists with overhead', () => {
    expect(attributeValueBytes('abc')).toBe(3);
    expect(attributeValueBytes('ü')).toBe(2); // UTF-8, not UTF-16
    expect(attributeValueBytes(true)).toBe(1);
    expect(attributeValueBytes(null)).toBe(1);
    expect(attributeValueBytes(['a', 'b'])).toBe(3 + 2 + 2);
    expect(attributeValueBytes({ ab: 'c' })).toBe(3 + 1 + 2 + 1);
    expect(itemBytes({ pk: 'P#1', sk: 'X', skipped: undefined })).toBe(2 + 3 + 2 + 1);
  });

  it('never counts less than the value itself needs (numbers over-counted)', () => {
    expect(attributeValueBytes(1234567890123456)).toBeGreaterThanOrEqual(16 / 2 + 1);
    expect(attributeValueBytes(-0.5)).toBeGreaterThanOrEqual(2);
  });

  it('counts a long string attribute in full', () => {
    const item = {
      pk: 'P#h#1',
      sk: 'Observation#2',
      resource: { data: 'x'.repeat(dynamoDbMaxItemBytes) },
    };
    expect(itemBytes(item)).toBeGreaterThan(dynamoDbMaxItemBytes);
  });

  it('puts the limit at 400 KB and names the largest member', () => {
    expect(dynamoDbMaxItemBytes).toBe(409_600);
    expect(largestMember({ a: 'x', b: 'x'.repeat(10), c: [1] })).toBe('b');
  });
});
