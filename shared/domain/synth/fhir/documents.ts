// Domain (synth/fhir): DocumentReference resources for clinical notes (FHIR R4 (4.0.1); US Core 6.1.0
// DocumentReference shape: LOINC type, clinical-note category, inline base64 text/plain attachment).
import type { DocumentReference } from '@medplum/fhirtypes';
import type { SynthNote, TrueEncounter } from '../model';
import { ref, type RenderContext } from './context';
import { modelResourceId } from './ids';
import { toInstant } from './calendar';
import { hl7, noteType } from './vocabulary';

/** One DocumentReference per note of this patient (notes of other patients are ignored). */
export function renderDocuments(
  ctx: RenderContext,
  notes: readonly SynthNote[],
): DocumentReference[] {
  const encounters = new Map(ctx.patient.encounters.map((encounter) => [encounter.id, encounter]));
  return notes
    .filter((note) => note.patientId === ctx.patient.id)
    .map((note) => renderDocument(ctx, note, encounters.get(note.encounterId)));
}

function renderDocument(
  ctx: RenderContext,
  note: SynthNote,
  encounter: TrueEncounter | undefined,
): DocumentReference {
  const type = noteType[note.kind];
  const bytes = Buffer.from(note.text, 'utf8');
  const document: DocumentReference = {
    resourceType: 'DocumentReference',
    id: modelResourceId(ctx.patient.id, 'DocumentReference', note.id),
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ ...type }], text: type.display },
    category: [
      {
        coding: [
          { system: hl7.usCoreDocumentCategory, code: 'clinical-note', display: 'Clinical Note' },
        ],
      },
    ],
    subject: ref('Patient', ctx.patientId),
    // DocumentReference.date is an instant: seconds and a zone are required.
    date: toInstant(note.date, ctx.offset),
    description: note.title,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en-US',
          data: bytes.toString('base64'),
          size: bytes.length,
          title: note.title,
          creation: note.date,
        },
      },
    ],
  };
  if (encounter) {
    document.context = {
      encounter: [ref('Encounter', ctx.encounterIds.get(encounter.id)!)],
      period: { start: encounter.start, end: encounter.end },
    };
  }
  return document;
}
