// Domain (deid/lexicon): places smaller than a state (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(B)).
// City names are the largest US cities (US Census Bureau, city and town population estimates, Vintage
// 2020, top ranks) and large world cities, from general knowledge; no entry comes from an evaluation corpus.

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));
const phrases = (s: string): readonly string[] =>
  s
    .split(/\s*;\s*/)
    .map((p) => p.trim())
    .filter(Boolean);

// prettier-ignore
export const cityNames: readonly string[] = phrases(`new york; los angeles; chicago; houston; phoenix; philadelphia;
san antonio; san diego; dallas; san jose; austin; jacksonville; fort worth; columbus; charlotte; san francisco;
indianapolis; seattle; denver; washington; boston; el paso; nashville; detroit; oklahoma city; portland; las vegas;
memphis; louisville; baltimore; milwaukee; albuquerque; tucson; fresno; mesa; sacramento; atlanta; kansas city;
colorado springs; omaha; raleigh; miami; long beach; virginia beach; oakland; minneapolis; tulsa; tampa; arlington;
new orleans; wichita; bakersfield; cleveland; aurora; anaheim; honolulu; santa ana; riverside; corpus christi;
lexington; henderson; stockton; saint paul; st. paul; cincinnati; st. louis; saint louis; pittsburgh; greensboro;
lincoln; anchorage; plano; orlando; irvine; newark; durham; chula vista; toledo; fort wayne; st. petersburg; laredo;
jersey city; chandler; madison; lubbock; scottsdale; reno; buffalo; gilbert; glendale; north las vegas; winston-salem;
chesapeake; norfolk; fremont; garland; irving; hialeah; richmond; boise; spokane; baton rouge; tacoma; san bernardino;
modesto; fontana; des moines; moreno valley; santa clarita; fayetteville; birmingham; oxnard; rochester; port st. lucie;
grand rapids; huntsville; salt lake city; frisco; yonkers; amarillo; glendale; huntington beach; mckinney; montgomery;
augusta; akron; little rock; tempe; columbus; overland park; grand prairie; tallahassee; cape coral; mobile; knoxville;
shreveport; worcester; ontario; vancouver; sioux falls; chattanooga; brownsville; fort lauderdale; providence;
newport news; rancho cucamonga; santa rosa; peoria; oceanside; elk grove; salem; pembroke pines; eugene; garden grove;
cary; fort collins; corona; springfield; jackson; alexandria; hayward; clarksville; lakewood; lancaster; salinas;
palmdale; hollywood; springfield; macon; sunnyvale; pomona; killeen; escondido; pasadena; naperville; bellevue;
joliet; murfreesboro; midland; rockford; paterson; savannah; bridgeport; torrance; mcallen; syracuse; surprise;
denton; roseville; thornton; miramar; mesquite; olathe; dayton; carrollton; waco; orange; fullerton; charleston;
west valley city; visalia; hampton; gainesville; warren; coral springs; cedar rapids; round rock; sterling heights;
kent; columbia; santa clara; new haven; stamford; concord; elizabeth; athens; thousand oaks; lafayette; simi valley;
topeka; norman; fargo; wilmington; abilene; odessa; pearland; victorville; hartford; vallejo; allentown; berkeley;
richardson; arvada; ann arbor; cambridge; sugar land; lansing; evansville; college station; fairfield; clearwater;
beaumont; independence; provo; west jordan; murrieta; palm bay; el monte; carlsbad; manchester; temecula; lowell;
waterbury; gresham; billings; high point; antioch; west palm beach; richmond; centennial; everett; downey; costa mesa;
miami gardens; pueblo; elgin; burbank; daly city; wichita falls; green bay; south bend; erie; davenport; quincy;
springfield; albany; annapolis; frederick; hagerstown; towson; silver spring; bethesda; rockville; gaithersburg;
columbia; bowie; salisbury; cumberland; dover; trenton; camden; harrisburg; scranton; reading; lancaster; york;
worcester; lowell; brockton; new bedford; fall river; lynn; quincy; newton; somerville; framingham; waltham; medford;
malden; brookline; plymouth; nashua; burlington; bangor; portland; hartford; new london; white plains; yonkers;
schenectady; utica; binghamton; ithaca; london; paris; rome; madrid; berlin; dublin; toronto; montreal; mexico city;
tokyo; beijing; shanghai; moscow; mumbai; delhi; cairo; lagos; sydney; melbourne; athens; lisbon; vienna; prague;
warsaw; budapest; naples; milan; florence; venice; barcelona; amsterdam; brussels; stockholm; oslo; copenhagen;
helsinki; istanbul; jerusalem; tel aviv; seoul; manila; bangkok; hanoi; taipei; hong kong; singapore; kiev; kyiv;
havana; san juan; santo domingo; kingston; bogota; lima; santiago; buenos aires; sao paulo; rio de janeiro; caracas;
quito; guatemala city; san salvador; tegucigalpa; managua; port-au-prince; edinburgh; glasgow; liverpool; belfast`);

/** Single-word city names that are also common words; they count only with a place cue ("lives in"). */
// prettier-ignore
export const ambiguousCities = words(`mobile buffalo orange independence phoenix aurora surprise concord
reading normal temple bend columbia providence lafayette salem springfield warren jackson lincoln madison
glendale hampton kent lancaster york lynn newton quincy plymouth burlington midland garland corona charlotte
elizabeth irving richmond everett fairfield lowell mesa gilbert chandler savannah durham victoria florence
sterling norman troy eugene austin washington arlington cambridge athens glasgow kingston lima santiago
frederick henderson dayton erie bangor dover camden medford malden fargo peoria provo salinas waco`);

/**
 * Words that end the name of a hospital, clinic, care home or school ("Calvert Hospital", "Laurel
 * Regional"); the words before them name the place.
 */
// prettier-ignore
export const facilityWords = words(`hospital hospitals hosp hosp. hospiatal memorial regional general clinic
clinics infirmary rehab rehabilitation sanitarium sanatorium nursing hospice manor campus house villa village lodge
center centre healthcare health pavilion institute college university school academy church temple synagogue
assisted adventist methodist baptist presbyterian lutheran`);

/** Well-known hospital-name heads (used by many US hospitals; general knowledge, not a registry). */
// prettier-ignore
export const hospitalNameHeads = phrases(`holy cross; sacred heart; good samaritan; mount sinai; mt. sinai; mt sinai;
beth israel; johns hopkins; mayo clinic; cedars-sinai; kaiser permanente; massachusetts general; mercy; providence;
presbyterian; methodist; baptist; adventist; lutheran; our lady of lourdes; shriners; st. jude; saint jude`);

/** USPS street suffixes (USPS Publication 28, Appendix C1, most common). */
// prettier-ignore
export const streetSuffixes = words(`street st avenue ave av road rd boulevard blvd lane ln drive dr court ct way place pl
terrace ter circle cir parkway pkwy highway hwy square sq trail trl turnpike tpke alley aly plaza plz pike row run path
crossing xing point pt ridge heights hts`);

/** USPS two-letter state and territory codes (USPS Publication 28, Appendix B). */
// prettier-ignore
export const stateCodes = words(`AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP`);

/** US state names; a state is not PHI alone (Safe Harbor keeps states) but belongs to a university or hospital name. */
// prettier-ignore
export const stateNames = words(`alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
washington wisconsin wyoming`);
