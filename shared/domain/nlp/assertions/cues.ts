// Domain (nlp/assertions): the ConText cue lists. Negation triggers follow NegEx (Chapman et al. 2001,
// J Biomed Inform 34:301, and the 2009 NegEx trigger list: pre-/post-negation, pseudo-negation,
// termination terms); the possible, historical, hypothetical and experiencer (family) triggers follow
// ConText (Harkema et al. 2009, J Biomed Inform 42:839, Table 2 and its lexicon), extended with the
// telegraphic forms clinical notes use ("(-)", "r/o", "h/o", "s/p", "neg").

import type { EntityType } from '../model';

export type CueCategory = 'negated' | 'possible' | 'historical' | 'hypothetical' | 'family';

export interface Cue {
  phrase: string;
  /** 'pseudo' cues block a shorter trigger inside them ("no increase", "not only"); 'stop' ends a scope. */
  category: CueCategory | 'pseudo' | 'stop';
  /**
   * 'pre' applies forward to the end of the scope; 'post' applies backward to its start. Post
   * negations that are also words ("no", "none", "neg") count only at the end of their sentence
   * ("Fever: no"), never before a following word ("Lungs: no wheezes").
   */
  direction: 'pre' | 'post';
  /** Applies only to the next mention, and only to mentions of these types (as-needed sigs). */
  nextOnly?: readonly EntityType[];
  /** Applies only to the mention next to it, with no other mention between ("CAD, MI (2017)"). */
  nearestOnly?: boolean;
  /** A pre reading that counts only where the trigger opens its sentence ("In 2019 he had an MI"). */
  opening?: boolean;
  /**
   * A post reading of a trigger that also has a pre one ("denied", "ruled out"), taken wherever a
   * mention sits just before the trigger, after nothing but a colon or a copula ("Chest pain denied
   * at this time", "PE ruled out by CT"): the mention before is negated, the words after are not
   * (NegEx's backward reading, Chapman et al. 2001). With `types`, only a mention of those types
   * (or of none known) does: "Metformin: held" reads backward, "AKI: held metformin" forward.
   */
  afterMention?: boolean;
  /** A pre reading that does not apply across a result verb ("Repeat echo showed cardiomyopathy"). */
  unlessResult?: boolean;
  /** Applies only to mentions of these types ("stopped", "held": a medicine, never its indication). */
  types?: readonly EntityType[];
  /** A pre reading that applies only to a mention right after it, with nothing between ("off warfarin"). */
  adjoining?: boolean;
  /**
   * A pre reading that does not reach across a comma or semicolon ("Discontinued heparin, warfarin
   * 5 mg daily": the warfarin is taken).
   */
  sameItem?: boolean;
  /**
   * A pre reading limited by nearestOnly and sameItem that also reaches every medicine of a closed
   * list right after the nearest one ("Held lisinopril and metoprolol", "Stopped aspirin, clopidogrel
   * and warfarin", "Stopped lisinopril 10 mg and metoprolol 25 mg"): medicines joined by commas,
   * "and", "or", "&" or "/", each with at most its dose, route and frequency, the list closing with
   * "and", "or", "&" or "/" before its last medicine. A comma alone closes no list ("Discontinued
   * heparin, warfarin 5 mg daily": the warfarin is taken), and a verb or another mention ends it
   * ("Held lisinopril and started amlodipine").
   */
  medicineList?: boolean;
  /** A 'stop' that ends only the scopes of these categories ("patient" ends a relative's scope). */
  ends?: readonly CueCategory[];
  /**
   * A 'stop' that, just after a mention, affirms it ("COVID-19 positive"): no trigger before it
   * reaches the mention.
   */
  affirms?: boolean;
  /**
   * An affirming stop that affirms only the first item after a negated list closed by "and", "or" or
   * "nor" ("No nausea or vomiting, diarrhea present"), never after a single denied item ("No edema,
   * cyanosis noted") nor the last item of an open list ("No murmurs, rubs, gallops present", "No
   * rash, lesions or masses noted").
   */
  newItemOnly?: boolean;
}

