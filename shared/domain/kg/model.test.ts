import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  codeOf,
  codeSystemKey,
  conceptIri,
  hospitalGraph,
  legacyNoteIri,
  literatureIri,
  noteIri,
  patientIri,
} from './model';

describe('Function: conceptIri', () => {
  it.each([
    ['rxnorm', '32968', 'http://purl.bioontology.org/ontology/RXNORM/32968'],
    [
      'http://www.nlm.nih.gov/research/umls/rxnorm',
      '11289',
      'http://purl.bioontology.org/ontology/RXNORM/11289',
    ],
    ['mesh', 'D006973', 'http://id.nlm.nih.gov/mesh/D006973'],
    [
      'http://hl7.org/fhir/sid/icd-10-cm',
      'e11.9',
      'http://purl.bioontology.org/ontology/ICD10CM/E11.9',
    ],
    ['http://snomed.info/sct', '44054006', 'http://snomed.info/id/44054006'],
    ['http://www.genenames.org', 'CYP2C19', 'https://identifiers.org/hgnc.symbol:CYP2C19'],
    ['http://loinc.org', '2345-7', 'https://loinc.org/2345-7'],
    ['dbsnp', 'rs4244285', 'https://identifiers.org/dbsnp:rs4244285'],
  ])('maps %s code %s to the registry IRI', (system, code, expected) => {
    expect(conceptIri(system, code).value).toBe(expected);
  });

  it.each([
    ['rxnorm', '32968> <x'],
    ['snomed', '44054006 } ; DROP ALL'],
    ['mesh', '6973'],
    ['loinc', '2345'],
    ['hgnc', 'CYP2C19"'],
  ])('rejects a malformed %s code without echoing it', (system, code) => {
    expect(() => conceptIri(system, code)).toThrow(ValidationError);
    expect(() => conceptIri(system, code)).toThrow(`code is not a valid ${system} code`);
  });

  it('rejects an unknown system', () => {
    expect(() => conceptIri('http://www.nlm.nih.gov/research/umls', 'C0020538')).toThrow(
      'unknown code system',
    );
    expect(codeSystemKey('UMLS')).toBeUndefined();
  });

  it('reads the system and code back from a concept IRI', () => {
    expect(codeOf('http://snomed.info/id/44054006')).toEqual({
      system: 'snomed',
      code: '44054006',
    });
    expect(codeOf('https://caregraph.dev/patient/a/b')).toBeUndefined();
  });
});

describe('Function: patientIri', () => {
  it('builds a per-hospital IRI from the pseudonym', () => {
    expect(patientIri('north-general', '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8').value).toBe(
      'https://caregraph.dev/patient/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8',
    );
  });

  it.each(['Jane Doe', 'jane.doe@example.org', 'short', 'x>y<z" } DROP ALL'])(
    'refuses %j as a pseudonym, naming the field not the value',
    (patient) => {
      const build = () => patientIri('north-general', patient);
      expect(build).toThrow(ValidationError);
      expect(build).not.toThrow(patient);
    },
  );

  it('refuses a hospital that is not a slug', () => {
    expect(() => hospitalGraph('North General')).toThrow(ValidationError);
  });
});

describe('Function: literatureIri', () => {
  it('uses the PubMed page for a PMID and a caregraph IRI otherwise', () => {
    expect(literatureIri('12345678').value).toBe('https://pubmed.ncbi.nlm.nih.gov/12345678/');
    expect(literatureIri('pmid-31')).toEqual(literatureIri('31'));
    expect(literatureIri('cpic-2022-abstract').value).toBe(
      'https://caregraph.dev/literature/cpic-2022-abstract',
    );
  });
});

describe('Function: noteIri', () => {
  const pseudonym = '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8';
  it('names a note by its hospital, patient pseudonym and document id', () => {
    expect(noteIri('h1', pseudonym, 'note-1').value).toBe(
      `https://caregraph.dev/document/h1/${pseudonym}/note-1`,
    );
    expect(noteIri('h1', 'bbbbbbbbbbbbbbbb', 'note-1')).not.toEqual(
      noteIri('h1', pseudonym, 'note-1'),
    );
    expect(legacyNoteIri('h1', 'note-1').value).toBe('https://caregraph.dev/document/h1/note-1');
  });

  it.each([
    ['a name for the patient', 'h1', 'Jane Doe', 'note-1', 'patient'],
    ['a path for the document', 'h1', pseudonym, '../etc/passwd', 'document'],
    ['a hospital that is no slug', 'H 1', pseudonym, 'note-1', 'hospital'],
  ])(
    'refuses %s, naming the field and not the value',
    (_name, hospital, patient, document, path) => {
      let error: unknown;
      try {
        noteIri(hospital, patient, document);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ path });
      expect((error as Error).message).not.toContain('Jane');
    },
  );
});
