// Tests (ingest/readers): clinical note + sidecar -> DocumentReference.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { patientIdForIdentifier } from '../logical-references';
import {
  noteId,
  noteSidecarCandidates,
  noteToDocumentReference,
  resolvePatientIdentifier,
} from './notes';

const text = 'Seen today for follow-up. Zoë reports no chest pain.\n';
const sidecar = {
  patient: { reference: 'Patient/p-1' },
  date: '2025-03-02T14:20:00-05:00',
  encounter: { reference: 'Encounter/e-1' },
  author: 'Dr A. Example',
};

describe('Function: noteToDocumentReference', () => {
  it('builds a current DocumentReference with the text as a hashed base64 attachment', () => {
    // Act
    const { resource, error } = noteToDocumentReference(text, sidecar, 'notes/n1.txt');
    // Assess
    const bytes = Buffer.from(text, 'utf8');
    expect(error).toBeUndefined();
    expect(resource).toMatchObject({
      resourceType: 'DocumentReference',
      status: 'current',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
      subject: { reference: 'Patient/p-1' },
      date: '2025-03-02T14:20:00-05:00',
      author: [{ display: 'Dr A. Example' }],
      context: {
        encounter: [{ reference: 'Encounter/e-1' }],
        period: { start: '2025-03-02T14:20:00-05:00' },
      },
    });
    const attachment = (resource!.content as { attachment: Record<string, unknown> }[])[0]!
      .attachment;
    expect(attachment).toEqual({
      contentType: 'text/plain; charset=utf-8',
      data: bytes.toString('base64'),
      size: bytes.length,
      hash: createHash('sha1').update(bytes).digest('base64'),
      title: 'Progress note',
    });
    expect(Buffer.from(attachment.data as string, 'base64').toString('utf8')).toBe(text);
  });

  it('keeps a date-only note out of the instant `date`, and links a patient by identifier', () => {
    // Prepare
    const byIdentifier = {
      patient: { identifier: { system: 'urn:mrn', value: 'M1' } },
      date: '2025-03-02',
      type: { code: '18842-5' },
    };
    // Act
    const { resource } = noteToDocumentReference(text, byIdentifier, 'n.txt');
    // Assess
    expect(resource!.date).toBeUndefined();
    expect(resource!.context).toEqual({ period: { start: '2025-03-02' } });
    expect(resource!.subject).toEqual({
      type: 'Patient',
      identifier: { system: 'urn:mrn', value: 'M1' },
    });
    expect(resource!.type).toEqual({ coding: [{ system: 'http://loinc.org', code: '18842-5' }] });
  });

  it('derives a stable id from path and content, and takes the sidecar id when given', () => {
    // Act
    const a = noteToDocumentReference(text, sidecar, 'n1.txt').resource!.id;
    const again = noteToDocumentReference(text, sidecar, 'n1.txt').resource!.id;
    const edited = noteToDocumentReference(`${text}Addendum.`, sidecar, 'n1.txt').resource!.id;
    const given = noteToDocumentReference(text, { ...sidecar, id: 'doc-7' }, 'n1.txt').resource!.id;
    // Assess
    expect(again).toBe(a);
    expect(edited).not.toBe(a);
    expect(given).toBe('doc-7');
  });

  it('gives one templated text of two patients, or of two dates, two ids (no sidecar id)', () => {
    // Prepare: the same text under the same file name, as a batch after batch would send it.
    const id = (meta: object, file = 'note.txt') =>
      noteToDocumentReference(text, meta, file).resource!.id;
    const base = { patient: { reference: 'Patient/p-1' }, date: '2025-03-02' };
    const byMrn = (value: string) => ({
      ...base,
      patient: { identifier: { system: 'urn:mrn', value } },
    });
    // Act
    const ids = [
      id(base),
      id({ ...base, patient: { reference: 'Patient/p-2' } }),
      id({ ...base, date: '2025-03-03' }),
      id({ ...base, date: '2025-03-02T09:00:00Z' }),
      id(byMrn('M1')),
      id(byMrn('M2')),
      id(base, 'other.txt'),
    ];
    // Assess: all distinct; the same note re-sent (even with other optional fields) keeps its id.
    expect(new Set(ids).size).toBe(ids.length);
    expect(id({ ...base })).toBe(ids[0]);
    expect(id({ ...base, author: 'Dr B' })).toBe(ids[0]);
    expect(id(byMrn('M1'))).toBe(ids[4]);
    expect(ids[0]).toBe(
      noteId('note.txt', base, createHash('sha1').update(text, 'utf8').digest('hex')),
    );
  });

  it.each([
    ['no sidecar', undefined, 'sidecar'],
    [
      'a malformed patient reference',
      { ...sidecar, patient: { reference: 'p-1' } },
      'sidecar.patient.reference',
    ],
    ['a bad date', { ...sidecar, date: '02/03/2025' }, 'sidecar.date'],
    ['an unknown key', { ...sidecar, patinet: 'x' }, 'sidecar'],
  ])('rejects %s, naming the field and keeping the text as raw', (_name, meta, path) => {
    // Act
    const record = noteToDocumentReference(text, meta, 'notes/n1.txt');
    // Assess
    expect(record.resource).toBeUndefined();
    expect(record.path).toBe(path);
    expect(record.error!.message).not.toContain('02/03/2025');
    expect(record.raw).toBe(text);
  });
});