const list = (category: Cue['category'], direction: Cue['direction'], phrases: string): Cue[] =>
  phrases.split('|').map((phrase) => ({ phrase, category, direction }));

/**
 * The token of a cue phrase that stands for a year before the note's year (19xx/20xx written alone:
 * never part of a date like 3/2019 or a dose); the classifier reads such a year as this slot.
 */
export const pastYearSlot = 'yyyy';
// prettier-ignore
const months = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec'.split('|');
/** `before` + a past year (or a month and a past year) + `after`: "in 2019", "in March 2019", "(2019)". */
const dated = (before: string, after = ''): string[] =>
  [pastYearSlot, ...months.map((m) => `${m} ${pastYearSlot}`)].map((d) => `${before}${d}${after}`);

// prettier-ignore
const relatives = 'father|mother|dad|mom|grandmother|grandfather|parents|parent|sister|brother|son|daughter|aunt|uncle'.split('|');
/** "brought in by his father", "here with her mother": a relative who is present, not the experiencer. */
const companions = relatives.flatMap((r) =>
  ['by his', 'by her', 'by their', 'with his', 'with her', 'with their'].map((p) => `${p} ${r}`),
);
/**
 * "here with his mother": the same companion after the termination term "here with", which would
 * otherwise be read first (leftmost-longest) and leave "mother" to read as a family trigger. It
 * still ends the scope of what came before, as "here with" does.
 */
const presentCompanions = relatives.flatMap((r) =>
  ['here with his', 'here with her', 'here with their'].map((p) => `${p} ${r}`),
);
/**
 * A relative who tells the history of the patient (a child, mostly): "His father reports", "Mother
 * has noticed", "Her mother is most concerned about", "per mom". What they report is the patient's,
 * not family history. Verbs of having ("her mother has diabetes", "father had an MI") stay family
 * triggers, and a relative who denies is not listed, so "Mother denies fever" keeps its negation.
 */
// prettier-ignore
const informantVerbs = 'reports|reported|states|stated|notes|noted|noticed|has noticed|is most concerned about|is concerned about|is worried about|says|describes|feels'.split('|');
const informants = relatives.flatMap((r) => [
  ...['', 'his ', 'her ', 'their '].flatMap((p) => informantVerbs.map((v) => `${p}${r} ${v}`)),
  ...[
    'per',
    'per his',
    'per her',
    'per their',
    'according to',
    'according to his',
    'according to her',
    'according to their',
  ].map((p) => `${p} ${r}`),
]);

