import { describe, expect, it } from 'vitest';
import { concept } from '../../shared/domain/nlp/vocabulary/define';
import { bundleCodings, checkCodedDisplays, checkMesh, meshEvidence } from './vocabulary';

// Two abstracts in PubTator form (offsets into title + " " + abstract), written for this test.
const pubtator = [
  '1|t|Valsartan and hypertension.',
  '1|a|Hypertensive patients given valsartan had renal failure; valsartan was stopped.',
  '1\t0\t9\tValsartan\tChemical\tC081489',
  '1\t14\t26\thypertension\tDisease\tD006973',
  '1\t28\t40\tHypertensive\tDisease\tD006973',
  '1\t56\t65\tvalsartan\tChemical\tC081489',
  '1\t70\t83\trenal failure\tDisease\tD051437',
  '1\t85\t94\tvalsartan\tChemical\tC081489',
  '',
  '2|t|Renal failure after cisplatin.',
  '2|a|Hypertension and renal failure were seen.',
  '2\t0\t13\tRenal failure\tDisease\tD051437',
  '2\t20\t29\tcisplatin\tChemical\tD002945',
  '2\t31\t43\tHypertension\tDisease\tD006973',
  '2\t48\t61\trenal failure\tDisease\tD007674|D051437',
  '',
].join('\n');

const d = (terms: string, codes: Record<string, string>) =>
  concept('Disease', terms, '', codes, 'test');
const c = (terms: string, codes: Record<string, string>) =>
  concept('Chemical', terms, '', codes, 'test');

describe('Evaluation: vocabulary codes against annotated data', () => {
  it('counts mention ids per name, leaving composite mentions out', () => {
    const evidence = meshEvidence([pubtator]);
    expect(evidence.get('hypertension')).toEqual(new Map([['D006973', 2]]));
    expect(evidence.get('renal failure')).toEqual(new Map([['D051437', 2]]));
    expect(evidence.get('cisplatin')).toEqual(new Map([['D002945', 1]]));
  });

  it('agrees, disagrees, leaves unchecked, and tells a newer descriptor from a disagreement', () => {
    const evidence = meshEvidence([pubtator]);
    const result = checkMesh(
      [
        d('hypertension|high blood pressure', { mesh: 'D006973' }),
        d('renal failure', { mesh: 'D007674' }),
        c('valsartan', { mesh: 'D000068756' }),
        c('cisplatin', { mesh: 'D002945' }), // one mention: below the evidence threshold
        d('gout', {}), // no MeSH id: not counted
      ],
      evidence,
    );
    expect(result.agree).toBe(1);
    expect(result.newerDescriptor).toBe(1);
    expect(result.disagree).toEqual([
      'Disease:renal failure mesh D007674; corpora: renal failure=D051437 (2/2)',
    ]);
    expect(result.unchecked).toBe(1);
    expect(result.checked).toBe(3);
  });

  it('checks SNOMED CT, LOINC and RxNorm codes against coded displays', () => {
    const bundle = {
      entry: [
        {
          resource: {
            code: {
              coding: [
                {
                  system: 'http://snomed.info/sct',
                  code: '38341003',
                  display: 'Hypertension (disorder)',
                },
              ],
            },
          },
        },
        {
          resource: {
            code: { coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }] },
          },
        },
      ],
    };
    const codings = bundleCodings([bundle]);
    expect(codings).toHaveLength(2);
    const result = checkCodedDisplays(
      [
        d('hypertension', { snomed: '38341003' }),
        concept('LabTest', 'glucose|blood glucose', '', { loinc: '2345-7' }, 'test'),
        d('asthma', { snomed: '195967001' }),
      ],
      codings,
    );
    expect(result.snomed).toEqual({ checked: 1, agree: 1, disagree: [] });
    expect(result.loinc.checked).toBe(1);
    expect(result.loinc.disagree).toEqual(['LabTest:glucose loinc 2345-7; data: 2339-0 "Glucose"']);
    expect(result.rxnorm.checked).toBe(0);
  });
});
