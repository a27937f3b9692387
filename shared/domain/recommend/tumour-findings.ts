// Domain (recommend): actionable tumour findings (gene + alteration) read from where a hospital records
// them — FHIR Observations in the HL7 Genomics Reporting IG shape (LOINC 69548-6 "Genetic variant
// assessment" or 81247-9 panel, component 48018-6 "Gene studied" and 48005-3 "Amino acid change" /
// 48019-4 "DNA change type") — here; VCF records are read by genomics/tumour-variants.ts, whose
// TumourFinding and alteration spelling this module shares.
import type { Observation } from '@medplum/fhirtypes';
import { normaliseAlteration, type TumourFinding } from '../genomics/tumour-variants';
import { codings, type PatientRecord } from '../risk/fhir/patient-record';

const variantCodes = ['69548-6', '81247-9', '55233-1'];
const geneStudied = '48018-6';
const aminoAcidChange = '48005-3';
const dnaChangeType = '48019-4';

function componentText(o: Observation, loinc: string): string | undefined {
  const c = o.component?.find((x) => codings(x.code).some((k) => k.code === loinc));
  if (!c) return undefined;
  const concept = c.valueCodeableConcept;
  return concept?.coding?.[0]?.code?.startsWith('HGNC:')
    ? (concept.coding[0]!.display ?? concept.text)
    : (concept?.coding?.[0]?.code ?? concept?.text ?? c.valueString);
}

/** Tumour findings reported as Genomics Reporting IG Observations in the record. */
export function tumourFindingsFromFhir(record: PatientRecord): TumourFinding[] {
  const found: TumourFinding[] = [];
  for (const o of record.observations) {
    if (!codings(o.code).some((c) => variantCodes.includes(c.code ?? ''))) continue;
    const gene = componentText(o, geneStudied)?.toUpperCase();
    const change = componentText(o, aminoAcidChange) ?? componentText(o, dnaChangeType);
    if (!gene || !change) continue;
    const germline = (o.component ?? []).some((x) =>
      codings(x.valueCodeableConcept).some((k) => /germline/i.test(k.display ?? k.code ?? '')),
    );
    found.push({
      gene,
      alteration: normaliseAlteration(gene, change),
      germline,
      source: `Observation/${o.id ?? '?'}`,
    });
  }
  return found;
}
