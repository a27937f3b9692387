// Domain (nlp/vocabulary): abbreviations with several clinical senses. Each sense lists context words
// (matched as word prefixes within the sentence and the previous one); the sense with the most cues
// wins, a tie or no cue leaves the abbreviation unlinked (no entity), as recommended for ambiguous
// clinical abbreviations (Moon et al. 2014, "A sense inventory for clinical abbreviations", JAMIA 21:299;
// ISMP list of error-prone abbreviations 2021 names "MS" as ambiguous: morphine vs magnesium sulfate).
import { conceptId } from './define';

export interface AbbreviationSense {
  conceptId: string;
  cues: readonly string[];
}

export interface AmbiguousAbbreviation {
  /** Exact-case surface form. */
  form: string;
  senses: readonly AbbreviationSense[];
}

const sense = (type: 'Disease' | 'Chemical' | 'Symptom', term: string, cues: string) => ({
  conceptId: conceptId(type, term),
  cues: cues.split(' '),
});

// prettier-ignore
export const ambiguousAbbreviations: readonly AmbiguousAbbreviation[] = [
  { form: 'MS', senses: [
    sense('Disease', 'multiple sclerosis', 'relaps demyelinat neurolog lesion mri optic interferon natalizumab ocrelizumab gait numbness'),
    sense('Disease', 'mitral stenosis', 'mitral valve murmur echo rheumatic diastolic atrial commissurotomy valvuloplasty'),
    sense('Chemical', 'morphine', 'mg iv po prn pain dose q4h q2h q6h opioid analgesi'),
  ] },
  { form: 'PE', senses: [
    sense('Disease', 'pulmonary embolism', 'dvt cta embol anticoag heparin enoxaparin apixaban rivaroxaban hypox tachycard wells d-dimer dimer clot suspicious doubt rule cannot'),
  ] },
  { form: 'CP', senses: [
    sense('Symptom', 'chest pain', 'chest exertion radiat substernal pressure troponin ecg ekg angina sob shortness dyspnea diaphoresis call 911 return watch denies no reports fever palpitation nausea doe breath syncope loc emesis vomit dizz headache complain'),
    sense('Disease', 'cerebral palsy', 'spastic developmental wheelchair gmfcs quadriplegi diplegi botox baclofen'),
  ] },
  { form: 'RA', senses: [
    sense('Disease', 'rheumatoid arthritis', 'joint methotrexate synovitis rheumatoid arthritis dmard hydroxychloroquine morning stiffness swelling'),
  ] },
  { form: 'AS', senses: [
    sense('Disease', 'aortic stenosis', 'murmur valve echo tavr savr systolic gradient ejection'),
  ] },
  { form: 'AD', senses: [
    sense('Disease', 'Alzheimer disease', 'dementia memory cognit donepezil memantine'),
    sense('Disease', 'atopic dermatitis', 'eczema itch rash emollient steroid topical skin'),
  ] },
];
