// Domain (nlp/vocabulary): signs and symptoms of MeSH's C23.888 branch ("Signs and Symptoms") that
// the other vocabulary files lacked: eye and pupil signs, hearing and speech disorders, pain types,
// sleep, fetal and neurological signs. Each row is one MeSH descriptor, written with its name
// un-inverted ("Hearing Loss, Unilateral" -> unilateral hearing loss) and common clinical synonyms.
// Codes: MeSH descriptor ids with their NLM names, read from the public MeSH id-name table of
// dhimmel/mesh (data/symptoms.tsv, MeSH 2015, the release the BC5CDR and NCBI-disease corpora use;
// a descriptor NLM has replaced since would need corpusEraMeshId's tables the other way round).
// Category headings that no text uses as a mention ("Skin Manifestations", "Respiratory Sounds") are
// left out.
import { rowsOf } from './define';

const source = 'MeSH C23.888 Signs and Symptoms (NLM descriptor ids and names)';
const s = rowsOf('Symptom', source);
const d = rowsOf('Disease', source);

// prettier-ignore
export const meshSymptoms = [
  // abdomen, digestion, weight
  s('acute abdomen|surgical abdomen', '', { mesh: 'D000006' }),
  s('aerophagy|aerophagia|air swallowing', '', { mesh: 'D000334' }),
  s('colic', '', { mesh: 'D003085' }),
  s('infantile diarrhea|infant diarrhea', '', { mesh: 'D003968' }),
  s('emaciation|emaciated', '', { mesh: 'D004614' }),
  s('thinness', '', { mesh: 'D013851' }),
  s('gagging', '', { mesh: 'D005683' }),
  s('halitosis|bad breath', '', { mesh: 'D006209' }),
  s('glossalgia|glossodynia|burning tongue', '', { mesh: 'D005926' }),
  s('anticipatory vomiting|anticipatory nausea and vomiting', '', { mesh: 'D014840' }),
  s('morning sickness', '', { mesh: 'D048968' }),
  s('mouth breathing', '', { mesh: 'D009058' }),
  // pain
  s('acute pain', '', { mesh: 'D059787' }),
  s('chronic pain', '', { mesh: 'D059350' }),
  s('intractable pain|refractory pain', '', { mesh: 'D010148' }),
  s('postoperative pain|post-operative pain|postsurgical pain', '', { mesh: 'D010149' }),
  s('labor pain|labour pain|labor pains', '', { mesh: 'D048949' }),
  s('pruritus ani|anal pruritus|anal itching', '', { mesh: 'D011538' }),
  // eye and vision
  s('mydriasis|dilated pupils|pupillary dilation', '', { mesh: 'D015878' }),
  s('miosis|pinpoint pupils|pupillary constriction', '', { mesh: 'D015877' }),
  s('anisocoria|unequal pupils', '', { mesh: 'D015875' }),
  s('tonic pupil|Adie pupil|Adie\'s pupil', '', { mesh: 'D015845' }),
  s('scotoma|scotomata|scotomas', '', { mesh: 'D012607' }),
  s('hemianopsia|hemianopia|homonymous hemianopia|homonymous hemianopsia', '', { mesh: 'D006423' }),
  s('amblyopia|lazy eye', '', { mesh: 'D000550' }),
  s('low vision', '', { mesh: 'D015354' }),
  s('cortical blindness', '', { mesh: 'D019575' }),
  s('eye hemorrhage|ocular hemorrhage', '', { mesh: 'D005130' }),
  s('retinal hemorrhage|retinal hemorrhages', '', { mesh: 'D012166' }),
  s('choroidal hemorrhage|choroid hemorrhage', '', { mesh: 'D002832' }),
  d('Horner syndrome|Horner\'s syndrome', '', { mesh: 'D006732' }),
  // ear, hearing, smell and taste
  s('hyperacusis', '', { mesh: 'D012001' }),
  s('hearing disorder|hearing disorders', '', { mesh: 'D006311' }),
  s('bilateral hearing loss', '', { mesh: 'D006312' }),
  s('unilateral hearing loss', '', { mesh: 'D046088' }),
  s('central hearing loss', '', { mesh: 'D006313' }),
  s('functional hearing loss', '', { mesh: 'D006315' }),
  s('high-frequency hearing loss|high frequency hearing loss', '', { mesh: 'D006316' }),
  s('noise-induced hearing loss', '', { mesh: 'D006317' }),
  s('auditory perceptual disorder|auditory processing disorder', '', { mesh: 'D001308' }),
  s('olfaction disorder|olfactory disorder|olfactory dysfunction', '', { mesh: 'D000857' }),
  s('taste disorder', '', { mesh: 'D013651' }),
  s('cerebrospinal fluid otorrhea|CSF otorrhea', '', { mesh: 'D002558' }),
  s('cerebrospinal fluid rhinorrhea|CSF rhinorrhea', '', { mesh: 'D002559' }),
  // speech, language and cognition
  s('agnosia', '', { mesh: 'D000377' }),
  s('prosopagnosia|face blindness', '', { mesh: 'D020238' }),
  s('agraphia', '', { mesh: 'D000381' }),
  s('anomia|anomic aphasia', '', { mesh: 'D000849' }),
  s('Broca aphasia|Broca\'s aphasia|expressive aphasia', '', { mesh: 'D001039' }),
  s('Wernicke aphasia|Wernicke\'s aphasia|receptive aphasia', '', { mesh: 'D001041' }),
  s('conduction aphasia', '', { mesh: 'D018886' }),
  s('apraxia', '', { mesh: 'D001072' }),
  s('gait apraxia', '', { mesh: 'D020235' }),
  s('acquired dyslexia|alexia', '', { mesh: 'D004411' }),
  s('echolalia', '', { mesh: 'D004454' }),
  s('articulation disorder', '', { mesh: 'D001184' }),
  s('speech disorder|speech disturbance', '', { mesh: 'D013064' }),
  s('language disorder', '', { mesh: 'D007806' }),
  s('language development disorder', '', { mesh: 'D007805' }),
  s('mental fatigue', '', { mesh: 'D005222' }),
  s('illusion|illusions', '', { mesh: 'D007088' }),
  s('perceptual disorder|perceptual disturbance', '', { mesh: 'D010468' }),
  s('psychomotor disorder', '', { mesh: 'D011596' }),
  d('Gerstmann syndrome', '', { mesh: 'D005862' }),
  // consciousness and sleep
  s('unconsciousness', '', { mesh: 'D014474' }),
  s('disorder of consciousness|disorders of consciousness', '', { mesh: 'D003244' }),
  s('decerebrate state|decerebrate posturing|decerebrate rigidity', '', { mesh: 'D003655' }),
  s('catalepsy', '', { mesh: 'D002375' }),
  s('insulin coma', '', { mesh: 'D007331' }),
  s('sleep deprivation', '', { mesh: 'D012892' }),
  s('parasomnia', '', { mesh: 'D020447' }),
  // movement, muscle and sensation
  s('myotonia', '', { mesh: 'D009222' }),
  s('synkinesis', '', { mesh: 'D046608' }),
  s('gait ataxia', '', { mesh: 'D020234' }),
  s('neurologic gait disorder|neurological gait disorder', '', { mesh: 'D020233' }),
  s('spastic paraparesis', '', { mesh: 'D020336' }),
  s('respiratory paralysis', '', { mesh: 'D012133' }),
  s('abnormal reflex|abnormal reflexes', '', { mesh: 'D012021' }),
  s('sensation disorder|sensory disturbance|sensory disturbances', '', { mesh: 'D012678' }),
  s('motion sickness|travel sickness|car sickness|seasickness', '', { mesh: 'D009041' }),
  d('pseudobulbar palsy', '', { mesh: 'D020828' }),
  // circulation, blood and gases
  s('low cardiac output|low cardiac output syndrome|low output state', '', { mesh: 'D002303' }),
  s('high cardiac output|high-output state', '', { mesh: 'D016534' }),
  s('cardiac edema', '', { mesh: 'D004489' }),
  s('orthostatic intolerance', '', { mesh: 'D054971' }),
  s('hypocapnia|hypocarbia', '', { mesh: 'D016857' }),
  s('hyperoxia', '', { mesh: 'D018496' }),
  s('gingival hemorrhage|gingival bleeding|bleeding gums', '', { mesh: 'D005884' }),
  s('cafe-au-lait spots|cafe au lait spots|cafe-au-lait macules', '', { mesh: 'D019080' }),
  d('thrombocytopenic purpura', '', { mesh: 'D011696' }),
  d('purpura fulminans', '', { mesh: 'D055665' }),
  d('hypergammaglobulinemia', '', { mesh: 'D006942' }),
  d('reticulocytosis', '', { mesh: 'D045262' }),
  // urinary and reproductive
  s('prostatism', '', { mesh: 'D053448' }),
  // fetal and newborn
  s('fetal hypoxia', '', { mesh: 'D005311' }),
  s('fetal distress|non-reassuring fetal status', '', { mesh: 'D005316' }),
  s('fetal macrosomia|macrosomia', '', { mesh: 'D005320' }),
  d('hydrops fetalis|fetal hydrops', '', { mesh: 'D015160' }),
];
