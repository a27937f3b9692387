import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { Repair } from '../ingest/source-record';
import { repairJsonTree } from './json-tree';
import { r4Examples } from './r4-examples.fixture';

describe('Function: repairJsonTree', () => {
  it('returns a resource that needs no repair as the same object, without copying it', () => {
    // Prepare
    const input = r4Examples.Observation!();
    const repairs: Repair[] = [];
    // Act
    const output = repairJsonTree(input, '', repairs);
    // Assess
    expect(output).toBe(input);
    expect(repairs).toEqual([]);
  });

  it('copies only the path to a repair and shares the untouched elements with the input', () => {
    // Prepare
    const input = {
      resourceType: 'Observation',
      code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }], text: 'Glucose' },
      category: [{ text: 'laboratory' }, { text: 'vital-signs', coding: [] }],
      subject: { reference: 'Patient/p1' },
    };
    const before = structuredClone(input);
    const repairs: Repair[] = [];
    // Act
    const output = repairJsonTree(input, '', repairs) as typeof input;
    // Assess: the empty coding is dropped, the rest is the input's own objects.
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output.category).not.toBe(input.category);
    expect(output.category[1]).toEqual({ text: 'vital-signs' });
    expect(output.category[0]).toBe(input.category[0]);
    expect(output.code).toBe(input.code);
    expect(output.subject).toBe(input.subject);
    expect(Object.keys(output)).toEqual(Object.keys(input));
    expect(repairs).toEqual([
      expect.objectContaining({ kind: 'empty-element-removed', path: 'category[1].coding' }),
    ]);
  });

  it('trims a padded code deep in an extension and names its full path', () => {
    // Prepare
    const input = {
      resourceType: 'Patient',
      extension: [
        { url: 'x', extension: [{ url: 'y', valueCoding: { system: 'urn:s', code: ' F ' } }] },
      ],
    };
    const repairs: Repair[] = [];
    // Act
    const output = repairJsonTree(input, '', repairs) as typeof input;
    // Assess
    expect(output.extension[0]!.extension[0]!.valueCoding.code).toBe('F');
    expect(input.extension[0]!.extension[0]!.valueCoding.code).toBe(' F ');
    expect(repairs.map((r) => `${r.kind} ${r.path}`)).toEqual([
      'code-whitespace-trimmed extension[0].extension[0].valueCoding.code',
    ]);
  });

  it('rejects a non-finite number or a non-JSON value with its element path', () => {
    // Prepare
    const inputs = [
      { valueQuantity: { value: Number.NaN } },
      { component: [{ code: { text: 'x' } }, { valueInteger: () => 1 }] },
    ];
    // Act
    const errors = inputs.map((input) => {
      try {
        repairJsonTree(input, '', []);
      } catch (error) {
        return error as ValidationError;
      }
      throw new Error('expected a rejection');
    });
    // Assess
    expect(errors.map((e) => [e.message, e.path])).toEqual([
      ['must be a finite number', 'valueQuantity.value'],
      ['is not JSON', 'component[1].valueInteger'],
    ]);
  });

  it('copies a node that JSON.parse cannot produce into a plain object', () => {
    // Prepare
    const nullPrototype = Object.assign(Object.create(null) as object, { text: 'x' });
    const input = { code: nullPrototype, when: new Date(0) };
    // Act
    const output = repairJsonTree(input, '', []) as Record<string, object>;
    // Assess: as the copying pass did, own enumerable properties only, with Object's prototype.
    expect(Object.getPrototypeOf(output.code)).toBe(Object.prototype);
    expect(output.code).toEqual({ text: 'x' });
    expect(output.when).toEqual({});
    expect(output.when).not.toBeInstanceOf(Date);
  });
});
