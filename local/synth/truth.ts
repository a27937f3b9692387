// Local (synth): the ground-truth records written beside a cohort (truth/*.jsonl), one patient at a time.
import type { RenderedPatient } from '../../shared/domain/synth/cohort';
import { recordedEntries } from '../../shared/domain/synth/catalog';

/**
 * JSONL lines of the truth files for one rendered patient, except defects.jsonl (the writer numbers
 * defect lines across the whole file, so it serialises them itself).
 */
export function truthLines(r: RenderedPatient): Record<string, string[]> {
  const p = r.patient;
  const id = p.id;
  return {
    'patients.jsonl': [
      JSON.stringify({
        patientId: id,
        index: p.index,
        mrn: p.demographics.mrn,
        demographics: p.demographics,
        riskFactors: p.riskFactors,
        medications: p.medications,
        allergies: p.allergies,
        familyHistory: p.familyHistory,
        encounters: p.encounters.map(
          ({ id: encounterId, kind, start, end, reason, readmission }) => ({
            encounterId,
            kind,
            start,
            end,
            reason,
            ...(readmission ? { readmission } : {}),
          }),
        ),
        ...(p.trastuzumabCardiotoxicity
          ? { trastuzumabCardiotoxicity: p.trastuzumabCardiotoxicity }
          : {}),
      }),
    ],
    // One line per true condition, coded as its own Condition entry; a combination code that began
    // later (1.17.0: catalog.ts `recordedEntries`) is `combination`, with the day it began.
    'conditions.jsonl': p.conditions.map((c) => {
      const [codes, combination] = recordedEntries(c, p.conditions);
      return JSON.stringify({
        patientId: id,
        key: c.key,
        snomed: codes!.snomed.code,
        icd10: codes!.icd10.code,
        ...(combination
          ? { combination: { icd10: combination.icd10.code, onset: combination.onset } }
          : {}),
        onset: c.onset,
        status: c.status,
        ...(c.severity ? { severity: c.severity } : {}),
        ...(c.ejectionFraction !== undefined ? { ejectionFraction: c.ejectionFraction } : {}),
        ...(c.improvedEf ? { improvedEf: c.improvedEf } : {}),
      });
    }),
    'outcomes.jsonl': [JSON.stringify({ patientId: id, ...p.outcomes })],
    'genotypes.jsonl': p.genome
      ? [
          JSON.stringify({
            patientId: id,
            vcf: `vcf/${id}.vcf`,
            diplotypes: p.genome.diplotypes,
            tumour: p.genome.tumour,
          }),
        ]
      : [],
    'notes.jsonl': r.notes.map((n) =>
      JSON.stringify({
        noteId: n.id,
        patientId: id,
        encounterId: n.encounterId,
        kind: n.kind,
        date: n.date,
        file: `notes/${n.id}.txt`,
        labels: n.labels,
        entities: n.entities,
        relations: n.relations,
        phi: n.phi,
        noise: n.noise,
      }),
    ),
  };
}
