import { describe, expect, it } from 'vitest';
import { createNlpEngine, extractClinical } from '../extract';

const corpusStyle = createNlpEngine({ cdrGuideline: true });
const read = (text: string, engine = corpusStyle) =>
  extractClinical(text, { engine, relations: false }).entities.map((e) => [e.text, e.type]);

describe('Function: splitInducedMentions (through an engine with cdrGuideline)', () => {
  it('reads a curated "<chemical>-induced <disorder>" concept as the chemical and the disorder', () => {
    // The CDR guideline's own example kind: "levodopa-induced dyskinesia".
    expect(read('Levodopa-induced dyskinesia developed.')).toEqual([
      ['Levodopa', 'Chemical'],
      ['dyskinesia', 'Disease'],
    ]);
  });

  it('splits a compound without a connector: "gentamicin nephrotoxicity"', () => {
    expect(read('Gentamicin nephrotoxicity was seen.')).toEqual([
      ['Gentamicin', 'Chemical'],
      ['nephrotoxicity', 'Disease'],
    ]);
  });

  it('keeps a compound whose modifier is no chemical ("peak-dose dyskinesia")', () => {
    expect(read('Peak-dose dyskinesia was seen.')).toEqual([['Peak-dose dyskinesia', 'Disease']]);
  });

  it('leaves the default engine with the compound concept, one clinical diagnosis', () => {
    expect(read('Levodopa-induced dyskinesia developed.', createNlpEngine())).toEqual([
      ['Levodopa-induced dyskinesia', 'Disease'],
    ]);
  });
});

describe('Function: analyteChemicals (through an engine with cdrGuideline)', () => {
  it('reads the chemical a laboratory test names, as the CDR guideline annotates it', () => {
    // BC5CDR training split: "creatine" annotated in all 5 "creatine kinase".
    expect(read('Creatine kinase rose.', createNlpEngine())).toEqual([
      ['Creatine kinase', 'LabTest'],
    ]);
    expect(read('Creatine kinase rose.')).toEqual([['Creatine', 'Chemical']]);
  });

  it('keeps a laboratory test that names no chemical', () => {
    expect(read('The hematocrit fell.')).toEqual([['hematocrit', 'LabTest']]);
  });
});
