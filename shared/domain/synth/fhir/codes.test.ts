import { describe, expect, it } from 'vitest';
import { recordedCodes, conditions, measurements, systems } from '../catalog';
import {
  hasValidVerhoeff,
  isIcd10CmCode,
  isLoincCode,
  isSnomedConceptId,
  isWellFormedCode,
  loincCheckDigit,
  verhoeffCheckDigit,
} from './codes';
import { unitMixes } from './units';
import {
  consciousnessAnswer,
  encounterType,
  noteType,
  routeCoding,
  severityCoding,
  smokingAnswer,
} from './vocabulary';

describe('Function: verhoeffCheckDigit', () => {
  it.each([
    ['236', 3],
    ['12345', 1],
    ['3834100', 3], // 38341003 Hypertensive disorder
    ['19596700', 1], // 195967001 Asthma
    ['44986800', 2], // 449868002 Smokes tobacco daily
  ])('gives %s the check digit %d', (payload, digit) => {
    expect(verhoeffCheckDigit(payload)).toBe(digit);
    expect(hasValidVerhoeff(`${payload}${digit}`)).toBe(true);
  });

  it('catches every single-digit error and adjacent transposition of an SCTID', () => {
    // Prepare
    const id = '428041000124106';

    // Act
    const variants = new Set<string>();
    for (let i = 0; i < id.length; i++) {
      for (let d = 0; d <= 9; d++) variants.add(id.slice(0, i) + d + id.slice(i + 1));
      if (i < id.length - 1) variants.add(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
    }
    variants.delete(id);

    // Assess
    expect([...variants].filter(hasValidVerhoeff)).toEqual([]);
  });
});

describe('Function: isSnomedConceptId', () => {
  it('accepts concept ids and rejects descriptions, bad check digits and other shapes', () => {
    expect(isSnomedConceptId('428041000124106')).toBe(true); // extension concept (partition 10)
    expect(isSnomedConceptId('38341004')).toBe(false); // check digit
    expect(isSnomedConceptId('12345')).toBe(false); // too short
    expect(isSnomedConceptId('34552-0')).toBe(false); // a LOINC code in the SNOMED system
    expect(isSnomedConceptId('2148514019')).toBe(false); // partition 01: a description id
  });
});

describe('Function: isLoincCode', () => {
  it('checks the mod 10 check digit', () => {
    expect(loincCheckDigit('2345')).toBe(7);
    expect(isLoincCode('2345-7')).toBe(true);
    expect(isLoincCode('2345-8')).toBe(false);
    expect(isLoincCode('2345')).toBe(false);
  });
});

describe('Function: isWellFormedCode', () => {
  it('holds for every code the catalog and the renderer use', () => {
    // Prepare
    const codings = [
      ...[
        ...Object.values(conditions),
        ...['HFrEF', 'HFmrEF', 'HFpEF'].map((severity) =>
          recordedCodes({ key: 'heart-failure', severity }, []),
        ),
        // CKD by stage and the hypertension / diabetes combinations (1.16.0)
        ...['1', '2', '3a', '3b', '4', '5'].flatMap((severity) => {
          const ckd = { key: 'ckd', severity } as const;
          const hf = { key: 'heart-failure' } as const;
          return [
            ckd,
            { key: 'hypertension' } as const,
            { key: 'type2-diabetes' } as const,
          ].flatMap((c) => [recordedCodes(c, [ckd]), recordedCodes(c, [ckd, hf])]);
        }),
      ].flatMap((c) => [
        { system: systems.snomed, code: c.snomed.code },
        { system: systems.icd10cm, code: c.icd10.code },
      ]),
      ...Object.values(measurements).map((m) => ({ system: systems.loinc, code: m.loinc })),
      ...Object.values(unitMixes).flatMap((m) => [
        { system: systems.loinc, code: m.primary.loinc },
        { system: systems.loinc, code: m.alternate.loinc },
      ]),
      ...[encounterType, routeCoding, severityCoding, smokingAnswer, noteType].flatMap((table) =>
        Object.values(table),
      ),
      ...consciousnessAnswer,
    ];

    // Act
    const malformed = codings.filter((c) => !isWellFormedCode(c.system, c.code));

    // Assess
    expect(codings.length).toBeGreaterThan(90);
    expect(malformed).toEqual([]);
  });

  it('rejects malformed ICD-10-CM and RxNorm codes and codes with stray spaces', () => {
    expect(isIcd10CmCode('E11.9')).toBe(true);
    expect(isIcd10CmCode('I10')).toBe(true);
    expect(isIcd10CmCode('E119')).toBe(false); // FHIR writes ICD-10-CM with its dot
    expect(isIcd10CmCode('E1.9')).toBe(false);
    expect(isWellFormedCode(systems.rxnorm, '0314076')).toBe(false);
    expect(isWellFormedCode('http://terminology.hl7.org/CodeSystem/v2-0203', ' MR')).toBe(false);
  });
});
