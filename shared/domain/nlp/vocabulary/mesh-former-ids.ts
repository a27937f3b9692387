// Domain (nlp/vocabulary): the MeSH supplementary concept record (SCR) each newer descriptor replaced.
// NLM promotes a substance's SCR to a descriptor when it is indexed often; corpora annotated before
// that (BC5CDR and NCBI-disease: MeSH 2015) carry the SCR id. Each pair was checked: the SCR id
// with the same substance's label in the BC5CDR training split (CDR_TrainingSet.PubTator.txt)
// and/or SuLab/DrugMechDB-agentic (docs/term_existence_audit.md lists the retired SCR ids its
// curated paths use; cache/terms/MESH.json gives NLM's label of each as "[OBSOLETE] <name>").
// Descriptors with no SCR found in those sources are left out.
/** Current descriptor id -> the SCR id it replaced. */
// prettier-ignore
export const meshFormerIds: ReadonlyMap<string, string> = new Map([
  ['D000077405', 'C081309'], // irbesartan: BC5CDR train + DrugMechDB
  ['D000077261', 'C043211'], // carvedilol: DrugMechDB
  ['D000077786', 'C026116'], // torsemide: DrugMechDB
  ['D000077144', 'C055162'], // clopidogrel: BC5CDR train
  ['D000077486', 'C503700'], // ticagrelor: DrugMechDB
  ['D000069059', 'C065179'], // atorvastatin: BC5CDR train
  ['D000068718', 'C422923'], // rosuvastatin: BC5CDR train
  ['D000069438', 'C108606'], // ezetimibe: BC5CDR train
  ['D000069470', 'C047426'], // venlafaxine: BC5CDR train
  ['D000078785', 'C035133'], // mirtazapine: DrugMechDB
  ['D000068180', 'C094645'], // aripiprazole: BC5CDR train
  ['D000077152', 'C076029'], // olanzapine: BC5CDR train
  ['D000077287', 'C026098'], // levetiracetam: BC5CDR train + DrugMechDB (SCR 'etiracetam')
  ['D000077213', 'C047781'], // lamotrigine: BC5CDR train + DrugMechDB
  ['D000077206', 'C040029'], // gabapentin: BC5CDR train
  ['D000077265', 'C076946'], // donepezil: DrugMechDB
  ['D000077156', 'C419708'], // gefitinib: DrugMechDB
  ['D000077594', 'C581771'], // nivolumab: DrugMechDB
  ['D000077143', 'C067311'], // docetaxel: BC5CDR train
  ['D000069287', 'C110904'], // capecitabine: BC5CDR train
  ['D000077402', 'C064276'], // pantoprazole: DrugMechDB
  ['D000077764', 'C118667'], // dronedarone: DrugMechDB
  ['D000077550', 'C088408'], // ivabradine: DrugMechDB
  ['D000077407', 'C045645'], // cilostazol: DrugMechDB
  ['D000077542', 'C086648'], // eptifibatide: DrugMechDB
  ['D000077340', 'C065180'], // fluvastatin: BC5CDR train + DrugMechDB
  ['D000069499', 'C492458'], // ezetimibe/simvastatin: BC5CDR train
  ['D000077300', 'C086232'], // bosentan: DrugMechDB
  ['D000077597', 'C502012'], // vildagliptin: DrugMechDB (SCR 'vildagliptin')
  ['D000077715', 'C060142'], // nateglinide: DrugMechDB
  ['D000077557', 'C073007'], // ibandronate: DrugMechDB
  ['D000077211', 'C088658'], // zoledronic acid: DrugMechDB
  ['D000077268', 'C019248'], // pamidronate: DrugMechDB
  ['D000069449', 'C476217'], // cinacalcet: BC5CDR train
  ['D000077403', 'C055122'], // orlistat: DrugMechDB
  ['D000077525', 'C056814'], // cefdinir: DrugMechDB
  ['D000077723', 'C043266'], // cefepime: DrugMechDB
  ['D000077731', 'C059500'], // meropenem: DrugMechDB
  ['D000077727', 'C446479'], // ertapenem: DrugMechDB
  ['D000078262', 'C042734'], // rifaximin: DrugMechDB
  ['D000077483', 'C084555'], // valacyclovir: DrugMechDB
  ['D000068698', 'C096918'], // tenofovir disoproxil fumarate: BC5CDR train (SCR 'tenofovir')
  ['D000069446', 'C413408'], // atazanavir: BC5CDR train
  ['D000077551', 'C121905'], // micafungin: DrugMechDB
  ['D000077291', 'C041359'], // terbinafine: DrugMechDB
  ['D000077432', 'C523979'], // tapentadol: DrugMechDB
  ['D000077239', 'C065757'], // meloxicam: DrugMechDB
  ['D000077149', 'C009250'], // sevoflurane: BC5CDR train
  ['D000077602', 'C116664'], // tolvaptan: DrugMechDB
  ['D000078764', 'C048107'], // milnacipran: DrugMechDB
  ['D000078784', 'C557874'], // vortioxetine: DrugMechDB
  ['D000077593', 'C074679'], // reboxetine: DrugMechDB
  ['D000078306', 'C012255'], // clobazam: DrugMechDB
  ['D000077408', 'C048833'], // modafinil: BC5CDR train + DrugMechDB
  ['D000077443', 'C043877'], // acamprosate: DrugMechDB
  ['D000077236', 'C052342'], // topiramate: BC5CDR train
  ['D000078330', 'C036006'], // oxcarbazepine: BC5CDR train + DrugMechDB
  ['D000078305', 'C022189'], // zonisamide: BC5CDR train
  ['D000078328', 'C047360'], // felbamate: DrugMechDB
  ['D000078308', 'C059205'], // tiagabine: DrugMechDB
  ['D000077867', 'C066340'], // tolcapone: DrugMechDB
  ['D000077487', 'C061333'], // pramipexole: DrugMechDB
  ['D000074323', 'C096529'], // alemtuzumab: DrugMechDB
  ['D000077553', 'C005435'], // edaravone: DrugMechDB (SCR 'phenylmethylpyrazolone')
  ['D000077235', 'C030852'], // vinorelbine: BC5CDR train + DrugMechDB
  ['D000093542', 'C056507'], // gemcitabine: BC5CDR train + DrugMechDB
  ['D000077204', 'C047246'], // temozolomide: DrugMechDB
  ['D000077237', 'C006632'], // arsenic trioxide: DrugMechDB
  ['D000077269', 'C467567'], // lenalidomide: BC5CDR train + DrugMechDB
  ['D000077337', 'C111237'], // vorinostat: DrugMechDB
  ['D000077606', 'C099150'], // trabectedin: DrugMechDB
  ['D000077157', 'C471405'], // sorafenib: BC5CDR train + DrugMechDB
  ['D000077210', 'C473478'], // sunitinib: BC5CDR train + DrugMechDB
  ['D000068338', 'C107135'], // everolimus: BC5CDR train
  ['D000077339', 'C045463'], // leflunomide: DrugMechDB
  ['D000077431', 'C008729'], // oxaprozin: DrugMechDB
  ['D000077769', 'C032302'], // rilmenidine: BC5CDR train + DrugMechDB
  ['D000077543', 'C044919'], // deferiprone: DrugMechDB
  ['D000077588', 'C415250'], // deferasirox: DrugMechDB
  ['D000077409', 'C088482'], // tamsulosin: DrugMechDB
  ['D000077338', 'C072042'], // latanoprost: DrugMechDB
  ['D000077271', 'C056493'], // imiquimod: DrugMechDB
  ['D000077768', 'C011585'], // ciclopirox: DrugMechDB
  ['D000077423', 'C008976'], // polidocanol: DrugMechDB
  ['D000077726', 'C099245'], // doripenem: DrugMechDB
  ['D000077735', 'C103274'], // gemifloxacin: DrugMechDB
  ['D000077734', 'C078049'], // gatifloxacin: DrugMechDB
  ['D000078102', 'C102070'], // lumefantrine: DrugMechDB
  ['D000077560', 'C105196'], // enfuvirtide: DrugMechDB
  ['D000077863', 'C001652'], // omacetaxine: DrugMechDB (SCR 'homoharringtonine')
]);

/**
 * Current descriptor id -> the broader MeSH 2015 descriptor its concept was indexed under before it
 * had a descriptor of its own (the descriptor record's "Previous Indexing"); checked as above.
 */
export const meshPreviousIndexing: ReadonlyMap<string, string> = new Map([
  ['D000072281', 'D008206'], // Lymphadenopathy (2017) -> Lymphatic Diseases: BC5CDR train
]);

/**
 * The id a corpus annotated with MeSH 2015 (BC5CDR, NCBI-disease) uses for the substance of `id`:
 * the supplementary record a newer descriptor replaced, or the broader descriptor it was indexed
 * under (meshPreviousIndexing), else `id` itself. For scoring against such corpora; the product
 * keeps the current descriptor.
 */
export function corpusEraMeshId(id: string): string {
  return meshFormerIds.get(id) ?? meshPreviousIndexing.get(id) ?? id;
}
