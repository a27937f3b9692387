// Domain (deid/lexicon): words that look like names but are not, in clinical text. Three tables:
// - `ambiguousNames`: census names that are also common English words ("Will", "Hope", "Grace", "Max",
//   "Brown", "Walker"); curated as the intersection of this project's name tables with the lowercase
//   entries of the Debian `wamerican` word list (SCOWL 2020), minus names seldom used as words. They
//   count as names only with strong context (a title, a relative, a credential, a full name).
// - `eponyms`: people's names used for diseases, signs, scores and devices (Parkinson, Foley, Apgar...),
//   never names of the patient's people unless written as a full name with a credential.
// - `commonWords`: English function words, frequent verbs and clinical vocabulary and abbreviations,
//   never names or places whatever the context.

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

// prettier-ignore
export const ambiguousNames = words(`amber angel archer art august autumn baker ball banks barber barker basil bass
bates bean beard beau beck bell bender berg berry best bill bishop black bob bond booth bowers bowman brad branch brandy
bravo brewer bridges brooks brown browning buck bud buddy bullock burns bush buster butler candy cannon carmine case
chad chambers chance chandler charity chase cherry chi chuck church clay clement cliff collier colon combs cook cooper
corona cox coy crane cross crystal curry curt daisy dale dawn day dean destiny dick dirk dolly don drake drew duke dusty
dyer earnest ebony ester faith farmer fern fields fisher flora flowers ford forest foster fox frank freeman french frost
fry fuller gale garland garner garret garrison gates gene gentry gill ginger glass glen golden good grace grant graves
gray green griffin grimes gross guy hail hale hall hardy hart hazel heath herb herring hicks hill ho hogan holly homer
hood hope horn house huff hull hung hunt hunter iris ivory ivy jack jasmine jasper jay jewel johns joy junior khan king
knight lacy lam lamb lance lane laurel lea leach lee levy lily little long love lynch madden major man manning manual
margarita marina mark marks marlin marquis marsh mason max may mayo meadows melody miles mills misty moody moon morrow
moss myrtle newton noble noel olive opal pace page paisley park parks parsons pat patsy peck penny person pierce pope
porter potter powers price prince proctor ray reed reeves rice rich rivers roach rob robin rocky rod roman rose rosemary
royal ruby rush rusty sandy sang savage savannah sawyer sellers serenity sexton shad shah sharp shepherd sherry shields
short sierra sims singleton small snow sol sparks spears stark stein sterling stokes stone stout strong sue summer
summers sung tad tang tanner trinity troy tucker turner valentine van villa viola violet wade waldo walker wall walls
ward ware waters watts weaver weeks welch wells west wheeler white will winters wise wolf wood woods wright young
kelly jean lou lynn billie joan frances ira abe ollie tory val vern wes wiley`);

// Eponymous diseases, signs, scores and devices (Dorland's Illustrated Medical Dictionary, 33rd ed., eponym
// entries; chosen for how often they appear in notes).
// prettier-ignore
export const eponyms = words(`parkinson parkinsons alzheimer alzheimers hodgkin hodgkins crohn crohns addison addisons
cushing cushings graves bell bells down apgar glasgow foley foleys babinski romberg homan homans murphy murphys kernig
brudzinski trendelenburg swan ganz hashimoto hashimotos raynaud raynauds guillain barre kaposi wernicke korsakoff
huntington huntingtons tourette tourettes marfan klinefelter sjogren sjogrens reiter kawasaki whipple whipples barrett
barretts mallory weiss zenker meckel hirschsprung ludwig virchow starling fick doppler holter hickman groshong broviac
quinton phalen tinel lachman mcmurray gleason braden morse ramsay mallampati killip pugh ranson caprini cheyne kussmaul
korotkoff levine burkitt ewing wilms paget bowen merkel epstein barr lyme colles monteggia galeazzi salter brugada mobitz
wenckebach osborn framingham bence jones heimlich valsalva coombs gram wright giemsa ziehl neelsen papanicolaou pap
schilling rinne weber snellen allen finkelstein durkan hawkins neer spurling thompson ortolani barlow denver tanner
tanners chvostek trousseau cullen turner grey kehr mcburney rovsing psoas obturator courvoisier charcot beck kerley
austin flint graham steell duroziez quincke corrigan traube musset argyll robertson horner horners adie bell's down's
stevens johnson wolff white lown ganong levine harris benedict mifflin st jeor cockcroft gault mdrd child childs
ranson rockall blatchford forrest sengstaken blakemore minnesota miller macintosh yankauer jackson pratt hemovac
penrose malecot pigtail tenckhoff permacath mahurkar quinton passy muir shiley bivona portex venturi ambu hoyer
stryker clinitron roho kinair jobst ted scd thomas denis browne pavlik milwaukee boston jewett aspen philadelphia
miami halo gardner wells mayfield codman ommaya camino licox bair hugger pleurx denver heparin glucagon`);