export const cues: readonly Cue[] = [
  // "albuterol q4h PRN wheezing": the symptom is hypothetical, the drug and its indication are not.
  ...list('hypothetical', 'pre', 'prn|p.r.n.|as needed for|if needed for').map((c) => ({
    ...c,
    nextOnly: ['Symptom'] as const,
  })),
  ...list('pseudo', 'pre', companions.join('|')),
  ...list('pseudo', 'pre', informants.join('|')),
  ...list('stop', 'pre', presentCompanions.join('|')),
  ...list(
    'negated',
    'pre',
    "no|not|denies|denied|deny|denying|without|w/o|negative for|neg for|neg|free of|absence of|absent|no evidence of|no sign of|no signs of|no history of|no hx of|no h/o|never had|never|none|no complaints of|has not had|have not had|had not had|there has been no|there was no|there is no|no recent|no known|no further|(-)|doubt|doubtful|rules out|ruled out|ruling out|r/o'd|is not|was not|did not have|does not have|not have|nor|lack of|lacks|fails to reveal|failed to reveal|free from|resolution of|no new|no acute|no associated|no active|unremarkable for|not demonstrate|no family history of|denies family history of|no known family history of|negative family history of|family history negative for|no fh of|denies any|no significant|not experiencing|no c/o|no known history of|not currently|no prior|negative|not had|no episodes of|no further episodes of|without any|no evidence|pertinent negatives|pertinent negatives include|not consistent with|argues against|rather than|unlikely to be",
  ),
  ...list(
    'negated',
    'post',
    'no|denies|neg|none|negative|absent|is absent|was absent|not seen|not present|has been ruled out|unlikely|is unlikely|not noted|not found',
  ),
  // Bidirectional: "Denied chest pain" and "Chest pain denied at this time"; see Cue.afterMention.
  ...list('negated', 'post', 'denied|ruled out').map((c) => ({ ...c, afterMention: true })),
  // "No positive cultures for MRSA": the negation, not a positive result (see the stop below).
  ...list('negated', 'pre', 'no positive|not positive'),
  // Backward-only forms (NegEx post-negation triggers): "PE was ruled out by CT angiogram" negates
  // the PE, never the CT; "ruled out for" reads forward ("She was ruled out for MI").
  ...list(
    'negated',
    'post',
    'was ruled out|is ruled out|were ruled out|are ruled out|been ruled out|have been ruled out|had been ruled out|being ruled out|was denied|is denied|were denied|are denied',
  ),
  ...list(
    'negated',
    'pre',
    'ruled out for|was ruled out for|is ruled out for|were ruled out for|been ruled out for|has been ruled out for|have been ruled out for|had been ruled out for',
  ),
  ...list(
    'possible',
    'pre',
    "possible|possibly|probable|probably|likely|suspected|suspect|suspicious for|suspicion for|low suspicion for|high suspicion for|concern for|concerning for|question of|questionable|r/o|rule out|rule-out|to rule out|cannot rule out|can not rule out|can't rule out|cannot exclude|can not exclude|cannot be excluded|could be|may be|may have|might have|might be|differential includes|differential diagnosis includes|ddx includes|ddx|differential|worrisome for|evaluate for|evaluation for|presumed|presumptive|borderline for|equivocal for|versus|?|new-onset?|rule out for|probable diagnosis of|suggestive of|suspicious of|may represent|possible diagnosis of",
  ),
  ...list(
    'possible',
    'post',
    '?|is possible|is likely|is suspected|not excluded|cannot be excluded|can not be excluded|not ruled out|cannot be ruled out|is questionable|versus|suspected|was not ruled out|is not ruled out|has not been ruled out|have not been ruled out|were not ruled out',
  ),
  ...list(
    'historical',
    'pre',
    'history of|hx of|h/o|s/p|status post|previous|previously|prior|past|remote|former|formerly|remote history of|previously treated for|previously diagnosed with|prior history of|in the past|childhood history of|past history of|history significant for|resolved|recovered from|distant history of|known history of|pmh of|pmhx of|past medical history of|s/p recent',
  ),
  // "No longer taking metformin", "She no longer has chest pain": what was, and is not now. NegEx
  // lists "no longer" as a pseudo-negation, which left the mention present; it stays one alone ("no
  // longer enjoying hobbies" is a symptom of now, not a negation), and these longer forms win.
  ...list(
    'historical',
    'pre',
    'no longer has|no longer have|no longer had|no longer on|no longer taking|no longer takes|no longer taken|no longer uses|no longer using|no longer needs|no longer experiencing|no longer having|no longer with',
  ),
  // A medicine stopped, held or discontinued is one the patient took, not one taken now (i2b2/VA
  // 2010 medication status; read as historical so the graph has hasHistoryOf, never takesMedication).
  // Medicines only: "Stopped metformin because of diarrhea" dates the metformin, not the diarrhea.
  // Forward, only the nearest medicine, or a closed list of medicines right after it ("Held
  // lisinopril and metoprolol"; Cue.medicineList), and never across a comma or semicolon otherwise
  // ("Discontinued heparin, warfarin 5 mg daily"); a restart or a continuation ends the scope ("Held
  // metformin, started insulin").
  ...list(
    'historical',
    'pre',
    "stopped|discontinued|d/c'd|dc'd|held|has stopped|had stopped|was stopped|have stopped|has discontinued|had discontinued|was discontinued|stopped taking|has stopped taking|had stopped taking",
  ).map((c) => ({
    ...c,
    types: ['Chemical'] as const,
    nearestOnly: true,
    sameItem: true,
    medicineList: true,
  })),
  // "Off warfarin", "was taken off lisinopril": only the medicine right after ("off and on", "time
  // off work, on lisinopril" date nothing).
  ...list('historical', 'pre', 'off|is off|was off|been off|taken off|was taken off|came off').map(
    (c) => ({ ...c, types: ['Chemical'] as const, adjoining: true }),
  ),
  // "Warfarin discontinued because of bleeding", "Metformin was held for AKI", "Heparin drip
  // stopped": the medicine (or list of them) just before, past one dosage-form word.
  ...list(
    'historical',
    'post',
    "stopped|discontinued|d/c'd|dc'd|held|was stopped|were stopped|was discontinued|were discontinued|was held|were held|has been stopped|has been discontinued|has been held|was d/c'd",
  ).map((c) => ({ ...c, types: ['Chemical'] as const, afterMention: true })),
  ...list(
    'stop',
    'pre',
    'started|restarted|resumed|continued|continue|continuing|switched to|changed to',
  ).map((c) => ({ ...c, ends: ['historical'] as const })),
  ...list(
    'historical',
    'post',
    'in the past|resolved|(resolved)|years ago|months ago|as a child|in childhood|previously|in remission',
  ),
  // A past-date anchor in the mention's clause dates a past event: ConText's historical triggers
  // ("in the past", "years ago") extended to a year before the note's year. The date attaches to the
  // mention next to it ("CAD, MI (2017)" dates only the MI), or, opening the sentence, to its whole
  // scope ("In 2019 he had an NSTEMI", "3 years ago she had a DVT"). An onset date is not a past
  // event: "since 2010", "(dx 2015)" and "(started 11/2019)" never match, and "started in 2019" is a
  // pseudo-trigger. A chronic condition stays present after these as after "history of".
  ...list('historical', 'post', [...dated('in '), ...dated('(', ')')].join('|')).map((c) => ({
    ...c,
    nearestOnly: true,
  })),
  ...list(
    'historical',
    'pre',
    [
      ...dated('in '),
      'years ago|months ago|as a child|as a teenager|as a teen|in childhood|in adolescence',
    ].join('|'),
  ).map((c) => ({ ...c, opening: true })),
  ...list('historical', 'post', 'as a teenager|as a teen|in adolescence'),
  // An indication in a medication list ("aspirin 81 mg for h/o MI, metoprolol 25 mg daily") dates
  // the indication only, not the medicines listed after it.
  ...list(
    'historical',
    'pre',
    'for history of|for h/o|for hx of|for prior|for previous|for remote history of|for past history of',
  ).map((c) => ({ ...c, nearestOnly: true })),
  ...list(
    'pseudo',
    'pre',
    ['started in ', 'began in ', 'beginning in ', 'onset in '].flatMap((p) => dated(p)).join('|'),
  ),
  ...list(
    'hypothetical',
    'pre',
    'if|in case of|in the event of|should|watch for|monitor for|monitoring for|return if|call if|come back if|seek care for|seek care if|seek medical attention for|seek medical attention if|return for|return precautions|precautions|precautions for|unless|will check|will obtain|will order|will repeat|will recheck|will get|will start|will consider|due for|overdue for|plan for|planned|scheduled for|schedule|to be scheduled|to obtain|obtain|to prevent|prevention of|risk of|at risk for|to reduce the risk of|prophylaxis for|screening for|screen for|advised to seek care for any|advised to seek care for|return to the ed if|return to ed if|report any|notify if|call for|call 911 for|in case|call the office if|consider|considering',
  ),
  // A test to repeat or order is to come, but not its result: "Repeat echo showed cardiomyopathy"
  // (Cue.unlessResult).
  ...list('hypothetical', 'pre', 'repeat|recheck|re-check|check|plan|order').map((c) => ({
    ...c,
    unlessResult: true,
  })),
  // "Discussed colonoscopy; she will schedule": a test or procedure discussed is one to come. A
  // disease or symptom discussed is one the patient has ("Discussed diabetes management").
  ...list('hypothetical', 'pre', 'discussed').map((c) => ({
    ...c,
    types: ['Procedure', 'LabTest'] as const,
  })),
  ...list(
    'hypothetical',
    'post',
    'recommended|is recommended|ordered|was ordered|to be done|pending|scheduled|planned|is due|due|will schedule',
  ),
  ...list(
    'family',
    'pre',
    'family history of|family history significant for|positive family history of|family hx of|fh of|fhx of|fh|fhx|mother|mom|father|dad|sister|brother|sibling|siblings|parent|parents|aunt|uncle|grandmother|grandfather|grandparent|mgm|pgm|mgf|pgf|maternal|paternal|cousin|son|daughter|niece|nephew|twin|family members|family member|relative|relatives',
  ),
  ...list(
    'family',
    'post',
    'in mother|in father|in mom|in dad|in sister|in brother|in maternal grandmother|in paternal grandfather|in maternal grandfather|in paternal grandmother|in mgm|in pgf|in pgm|in mgf|(mother)|(father)|(mom)|(dad)|(sister)|(brother)|(mgm)|(pgf)|(maternal grandmother)|(paternal grandfather)|in the family|runs in the family|in her mother|in his mother|in her father|in his father|in parents',
  ),
  ...list(
    'pseudo',
    'pre',
    'no increase|not only|no change|no significant change|not necessarily|without difficulty|no further change|gram negative|not certain if|not certain whether|not rule out|no interval change|not been ruled out|not drain|no suspicious change|not cause|not extend|without any further|no changes|not just|if any|history of present illness|no longer|not otherwise|check in|past week|past month|past year|past few|plan of care|free of charge|history and physical|past medical history|past surgical history|family history:|prior to|past week|in the past week|if needed|as needed|continue current|current dose|over the past|for the past|in the past few|over the last|for the last|possibly related to|related to',
  ),
  ...list(
    'stop',
    'pre',
    'but|however|although|though|except|aside from|apart from|which|presents|presenting|presented|p/w|complains|complaining|c/o|reports|states|who|secondary to|due to|as well as|yet|still|otherwise|whereas|while|now|currently|today|other than|admitted|here for|here with|seen for|followed by',
  ),
  // A positive result ends a negation's (or a doubt's) list ("Negative for influenza, positive for
  // COVID-19") and, just after a mention, affirms it ("Negative for influenza, COVID-19 positive").
  // A relative's scope runs on ("Mother: BRCA1 positive, breast cancer at 45").
  ...list(
    'stop',
    'pre',
    'positive|positive for|tested positive|tested positive for|tests positive for|is positive|was positive|are positive|were positive',
  ).map((c) => ({ ...c, affirms: true, ends: ['negated', 'possible'] as const })),
  // A new clause with the patient as subject ends a negation's list ("No fever and has cough",
  // "Denies chest pain and admits to dyspnea"); a negation after it starts again ("and has no liver
  // disease").
  ...list('stop', 'pre', 'and has|and had|admits|admits to|endorses|and endorses').map((c) => ({
    ...c,
    ends: ['negated'] as const,
  })),
  // "Diarrhea present", "murmur noted" just after a mention: that mention is affirmed, once a list
  // the negation opened has closed (Cue.newItemOnly).
  ...list('stop', 'pre', 'present|noted').map((c) => ({
    ...c,
    affirms: true,
    newItemOnly: true,
    ends: ['negated'] as const,
  })),
  // The patient as the subject ends a relative's scope ("Mother has diabetes, patient has
  // hypertension"): ConText's experiencer terminates at the patient. Only the relative's scope: "No
  // evidence that the patient has pneumonia" stays negated. "patient's mother", "mother of the
  // patient" and "per patient" are not the patient as subject.
  ...list(
    'stop',
    'pre',
    'patient|pt|the patient|the pt|patient has|pt has|the patient has|he has|she has',
  ).map((c) => ({ ...c, ends: ['family'] as const })),
  ...list(
    'pseudo',
    'pre',
    "patient's|pt's|the patient's|of the patient|of patient|of the pt|of pt|per patient|per pt|per the patient|according to patient|according to the patient",
  ),
];