describe('Function: resolvePatientIdentifier', () => {
  const byMrn = {
    patient: { identifier: { system: 'urn:x:mrn', value: 'M1' } },
    date: '2025-03-02',
  };

  it("resolves a patient named by identifier to the hospital's patient id for it, as CSV rows do", () => {
    // Act
    const resolved = resolvePatientIdentifier(byMrn, 'h1');
    const record = noteToDocumentReference(text, resolved, 'n.txt');
    // Assess: the literal reference a CSV row naming urn:x:mrn|M1 gets (logical-references.ts).
    const id = patientIdForIdentifier('h1', { system: 'urn:x:mrn', value: 'M1' });
    expect(resolved).toEqual({ ...byMrn, patient: { reference: `Patient/${id}` } });
    expect(record.error).toBeUndefined();
    expect(record.resource!.subject).toEqual({ reference: `Patient/${id}` });
    expect(byMrn.patient).toEqual({ identifier: { system: 'urn:x:mrn', value: 'M1' } }); // not mutated
  });

  it('gives one identifier one patient per hospital, and two identifiers two', () => {
    // Act
    const reference = (meta: object, hospital = 'h1') =>
      (resolvePatientIdentifier(meta, hospital) as { patient: { reference: string } }).patient
        .reference;
    const other = (system: string, value: string) => ({
      ...byMrn,
      patient: { identifier: { system, value } },
    });
    // Assess
    expect(reference({ ...byMrn, date: '2026-01-01', author: 'Dr B' })).toBe(reference(byMrn));
    expect(
      new Set([
        reference(byMrn),
        reference(byMrn, 'h2'),
        reference(other('urn:x:mrn', 'M2')),
        reference(other('urn:y:mrn', 'M1')),
      ]).size,
    ).toBe(4);
  });

  it.each([
    ['a patient reference', sidecar],
    ['a malformed identifier', { ...byMrn, patient: { identifier: { value: 'M1' } } }],
    [
      'an identifier beside a reference',
      { ...byMrn, patient: { ...byMrn.patient, ...sidecar.patient } },
    ],
    ['no patient', { date: '2025-03-02' }],
    ['not an object', ['x']],
    ['nothing', undefined],
  ])('leaves %s as it is, for the reader to take or reject', (_name, meta) => {
    // Act & Assess
    expect(resolvePatientIdentifier(meta, 'h1')).toBe(meta);
  });
});

describe('Function: noteSidecarCandidates', () => {
  it('prefers note.txt.json, then note.json', () => {
    // Act & Assess
    expect(noteSidecarCandidates('dir/note.txt')).toEqual(['dir/note.txt.json', 'dir/note.json']);
  });
});
