// Domain (synth/fhir): AllergyIntolerance and FamilyMemberHistory resources (FHIR R4 (4.0.1); US Core
// 6.1.0 AllergyIntolerance shape). One FamilyMemberHistory per relative, listing their conditions.
import type {
  Age,
  AllergyIntolerance,
  FamilyMemberHistory,
  FamilyMemberHistoryCondition,
} from '@medplum/fhirtypes';
import type { FamilyHistoryEntry } from '../model';
import { conditions, systems } from '../catalog';
import { ref, type RenderContext } from './context';
import { nameUuid } from './ids';
import { hl7, relative } from './vocabulary';

/** Every allergy, active and confirmed (the model records only current allergies). */
export function renderAllergies(ctx: RenderContext): AllergyIntolerance[] {
  return ctx.patient.allergies.map((allergy, index) => ({
    resourceType: 'AllergyIntolerance',
    id: nameUuid(ctx.patient.id, `AllergyIntolerance/${index}/${allergy.substance.code}`),
    clinicalStatus: {
      coding: [{ system: hl7.allergyClinical, code: 'active', display: 'Active' }],
    },
    verificationStatus: {
      coding: [{ system: hl7.allergyVerification, code: 'confirmed', display: 'Confirmed' }],
    },
    type: 'allergy',
    category: [allergy.category],
    criticality: allergy.criticality,
    code: { coding: [{ ...allergy.substance }], text: allergy.substance.display },
    patient: ref('Patient', ctx.patientId),
    reaction: [
      { manifestation: [{ coding: [{ ...allergy.reaction }], text: allergy.reaction.display }] },
    ],
  }));
}

/** One FamilyMemberHistory per relative, in the order relatives first appear in the model. */
export function renderFamilyHistory(ctx: RenderContext): FamilyMemberHistory[] {
  const byRelative = new Map<FamilyHistoryEntry['relationship'], FamilyHistoryEntry[]>();
  for (const entry of ctx.patient.familyHistory) {
    const entries = byRelative.get(entry.relationship);
    if (entries) entries.push(entry);
    else byRelative.set(entry.relationship, [entry]);
  }
  return [...byRelative].map(([relationship, entries]) => {
    const { coding, sex } = relative[relationship];
    const resource: FamilyMemberHistory = {
      resourceType: 'FamilyMemberHistory',
      id: nameUuid(ctx.patient.id, `FamilyMemberHistory/${relationship}`),
      status: 'completed',
      patient: ref('Patient', ctx.patientId),
      relationship: { coding: [{ ...coding }], text: coding.display },
      sex: {
        coding: [
          { system: 'http://hl7.org/fhir/administrative-gender', code: sex, display: capital(sex) },
        ],
      },
    };
    const deceased = entries.find((entry) => entry.deceased);
    // FHIR Age: UCUM years ("a"), per the R4 age-1 invariant.
    if (deceased?.deceasedAge !== undefined) resource.deceasedAge = years(deceased.deceasedAge);
    else if (deceased) resource.deceasedBoolean = true;
    resource.condition = entries.map(relativeCondition);
    return resource;
  });
}

function relativeCondition(entry: FamilyHistoryEntry): FamilyMemberHistoryCondition {
  const { snomed, icd10 } = conditions[entry.condition];
  const condition: FamilyMemberHistoryCondition = {
    code: {
      coding: [
        { system: systems.snomed, code: snomed.code, display: snomed.display },
        { system: systems.icd10cm, code: icd10.code, display: icd10.display },
      ],
      text: snomed.display,
    },
  };
  // Whether it caused the death is known when the death is (the generator records both).
  if (entry.deceasedAge !== undefined) condition.contributedToDeath = entry.causeOfDeath === true;
  if (entry.onsetAge !== undefined) condition.onsetAge = years(entry.onsetAge);
  return condition;
}

/** A FHIR Age in years: UCUM "a", per the R4 age-1 invariant. */
function years(value: number): Age {
  return { value, unit: 'years', system: systems.ucum, code: 'a' };
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