// Common English words and clinical vocabulary that follow titles, prepositions or relatives in notes.
// prettier-ignore
export const commonWords = words(`a about above across after again against all almost alone along already also although
always am among an and another any anyone anything are around as ask asked asking at away back be because been before
being below between both but by call called calling calls came can cannot could did do does doing done down during each
either else enough even ever every few for from further gave get gets getting give given gives giving go goes going gone
got had has have having he her here hers herself him himself his how however i if in into is it its itself just know
known last later least less let like made make makes making many me more most much must my myself near need needed
needs neither never new next no none nor not now of off often old on once one only or other others our out over own
per please put rather re same see seen several she should since so some someone something soon still such take taken
than that the their them then there these they this those though through thus to today together tomorrow tonight too
toward towards under until up upon us very via was we well went were what when where whether which while who whom
whose why will with within without would yes yesterday yet you your
aware notified paged informed updated called spoke speak spoken talked talk discussed discuss met meet meeting visit
visited visiting visits present here in notify ordered orders order note notes consult consulted consults team service
office plan plans pt pts patient patients family families members member staff attending resident residents fellow
intern interns house physician physicians doctor doctors nurse nurses nursing rn rns md mds np pa pas do rt rrt crt
respiratory therapy therapist pharmacy pharmacist social work worker case manager management coordinator chaplain
on-call oncall covering cover coverage fellow rounds rounding bedside unit floor room bed icu micu sicu ccu csru nicu
picu pacu er ed ew or osh ems amb ambulance medflight home rehab nursing facility snf hospice shelter
will may can might must shall could would should
mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday weekend
jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august september october
november december am pm noon midnight morning afternoon evening night overnight day days week weeks month months year years
hour hours hr hrs min mins minute minutes time times shift
son sons daughter daughters dtr dau wife husband sister sisters brother brothers mother mom father dad friend friends
niece nephew grandson granddaughter aunt uncle cousin proxy hcp partner spouse children child kids parents parent
neighbor neighbors relative relatives
mr mrs ms miss dr drs
left right bilateral bilat lower upper mid side sides front back anterior posterior lateral medial distal proximal
blood pressure heart rate resp lungs lung breath breathing sounds sound clear coarse crackles rales rhonchi wheezes
diminished bases base abd abdomen soft distended tender bowel stool stools urine foley voiding void output intake
neuro alert oriented awake asleep sedated lethargic confused agitated calm restless comfortable pain denies c/o
skin warm dry cool pale pink intact edema pulses pulse palpable dopplerable extremities extremity head neck chest
cv gi gu id endo heme renal resp pulm social psych dispo access lines line iv ivs picc cvl tlc aline art
cath lab echo ekg ecg cxr ct mri us xray x-ray scan film films study studies labs lab results result values value
hct hgb wbc plt inr ptt pt bun cr creat k na cl co2 mg ca phos glucose bs fs abg vbg lactate trop troponin ck cpk
vent ventilator intubated extubated trach ett ngt ogt peg tube tubes drain drains chest sat sats spo2 o2 nc fm nrb
bipap cpap simv ac ps peep fio2 tv rr hr bp map cvp pad pcwp ci co svr temp tmax afebrile febrile
meds med medication medications drug drugs dose doses dosing mg mcg ml cc units unit gtt drip bolus prn qd bid tid
qid qhs q4 q6 q8 po pr sl sq sc im ivp ivpb npo tf tfs diet tolerated tolerating tolerate
lasix heparin coumadin insulin morphine ativan haldol dopamine levophed neo dobutamine milrinone propofol fentanyl
versed vanco vancomycin zosyn flagyl levo levofloxacin cipro kefzol ceftaz tylenol percocet dilaudid lopressor
metoprolol captopril lisinopril amiodarone digoxin dig nitro ntg asa aspirin plavix kcl potassium magnesium calcium
albumin ffp prbc prbcs plts saline ns lr d5w tpn lipids
good fair poor stable unstable improved improving worse worsening better same unchanged continue continued
cont con't cont'd remains remained remain started start stopped stop increased decreased weaned wean titrated
given received rec'd gave changed change placed removed repeat repeated pending sent drawn done obtained
admitted admission admit adm transferred transfer transfered trans discharged discharge d/c dc dc'd sent went came
brought arrived arrival returned return readmitted presented presenting seen evaluated eval screened accepted
hospital hosp medical center clinic memorial regional general university campus health care
history hx pmh phx pmhx hpi ros exam a/p assessment impression problem problems issue issues diagnosis dx
normal abnormal negative positive neg pos wnl nad none no yes high low elevated large small moderate mild severe
new old recent previous prior current acute chronic stable critical serious
free total full partial complete first second third last initial final other another
code dnr dni full dnr/dni comfort measures cmo
english spanish italian russian chinese french german speaking speaks language
god lord jesus christ church bible
a&o aox3 a&ox3 mae perrla rrr s1 s2 sr st nsr afib aflutter svt vt vf pvc pvcs pacs pac
the sees saw says said states stated feels felt wants wanted asks needs leave left require requires begin
begins awaiting await awaits finished support concerning maintain poss possible keep kept eve eves unable req
pearl perrl perl brady tachy bradycardic ada dopa sbp dbp maps map fio fio2 pco pco2 po2 mso mso4 spo nepro stoma
micu pmicu p-micu sicu ccu csru nicu picu pacu tcu ccu icu tsicu cvicu ward wards floor ra psv pcv page pages
vigorous balloon pump pacer chemistries groin femoral wrist overall residuals legs scale episode atropine nebs
bbs sx sxn sxn'd suct pleasant cooperative admin fecal mediastinal unable higher continues follow check suggest
feels prefers hemody iabp sao sat
synch sync synched synchronous dyssynchrony asynchrony`);

/** Titles that precede a person's name (their own token is not PHI; the i2b2 2014 convention). */
export const titles = words(`dr drs doctor mr mrs ms miss mister rabbi rev reverend pastor`);

/** Relatives and people in the patient's life whose name may follow ("daughter Anne", "pt's wife Joan"). */
// prettier-ignore
export const relationWords = words(`wife husband son sons daughter daughters dtr dtrs dau sister sisters brother brothers
mother mom father dad friend friends niece nephew grandson grandsons granddaughter granddaughters grandaughter aunt uncle
cousin proxy hcp fiance fiancee partner girlfriend boyfriend neighbor neighbour stepdaughter stepson caseworker
companion guardian sibling grandmother grandfather grandma grandpa spouse nurse rn np pa resident fellow intern
attending pcp physician surgeon cardiologist coordinator manager therapist chaplain named ho
 caseworker`);

/** Professional credentials that follow a clinician's name in signatures ("Q. Lander RRT"). */
// prettier-ignore
export const credentials = words(`rrt crt rn md np pa pa-c do lpn lvn msw licsw lcsw rd rph pharmd cna slp ccc-slp crna bsn
msn dnp phd mph facp facc rcp rtt cpt ot otr pt dpt ma`);
