// Test fixture: a clinical note as a hospital sends it, a FHIR DocumentReference whose text/plain
// attachment carries the note's text, for the tests that take a note through ingest.
/** Progress note `id` (LOINC 11506-3) about patient p1, dated 14 March 2026, reading `text`. */
export const progressNote = (text: string, id = 'n1') => ({
  resourceType: 'DocumentReference',
  id,
  status: 'current',
  type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
  subject: { reference: 'Patient/p1' },
  date: '2026-03-14T10:00:00Z',
  content: [
    { attachment: { contentType: 'text/plain', data: Buffer.from(text).toString('base64') } },
  ],
});
