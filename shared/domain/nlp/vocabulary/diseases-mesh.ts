// Domain (nlp/vocabulary): the disease descriptors of MeSH (tree C, Diseases, and F03, Mental
// Disorders) that no other vocabulary file names: rare and hereditary diseases, infections by
// organism, neoplasms by site and histology, pathological processes (C23; typed as symptoms). One
// row per descriptor: its NLM preferred name un-inverted ("Carcinoma, Hepatocellular" ->
// Hepatocellular Carcinoma) and its id; the comment lists its tree branches.
// Source: the MeSH 2015 descriptor id, name and tree-number table of dhimmel/mesh
// (data/tree-numbers.tsv, from NLM's desc2015.xml). Left out: descriptors already named by a
// curated concept (which keeps its own code), veterinary-only ones (C22 alone), headings that no text
// uses as a mention (Disease Attributes, Signs and Symptoms, chromosome and karyotype findings,
// remission and progression), and names the un-inversion cannot read ("..., of Turkeys").
// These concepts are matched like the curated ones; they carry only a MeSH code, so a clinical
// extraction reports them under MeSH (the importers add ICD-10-CM and SNOMED CT where licensed).
import type { Concept } from '../model';
import { rowsOf } from './define';

const source = 'MeSH 2015 descriptors, trees C and F03 (NLM ids and preferred names)';
const d = rowsOf('Disease', source);
const s = rowsOf('Symptom', source);

// prettier-ignore
const rows = [
  d('Abdominal Injuries', '', { mesh: 'D000007' }), // C26
  d('Abdominal Neoplasms', '', { mesh: 'D000008' }), // C04
  d('Multiple Abnormalities', '', { mesh: 'D000015' }), // C16
  d('Radiation-Induced Abnormalities', '', { mesh: 'D000016' }), // C16,C26
  d('Incomplete Abortion', '', { mesh: 'D000027' }), // C13
  d('Missed Abortion', '', { mesh: 'D000030' }), // C13
  d('Septic Abortion', '', { mesh: 'D000031' }), // C01,C13
  d('Threatened Abortion', '', { mesh: 'D000033' }), // C13
  d('Acantholysis', '', { mesh: 'D000051' }), // C17,C23
  d('Achlorhydria', '', { mesh: 'D000126' }), // C06,C18
  d('Acinetobacter Infections', '', { mesh: 'D000151' }), // C01
  d('Acne Keloid', '', { mesh: 'D000153' }), // C17
  d('Acrocephalosyndactylia', '', { mesh: 'D000168' }), // C05,C16
  d('Acrodermatitis', '', { mesh: 'D000169' }), // C16,C17
  d('Acrodynia', '', { mesh: 'D000170' }), // C10,C25
  d('Actinobacillosis', '', { mesh: 'D000187' }), // C01,C22
  d('Actinobacillus Infections', '', { mesh: 'D000189' }), // C01
  d('Actinomycetales Infections', '', { mesh: 'D000193' }), // C01
  d('Cervicofacial Actinomycosis', '', { mesh: 'D000197' }), // C01,C17
  s('Acute-Phase Reaction', '', { mesh: 'D000210' }), // C23
  d('Adams-Stokes Syndrome', '', { mesh: 'D000219' }), // C14,C23
  d('Adenocarcinoma', '', { mesh: 'D000230' }), // C04
  d('Papillary Adenocarcinoma', '', { mesh: 'D000231' }), // C04
  d('Adenofibroma', '', { mesh: 'D000232' }), // C04
  d('Adenolymphoma', '', { mesh: 'D000235' }), // C04
  d('Adenoma', '', { mesh: 'D000236' }), // C04
  d('Basophil Adenoma', '', { mesh: 'D000237' }), // C04
  d('Chromophobe Adenoma', '', { mesh: 'D000238' }), // C04
  d('Acidophil Adenoma', '', { mesh: 'D000239' }), // C04
  d('Adenoviridae Infections', '', { mesh: 'D000257' }), // C02
  d('Human Adenovirus Infections', '', { mesh: 'D000258' }), // C02
  s('Tissue Adhesions', '', { mesh: 'D000267' }), // C23
  d('Adie Syndrome', '', { mesh: 'D000270' }), // C10,C11
  d('Adiposis Dolorosa', '', { mesh: 'D000274' }), // C17,C18
  d('Adnexal Diseases', '', { mesh: 'D000291' }), // C13
  d('Adrenal Cortex Diseases', '', { mesh: 'D000303' }), // C19
  d('Adrenal Cortex Neoplasms', '', { mesh: 'D000306' }), // C04,C19
  d('Adrenal Gland Diseases', '', { mesh: 'D000307' }), // C19
  d('Adrenocortical Hyperfunction', '', { mesh: 'D000308' }), // C19
  d('Adrenal Gland Neoplasms', '', { mesh: 'D000310' }), // C04,C19
  d('Adrenal Rest Tumor', '', { mesh: 'D000314' }), // C04
  d('Adrenoleukodystrophy', '', { mesh: 'D000326' }), // C10,C16,C18,C19
  d('Psychotic Affective Disorders', '', { mesh: 'D000341' }), // F03
  d('Afferent Loop Syndrome', '', { mesh: 'D000343' }), // C06,C23
  d('Afibrinogenemia', '', { mesh: 'D000347' }), // C15,C16
  d('African Horse Sickness', '', { mesh: 'D000355' }), // C02,C22
  d('African Swine Fever', '', { mesh: 'D000357' }), // C02,C22
  d('Agammaglobulinemia', '', { mesh: 'D000361' }), // C15,C20
  d('Agricultural Workers\' Diseases', '', { mesh: 'D000382' }), // C24
  d('AIDS-Related Complex', '', { mesh: 'D000386' }), // C02,C20
  d('Ainhum', '', { mesh: 'D000387' }), // C05
  d('Akinetic Mutism', '', { mesh: 'D000405' }), // C10
  d('Albinism', '', { mesh: 'D000417' }), // C11,C16,C17,C18
  d('Aleutian Mink Disease', '', { mesh: 'D000453' }), // C02,C20,C22
  d('Alkaptonuria', '', { mesh: 'D000474' }), // C16,C18
  d('Follicular Mucinosis', '', { mesh: 'D000507' }), // C17
  d('Altitude Sickness', '', { mesh: 'D000532' }), // C08
  d('Ameloblastoma', '', { mesh: 'D000564' }), // C04
  d('Amelogenesis Imperfecta', '', { mesh: 'D000567' }), // C07,C16
  d('Inborn Errors Amino Acid Metabolism', '', { mesh: 'D000592' }), // C16,C18
  d('Renal Aminoacidurias', '', { mesh: 'D000608' }), // C12,C13,C16,C18
  d('Amniotic Band Syndrome', '', { mesh: 'D000652' }), // C16
  d('Traumatic Amputation', '', { mesh: 'D000673' }), // C26
  d('Anal Gland Neoplasms', '', { mesh: 'D000694' }), // C04,C06,C22
  d('Congenital Pain Insensitivity', '', { mesh: 'D000699' }), // C10,C16
  d('Anaplasia', '', { mesh: 'D000708' }), // C04,C23
  d('Anaplasmataceae Infections', '', { mesh: 'D000711' }), // C01
  d('Anaplasmosis', '', { mesh: 'D000712' }), // C01,C22
  d('Congenital Dyserythropoietic Anemia', '', { mesh: 'D000742' }), // C15,C16
  d('Congenital Hemolytic Anemia', '', { mesh: 'D000745' }), // C15,C16
  d('Congenital Nonspherocytic Hemolytic Anemia', '', { mesh: 'D000746' }), // C15,C16
  d('Hypochromic Anemia', '', { mesh: 'D000747' }), // C15
  d('Myelophthisic Anemia', '', { mesh: 'D000750' }), // C15
  d('Neonatal Anemia', '', { mesh: 'D000751' }), // C15,C16
  d('Refractory Anemia', '', { mesh: 'D000753' }), // C15
  d('Infected Aneurysm', '', { mesh: 'D000785' }), // C01,C14
  d('Angioid Streaks', '', { mesh: 'D000793' }), // C11
  d('Angiokeratoma', '', { mesh: 'D000794' }), // C04
  d('Angiolymphoid Hyperplasia with Eosinophilia', '', { mesh: 'D000796' }), // C15,C17
  d('Angiomatosis', '', { mesh: 'D000798' }), // C14
  d('Aniseikonia', '', { mesh: 'D000839' }), // C11
  d('Ankylosis', '', { mesh: 'D000844' }), // C05
  d('Anodontia', '', { mesh: 'D000848' }), // C07,C16
  d('Anophthalmos', '', { mesh: 'D000853' }), // C11,C16
  d('Anovulation', '', { mesh: 'D000858' }), // C13,C19
  d('Anterior Compartment Syndrome', '', { mesh: 'D000868' }), // C05,C14
  d('Anthracosilicosis', '', { mesh: 'D000874' }), // C08,C24
  d('Anus Diseases', '', { mesh: 'D001004' }), // C06
  d('Separation Anxiety', '', { mesh: 'D001010' }), // F03
  d('Aortic Arch Syndromes', '', { mesh: 'D001015' }), // C14
  d('Aortic Diseases', '', { mesh: 'D001018' }), // C14
  d('Aortic Rupture', '', { mesh: 'D001019' }), // C14,C26
  d('Subvalvular Aortic Stenosis', '', { mesh: 'D001020' }), // C14
  d('Aortic Valve Prolapse', '', { mesh: 'D001023' }), // C14
  d('Aortitis', '', { mesh: 'D001025' }), // C14
  d('Aortopulmonary Septal Defect', '', { mesh: 'D001028' }), // C14,C16
  d('Aphakia', '', { mesh: 'D001035' }), // C11
  d('Postcataract Aphakia', '', { mesh: 'D001036' }), // C11
  d('Apudoma', '', { mesh: 'D001079' }), // C04
  d('Spider Bites', '', { mesh: 'D001098' }), // C25,C26
  d('Arbovirus Infections', '', { mesh: 'D001102' }), // C02
  d('Arcus Senilis', '', { mesh: 'D001112' }), // C11
  d('Arenaviridae Infections', '', { mesh: 'D001117' }), // C02
  d('Argyria', '', { mesh: 'D001129' }), // C17,C25
  d('Arm Injuries', '', { mesh: 'D001134' }), // C26
  d('Sinus Arrhythmia', '', { mesh: 'D001146' }), // C14,C23
  d('Arterial Occlusive Diseases', '', { mesh: 'D001157' }), // C14
  d('Arterio-Arterial Fistula', '', { mesh: 'D001159' }), // C14,C16,C23
  d('Arteriosclerosis', '', { mesh: 'D001161' }), // C14
  d('Arteriosclerosis Obliterans', '', { mesh: 'D001162' }), // C14
  d('Arteriovenous Fistula', '', { mesh: 'D001164' }), // C14,C16,C23
  d('Arteriovenous Malformations', '', { mesh: 'D001165' }), // C14,C16
  d('Arteritis', '', { mesh: 'D001167' }), // C14
  d('Juvenile Arthritis', '', { mesh: 'D001171' }), // C05,C17,C20
  d('Arthus Reaction', '', { mesh: 'D001183' }), // C20
  d('Ascaridiasis', '', { mesh: 'D001198' }), // C03
  d('Ascorbic Acid Deficiency', '', { mesh: 'D001206' }), // C18
  d('Asthenopia', '', { mesh: 'D001248' }), // C11
  d('Astigmatism', '', { mesh: 'D001251' }), // C11
  d('Ataxia Telangiectasia', '', { mesh: 'D001260' }), // C10,C14,C16,C18,C20
  d('Athletic Injuries', '', { mesh: 'D001265' }), // C26
  s('Atrophy', '', { mesh: 'D001284' }), // C23
  d('Central Auditory Diseases', '', { mesh: 'D001304' }), // C09,C10
  d('Autonomic Nervous System Diseases', '', { mesh: 'D001342' }), // C10
  d('Avian Leukosis', '', { mesh: 'D001353' }), // C02,C04,C22
  d('Avian Sarcoma', '', { mesh: 'D001357' }), // C02,C04,C22
  d('Avitaminosis', '', { mesh: 'D001361' }), // C18
  d('Bacterial Infections', '', { mesh: 'D001424' }), // C01
  d('Bacteriuria', '', { mesh: 'D001437' }), // C01,C12,C13
  d('Bacteroides Infections', '', { mesh: 'D001442' }), // C01
  d('Balantidiasis', '', { mesh: 'D001447' }), // C03,C06
  d('Balkan Nephropathy', '', { mesh: 'D001449' }), // C12,C13
  d('Barotrauma', '', { mesh: 'D001469' }), // C26
  d('Bartonella Infections', '', { mesh: 'D001474' }), // C01
  d('Bartonellaceae Infections', '', { mesh: 'D001476' }), // C01
  d('Basal Cell Nevus Syndrome', '', { mesh: 'D001478' }), // C04,C05,C07,C16
  d('Basal Ganglia Diseases', '', { mesh: 'D001480' }), // C10
  d('Battered Child Syndrome', '', { mesh: 'D001497' }), // C26,F03
  d('Mental Disorders', '', { mesh: 'D001523' }), // F03
  d('Beriberi', '', { mesh: 'D001602' }), // C18
  d('Bernard-Soulier Syndrome', '', { mesh: 'D001606' }), // C15,C16
  d('Berylliosis', '', { mesh: 'D001607' }), // C08,C24
  d('Bezoars', '', { mesh: 'D001630' }), // C26
  d('Bile Duct Diseases', '', { mesh: 'D001649' }), // C06
  d('Bile Duct Neoplasms', '', { mesh: 'D001650' }), // C04,C06
  d('Bile Reflux', '', { mesh: 'D001655' }), // C06
  d('Biliary Dyskinesia', '', { mesh: 'D001657' }), // C06
  d('Biliary Tract Diseases', '', { mesh: 'D001660' }), // C06
  d('Biliary Tract Neoplasms', '', { mesh: 'D001661' }), // C04,C06
  d('Bird Fancier\'s Lung', '', { mesh: 'D001716' }), // C08,C20,C24
  d('Birth Injuries', '', { mesh: 'D001720' }), // C16,C26
  d('Human Bites', '', { mesh: 'D001734' }), // C26
  d('Blackwater Fever', '', { mesh: 'D001742' }), // C03
  d('Urinary Bladder Calculi', '', { mesh: 'D001744' }), // C12,C13,C23
  d('Urinary Bladder Diseases', '', { mesh: 'D001745' }), // C12,C13
  d('Bladder Exstrophy', '', { mesh: 'D001746' }), // C12,C13,C16
  d('Blast Injuries', '', { mesh: 'D001753' }), // C26
  d('Blind Loop Syndrome', '', { mesh: 'D001765' }), // C06,C18
  d('Blood Protein Disorders', '', { mesh: 'D001796' }), // C15
  d('Bloom Syndrome', '', { mesh: 'D001816' }), // C16,C18
  d('Bluetongue', '', { mesh: 'D001819' }), // C02,C22
  d('Bone Cysts', '', { mesh: 'D001845' }), // C04,C05
  d('Bone Diseases', '', { mesh: 'D001847' }), // C05
  d('Developmental Bone Diseases', '', { mesh: 'D001848' }), // C05
  d('Endocrine Bone Diseases', '', { mesh: 'D001849' }), // C05,C19
  d('Infectious Bone Diseases', '', { mesh: 'D001850' }), // C01,C05
  d('Metabolic Bone Diseases', '', { mesh: 'D001851' }), // C05
  d('Bone Marrow Diseases', '', { mesh: 'D001855' }), // C15
  d('Bone Resorption', '', { mesh: 'D001862' }), // C05
  d('Border Disease', '', { mesh: 'D001882' }), // C02,C22
  d('Bordetella Infections', '', { mesh: 'D001885' }), // C01
  d('Borna Disease', '', { mesh: 'D001890' }), // C02,C22
  d('Borrelia Infections', '', { mesh: 'D001899' }), // C01
  d('Boutonneuse Fever', '', { mesh: 'D001907' }), // C01
  d('Bovine Virus Diarrhea-Mucosal Disease', '', { mesh: 'D001912' }), // C02,C22
  d('Chronic Brain Damage', '', { mesh: 'D001925' }), // C10
  d('Branchioma', '', { mesh: 'D001935' }), // C04
  d('Breast Diseases', '', { mesh: 'D001941' }), // C17
  d('Breech Presentation', '', { mesh: 'D001946' }), // C13
  d('Brenner Tumor', '', { mesh: 'D001948' }), // C04,C13,C19
  d('Bronchial Diseases', '', { mesh: 'D001982' }), // C08
  d('Bronchial Neoplasms', '', { mesh: 'D001984' }), // C04,C08
  d('Viral Bronchiolitis', '', { mesh: 'D001990' }), // C02,C08
  d('Bronchitis', '', { mesh: 'D001991' }), // C08
  d('Bronchogenic Cyst', '', { mesh: 'D001994' }), // C04,C08,C16
  d('Bronchopneumonia', '', { mesh: 'D001996' }), // C08
  d('Bronchopulmonary Sequestration', '', { mesh: 'D001998' }), // C08,C16
  d('Bovine Brucellosis', '', { mesh: 'D002007' }), // C01,C22
  d('Bunyaviridae Infections', '', { mesh: 'D002044' }), // C02
  d('Burning Mouth Syndrome', '', { mesh: 'D002054' }), // C07
  d('Chemical Burns', '', { mesh: 'D002057' }), // C26
  d('Electric Burns', '', { mesh: 'D002058' }), // C26
  d('Inhalation Burns', '', { mesh: 'D002059' }), // C26
  d('Byssinosis', '', { mesh: 'D002095' }), // C08,C24
  d('Cadmium Poisoning', '', { mesh: 'D002105' }), // C25
  d('Calcinosis', '', { mesh: 'D002114' }), // C18
  d('Calcium Metabolism Disorders', '', { mesh: 'D002128' }), // C18
  s('Calculi', '', { mesh: 'D002137' }), // C23
  d('Callosities', '', { mesh: 'D002145' }), // C17
  d('Chronic Mucocutaneous Candidiasis', '', { mesh: 'D002178' }), // C01,C17
  d('Cutaneous Candidiasis', '', { mesh: 'D002179' }), // C01,C17
  d('Capgras Syndrome', '', { mesh: 'D002194' }), // F03
  d('Caplan Syndrome', '', { mesh: 'D002205' }), // C05,C08,C17,C24
  d('Inborn Errors Carbohydrate Metabolism', '', { mesh: 'D002239' }), // C16,C18
  d('Carbon Monoxide Poisoning', '', { mesh: 'D002249' }), // C25
  d('Carbon Tetrachloride Poisoning', '', { mesh: 'D002252' }), // C25
  d('Carbuncle', '', { mesh: 'D002270' }), // C01,C17
  d('Carcinoid Heart Disease', '', { mesh: 'D002275' }), // C04,C14
  d('Walker Carcinoma 256', '', { mesh: 'D002279' }), // C04
  d('Basosquamous Carcinoma', '', { mesh: 'D002281' }), // C04
  d('Bronchiolo-Alveolar Adenocarcinoma', '', { mesh: 'D002282' }), // C04
  d('Bronchogenic Carcinoma', '', { mesh: 'D002283' }), // C04,C08
  d('Brown-Pearce Carcinoma', '', { mesh: 'D002284' }), // C04
  d('Ehrlich Tumor Carcinoma', '', { mesh: 'D002286' }), // C04
  d('Krebs 2 Carcinoma', '', { mesh: 'D002287' }), // C04
  d('Mucinous Adenocarcinoma', '', { mesh: 'D002288' }), // C04
  d('Papillary Carcinoma', '', { mesh: 'D002291' }), // C04
  d('Scirrhous Adenocarcinoma', '', { mesh: 'D002293' }), // C04
  d('Carcinosarcoma', '', { mesh: 'D002296' }), // C04
  d('Cardiovascular Diseases', '', { mesh: 'D002318' }), // C14
  d('Carotid Artery Thrombosis', '', { mesh: 'D002341' }), // C10,C14
  d('Cartilage Diseases', '', { mesh: 'D002357' }), // C05,C17
  d('Cecal Diseases', '', { mesh: 'D002429' }), // C06
  d('Cecal Neoplasms', '', { mesh: 'D002430' }), // C04,C06
  d('Cementoma', '', { mesh: 'D002485' }), // C04
  d('Central Nervous System Diseases', '', { mesh: 'D002493' }), // C10
  d('Central Nervous System Infections', '', { mesh: 'D002494' }), // C01,C10
  d('Cerebellar Diseases', '', { mesh: 'D002526' }), // C10
  d('Myoclonic Cerebellar Dyssynergia', '', { mesh: 'D002527' }), // C10,C16
  d('Cerebellar Neoplasms', '', { mesh: 'D002528' }), // C04,C10
  d('Cerebral Arterial Diseases', '', { mesh: 'D002539' }), // C10,C14
  d('Diffuse Cerebral Sclerosis of Schilder', '', { mesh: 'D002549' }), // C10,C20
  d('Cerebral Ventricle Neoplasms', '', { mesh: 'D002551' }), // C04,C10
  d('Cerebrovascular Disorders', '', { mesh: 'D002561' }), // C10,C14
  d('Cervical Rib Syndrome', '', { mesh: 'D002573' }), // C10,C14,C16
  d('Uterine Cervical Diseases', '', { mesh: 'D002577' }), // C13
  d('Uterine Cervical Dysplasia', '', { mesh: 'D002578' }), // C04,C13
  d('Uterine Cervical Erosion', '', { mesh: 'D002579' }), // C13
  d('Uterine Cervical Incompetence', '', { mesh: 'D002581' }), // C13
  d('Cestode Infections', '', { mesh: 'D002590' }), // C03
  d('Chagas Cardiomyopathy', '', { mesh: 'D002598' }), // C03,C14
  d('Chancre', '', { mesh: 'D002601' }), // C01
  d('Chediak-Higashi Syndrome', '', { mesh: 'D002609' }), // C15,C20
  d('Cherubism', '', { mesh: 'D002636' }), // C05,C07,C16
  d('Chiari-Frommel Syndrome', '', { mesh: 'D002640' }), // C13,C17
  d('Chilblains', '', { mesh: 'D002647' }), // C26
  d('Child Behavior Disorders', '', { mesh: 'D002653' }), // F03
  d('Pervasive Child Development Disorders', '', { mesh: 'D002659' }), // F03
  d('Chlamydiaceae Infections', '', { mesh: 'D002694' }), // C01
  d('Bile Duct Adenoma', '', { mesh: 'D002759' }), // C04
  d('Cholesteatoma', '', { mesh: 'D002781' }), // C17
  d('Choline Deficiency', '', { mesh: 'D002796' }), // C18
  d('Chondroblastoma', '', { mesh: 'D002804' }), // C04
  d('Chondrodysplasia Punctata', '', { mesh: 'D002806' }), // C05
  d('Chondroma', '', { mesh: 'D002812' }), // C04
  d('Invasive Hydatidiform Mole', '', { mesh: 'D002820' }), // C04,C13
  d('Chorioretinitis', '', { mesh: 'D002825' }), // C11
  s('Choristoma', '', { mesh: 'D002828' }), // C23
  d('Choroid Neoplasms', '', { mesh: 'D002830' }), // C04,C11
  d('Choroiditis', '', { mesh: 'D002833' }), // C11
  d('Chromoblastomycosis', '', { mesh: 'D002862' }), // C01,C17
  s('Cicatrix', '', { mesh: 'D002921' }), // C23
  d('Ciliary Motility Disorders', '', { mesh: 'D002925' }), // C08,C09
  d('Cleidocranial Dysplasia', '', { mesh: 'D002973' }), // C05,C16
  d('Clonorchiasis', '', { mesh: 'D003003' }), // C03
  d('Clostridium Infections', '', { mesh: 'D003015' }), // C01
  d('Coccidiosis', '', { mesh: 'D003048' }), // C03
  d('Cockayne Syndrome', '', { mesh: 'D003057' }), // C05,C10,C16,C18
  d('Cognition Disorders', '', { mesh: 'D003072' }), // F03
  d('Solitary Pulmonary Nodule', '', { mesh: 'D003074' }), // C04,C08
  d('Collagen Diseases', '', { mesh: 'D003095' }), // C17
  d('Coloboma', '', { mesh: 'D003103' }), // C11,C16
  d('Colonic Diseases', '', { mesh: 'D003108' }), // C06
  d('Functional Colonic Diseases', '', { mesh: 'D003109' }), // C06
  d('Colonic Neoplasms', '', { mesh: 'D003110' }), // C04,C06
  d('Colonic Pseudo-Obstruction', '', { mesh: 'D003112' }), // C06
  d('Colorado Tick Fever', '', { mesh: 'D003121' }), // C02
  d('Combat Disorders', '', { mesh: 'D003130' }), // F03
  d('Common Bile Duct Diseases', '', { mesh: 'D003137' }), // C06
  d('Common Bile Duct Neoplasms', '', { mesh: 'D003138' }), // C04,C06
  d('Communicable Diseases', '', { mesh: 'D003141' }), // C01
  d('Compartment Syndromes', '', { mesh: 'D003161' }), // C05,C14
  d('Conjunctival Diseases', '', { mesh: 'D003229' }), // C11
  d('Conjunctival Neoplasms', '', { mesh: 'D003230' }), // C04,C11
  d('Acute Hemorrhagic Conjunctivitis', '', { mesh: 'D003232' }), // C02,C11
  d('Inclusion Conjunctivitis', '', { mesh: 'D003235' }), // C01,C11
  d('Connective Tissue Diseases', '', { mesh: 'D003240' }), // C17
  d('Cor Triatriatum', '', { mesh: 'D003310' }), // C14,C16
  d('Corneal Diseases', '', { mesh: 'D003316' }), // C11
  d('Hereditary Corneal Dystrophies', '', { mesh: 'D003317' }), // C11,C16
  d('Corneal Opacity', '', { mesh: 'D003318' }), // C11
  d('Coronary Thrombosis', '', { mesh: 'D003328' }), // C14
  d('Coronary Vessel Anomalies', '', { mesh: 'D003330' }), // C14,C16
  d('Coronaviridae Infections', '', { mesh: 'D003333' }), // C02
  d('Corynebacterium Infections', '', { mesh: 'D003354' }), // C01
  d('Coxsackievirus Infections', '', { mesh: 'D003384' }), // C02
  d('Cracked Tooth Syndrome', '', { mesh: 'D003387' }), // C07,C26
  d('Cranial Nerve Neoplasms', '', { mesh: 'D003390' }), // C04,C10
  d('Craniofacial Dysostosis', '', { mesh: 'D003394' }), // C05,C16
  d('Crigler-Najjar Syndrome', '', { mesh: 'D003414' }), // C16,C18
  d('Crisscross Heart', '', { mesh: 'D003420' }), // C14,C16
  d('Cross Infection', '', { mesh: 'D003428' }), // C01
  d('Crush Syndrome', '', { mesh: 'D003444' }), // C26
  d('Cutis Laxa', '', { mesh: 'D003483' }), // C16,C17
  d('Cystadenocarcinoma', '', { mesh: 'D003536' }), // C04
  d('Cystadenoma', '', { mesh: 'D003537' }), // C04
  d('Cysticercosis', '', { mesh: 'D003551' }), // C03
  d('Cystinosis', '', { mesh: 'D003554' }), // C16,C18
  d('Phyllodes Tumor', '', { mesh: 'D003557' }), // C04
  d('Cysts', '', { mesh: 'D003560' }), // C04,C23
  d('Dacryocystitis', '', { mesh: 'D003607' }), // C11
  d('Dandy-Walker Syndrome', '', { mesh: 'D003616' }), // C10,C16
  d('Pathologic Decalcification', '', { mesh: 'D003649' }), // C05,C18
  d('Decompression Sickness', '', { mesh: 'D003665' }), // C26
  d('Deficiency Diseases', '', { mesh: 'D003677' }), // C18
  d('Dens in Dente', '', { mesh: 'D003719' }), // C07,C16
  d('Dental Calculus', '', { mesh: 'D003728' }), // C07,C23
  d('Dental Deposits', '', { mesh: 'D003741' }), // C07
  d('Dental Enamel Hypoplasia', '', { mesh: 'D003744' }), // C07,C16
  d('Dental Fissures', '', { mesh: 'D003750' }), // C07
  d('Dental Fistula', '', { mesh: 'D003751' }), // C07,C23
  d('Dental Leakage', '', { mesh: 'D003763' }), // C07
  d('Traumatic Dental Occlusion', '', { mesh: 'D003769' }), // C07
  d('Dental Pulp Calcification', '', { mesh: 'D003784' }), // C07
  d('Dental Pulp Diseases', '', { mesh: 'D003788' }), // C07
  d('Dental Pulp Exposure', '', { mesh: 'D003789' }), // C07
  d('Dental Pulp Necrosis', '', { mesh: 'D003790' }), // C07,C23
  d('Dentigerous Cyst', '', { mesh: 'D003803' }), // C04,C05,C07
  d('Dentin Dysplasia', '', { mesh: 'D003805' }), // C07,C16
  d('Dentin Sensitivity', '', { mesh: 'D003807' }), // C07
  d('Secondary Dentin', '', { mesh: 'D003809' }), // C07
  d('Dentinogenesis Imperfecta', '', { mesh: 'D003811' }), // C07,C16
  d('Dermatomycoses', '', { mesh: 'D003881' }), // C01,C17
  d('Dermoid Cyst', '', { mesh: 'D003884' }), // C04
  d('Lipoatrophic Diabetes Mellitus', '', { mesh: 'D003923' }), // C18,C19
  d('Diabetic Coma', '', { mesh: 'D003926' }), // C19
  d('Diaper Rash', '', { mesh: 'D003963' }), // C17
  d('Diaphragmatic Eventration', '', { mesh: 'D003965' }), // C06,C16
  d('Camurati-Engelmann Syndrome', '', { mesh: 'D003966' }), // C05,C16
  d('Vipoma', '', { mesh: 'D003969' }), // C04,C06,C19
  d('Diastema', '', { mesh: 'D003970' }), // C07
  d('Dicrocoeliasis', '', { mesh: 'D004011' }), // C03
  d('Dictyocaulus Infections', '', { mesh: 'D004022' }), // C03,C22
  d('Dientamoebiasis', '', { mesh: 'D004030' }), // C03,C06
  d('Diffuse Idiopathic Skeletal Hyperostosis', '', { mesh: 'D004057' }), // C05
  d('Digestive System Abnormalities', '', { mesh: 'D004065' }), // C06,C16
  d('Digestive System Diseases', '', { mesh: 'D004066' }), // C06
  d('Digestive System Neoplasms', '', { mesh: 'D004067' }), // C04,C06
  d('Dipetalonema Infections', '', { mesh: 'D004154' }), // C03
  d('Diphyllobothriasis', '', { mesh: 'D004169' }), // C03
  d('Dirofilariasis', '', { mesh: 'D004184' }), // C03,C22
  d('Dislocations', '', { mesh: 'D004204' }), // C26
  d('Distemper', '', { mesh: 'D004216' }), // C02,C22
  s('Diverticulum', '', { mesh: 'D004240' }), // C23
  s('Colon Diverticulum', '', { mesh: 'D004241' }), // C23
  d('DNA Virus Infections', '', { mesh: 'D004266' }), // C02
  d('Dourine', '', { mesh: 'D004313' }), // C03,C22
  d('Dracunculiasis', '', { mesh: 'D004320' }), // C03
  d('Drowning', '', { mesh: 'D004332' }), // C23,C26
  d('Dry Socket', '', { mesh: 'D004368' }), // C07
  d('Duane Retraction Syndrome', '', { mesh: 'D004370' }), // C10,C11,C16
  d('Duodenal Diseases', '', { mesh: 'D004378' }), // C06
  d('Duodenal Neoplasms', '', { mesh: 'D004379' }), // C04,C06
  d('Duodenitis', '', { mesh: 'D004382' }), // C06
  d('Duodenogastric Reflux', '', { mesh: 'D004383' }), // C06
  d('Dwarfism', '', { mesh: 'D004392' }), // C05,C16,C19
  d('Familial Dysautonomia', '', { mesh: 'D004402' }), // C10,C16,C20
  d('Dysentery', '', { mesh: 'D004403' }), // C06
  d('Dysgammaglobulinemia', '', { mesh: 'D004406' }), // C15,C20
  d('Dysgerminoma', '', { mesh: 'D004407' }), // C04
  d('Dysostoses', '', { mesh: 'D004413' }), // C05
  d('Dysplastic Nevus Syndrome', '', { mesh: 'D004416' }), // C04,C16
  d('Dystocia', '', { mesh: 'D004420' }), // C13
  d('Dystonia Musculorum Deformans', '', { mesh: 'D004422' }), // C10,C16
  d('Acquired Ear Deformities', '', { mesh: 'D004426' }), // C09
  d('Ear Diseases', '', { mesh: 'D004427' }), // C09
  d('Ear Neoplasms', '', { mesh: 'D004428' }), // C04,C09
  d('Hepatic Echinococcosis', '', { mesh: 'D004444' }), // C03,C06
  d('Pulmonary Echinococcosis', '', { mesh: 'D004445' }), // C03,C08
  d('Echinostomiasis', '', { mesh: 'D004451' }), // C03
  d('Echovirus Infections', '', { mesh: 'D004457' }), // C02
  d('Ecthyma', '', { mesh: 'D004473' }), // C01,C17
  d('Contagious Ecthyma', '', { mesh: 'D004474' }), // C02,C22
  d('Ectodermal Dysplasia', '', { mesh: 'D004476' }), // C16,C17
  d('Ectoparasitic Infestations', '', { mesh: 'D004478' }), // C03
  d('Ectopia Lentis', '', { mesh: 'D004479' }), // C11,C16
  d('Ectromelia', '', { mesh: 'D004480' }), // C05,C16
  d('Infectious Ectromelia', '', { mesh: 'D004482' }), // C02,C22
  d('Ectropion', '', { mesh: 'D004483' }), // C11
  d('Electric Injuries', '', { mesh: 'D004556' }), // C26
  d('Elephantiasis', '', { mesh: 'D004604' }), // C15
  d('Filarial Elephantiasis', '', { mesh: 'D004605' }), // C03,C15
  d('Ellis-Van Creveld Syndrome', '', { mesh: 'D004613' }), // C05,C16,C17
  d('Air Embolism', '', { mesh: 'D004618' }), // C14
  d('Fat Embolism', '', { mesh: 'D004620' }), // C14
  d('Tuberculous Empyema', '', { mesh: 'D004654' }), // C01,C08
  d('California Encephalitis', '', { mesh: 'D004670' }), // C02,C10
  d('Arbovirus Encephalitis', '', { mesh: 'D004671' }), // C02,C10
  d('St. Louis Encephalitis', '', { mesh: 'D004674' }), // C02,C10
  d('Encephalomalacia', '', { mesh: 'D004678' }), // C10
  d('Encephalomyelitis', '', { mesh: 'D004679' }), // C10
  d('Enzootic Porcine Encephalomyelitis', '', { mesh: 'D004682' }), // C02,C22
  d('Equine Encephalomyelitis', '', { mesh: 'D004683' }), // C02,C10
  d('Acute Hemorrhagic Leukoencephalitis', '', { mesh: 'D004684' }), // C10,C20
  d('Venezuelan Equine Encephalomyelitis', '', { mesh: 'D004685' }), // C02,C10
  d('Enchondromatosis', '', { mesh: 'D004687' }), // C05
  d('Endarteritis', '', { mesh: 'D004692' }), // C14
  d('Endocardial Fibroelastosis', '', { mesh: 'D004695' }), // C14
  d('Endocarditis', '', { mesh: 'D004696' }), // C14
  d('Endocrine System Diseases', '', { mesh: 'D004700' }), // C19
  d('Endocrine Gland Neoplasms', '', { mesh: 'D004701' }), // C04,C19
  d('Endomyocardial Fibrosis', '', { mesh: 'D004719' }), // C14
  d('Entamoebiasis', '', { mesh: 'D004749' }), // C03
  d('Enteritis', '', { mesh: 'D004751' }), // C06
  d('Enterobacteriaceae Infections', '', { mesh: 'D004756' }), // C01
  d('Enterotoxemia', '', { mesh: 'D004767' }), // C01,C22
  d('Enterovirus Infections', '', { mesh: 'D004769' }), // C02
  d('Entropion', '', { mesh: 'D004774' }), // C11
  d('Enuresis', '', { mesh: 'D004775' }), // C12,C13,F03
  d('Ephemeral Fever', '', { mesh: 'D004810' }), // C02,C22
  d('Epidermal Cyst', '', { mesh: 'D004814' }), // C04
  d('Epidermodysplasia Verruciformis', '', { mesh: 'D004819' }), // C02,C04,C17
  d('Epidermolysis Bullosa', '', { mesh: 'D004820' }), // C16,C17
  d('Slipped Epiphyses', '', { mesh: 'D004839' }), // C05
  d('Epispadias', '', { mesh: 'D004842' }), // C12,C13,C16
  d('Equine Infectious Anemia', '', { mesh: 'D004859' }), // C02,C22
  d('Equinus Deformity', '', { mesh: 'D004863' }), // C05
  d('Ergotism', '', { mesh: 'D004881' }), // C25
  d('Erysipeloid', '', { mesh: 'D004887' }), // C01
  d('Erysipelothrix Infections', '', { mesh: 'D004889' }), // C01,C22
  d('Erythema Induratum', '', { mesh: 'D004891' }), // C01,C17
  d('Erythrasma', '', { mesh: 'D004894' }), // C01,C17
  d('Erythroplasia', '', { mesh: 'D004919' }), // C04
  d('Esophageal Cyst', '', { mesh: 'D004934' }), // C04,C06
  d('Esophageal Diseases', '', { mesh: 'D004935' }), // C06
  s('Esophageal Diverticulum', '', { mesh: 'D004936' }), // C23
  d('Esotropia', '', { mesh: 'D004948' }), // C10,C11
  d('Eunuchism', '', { mesh: 'D005058' }), // C19
  d('Multiple Hereditary Exostoses', '', { mesh: 'D005097' }), // C04,C05,C16
  d('Exotropia', '', { mesh: 'D005099' }), // C10,C11
  d('Premature Cardiac Complexes', '', { mesh: 'D005117' }), // C14,C23
  d('Eye Abnormalities', '', { mesh: 'D005124' }), // C11,C16
  d('Eye Burns', '', { mesh: 'D005126' }), // C26
  d('Eye Diseases', '', { mesh: 'D005128' }), // C11
  d('Eye Foreign Bodies', '', { mesh: 'D005129' }), // C26
  d('Eye Injuries', '', { mesh: 'D005131' }), // C11,C26
  d('Eye Neoplasms', '', { mesh: 'D005134' }), // C04,C11
  d('Eyelid Diseases', '', { mesh: 'D005141' }), // C11
  d('Eyelid Neoplasms', '', { mesh: 'D005142' }), // C04,C11
  d('Facial Dermatoses', '', { mesh: 'D005148' }), // C17
  d('Facial Hemiatrophy', '', { mesh: 'D005150' }), // C07,C10
  d('Facial Injuries', '', { mesh: 'D005151' }), // C26
  d('Facial Neoplasms', '', { mesh: 'D005153' }), // C04
  d('Facial Nerve Diseases', '', { mesh: 'D005155' }), // C10
  d('Facial Neuralgia', '', { mesh: 'D005156' }), // C07,C10
  d('Factor V Deficiency', '', { mesh: 'D005166' }), // C15,C16
  d('Factor X Deficiency', '', { mesh: 'D005171' }), // C15,C16
  d('Factor XII Deficiency', '', { mesh: 'D005175' }), // C15,C16
  d('Factor XIII Deficiency', '', { mesh: 'D005177' }), // C15,C16
  d('Fallopian Tube Diseases', '', { mesh: 'D005184' }), // C13
  d('Fasciitis', '', { mesh: 'D005208' }), // C05
  d('Fascioliasis', '', { mesh: 'D005211' }), // C03,C06
  d('Fascioloidiasis', '', { mesh: 'D005213' }), // C03,C22
  s('Fat Necrosis', '', { mesh: 'D005218' }), // C23
  d('Fecal Impaction', '', { mesh: 'D005244' }), // C06
  d('Feline Panleukopenia', '', { mesh: 'D005254' }), // C02,C22
  d('Felty Syndrome', '', { mesh: 'D005258' }), // C05,C17,C20
  d('Femoral Fractures', '', { mesh: 'D005264' }), // C26
  d('Femoral Neoplasms', '', { mesh: 'D005266' }), // C04,C05
  d('Femur Head Necrosis', '', { mesh: 'D005271' }), // C05,C23
  d('Fetal Diseases', '', { mesh: 'D005315' }), // C13,C16
  d('Fetofetal Transfusion', '', { mesh: 'D005330' }), // C15,C16
  d('Fetomaternal Transfusion', '', { mesh: 'D005331' }), // C15,C16
  d('Fibrocystic Breast Disease', '', { mesh: 'D005348' }), // C17
  d('Fibroma', '', { mesh: 'D005350' }), // C04
  d('Gingival Fibromatosis', '', { mesh: 'D005351' }), // C07,C16
  d('Fibrosarcoma', '', { mesh: 'D005354' }), // C04
  s('Fibrosis', '', { mesh: 'D005355' }), // C23
  d('Fibrous Dysplasia of Bone', '', { mesh: 'D005357' }), // C05
  d('Monostotic Fibrous Dysplasia', '', { mesh: 'D005358' }), // C05
  d('Polyostotic Fibrous Dysplasia', '', { mesh: 'D005359' }), // C05
  d('Filariasis', '', { mesh: 'D005368' }), // C03
  d('Finger Injuries', '', { mesh: 'D005383' }), // C26
  d('Firesetting Behavior', '', { mesh: 'D005391' }), // F03
  s('Fistula', '', { mesh: 'D005402' }), // C23
  d('Flail Chest', '', { mesh: 'D005409' }), // C26
  d('Flatfoot', '', { mesh: 'D005413' }), // C05
  d('Fluoride Poisoning', '', { mesh: 'D005458' }), // C25
  d('Focal Dermal Hypoplasia', '', { mesh: 'D005489' }), // C05,C16,C17
  d('Focal Infection', '', { mesh: 'D005490' }), // C01
  d('Dental Focal Infection', '', { mesh: 'D005491' }), // C01,C07
  d('Folic Acid Deficiency', '', { mesh: 'D005494' }), // C18
  d('Follicular Cyst', '', { mesh: 'D005497' }), // C04
  d('Folliculitis', '', { mesh: 'D005499' }), // C17
  d('Food Hypersensitivity', '', { mesh: 'D005512' }), // C20
  d('Foot Deformities', '', { mesh: 'D005530' }), // C05
  d('Acquired Foot Deformities', '', { mesh: 'D005531' }), // C05
  d('Congenital Foot Deformities', '', { mesh: 'D005532' }), // C05,C16
  d('Foot Dermatoses', '', { mesh: 'D005533' }), // C17
  d('Foot Diseases', '', { mesh: 'D005534' }), // C05,C17
  d('Foot-and-Mouth Disease', '', { mesh: 'D005536' }), // C02,C22
  d('Forearm Injuries', '', { mesh: 'D005543' }), // C26
  d('Foreign Bodies', '', { mesh: 'D005547' }), // C26
  d('Foreign-Body Migration', '', { mesh: 'D005548' }), // C26
  d('Foreign-Body Reaction', '', { mesh: 'D005549' }), // C23,C26
  d('Influenza in Birds', '', { mesh: 'D005585' }), // C02,C22
  d('Fowlpox', '', { mesh: 'D005586' }), // C02,C22
  d('Fox-Fordyce Disease', '', { mesh: 'D005588' }), // C17
  d('Closed Fractures', '', { mesh: 'D005596' }), // C26
  d('Open Fractures', '', { mesh: 'D005597' }), // C26
  d('Ununited Fractures', '', { mesh: 'D005599' }), // C26
  d('Freemartinism', '', { mesh: 'D005611' }), // C12,C13,C16,C19,C22
  d('Frostbite', '', { mesh: 'D005627' }), // C26
  d('Fructose Intolerance', '', { mesh: 'D005633' }), // C16,C18
  d('Fuchs\' Endothelial Dystrophy', '', { mesh: 'D005642' }), // C11,C16
  d('Fucosidosis', '', { mesh: 'D005645' }), // C10,C16,C18
  d('Funnel Chest', '', { mesh: 'D005660' }), // C05,C16
  d('Fused Teeth', '', { mesh: 'D005671' }), // C07,C16
  d('Fusobacterium Infections', '', { mesh: 'D005674' }), // C01
  d('Gallbladder Diseases', '', { mesh: 'D005705' }), // C06
  d('Ganglioneuroma', '', { mesh: 'D005729' }), // C04
  d('Gangliosidoses', '', { mesh: 'D005733' }), // C10,C16,C18
  s('Gangrene', '', { mesh: 'D005734' }), // C23
  d('Gardner Syndrome', '', { mesh: 'D005736' }), // C04,C06,C16
  d('Gas Poisoning', '', { mesh: 'D005739' }), // C25
  d('Hypertrophic Gastritis', '', { mesh: 'D005758' }), // C06
  d('Gastrointestinal Diseases', '', { mesh: 'D005767' }), // C06
  d('Gastrointestinal Neoplasms', '', { mesh: 'D005770' }), // C04,C06
  d('Female Genital Diseases', '', { mesh: 'D005831' }), // C13
  d('Male Genital Diseases', '', { mesh: 'D005832' }), // C12
  d('Female Genital Neoplasms', '', { mesh: 'D005833' }), // C04,C13
  d('Male Genital Neoplasms', '', { mesh: 'D005834' }), // C04,C12
  d('Geotrichosis', '', { mesh: 'D005847' }), // C01
  d('Giant Cell Tumors', '', { mesh: 'D005870' }), // C04
  d('Gigantism', '', { mesh: 'D005877' }), // C05,C19
  d('Gingival Diseases', '', { mesh: 'D005882' }), // C07
  d('Gingival Hypertrophy', '', { mesh: 'D005886' }), // C07
  d('Gingival Neoplasms', '', { mesh: 'D005887' }), // C04,C07
  d('Gingival Pocket', '', { mesh: 'D005888' }), // C07
  d('Gingival Recession', '', { mesh: 'D005889' }), // C07
  d('Necrotizing Ulcerative Gingivitis', '', { mesh: 'D005892' }), // C01,C07
  d('Glanders', '', { mesh: 'D005896' }), // C01,C22
  s('Gliosis', '', { mesh: 'D005911' }), // C23
  d('Glomus Tumor', '', { mesh: 'D005918' }), // C04
  d('Glossitis', '', { mesh: 'D005928' }), // C07
  d('Benign Migratory Glossitis', '', { mesh: 'D005929' }), // C07
  d('Glucagonoma', '', { mesh: 'D005935' }), // C04,C06,C19
  d('Glycogen Storage Disease Type I', '', { mesh: 'D005953' }), // C16,C18
  d('Glycogen Storage Disease Type III', '', { mesh: 'D006010' }), // C16,C18
  d('Glycogen Storage Disease Type IV', '', { mesh: 'D006011' }), // C16,C18
  d('Glycogen Storage Disease Type VI', '', { mesh: 'D006013' }), // C16,C18
  d('Glycogen Storage Disease Type VII', '', { mesh: 'D006014' }), // C05,C16,C18
  d('Glycogen Storage Disease Type VIII', '', { mesh: 'D006015' }), // C16,C18
  d('Endemic Goiter', '', { mesh: 'D006043' }), // C19
  d('Substernal Goiter', '', { mesh: 'D006045' }), // C19
  d('Goldenhar Syndrome', '', { mesh: 'D006053' }), // C05,C16
  d('Gonadal Disorders', '', { mesh: 'D006058' }), // C19
  d('Gonadal Dysgenesis', '', { mesh: 'D006059' }), // C12,C13,C16,C19
  d('Mixed Gonadal Dysgenesis', '', { mesh: 'D006060' }), // C12,C13,C16,C19
  d('46,XY Gonadal Dysgenesis', '', { mesh: 'D006061' }), // C12,C13,C16,C19
  s('Vascular Graft Occlusion', '', { mesh: 'D006083' }), // C23
  d('Granuloma', '', { mesh: 'D006099' }), // C15,C23
  d('Granuloma Inguinale', '', { mesh: 'D006100' }), // C01,C12,C13,C17
  d('Giant Cell Granuloma', '', { mesh: 'D006101' }), // C05,C07,C23
  d('Laryngeal Granuloma', '', { mesh: 'D006102' }), // C08,C09,C23
  d('Lethal Midline Granuloma', '', { mesh: 'D006103' }), // C08,C09
  s('Plasma Cell Granuloma', '', { mesh: 'D006104' }), // C23
  d('Chronic Granulomatous Disease', '', { mesh: 'D006105' }), // C15,C16,C20
  d('Gynatresia', '', { mesh: 'D006175' }), // C13
  d('Haemonchiasis', '', { mesh: 'D006188' }), // C03
  d('Hair Diseases', '', { mesh: 'D006201' }), // C17
  d('Hallermann\'s Syndrome', '', { mesh: 'D006210' }), // C05,C16
  d('Pantothenate Kinase-Associated Neurodegeneration', '', { mesh: 'D006211' }), // C10,C16
  d('Hallux Valgus', '', { mesh: 'D006215' }), // C05
  d('Hamartoma', '', { mesh: 'D006222' }), // C04
  d('Multiple Hamartoma Syndrome', '', { mesh: 'D006223' }), // C04,C16
  d('Hand Deformities', '', { mesh: 'D006226' }), // C05
  d('Acquired Hand Deformities', '', { mesh: 'D006227' }), // C05
  d('Congenital Hand Deformities', '', { mesh: 'D006228' }), // C05,C16
  d('Hand Dermatoses', '', { mesh: 'D006229' }), // C17
  d('Hand Injuries', '', { mesh: 'D006230' }), // C26
  d('Hartnup Disease', '', { mesh: 'D006250' }), // C10,C12,C13,C16,C18
  d('Craniocerebral Trauma', '', { mesh: 'D006259' }), // C10,C26
  d('Heart Diseases', '', { mesh: 'D006331' }), // C14
  d('Heart Injuries', '', { mesh: 'D006335' }), // C26
  d('Heart Neoplasms', '', { mesh: 'D006338' }), // C04,C14
  d('Heart Rupture', '', { mesh: 'D006341' }), // C14
  d('Post-Infarction Heart Rupture', '', { mesh: 'D006342' }), // C14
  d('Heart Septal Defects', '', { mesh: 'D006343' }), // C14,C16
  d('Heartwater Disease', '', { mesh: 'D006357' }), // C01,C22
  d('Heat Exhaustion', '', { mesh: 'D006359' }), // C26
  d('Heavy Chain Disease', '', { mesh: 'D006362' }), // C15,C20
  d('Helminthiasis', '', { mesh: 'D006373' }), // C03
  d('Hemangioendothelioma', '', { mesh: 'D006390' }), // C04
  d('Hemangioma', '', { mesh: 'D006391' }), // C04
  d('Cavernous Hemangioma', '', { mesh: 'D006392' }), // C04,C14,C15
  d('Hemangiopericytoma', '', { mesh: 'D006393' }), // C04
  d('Hemarthrosis', '', { mesh: 'D006395' }), // C05,C23
  d('Hematocele', '', { mesh: 'D006398' }), // C12,C23
  d('Hematocolpos', '', { mesh: 'D006399' }), // C13
  d('Hematologic Diseases', '', { mesh: 'D006402' }), // C15
  s('Hemobilia', '', { mesh: 'D006431' }), // C23
  d('Hemoglobin C Disease', '', { mesh: 'D006445' }), // C15,C16
  d('American Hemorrhagic Fever', '', { mesh: 'D006478' }), // C02
  d('Crimean Hemorrhagic Fever', '', { mesh: 'D006479' }), // C02
  d('Hemorrhagic Fever with Renal Syndrome', '', { mesh: 'D006480' }), // C02
  d('Omsk Hemorrhagic Fever', '', { mesh: 'D006481' }), // C02
  d('Viral Hemorrhagic Fevers', '', { mesh: 'D006482' }), // C02
  d('Hemorrhagic Septicemia', '', { mesh: 'D006483' }), // C01,C23
  d('Hepatic Encephalopathy', '', { mesh: 'D006501' }), // C06,C10,C18
  d('Chronic Hepatitis', '', { mesh: 'D006521' }), // C06
  d('Infectious Canine Hepatitis', '', { mesh: 'D006522' }), // C02,C06,C22
  s('Hernia', '', { mesh: 'D006547' }), // C23
  s('Diaphragmatic Hernia', '', { mesh: 'D006548' }), // C23
  d('Traumatic Diaphragmatic Hernia', '', { mesh: 'D006549' }), // C23,C26
  s('Femoral Hernia', '', { mesh: 'D006550' }), // C23
  s('Obturator Hernia', '', { mesh: 'D006553' }), // C23
  d('Pemphigoid Gestationis', '', { mesh: 'D006559' }), // C13,C17
  d('Herpes Zoster Ophthalmicus', '', { mesh: 'D006563' }), // C02,C11
  d('Herpesviridae Infections', '', { mesh: 'D006566' }), // C02
  d('Sweat Gland Adenoma', '', { mesh: 'D006607' }), // C04
  d('High Pressure Neurological Syndrome', '', { mesh: 'D006610' }), // C10,C24
  d('Hip Contracture', '', { mesh: 'D006616' }), // C05
  d('Hip Dislocation', '', { mesh: 'D006617' }), // C26
  d('Congenital Hip Dislocation', '', { mesh: 'D006618' }), // C05,C16
  d('HIV Seropositivity', '', { mesh: 'D006679' }), // C02,C20
  d('Classical Swine Fever', '', { mesh: 'D006691' }), // C02,C22
  d('Hordeolum', '', { mesh: 'D006726' }), // C01,C11
  d('Deltaretrovirus Infections', '', { mesh: 'D006800' }), // C02,C20
  d('Humeral Fractures', '', { mesh: 'D006810' }), // C26
  d('Hydatidiform Mole', '', { mesh: 'D006828' }), // C04,C13
  d('Hydranencephaly', '', { mesh: 'D006832' }), // C10,C16
  d('Hydroa Vacciniforme', '', { mesh: 'D006837' }), // C17
  d('Hydrophthalmos', '', { mesh: 'D006871' }), // C11,C16
  d('Hydropneumothorax', '', { mesh: 'D006872' }), // C08
  d('Hymenolepiasis', '', { mesh: 'D006925' }), // C03
  d('Hereditary Hyperbilirubinemia', '', { mesh: 'D006933' }), // C16,C18
  d('Hypercementosis', '', { mesh: 'D006936' }), // C07
  d('Hyperemia', '', { mesh: 'D006940' }), // C14
  d('Hyperlipoproteinemias', '', { mesh: 'D006951' }), // C18
  d('Hyperlipoproteinemia Type IV', '', { mesh: 'D006953' }), // C16,C18
  d('Hyperlipoproteinemia Type V', '', { mesh: 'D006954' }), // C16,C18
  d('Hyperopia', '', { mesh: 'D006956' }), // C11
  d('Hyperostosis Frontalis Interna', '', { mesh: 'D006957' }), // C05
  d('Congenital Cortical Hyperostosis', '', { mesh: 'D006958' }), // C05,C16
  d('Hyperpituitarism', '', { mesh: 'D006964' }), // C10,C19
  s('Hyperplasia', '', { mesh: 'D006965' }), // C23
  d('Delayed Hypersensitivity', '', { mesh: 'D006968' }), // C20
  d('Immediate Hypersensitivity', '', { mesh: 'D006969' }), // C20
  d('Hypertelorism', '', { mesh: 'D006972' }), // C05,C16
  d('Renal Hypertension', '', { mesh: 'D006977' }), // C12,C13,C14
  d('Hyperthyroxinemia', '', { mesh: 'D006981' }), // C19
  s('Hypertrophy', '', { mesh: 'D006984' }), // C23
  d('Hypervitaminosis A', '', { mesh: 'D006986' }), // C18
  d('Hyphema', '', { mesh: 'D006988' }), // C11,C23
  d('Hypobetalipoproteinemias', '', { mesh: 'D006995' }), // C16,C18
  d('Hypodermyiasis', '', { mesh: 'D007000' }), // C03
  d('Hypolipoproteinemias', '', { mesh: 'D007009' }), // C16,C18
  d('Hypoprothrombinemias', '', { mesh: 'D007020' }), // C15,C16
  d('Hypothalamic Diseases', '', { mesh: 'D007027' }), // C10
  d('Hypothalamic Neoplasms', '', { mesh: 'D007029' }), // C04,C10
  d('Hypotrichosis', '', { mesh: 'D007039' }), // C17
  d('Hysteria', '', { mesh: 'D007046' }), // F03
  d('Ichthyosis', '', { mesh: 'D007057' }), // C16,C17
  d('Ileal Diseases', '', { mesh: 'D007077' }), // C06
  d('Ileal Neoplasms', '', { mesh: 'D007078' }), // C04,C06
  d('Ileitis', '', { mesh: 'D007079' }), // C06
  d('Immersion Foot', '', { mesh: 'D007102' }), // C17
  d('Immune Complex Diseases', '', { mesh: 'D007105' }), // C20
  d('Immunoblastic Lymphadenopathy', '', { mesh: 'D007119' }), // C15,C20
  d('Immunologic Deficiency Syndromes', '', { mesh: 'D007153' }), // C20
  d('Immune System Diseases', '', { mesh: 'D007154' }), // C20
  d('Immunoproliferative Disorders', '', { mesh: 'D007160' }), // C20
  d('Immunoproliferative Small Intestinal Disease', '', { mesh: 'D007161' }), // C04,C06,C15,C20
  d('Incontinentia Pigmenti', '', { mesh: 'D007184' }), // C16,C17
  d('Inert Gas Narcosis', '', { mesh: 'D007222' }), // C24,C25
  d('Infant Nutrition Disorders', '', { mesh: 'D007228' }), // C18
  d('Diseases Newborn Infant', '', { mesh: 'D007232' }), // C16
  d('Diseases Premature Infant', '', { mesh: 'D007235' }), // C16
  s('Infarction', '', { mesh: 'D007238' }), // C23
  d('Infection', '', { mesh: 'D007239' }), // C01
  d('Infectious Bovine Rhinotracheitis', '', { mesh: 'D007241' }), // C02,C22
  d('Female Infertility', '', { mesh: 'D007247' }), // C13
  d('Male Infertility', '', { mesh: 'D007248' }), // C12
  s('Inflammation', '', { mesh: 'D007249' }), // C23
  d('Disorders of Environmental Origin', '', { mesh: 'D007280' }), // C21
  d('Intestinal Atresia', '', { mesh: 'D007409' }), // C06,C16
  d('Intestinal Diseases', '', { mesh: 'D007410' }), // C06
  d('Parasitic Intestinal Diseases', '', { mesh: 'D007411' }), // C03,C06
  d('Intestinal Neoplasms', '', { mesh: 'D007414' }), // C04,C06
  s('Intestinal Polyps', '', { mesh: 'D007417' }), // C23
  d('Intestinal Pseudo-Obstruction', '', { mesh: 'D007418' }), // C06
  s('Intraoperative Complications', '', { mesh: 'D007431' }), // C23
  d('Iris Diseases', '', { mesh: 'D007499' }), // C11
  d('Islet Cell Adenoma', '', { mesh: 'D007516' }), // C04,C06,C19
  d('Chronic Idiopathic Jaundice', '', { mesh: 'D007566' }), // C16,C18
  d('Jaw Abnormalities', '', { mesh: 'D007569' }), // C05,C07,C16
  d('Jaw Cysts', '', { mesh: 'D007570' }), // C04,C05,C07
  d('Jaw Diseases', '', { mesh: 'D007571' }), // C05,C07
  d('Jaw Fractures', '', { mesh: 'D007572' }), // C26
  d('Jaw Neoplasms', '', { mesh: 'D007573' }), // C04,C05,C07
  d('Edentulous Jaw', '', { mesh: 'D007575' }), // C05,C07
  d('Partially Edentulous Jaw', '', { mesh: 'D007576' }), // C05,C07
  d('Jejunal Diseases', '', { mesh: 'D007579' }), // C06
  d('Jejunal Neoplasms', '', { mesh: 'D007580' }), // C04,C06
  d('Job Syndrome', '', { mesh: 'D007589' }), // C15,C20
  d('Joint Loose Bodies', '', { mesh: 'D007594' }), // C05
  d('Kaposi Varicelliform Eruption', '', { mesh: 'D007617' }), // C02,C17
  d('Kartagener Syndrome', '', { mesh: 'D007619' }), // C08,C09,C14,C16
  d('Kearns-Sayre Syndrome', '', { mesh: 'D007625' }), // C05,C10,C11,C14,C18
  d('Dendritic Keratitis', '', { mesh: 'D007635' }), // C02,C11
  d('Keratoacanthoma', '', { mesh: 'D007636' }), // C17
  d('Keratoconjunctivitis', '', { mesh: 'D007637' }), // C11
  d('Infectious Keratoconjunctivitis', '', { mesh: 'D007639' }), // C01,C11,C22
  d('Keratosis', '', { mesh: 'D007642' }), // C17
  d('Darier Disease', '', { mesh: 'D007644' }), // C16,C17
  d('Palmoplantar Keratoderma', '', { mesh: 'D007645' }), // C16,C17
  d('Kidney Cortex Necrosis', '', { mesh: 'D007673' }), // C12,C13
  d('Menkes Kinky Hair Syndrome', '', { mesh: 'D007706' }), // C10,C16,C17,C18
  d('Klippel-Feil Syndrome', '', { mesh: 'D007714' }), // C05,C16
  d('Klippel-Trenaunay-Weber Syndrome', '', { mesh: 'D007715' }), // C14
  d('Knee Injuries', '', { mesh: 'D007718' }), // C26
  d('Vulvar Lichen Sclerosus', '', { mesh: 'D007724' }), // C13
  d('Krukenberg Tumor', '', { mesh: 'D007725' }), // C04
  d('Kuru', '', { mesh: 'D007729' }), // C10
  d('Kyasanur Forest Disease', '', { mesh: 'D007733' }), // C02
  d('Obstetric Labor Complications', '', { mesh: 'D007744' }), // C13
  d('Laboratory Infection', '', { mesh: 'D007757' }), // C01,C24
  d('Labyrinth Diseases', '', { mesh: 'D007759' }), // C09
  d('Lacrimal Apparatus Diseases', '', { mesh: 'D007766' }), // C11
  d('Lacrimal Duct Obstruction', '', { mesh: 'D007767' }), // C11
  d('Larva Migrans', '', { mesh: 'D007815' }), // C03,C17
  d('Visceral Larva Migrans', '', { mesh: 'D007816' }), // C03
  d('Laryngeal Diseases', '', { mesh: 'D007818' }), // C08,C09
  d('Lathyrism', '', { mesh: 'D007842' }), // C25
  d('Laurence-Moon Syndrome', '', { mesh: 'D007849' }), // C10,C16
  d('Lead Poisoning', '', { mesh: 'D007855' }), // C25
  d('Lecithin Acyltransferase Deficiency', '', { mesh: 'D007863' }), // C16,C18
  d('Leg Dermatoses', '', { mesh: 'D007868' }), // C17
  d('Leg Injuries', '', { mesh: 'D007869' }), // C26
  d('Leg Ulcer', '', { mesh: 'D007871' }), // C17
  d('Legg-Calve-Perthes Disease', '', { mesh: 'D007873' }), // C05
  d('Leigh Disease', '', { mesh: 'D007888' }), // C10,C16,C18
  d('Leiomyoma', '', { mesh: 'D007889' }), // C04
  d('Mucocutaneous Leishmaniasis', '', { mesh: 'D007897' }), // C03,C17
  d('Visceral Leishmaniasis', '', { mesh: 'D007898' }), // C03
  d('Lens Diseases', '', { mesh: 'D007905' }), // C11
  d('Lens Subluxation', '', { mesh: 'D007906' }), // C11
  d('Lentigo', '', { mesh: 'D007911' }), // C17
  d('Leriche Syndrome', '', { mesh: 'D007925' }), // C14
  d('Lesch-Nyhan Syndrome', '', { mesh: 'D007926' }), // C10,C16,C18
  d('Leukemia L1210', '', { mesh: 'D007939' }), // C04
  d('Leukemia L5178', '', { mesh: 'D007940' }), // C04
  d('Leukemia P388', '', { mesh: 'D007941' }), // C04
  d('Lymphoid Leukemia', '', { mesh: 'D007945' }), // C04,C15,C20
  d('Mast-Cell Leukemia', '', { mesh: 'D007946' }), // C04
  d('Myeloid Leukemia', '', { mesh: 'D007951' }), // C04
  d('Radiation-Induced Leukemia', '', { mesh: 'D007953' }), // C04,C26
  d('Leukocyte Disorders', '', { mesh: 'D007960' }), // C15
  d('Globoid Cell Leukodystrophy', '', { mesh: 'D007965' }), // C10,C16,C18
  d('Metachromatic Leukodystrophy', '', { mesh: 'D007966' }), // C10,C16,C18
  d('Oral Leukoedema', '', { mesh: 'D007967' }), // C07
  d('Leukoplakia', '', { mesh: 'D007971' }), // C04,C23
  d('Oral Leukoplakia', '', { mesh: 'D007972' }), // C04,C07,C23
  d('Levocardia', '', { mesh: 'D007979' }), // C14,C16
  d('Leydig Cell Tumor', '', { mesh: 'D007984' }), // C04,C12,C19
  d('Linitis Plastica', '', { mesh: 'D008039' }), // C04
  d('Lip Diseases', '', { mesh: 'D008047' }), // C07
  d('Inborn Errors Lipid Metabolism', '', { mesh: 'D008052' }), // C16,C18
  d('Mucopolysaccharidosis I', '', { mesh: 'D008059' }), // C16,C17,C18
  d('Whipple Disease', '', { mesh: 'D008061' }), // C01,C06,C18
  d('Lipidoses', '', { mesh: 'D008064' }), // C16,C18
  d('Lipoma', '', { mesh: 'D008067' }), // C04
  d('Lipomatosis', '', { mesh: 'D008068' }), // C17,C18
  d('Multiple Symmetrical Lipomatosis', '', { mesh: 'D008069' }), // C17,C18
  d('Parasitic Liver Diseases', '', { mesh: 'D008109' }), // C03,C06
  d('Liver Neoplasms', '', { mesh: 'D008113' }), // C04,C06
  d('Loiasis', '', { mesh: 'D008118' }), // C03
  d('Louping Ill', '', { mesh: 'D008146' }), // C02,C22
  d('Ludwig\'s Angina', '', { mesh: 'D008158' }), // C01,C07
  d('Lumpy Skin Disease', '', { mesh: 'D008166' }), // C02,C22
  d('Lung Abscess', '', { mesh: 'D008169' }), // C01,C08
  d('Lung Diseases', '', { mesh: 'D008171' }), // C08
  d('Fungal Lung Diseases', '', { mesh: 'D008172' }), // C01,C08
  d('Obstructive Lung Diseases', '', { mesh: 'D008173' }), // C08
  d('Parasitic Lung Diseases', '', { mesh: 'D008174' }), // C03,C08
  d('Lupus Vulgaris', '', { mesh: 'D008177' }), // C01,C17
  d('Lutembacher Syndrome', '', { mesh: 'D008185' }), // C14,C16
  d('Lymphangiectasis', '', { mesh: 'D008200' }), // C15
  d('Intestinal Lymphangiectasis', '', { mesh: 'D008201' }), // C15,C16
  d('Lymphangioma', '', { mesh: 'D008202' }), // C04
  d('Lymphangiomyoma', '', { mesh: 'D008203' }), // C04,C15,C20
  d('Lymphangiosarcoma', '', { mesh: 'D008204' }), // C04
  d('Lymphangitis', '', { mesh: 'D008205' }), // C15
  d('Lymphatic Diseases', '', { mesh: 'D008206' }), // C15
  d('Lymphocytic Choriomeningitis', '', { mesh: 'D008216' }), // C02,C10
  d('Lymphomatoid Granulomatosis', '', { mesh: 'D008230' }), // C04,C15,C20
  d('Macroglossia', '', { mesh: 'D008260' }), // C07
  d('Macrostomia', '', { mesh: 'D008265' }), // C07,C16
  d('Mycetoma', '', { mesh: 'D008271' }), // C01,C17
  s('Malacoplakia', '', { mesh: 'D008287' }), // C23
  d('Avian Malaria', '', { mesh: 'D008289' }), // C03,C22
  d('Malignant Catarrh', '', { mesh: 'D008304' }), // C02,C22
  d('Malocclusion', '', { mesh: 'D008310' }), // C07
  d('Angle Class I Malocclusion', '', { mesh: 'D008311' }), // C07
  d('Angle Class II Malocclusion', '', { mesh: 'D008312' }), // C07
  d('Angle Class III Malocclusion', '', { mesh: 'D008313' }), // C07
  d('Mandibular Diseases', '', { mesh: 'D008336' }), // C05,C07
  d('Mandibular Fractures', '', { mesh: 'D008337' }), // C26
  d('Mandibular Injuries', '', { mesh: 'D008338' }), // C26
  d('Mandibular Neoplasms', '', { mesh: 'D008339' }), // C04,C05,C07
  d('Mandibulofacial Dysostosis', '', { mesh: 'D008342' }), // C05,C16
  d('Mansonelliasis', '', { mesh: 'D008368' }), // C03
  d('Marek Disease', '', { mesh: 'D008380' }), // C02,C04,C15,C20,C22
  d('Mastocytosis', '', { mesh: 'D008415' }), // C04,C17
  d('Maxillary Diseases', '', { mesh: 'D008439' }), // C05,C07
  d('Maxillary Fractures', '', { mesh: 'D008440' }), // C26
  d('Maxillary Neoplasms', '', { mesh: 'D008441' }), // C04,C05,C07
  d('Maxillary Sinus Neoplasms', '', { mesh: 'D008444' }), // C04,C08,C09
  d('Maxillofacial Injuries', '', { mesh: 'D008446' }), // C26
  d('Mediastinal Cyst', '', { mesh: 'D008476' }), // C04,C08
  d('Mediastinal Diseases', '', { mesh: 'D008477' }), // C08
  d('Mediastinal Neoplasms', '', { mesh: 'D008479' }), // C04,C08
  d('Megacolon', '', { mesh: 'D008531' }), // C06
  d('Meige Syndrome', '', { mesh: 'D008538' }), // C10
  d('Meigs Syndrome', '', { mesh: 'D008539' }), // C04,C13,C19
  d('Melanosis', '', { mesh: 'D008548' }), // C17
  d('Melioidosis', '', { mesh: 'D008554' }), // C01
  d('Melkersson-Rosenthal Syndrome', '', { mesh: 'D008556' }), // C07,C10
  d('Melorheostosis', '', { mesh: 'D008557' }), // C05
  d('Meningeal Neoplasms', '', { mesh: 'D008577' }), // C04,C10
  d('Meningocele', '', { mesh: 'D008588' }), // C10,C16,C23
  d('Mercury Poisoning', '', { mesh: 'D008630' }), // C25
  d('Mesenchymoma', '', { mesh: 'D008637' }), // C04
  d('Mesenteric Cyst', '', { mesh: 'D008639' }), // C04,C06
  d('Mesenteric Lymphadenitis', '', { mesh: 'D008640' }), // C06,C15
  d('Mesenteric Vascular Occlusion', '', { mesh: 'D008641' }), // C06,C14
  d('Mesial Movement of Teeth', '', { mesh: 'D008644' }), // C07
  d('Mesonephroma', '', { mesh: 'D008649' }), // C04
  d('Metabolic Diseases', '', { mesh: 'D008659' }), // C18
  d('Inborn Errors Metabolism', '', { mesh: 'D008661' }), // C16,C18
  d('Inborn Errors Metal Metabolism', '', { mesh: 'D008664' }), // C16,C18
  s('Metaplasia', '', { mesh: 'D008679' }), // C23
  d('Micrognathism', '', { mesh: 'D008844' }), // C05,C07,C16
  d('Microphthalmos', '', { mesh: 'D008850' }), // C11,C16
  d('Microstomia', '', { mesh: 'D008865' }), // C07,C16
  d('Middle Lobe Syndrome', '', { mesh: 'D008878' }), // C08
  d('Mikulicz\' Disease', '', { mesh: 'D008882' }), // C07
  d('Miliaria', '', { mesh: 'D008883' }), // C17
  d('Mite Infestations', '', { mesh: 'D008924' }), // C03
  d('Pleomorphic Adenoma', '', { mesh: 'D008949' }), // C04
  d('Monieziasis', '', { mesh: 'D008989' }), // C03,C22
  s('Monosomy', '', { mesh: 'D009006' }), // C23
  d('Severe Teratoid Abnormalities', '', { mesh: 'D009008' }), // C16
  d('Monteggia\'s Fracture', '', { mesh: 'D009011' }), // C26
  d('Morphine Dependence', '', { mesh: 'D009021' }), // C25,F03
  d('Dental Fluorosis', '', { mesh: 'D009050' }), // C07
  d('Mouth Abnormalities', '', { mesh: 'D009056' }), // C07,C16
  d('Stomatognathic Diseases', '', { mesh: 'D009057' }), // C07
  d('Mouth Diseases', '', { mesh: 'D009059' }), // C07
  d('Edentulous Mouth', '', { mesh: 'D009066' }), // C07
  d('Movement Disorders', '', { mesh: 'D009069' }), // C10
  d('Mucocele', '', { mesh: 'D009078' }), // C04
  d('Mucolipidoses', '', { mesh: 'D009081' }), // C05,C10,C16,C18
  d('Mucopolysaccharidoses', '', { mesh: 'D009083' }), // C16,C17,C18
  d('Mucopolysaccharidosis III', '', { mesh: 'D009084' }), // C16,C17,C18
  d('Mucopolysaccharidosis IV', '', { mesh: 'D009085' }), // C16,C17,C18
  d('Mucopolysaccharidosis VI', '', { mesh: 'D009087' }), // C16,C17,C18
  d('Multiple Carboxylase Deficiency', '', { mesh: 'D009100' }), // C16,C18
  d('Multiple Trauma', '', { mesh: 'D009104' }), // C26
  d('Musculoskeletal Abnormalities', '', { mesh: 'D009139' }), // C05,C16
  d('Musculoskeletal Diseases', '', { mesh: 'D009140' }), // C05
  d('Mushroom Poisoning', '', { mesh: 'D009145' }), // C25
  d('Mycobacterium Infections', '', { mesh: 'D009164' }), // C01
  d('Mycoplasma Infections', '', { mesh: 'D009175' }), // C01
  d('Mycoplasmatales Infections', '', { mesh: 'D009180' }), // C01
  d('Mycoses', '', { mesh: 'D009181' }), // C01
  d('Myiasis', '', { mesh: 'D009198' }), // C03
  d('Myoepithelioma', '', { mesh: 'D009208' }), // C04
  d('Myofascial Pain Syndromes', '', { mesh: 'D009209' }), // C05
  d('Myoma', '', { mesh: 'D009214' }), // C04
  d('Myosarcoma', '', { mesh: 'D009217' }), // C04
  d('Myositis Ossificans', '', { mesh: 'D009221' }), // C05
  d('Myotonia Congenita', '', { mesh: 'D009224' }), // C05,C10,C16
  d('Myxoma', '', { mesh: 'D009232' }), // C04
  d('Infectious Myxomatosis', '', { mesh: 'D009234' }), // C02,C22
  d('Myxosarcoma', '', { mesh: 'D009236' }), // C04
  d('Nail-Patella Syndrome', '', { mesh: 'D009261' }), // C05,C16,C17
  d('Ingrown Nails', '', { mesh: 'D009263' }), // C17
  s('Malformed Nails', '', { mesh: 'D009264' }), // C23
  d('Nairobi Sheep Disease', '', { mesh: 'D009265' }), // C02,C22
  d('Nasopharyngeal Diseases', '', { mesh: 'D009302' }), // C07,C09
  d('Nasopharyngeal Neoplasms', '', { mesh: 'D009303' }), // C04,C07,C09
  d('Nasopharyngitis', '', { mesh: 'D009304' }), // C07,C08,C09
  d('Necatoriasis', '', { mesh: 'D009332' }), // C03
  d('Necrobiosis Lipoidica', '', { mesh: 'D009335' }), // C17,C18
  s('Necrosis', '', { mesh: 'D009336' }), // C23
  d('Nematode Infections', '', { mesh: 'D009349' }), // C03
  d('Local Neoplasm Recurrence', '', { mesh: 'D009364' }), // C04,C23
  d('Neoplasms by Histologic Type', '', { mesh: 'D009370' }), // C04
  d('Neoplasms by Site', '', { mesh: 'D009371' }), // C04
  d('Connective Tissue Neoplasms', '', { mesh: 'D009372' }), // C04,C17
  d('Hormone-Dependent Neoplasms', '', { mesh: 'D009376' }), // C04
  d('Multiple Primary Neoplasms', '', { mesh: 'D009378' }), // C04
  d('Muscle Tissue Neoplasms', '', { mesh: 'D009379' }), // C04
  d('Nerve Tissue Neoplasms', '', { mesh: 'D009380' }), // C04
  d('Radiation-Induced Neoplasms', '', { mesh: 'D009381' }), // C04,C26
  d('Vascular Tissue Neoplasms', '', { mesh: 'D009383' }), // C04
  d('Paraneoplastic Endocrine Syndromes', '', { mesh: 'D009384' }), // C04,C19
  d('Hereditary Neoplastic Syndromes', '', { mesh: 'D009386' }), // C04,C16
  s('Pathologic Neovascularization', '', { mesh: 'D009389' }), // C23
  d('Nephritis', '', { mesh: 'D009393' }), // C12,C13
  d('Nephrosclerosis', '', { mesh: 'D009400' }), // C12,C13
  d('Nephrosis', '', { mesh: 'D009401' }), // C12,C13
  d('Nerve Compression Syndromes', '', { mesh: 'D009408' }), // C10
  s('Nerve Degeneration', '', { mesh: 'D009410' }), // C23
  d('Nervous System Malformations', '', { mesh: 'D009421' }), // C10,C16
  d('Nervous System Diseases', '', { mesh: 'D009422' }), // C10
  d('Nervous System Neoplasms', '', { mesh: 'D009423' }), // C04,C10
  d('Neurasthenia', '', { mesh: 'D009440' }), // F03
  d('Neurilemmoma', '', { mesh: 'D009442' }), // C04
  d('Neuritis', '', { mesh: 'D009443' }), // C10
  d('Neurocirculatory Asthenia', '', { mesh: 'D009449' }), // F03
  d('Neurodermatitis', '', { mesh: 'D009450' }), // C17
  d('Neurofibroma', '', { mesh: 'D009455' }), // C04,C10
  d('Neuroma', '', { mesh: 'D009463' }), // C04
  d('Neuromuscular Diseases', '', { mesh: 'D009468' }), // C10
  d('Neuronal Ceroid-Lipofuscinoses', '', { mesh: 'D009472' }), // C10,C16,C18
  d('Neurotic Disorders', '', { mesh: 'D009497' }), // F03
  d('Nevus', '', { mesh: 'D009506' }), // C04
  d('Nevus of Ota', '', { mesh: 'D009507' }), // C04
  d('Pigmented Nevus', '', { mesh: 'D009508' }), // C04
  d('Newcastle Disease', '', { mesh: 'D009521' }), // C02,C22
  d('Niemann-Pick Diseases', '', { mesh: 'D009542' }), // C10,C15,C16,C18
  d('Noma', '', { mesh: 'D009625' }), // C07
  d('Nonodontogenic Cysts', '', { mesh: 'D009631' }), // C04,C05,C07
  d('Acquired Nose Deformities', '', { mesh: 'D009667' }), // C08,C09
  d('Nose Diseases', '', { mesh: 'D009668' }), // C08,C09
  d('Nose Neoplasms', '', { mesh: 'D009669' }), // C04,C05,C08,C09
  d('Nutrition Disorders', '', { mesh: 'D009748' }), // C18
  d('Occupational Dermatitis', '', { mesh: 'D009783' }), // C17,C24
  d('Occupational Diseases', '', { mesh: 'D009784' }), // C24
  s('Ochronosis', '', { mesh: 'D009794' }), // C23
  d('Oculocerebrorenal Syndrome', '', { mesh: 'D009800' }), // C10,C12,C13,C16,C18
  d('Odontogenic Cysts', '', { mesh: 'D009807' }), // C04,C05,C07
  d('Odontogenic Tumors', '', { mesh: 'D009808' }), // C04
  d('Odontoma', '', { mesh: 'D009810' }), // C04
  d('Oesophagostomiasis', '', { mesh: 'D009814' }), // C03
  d('Onchocerciasis', '', { mesh: 'D009855' }), // C03,C17
  d('Sympathetic Ophthalmia', '', { mesh: 'D009879' }), // C11,C20
  d('Opisthorchiasis', '', { mesh: 'D009889' }), // C03
  d('Opportunistic Infections', '', { mesh: 'D009894' }), // C01,C02,C03
  d('Optic Atrophy', '', { mesh: 'D009896' }), // C10,C11
  d('Oral Submucous Fibrosis', '', { mesh: 'D009914' }), // C07
  d('Orbital Diseases', '', { mesh: 'D009916' }), // C11
  d('Orbital Fractures', '', { mesh: 'D009917' }), // C26
  d('Orbital Neoplasms', '', { mesh: 'D009918' }), // C04,C05,C11
  d('Psittacosis', '', { mesh: 'D009956' }), // C01
  d('Oroantral Fistula', '', { mesh: 'D009957' }), // C07,C23
  d('Orofaciodigital Syndromes', '', { mesh: 'D009958' }), // C05,C16
  d('Orthomyxoviridae Infections', '', { mesh: 'D009976' }), // C02
  s('Heterotopic Ossification', '', { mesh: 'D009999' }), // C23
  d('Osteitis', '', { mesh: 'D010000' }), // C01,C05
  d('Osteitis Fibrosa Cystica', '', { mesh: 'D010002' }), // C05
  d('Primary Hypertrophic Osteoarthropathy', '', { mesh: 'D010004' }), // C05,C16
  d('Secondary Hypertrophic Osteoarthropathy', '', { mesh: 'D010005' }), // C05
  d('Osteochondritis', '', { mesh: 'D010007' }), // C05,C17
  d('Osteochondritis Dissecans', '', { mesh: 'D010008' }), // C05
  d('Osteochondrodysplasias', '', { mesh: 'D010009' }), // C05
  d('Osteolysis', '', { mesh: 'D010014' }), // C05
  d('Essential Osteolysis', '', { mesh: 'D010015' }), // C05
  d('Osteoma', '', { mesh: 'D010016' }), // C04
  d('Osteoid Osteoma', '', { mesh: 'D010017' }), // C04
  d('Osteopetrosis', '', { mesh: 'D010022' }), // C05
  d('Osteopoikilosis', '', { mesh: 'D010023' }), // C05,C17
  d('Osteoradionecrosis', '', { mesh: 'D010025' }), // C26
  d('Osteosclerosis', '', { mesh: 'D010026' }), // C05
  d('Ostertagiasis', '', { mesh: 'D010029' }), // C03
  d('Suppurative Otitis Media', '', { mesh: 'D010035' }), // C01,C09
  d('Otorhinolaryngologic Diseases', '', { mesh: 'D010038' }), // C09
  d('Otorhinolaryngologic Neoplasms', '', { mesh: 'D010039' }), // C04,C09
  d('Otosclerosis', '', { mesh: 'D010040' }), // C09
  d('Ovarian Diseases', '', { mesh: 'D010049' }), // C13,C19
  d('Oxyuriasis', '', { mesh: 'D010123' }), // C03
  d('Extramammary Paget Disease', '', { mesh: 'D010145' }), // C04
  d('Palatal Neoplasms', '', { mesh: 'D010157' }), // C04,C05,C07
  d('Pancreatic Cyst', '', { mesh: 'D010181' }), // C04,C06
  d('Pancreatic Diseases', '', { mesh: 'D010182' }), // C06
  d('Nodular Nonsuppurative Panniculitis', '', { mesh: 'D010201' }), // C17
  d('Panophthalmitis', '', { mesh: 'D010202' }), // C01,C11
  d('Papilloma', '', { mesh: 'D010212' }), // C04
  d('Papillon-Lefevre Disease', '', { mesh: 'D010214' }), // C16,C17
  d('Phlebotomus Fever', '', { mesh: 'D010217' }), // C02
  d('Paracoccidioidomycosis', '', { mesh: 'D010229' }), // C01,C17
  d('Paragonimiasis', '', { mesh: 'D010237' }), // C03
  d('Parakeratosis', '', { mesh: 'D010241' }), // C17
  d('Obstetric Paralysis', '', { mesh: 'D010246' }), // C16,C26
  d('Parametritis', '', { mesh: 'D010249' }), // C13
  d('Respirovirus Infections', '', { mesh: 'D010253' }), // C02
  d('Paranasal Sinus Diseases', '', { mesh: 'D010254' }), // C08,C09
  d('Paraphilias', '', { mesh: 'D010262' }), // F03
  d('Paraphimosis', '', { mesh: 'D010263' }), // C12
  d('Parapsoriasis', '', { mesh: 'D010267' }), // C17
  d('Parasitic Diseases', '', { mesh: 'D010272' }), // C03
  d('Parathyroid Diseases', '', { mesh: 'D010279' }), // C19
  d('Parathyroid Neoplasms', '', { mesh: 'D010282' }), // C04,C19
  d('Paratuberculosis', '', { mesh: 'D010283' }), // C01,C22
  d('Paratyphoid Fever', '', { mesh: 'D010284' }), // C01
  d('Postencephalitic Parkinson Disease', '', { mesh: 'D010301' }), // C10
  d('Parotid Diseases', '', { mesh: 'D010305' }), // C07
  d('Parotitis', '', { mesh: 'D010309' }), // C07
  d('Parovarian Cyst', '', { mesh: 'D010310' }), // C04,C23
  d('Parvoviridae Infections', '', { mesh: 'D010322' }), // C02
  d('Passive-Aggressive Personality Disorder', '', { mesh: 'D010324' }), // F03
  d('Pasteurella Infections', '', { mesh: 'D010326' }), // C01
  d('Lice Infestations', '', { mesh: 'D010373' }), // C03,C17
  d('Pedophilia', '', { mesh: 'D010378' }), // F03
  d('Pelger-Huet Anomaly', '', { mesh: 'D010381' }), // C15,C16
  d('Pellagra', '', { mesh: 'D010383' }), // C18
  d('Pelvic Neoplasms', '', { mesh: 'D010386' }), // C04
  d('Benign Mucous Membrane Pemphigoid', '', { mesh: 'D010390' }), // C11,C17
  d('Penile Diseases', '', { mesh: 'D010409' }), // C12
  d('Periapical Diseases', '', { mesh: 'D010483' }), // C07
  d('Periapical Granuloma', '', { mesh: 'D010484' }), // C07
  d('Periapical Periodontitis', '', { mesh: 'D010485' }), // C07
  d('Periarthritis', '', { mesh: 'D010489' }), // C05
  d('Tuberculous Pericarditis', '', { mesh: 'D010495' }), // C01,C14
  d('Pericoronitis', '', { mesh: 'D010497' }), // C07
  d('Perinephritis', '', { mesh: 'D010501' }), // C12,C13
  d('Periodontal Abscess', '', { mesh: 'D010508' }), // C01,C07
  d('Periodontal Cyst', '', { mesh: 'D010509' }), // C04,C05,C07
  d('Periodontal Pocket', '', { mesh: 'D010514' }), // C07
  d('Aggressive Periodontitis', '', { mesh: 'D010520' }), // C07
  d('Periostitis', '', { mesh: 'D010522' }), // C01,C05
  d('Peripheral Nervous System Neoplasms', '', { mesh: 'D010524' }), // C04,C10
  d('Peritoneal Diseases', '', { mesh: 'D010532' }), // C06
  d('Peritoneal Neoplasms', '', { mesh: 'D010534' }), // C04,C06
  d('Peutz-Jeghers Syndrome', '', { mesh: 'D010580' }), // C04,C06,C16,C17
  d('Phagocyte Bactericidal Dysfunction', '', { mesh: 'D010585' }), // C15,C20
  d('Pharyngeal Diseases', '', { mesh: 'D010608' }), // C07,C09
  d('Pharyngeal Neoplasms', '', { mesh: 'D010610' }), // C04,C07,C09
  d('Phencyclidine Abuse', '', { mesh: 'D010623' }), // C25,F03
  d('Phimosis', '', { mesh: 'D010688' }), // C12
  d('Phosphorus Metabolism Disorders', '', { mesh: 'D010760' }), // C18
  d('Picornaviridae Infections', '', { mesh: 'D010850' }), // C02
  d('Piedra', '', { mesh: 'D010854' }), // C01,C17
  d('Pigmentation Disorders', '', { mesh: 'D010859' }), // C17
  d('Pilonidal Sinus', '', { mesh: 'D010864' }), // C04
  d('Pinealoma', '', { mesh: 'D010871' }), // C04,C10
  d('Pinta', '', { mesh: 'D010874' }), // C01,C17
  d('Pituitary Diseases', '', { mesh: 'D010900' }), // C10,C19
  d('Pituitary Neoplasms', '', { mesh: 'D010911' }), // C04,C10,C19
  d('Pityriasis', '', { mesh: 'D010915' }), // C17
  d('Pityriasis Rubra Pilaris', '', { mesh: 'D010916' }), // C17
  d('Placenta Diseases', '', { mesh: 'D010922' }), // C13
  d('Placental Insufficiency', '', { mesh: 'D010927' }), // C13
  d('Plant Poisoning', '', { mesh: 'D010939' }), // C25
  d('Platelet Storage Pool Deficiency', '', { mesh: 'D010981' }), // C15
  d('Platybasia', '', { mesh: 'D010985' }), // C05,C16
  d('Pleural Diseases', '', { mesh: 'D010995' }), // C08
  d('Pleural Neoplasms', '', { mesh: 'D010997' }), // C04,C08
  d('Epidemic Pleurodynia', '', { mesh: 'D011000' }), // C02
  d('Pleuropneumonia', '', { mesh: 'D011001' }), // C08
  d('Contagious Pleuropneumonia', '', { mesh: 'D011002' }), // C01,C22
  d('Plummer-Vinson Syndrome', '', { mesh: 'D011004' }), // C06
  d('Pneumatosis Cystoides Intestinalis', '', { mesh: 'D011006' }), // C06
  d('Pneumocephalus', '', { mesh: 'D011007' }), // C10,C26
  d('Lipid Pneumonia', '', { mesh: 'D011017' }), // C08
  d('Rickettsial Pneumonia', '', { mesh: 'D011022' }), // C01,C08
  d('Pneumopericardium', '', { mesh: 'D011026' }), // C14
  d('Pneumoperitoneum', '', { mesh: 'D011027' }), // C06
  d('Rothmund-Thomson Syndrome', '', { mesh: 'D011038' }), // C16,C17,C18
  d('Toxicodendron Dermatitis', '', { mesh: 'D011040' }), // C17,C20
  d('Poisoning', '', { mesh: 'D011041' }), // C25
  d('Poland Syndrome', '', { mesh: 'D011045' }), // C05,C16
  d('Bulbar Poliomyelitis', '', { mesh: 'D011052' }), // C02,C10
  s('Polyps', '', { mesh: 'D011127' }), // C23
  d('Polyradiculopathy', '', { mesh: 'D011128' }), // C10
  d('Polyradiculoneuropathy', '', { mesh: 'D011129' }), // C10,C20
  d('Dyshidrotic Eczema', '', { mesh: 'D011146' }), // C17
  d('Popliteal Cyst', '', { mesh: 'D011151' }), // C04
  d('Potassium Deficiency', '', { mesh: 'D011191' }), // C18
  d('Poxviridae Infections', '', { mesh: 'D011213' }), // C02
  d('Mahaim-Type Pre-Excitation', '', { mesh: 'D011227' }), // C14
  d('Precancerous Conditions', '', { mesh: 'D011230' }), // C04
  d('Pregnancy Complications', '', { mesh: 'D011248' }), // C13
  d('Cardiovascular Pregnancy Complications', '', { mesh: 'D011249' }), // C13,C14
  d('Hematologic Pregnancy Complications', '', { mesh: 'D011250' }), // C13,C15
  d('Infectious Pregnancy Complications', '', { mesh: 'D011251' }), // C01,C13
  d('Neoplastic Pregnancy Complications', '', { mesh: 'D011252' }), // C04,C13
  d('Pregnancy in Diabetics', '', { mesh: 'D011254' }), // C13
  d('Abdominal Pregnancy', '', { mesh: 'D011269' }), // C13
  d('Prolonged Pregnancy', '', { mesh: 'D011273' }), // C13
  d('Prenatal Exposure Delayed Effects', '', { mesh: 'D011297' }), // C13
  d('Presbyopia', '', { mesh: 'D011305' }), // C11
  d('Proctocolitis', '', { mesh: 'D011350' }), // C06
  d('Progeria', '', { mesh: 'D011371' }), // C16,C18
  d('Prognathism', '', { mesh: 'D011378' }), // C05,C07,C16
  d('Prostatic Diseases', '', { mesh: 'D011469' }), // C12
  d('Protein Deficiency', '', { mesh: 'D011488' }), // C18
  d('Protein-Energy Malnutrition', '', { mesh: 'D011502' }), // C18
  d('Protein-Losing Enteropathies', '', { mesh: 'D011504' }), // C06
  d('Proteus Infections', '', { mesh: 'D011512' }), // C01
  d('Protozoan Infections', '', { mesh: 'D011528' }), // C03
  d('Prune Belly Syndrome', '', { mesh: 'D011535' }), // C16
  d('Prurigo', '', { mesh: 'D011536' }), // C17
  d('Pseudarthrosis', '', { mesh: 'D011542' }), // C26
  d('Pseudohypoaldosteronism', '', { mesh: 'D011546' }), // C12,C13,C16,C18
  d('Pseudopseudohypoparathyroidism', '', { mesh: 'D011556' }), // C05,C16,C18
  d('Pseudorabies', '', { mesh: 'D011557' }), // C02,C10,C22
  d('Pseudoxanthoma Elasticum', '', { mesh: 'D011561' }), // C14,C15,C16,C17
  d('Pterygium', '', { mesh: 'D011625' }), // C11
  d('Puerperal Disorders', '', { mesh: 'D011644' }), // C13
  d('Puerperal Infection', '', { mesh: 'D011645' }), // C01,C13
  d('Ovine Pulmonary Adenomatosis', '', { mesh: 'D011648' }), // C02,C04,C22
  d('Pulmonary Emphysema', '', { mesh: 'D011656' }), // C08
  d('Pulmonary Subvalvular Stenosis', '', { mesh: 'D011662' }), // C14
  d('Pulmonary Veno-Occlusive Disease', '', { mesh: 'D011668' }), // C08,C14
  d('Pulpitis', '', { mesh: 'D011671' }), // C07
  d('Inborn Errors Purine-Pyrimidine Metabolism', '', { mesh: 'D011686' }), // C16,C18
  d('Hyperglobulinemic Purpura', '', { mesh: 'D011694' }), // C14,C15,C23
  d('Pyelitis', '', { mesh: 'D011702' }), // C12,C13
  d('Xanthogranulomatous Pyelonephritis', '', { mesh: 'D011705' }), // C12,C13
  d('Pyoderma', '', { mesh: 'D011711' }), // C17
  d('Radiation Injuries', '', { mesh: 'D011832' }), // C26
  d('Radicular Cyst', '', { mesh: 'D011842' }), // C04,C05,C07
  d('Radius Fractures', '', { mesh: 'D011885' }), // C26
  d('Ranula', '', { mesh: 'D011900' }), // C04,C07
  d('Rat-Bite Fever', '', { mesh: 'D011906' }), // C01
  d('Rectal Diseases', '', { mesh: 'D012002' }), // C06
  d('Refractive Errors', '', { mesh: 'D012030' }), // C11
  d('Refsum Disease', '', { mesh: 'D012035' }), // C10,C16,C18
  d('Relapsing Fever', '', { mesh: 'D012061' }), // C01
  d('Reoviridae Infections', '', { mesh: 'D012088' }), // C02
  d('Cumulative Trauma Disorders', '', { mesh: 'D012090' }), // C26
  d('Respiration Disorders', '', { mesh: 'D012120' }), // C08
  d('Respiratory Hypersensitivity', '', { mesh: 'D012130' }), // C08,C20
  d('Respiratory Tract Diseases', '', { mesh: 'D012140' }), // C08
  d('Respiratory Tract Neoplasms', '', { mesh: 'D012142' }), // C04,C08
  d('Retinal Degeneration', '', { mesh: 'D012162' }), // C11
  d('Retinal Perforations', '', { mesh: 'D012167' }), // C11
  d('Retinitis', '', { mesh: 'D012173' }), // C11
  d('Retinitis Pigmentosa', '', { mesh: 'D012174' }), // C11,C16
  d('Retrocochlear Diseases', '', { mesh: 'D012181' }), // C09
  s('Retrograde Degeneration', '', { mesh: 'D012183' }), // C23
  s('Retroperitoneal Fibrosis', '', { mesh: 'D012185' }), // C23
  d('Retroperitoneal Neoplasms', '', { mesh: 'D012186' }), // C04
  d('Retropneumoperitoneum', '', { mesh: 'D012188' }), // C23,C26
  d('Retroviridae Infections', '', { mesh: 'D012192' }), // C02
  d('Rhabdomyoma', '', { mesh: 'D012207' }), // C04
  d('Rheumatic Nodule', '', { mesh: 'D012215' }), // C05
  d('Rheumatic Diseases', '', { mesh: 'D012216' }), // C05,C17
  d('Rheumatoid Nodule', '', { mesh: 'D012218' }), // C05,C17
  d('Perennial Allergic Rhinitis', '', { mesh: 'D012221' }), // C08,C09,C20
  d('Atrophic Rhinitis', '', { mesh: 'D012222' }), // C08,C09
  d('Vasomotor Rhinitis', '', { mesh: 'D012223' }), // C08,C09
  d('Rhinophyma', '', { mesh: 'D012224' }), // C17
  d('Rhinoscleroma', '', { mesh: 'D012226' }), // C01,C08,C09,C17
  d('Rhinosporidiosis', '', { mesh: 'D012227' }), // C03
  d('Rib Fractures', '', { mesh: 'D012253' }), // C26
  d('Riboflavin Deficiency', '', { mesh: 'D012257' }), // C18
  d('Rickettsia Infections', '', { mesh: 'D012282' }), // C01
  d('Rickettsiaceae Infections', '', { mesh: 'D012288' }), // C01
  d('Rift Valley Fever', '', { mesh: 'D012295' }), // C02,C06,C22
  d('Rinderpest', '', { mesh: 'D012301' }), // C02,C22
  d('RNA Virus Infections', '', { mesh: 'D012327' }), // C02
  d('Root Resorption', '', { mesh: 'D012391' }), // C07
  d('Rubinstein-Taybi Syndrome', '', { mesh: 'D012415' }), // C05,C10,C16
  d('Salivary Duct Calculi', '', { mesh: 'D012465' }), // C07,C23
  d('Salivary Gland Diseases', '', { mesh: 'D012466' }), // C07
  d('Salmonella Food Poisoning', '', { mesh: 'D012478' }), // C01,C25
  d('Salpingitis', '', { mesh: 'D012488' }), // C13
  d('Sandhoff Disease', '', { mesh: 'D012497' }), // C10,C16,C18
  d('Sarcoma 180', '', { mesh: 'D012510' }), // C04
  d('Sarcoma 37', '', { mesh: 'D012511' }), // C04
  d('Mast-Cell Sarcoma', '', { mesh: 'D012515' }), // C04
  d('Yoshida Sarcoma', '', { mesh: 'D012517' }), // C04
  d('Sarcocystosis', '', { mesh: 'D012523' }), // C03
  d('Scalp Dermatoses', '', { mesh: 'D012536' }), // C17
  d('Scheuermann Disease', '', { mesh: 'D012544' }), // C05
  d('Schistosomiasis haematobia', '', { mesh: 'D012553' }), // C01,C03,C12,C13
  d('Schistosomiasis japonica', '', { mesh: 'D012554' }), // C03
  d('Schistosomiasis mansoni', '', { mesh: 'D012555' }), // C03
  d('Childhood Schizophrenia', '', { mesh: 'D012561' }), // F03
  d('Disorganized Schizophrenia', '', { mesh: 'D012562' }), // F03
  d('Scimitar Syndrome', '', { mesh: 'D012587' }), // C08,C14,C16
  d('Scleredema Adultorum', '', { mesh: 'D012592' }), // C17
  d('Sclerema Neonatorum', '', { mesh: 'D012593' }), // C16,C17
  d('Scrapie', '', { mesh: 'D012608' }), // C10,C22
  d('Screw Worm Infection', '', { mesh: 'D012610' }), // C03
  d('Scurvy', '', { mesh: 'D012614' }), // C14,C15,C18
  d('Sea-Blue Histiocyte Syndrome', '', { mesh: 'D012618' }), // C10,C15,C16,C18
  d('Sebaceous Gland Diseases', '', { mesh: 'D012625' }), // C17
  d('Sebaceous Gland Neoplasms', '', { mesh: 'D012626' }), // C04,C17
  s('Serositis', '', { mesh: 'D012700' }), // C23
  d('Sertoli Cell Tumor', '', { mesh: 'D012707' }), // C04,C12,C19
  d('Setariasis', '', { mesh: 'D012719' }), // C03,C22
  d('Shared Paranoid Disorder', '', { mesh: 'D012753' }), // F03
  d('Pneumonic Pasteurellosis', '', { mesh: 'D012766' }), // C01,C02,C08,C22
  s('Hemorrhagic Shock', '', { mesh: 'D012771' }), // C23
  s('Surgical Shock', '', { mesh: 'D012773' }), // C23
  d('Traumatic Shock', '', { mesh: 'D012774' }), // C23,C26
  d('Short Rib-Polydactyly Syndrome', '', { mesh: 'D012779' }), // C05,C16
  d('Shoulder Dislocation', '', { mesh: 'D012783' }), // C26
  d('Shoulder Fractures', '', { mesh: 'D012784' }), // C26
  d('Shwartzman Phenomenon', '', { mesh: 'D012790' }), // C14,C15
  d('Necrotizing Sialometaplasia', '', { mesh: 'D012797' }), // C07
  d('Sialorrhea', '', { mesh: 'D012798' }), // C07
  d('Siderosis', '', { mesh: 'D012806' }), // C08,C24
  d('Sigmoid Diseases', '', { mesh: 'D012810' }), // C06
  d('Sigmoid Neoplasms', '', { mesh: 'D012811' }), // C04,C06
  d('Silicotuberculosis', '', { mesh: 'D012830' }), // C01,C08,C24
  d('Silo Filler\'s Disease', '', { mesh: 'D012832' }), // C08,C24
  d('Sinusitis', '', { mesh: 'D012852' }), // C08,C09
  d('Situs Inversus', '', { mesh: 'D012857' }), // C16
  d('Skin Abnormalities', '', { mesh: 'D012868' }), // C16,C17
  d('Skin Diseases', '', { mesh: 'D012871' }), // C17
  d('Vesiculobullous Skin Diseases', '', { mesh: 'D012872' }), // C17
  d('Infectious Skin Diseases', '', { mesh: 'D012874' }), // C01,C17
  d('Metabolic Skin Diseases', '', { mesh: 'D012875' }), // C17,C18
  d('Parasitic Skin Diseases', '', { mesh: 'D012876' }), // C03,C17
  d('Skull Fractures', '', { mesh: 'D012887' }), // C10,C26
  d('Skull Neoplasms', '', { mesh: 'D012888' }), // C04,C05
  d('Slow Virus Diseases', '', { mesh: 'D012897' }), // C02
  d('Snake Bites', '', { mesh: 'D012909' }), // C25,C26
  d('Soft Tissue Neoplasms', '', { mesh: 'D012983' }), // C04
  d('Somatostatinoma', '', { mesh: 'D013005' }), // C04,C06,C19
  d('Sparganosis', '', { mesh: 'D013031' }), // C03
  d('Spermatocele', '', { mesh: 'D013088' }), // C12,C23
  d('Sphingolipidoses', '', { mesh: 'D013106' }), // C10,C16,C18
  d('Spinal Curvatures', '', { mesh: 'D013121' }), // C05
  d('Spinal Diseases', '', { mesh: 'D013122' }), // C05
  d('Spinal Neoplasms', '', { mesh: 'D013125' }), // C04,C05
  d('Spinal Osteophytosis', '', { mesh: 'D013128' }), // C05
  d('Spinocerebellar Degenerations', '', { mesh: 'D013132' }), // C10,C16
  d('Spirochaetales Infections', '', { mesh: 'D013145' }), // C01
  d('Splenic Diseases', '', { mesh: 'D013158' }), // C15
  d('Splenic Infarction', '', { mesh: 'D013159' }), // C14,C15
  d('Splenic Neoplasms', '', { mesh: 'D013160' }), // C04,C15
  d('Splenic Rupture', '', { mesh: 'D013161' }), // C15,C26
  d('Spondylitis', '', { mesh: 'D013166' }), // C01,C05
  d('Spondylolysis', '', { mesh: 'D013169' }), // C05
  d('Sporotrichosis', '', { mesh: 'D013174' }), // C01,C17
  d('Tropical Sprue', '', { mesh: 'D013182' }), // C06,C18
  d('Staphylococcal Food Poisoning', '', { mesh: 'D013202' }), // C01,C25
  d('Staphylococcal Skin Infections', '', { mesh: 'D013207' }), // C01,C17
  d('Starvation', '', { mesh: 'D013217' }), // C18
  d('Steatitis', '', { mesh: 'D013231' }), // C18,C22
  d('Gastric Dilatation', '', { mesh: 'D013271' }), // C06
  d('Stomach Diseases', '', { mesh: 'D013272' }), // C06
  s('Stomach Diverticulum', '', { mesh: 'D013273' }), // C23
  d('Stomach Rupture', '', { mesh: 'D013275' }), // C06,C26
  d('Stomach Volvulus', '', { mesh: 'D013277' }), // C06
  d('Denture Stomatitis', '', { mesh: 'D013282' }), // C07
  d('Herpetic Stomatitis', '', { mesh: 'D013283' }), // C02,C07
  d('Equine Strongyle Infections', '', { mesh: 'D013319' }), // C03,C22
  d('Struma Ovarii', '', { mesh: 'D013330' }), // C04
  d('Sturge-Weber Syndrome', '', { mesh: 'D013341' }), // C04,C10,C14
  d('Subacute Sclerosing Panencephalitis', '', { mesh: 'D013344' }), // C02,C10
  s('Subcutaneous Emphysema', '', { mesh: 'D013352' }), // C23
  d('Subdural Effusion', '', { mesh: 'D013353' }), // C10
  d('Subdural Empyema', '', { mesh: 'D013354' }), // C01,C10
  d('Sublingual Gland Neoplasms', '', { mesh: 'D013362' }), // C04,C07
  d('Submandibular Gland Diseases', '', { mesh: 'D013364' }), // C07
  d('Submandibular Gland Neoplasms', '', { mesh: 'D013365' }), // C04,C07
  d('Subphrenic Abscess', '', { mesh: 'D013369' }), // C01,C06
  d('Sulfhemoglobinemia', '', { mesh: 'D013436' }), // C15
  d('Sunburn', '', { mesh: 'D013471' }), // C17,C26
  d('Sunstroke', '', { mesh: 'D013474' }), // C26
  d('Superior Mesenteric Artery Syndrome', '', { mesh: 'D013478' }), // C06
  d('Suppuration', '', { mesh: 'D013492' }), // C01,C23
  d('Sweat Gland Diseases', '', { mesh: 'D013543' }), // C17
  d('Sweat Gland Neoplasms', '', { mesh: 'D013544' }), // C04,C17
  d('Gustatory Sweating', '', { mesh: 'D013547' }), // C10,C17
  d('Swine Erysipelas', '', { mesh: 'D013554' }), // C01,C22
  d('Swine Vesicular Disease', '', { mesh: 'D013555' }), // C02,C22
  d('Synostosis', '', { mesh: 'D013580' }), // C05,C16
  d('Synovial Cyst', '', { mesh: 'D013581' }), // C04
  d('Pigmented Villonodular Synovitis', '', { mesh: 'D013586' }), // C05
  d('Cardiovascular Syphilis', '', { mesh: 'D013589' }), // C01,C14
  d('Cutaneous Syphilis', '', { mesh: 'D013591' }), // C01,C17
  d('Tabes Dorsalis', '', { mesh: 'D013606' }), // C01,C10
  d('Paroxysmal Tachycardia', '', { mesh: 'D013614' }), // C14,C23
  d('Sinoatrial Nodal Reentry Tachycardia', '', { mesh: 'D013615' }), // C14,C23
  d('Tangier Disease', '', { mesh: 'D013631' }), // C10,C16,C18
  d('Temporomandibular Joint Disorders', '', { mesh: 'D013705' }), // C05,C07
  d('Temporomandibular Joint Dysfunction Syndrome', '', { mesh: 'D013706' }), // C05,C07
  d('Tendon Injuries', '', { mesh: 'D013708' }), // C26
  d('Tenosynovitis', '', { mesh: 'D013717' }), // C05
  d('Teratoma', '', { mesh: 'D013724' }), // C04
  d('Testicular Diseases', '', { mesh: 'D013733' }), // C12,C19
  d('Androgen-Insensitivity Syndrome', '', { mesh: 'D013734' }), // C12,C13,C16,C19
  d('Thalamic Diseases', '', { mesh: 'D013786' }), // C10
  d('Thanatophoric Dysplasia', '', { mesh: 'D013796' }), // C05,C16
  d('Thecoma', '', { mesh: 'D013798' }), // C04,C13,C19
  d('Theileriasis', '', { mesh: 'D013801' }), // C03,C22
  d('Thiamine Deficiency', '', { mesh: 'D013832' }), // C18
  d('Thoracic Diseases', '', { mesh: 'D013896' }), // C08
  d('Thoracic Injuries', '', { mesh: 'D013898' }), // C26
  d('Thoracic Neoplasms', '', { mesh: 'D013899' }), // C04
  d('Thoracic Outlet Syndrome', '', { mesh: 'D013901' }), // C10,C14
  d('Thymus Hyperplasia', '', { mesh: 'D013952' }), // C15
  d('Thymus Neoplasms', '', { mesh: 'D013953' }), // C04,C15
  d('Thyroglossal Cyst', '', { mesh: 'D013955' }), // C04
  d('Thyroid Diseases', '', { mesh: 'D013959' }), // C19
  d('Suppurative Thyroiditis', '', { mesh: 'D013969' }), // C01,C19
  d('Tibial Fractures', '', { mesh: 'D013978' }), // C26
  d('Tick Infestations', '', { mesh: 'D013984' }), // C03
  d('Tick Paralysis', '', { mesh: 'D013985' }), // C25
  d('Tick Toxicoses', '', { mesh: 'D013986' }), // C25
  d('Tietze\'s Syndrome', '', { mesh: 'D013991' }), // C05,C17
  d('Tinea Favosa', '', { mesh: 'D014007' }), // C01,C17
  d('Togaviridae Infections', '', { mesh: 'D014036' }), // C02
  d('Tongue Diseases', '', { mesh: 'D014060' }), // C07
  d('Fissured Tongue', '', { mesh: 'D014063' }), // C07
  d('Hairy Tongue', '', { mesh: 'D014064' }), // C07
  d('Tooth Abnormalities', '', { mesh: 'D014071' }), // C07,C16
  d('Tooth Abrasion', '', { mesh: 'D014072' }), // C07
  d('Tooth Diseases', '', { mesh: 'D014076' }), // C07
  d('Tooth Erosion', '', { mesh: 'D014077' }), // C07
  d('Ectopic Tooth Eruption', '', { mesh: 'D014079' }), // C07
  d('Tooth Fractures', '', { mesh: 'D014082' }), // C07,C26
  d('Tooth Avulsion', '', { mesh: 'D014084' }), // C07,C26
  d('Tooth Migration', '', { mesh: 'D014085' }), // C07
  d('Tooth Mobility', '', { mesh: 'D014086' }), // C07
  d('Tooth Resorption', '', { mesh: 'D014091' }), // C07
  d('Impacted Tooth', '', { mesh: 'D014095' }), // C07
  d('Supernumerary Tooth', '', { mesh: 'D014096' }), // C07,C16
  d('Unerupted Tooth', '', { mesh: 'D014097' }), // C07
  d('Toxemia', '', { mesh: 'D014115' }), // C01
  d('Toxocariasis', '', { mesh: 'D014120' }), // C03,C22
  d('Ocular Toxoplasmosis', '', { mesh: 'D014126' }), // C03,C11
  d('Tracheal Diseases', '', { mesh: 'D014133' }), // C08
  d('Tracheal Neoplasms', '', { mesh: 'D014134' }), // C04,C08
  d('Tracheobronchomegaly', '', { mesh: 'D014137' }), // C08,C16
  d('Trachoma', '', { mesh: 'D014141' }), // C01,C11
  d('Trematode Infections', '', { mesh: 'D014201' }), // C03
  d('Trench Fever', '', { mesh: 'D014205' }), // C01
  d('Treponemal Infections', '', { mesh: 'D014211' }), // C01
  d('Trichomonas Vaginitis', '', { mesh: 'D014247' }), // C03,C13
  d('Trichostrongyloidiasis', '', { mesh: 'D014252' }), // C03
  d('Trichostrongylosis', '', { mesh: 'D014253' }), // C03
  d('Trichuriasis', '', { mesh: 'D014257' }), // C03
  d('Tricuspid Valve Prolapse', '', { mesh: 'D014263' }), // C14
  d('Trilogy of Fallot', '', { mesh: 'D014286' }), // C14,C16
  s('Trisomy', '', { mesh: 'D014314' }), // C23
  d('Trombiculiasis', '', { mesh: 'D014323' }), // C03
  d('Trophoblastic Neoplasms', '', { mesh: 'D014328' }), // C04,C13
  d('Trypanosomiasis', '', { mesh: 'D014352' }), // C03
  d('Bovine Trypanosomiasis', '', { mesh: 'D014354' }), // C03,C22
  d('Tuberculoma', '', { mesh: 'D014375' }), // C01
  d('Avian Tuberculosis', '', { mesh: 'D014379' }), // C01,C22
  d('Bovine Tuberculosis', '', { mesh: 'D014380' }), // C01,C22
  d('Cardiovascular Tuberculosis', '', { mesh: 'D014381' }), // C01,C14
  d('Cutaneous Tuberculosis', '', { mesh: 'D014382' }), // C01,C17
  d('Endocrine Tuberculosis', '', { mesh: 'D014383' }), // C01,C19
  d('Female Genital Tuberculosis', '', { mesh: 'D014384' }), // C01,C13
  d('Gastrointestinal Tuberculosis', '', { mesh: 'D014385' }), // C01,C06
  d('Hepatic Tuberculosis', '', { mesh: 'D014386' }), // C01,C06
  d('Laryngeal Tuberculosis', '', { mesh: 'D014387' }), // C01,C08,C09
  d('Male Genital Tuberculosis', '', { mesh: 'D014389' }), // C01,C12
  d('Ocular Tuberculosis', '', { mesh: 'D014392' }), // C01,C11
  d('Oral Tuberculosis', '', { mesh: 'D014393' }), // C01,C07
  d('Osteoarticular Tuberculosis', '', { mesh: 'D014394' }), // C01,C05
  d('Tuberculous Peritonitis', '', { mesh: 'D014395' }), // C01,C06
  d('Pleural Tuberculosis', '', { mesh: 'D014396' }), // C01,C08
  d('Renal Tuberculosis', '', { mesh: 'D014398' }), // C01,C12,C13
  d('Splenic Tuberculosis', '', { mesh: 'D014400' }), // C01,C15
  d('Urogenital Tuberculosis', '', { mesh: 'D014401' }), // C01,C12,C13
  d('Tumor Virus Infections', '', { mesh: 'D014412' }), // C02,C04
  d('Endemic Flea-Borne Typhus', '', { mesh: 'D014437' }), // C01
  d('Epidemic Louse-Borne Typhus', '', { mesh: 'D014438' }), // C01
  s('Ulcer', '', { mesh: 'D014456' }), // C23
  d('Ulna Fractures', '', { mesh: 'D014458' }), // C26
  d('Urachal Cyst', '', { mesh: 'D014496' }), // C04
  d('Ureteral Diseases', '', { mesh: 'D014515' }), // C12,C13
  d('Ureteral Neoplasms', '', { mesh: 'D014516' }), // C04,C12,C13
  d('Ureteral Obstruction', '', { mesh: 'D014517' }), // C12,C13
  d('Ureterocele', '', { mesh: 'D014518' }), // C12,C13
  d('Urethral Diseases', '', { mesh: 'D014522' }), // C12,C13
  d('Urethral Neoplasms', '', { mesh: 'D014523' }), // C04,C12,C13
  d('Urethral Obstruction', '', { mesh: 'D014524' }), // C12,C13
  d('Urination Disorders', '', { mesh: 'D014555' }), // C12,C13
  d('Urogenital Abnormalities', '', { mesh: 'D014564' }), // C12,C13,C16
  d('Urogenital Neoplasms', '', { mesh: 'D014565' }), // C04,C12,C13
  d('Urologic Diseases', '', { mesh: 'D014570' }), // C12,C13
  d('Urologic Neoplasms', '', { mesh: 'D014571' }), // C04,C12,C13
  d('Urticaria Pigmentosa', '', { mesh: 'D014582' }), // C04,C17
  d('Uterine Diseases', '', { mesh: 'D014591' }), // C13
  d('Uterine Inertia', '', { mesh: 'D014593' }), // C13
  d('Uterine Rupture', '', { mesh: 'D014597' }), // C13,C26
  d('Uveal Diseases', '', { mesh: 'D014603' }), // C11
  d('Uveal Neoplasms', '', { mesh: 'D014604' }), // C04,C11
  d('Uveomeningoencephalitic Syndrome', '', { mesh: 'D014607' }), // C10,C11,C20
  d('Uveoparotid Fever', '', { mesh: 'D014608' }), // C15
  d('Vaccinia', '', { mesh: 'D014615' }), // C02
  d('Vaginal Diseases', '', { mesh: 'D014623' }), // C13
  d('Vascular Diseases', '', { mesh: 'D014652' }), // C14
  d('Vascular Headaches', '', { mesh: 'D014653' }), // C10,C14
  d('Velopharyngeal Insufficiency', '', { mesh: 'D014681' }), // C07,C09,C16
  d('Ventricular Outflow Obstruction', '', { mesh: 'D014694' }), // C14
  d('Vesicular Exanthema of Swine', '', { mesh: 'D014720' }), // C02,C22
  d('Vibrio Infections', '', { mesh: 'D014735' }), // C01
  d('Viremia', '', { mesh: 'D014766' }), // C02,C23
  d('Virus Diseases', '', { mesh: 'D014777' }), // C02
  d('Visceral Prolapse', '', { mesh: 'D014782' }), // C06,C23
  d('Vitamin A Deficiency', '', { mesh: 'D014802' }), // C18
  d('Vitamin B Deficiency', '', { mesh: 'D014804' }), // C18
  d('Vitamin B 12 Deficiency', '', { mesh: 'D014806' }), // C18
  d('Vitamin E Deficiency', '', { mesh: 'D014811' }), // C18
  d('Vitamin K Deficiency', '', { mesh: 'D014813' }), // C15,C18
  d('Vulvar Diseases', '', { mesh: 'D014845' }), // C13
  d('Vulvovaginitis', '', { mesh: 'D014848' }), // C13
  d('Waardenburg Syndrome', '', { mesh: 'D014849' }), // C16
  s('Wallerian Degeneration', '', { mesh: 'D014855' }), // C23
  d('Water Intoxication', '', { mesh: 'D014869' }), // C18,C25
  d('Waterhouse-Friderichsen Syndrome', '', { mesh: 'D014884' }), // C01,C10,C15,C19,C23
  d('Spinal Muscular Atrophies of Childhood', '', { mesh: 'D014897' }), // C10,C16
  d('Werner Syndrome', '', { mesh: 'D014898' }), // C16,C18
  d('Whiplash Injuries', '', { mesh: 'D014911' }), // C26
  d('Wiskott-Aldrich Syndrome', '', { mesh: 'D014923' }), // C15,C16,C20
  d('Wissler\'s Syndrome', '', { mesh: 'D014924' }), // C05,C20
  d('Wolfram Syndrome', '', { mesh: 'D014929' }), // C09,C10,C11,C12,C13,C16,C18,C19
  d('Gunshot Wounds', '', { mesh: 'D014948' }), // C26
  d('Nonpenetrating Wounds', '', { mesh: 'D014949' }), // C26
  d('Penetrating Wounds', '', { mesh: 'D014950' }), // C26
  d('Stab Wounds', '', { mesh: 'D014951' }), // C26
  d('Wrist Injuries', '', { mesh: 'D014954' }), // C26
  d('Juvenile Xanthogranuloma', '', { mesh: 'D014972' }), // C15,C17
  d('Xanthomatosis', '', { mesh: 'D014973' }), // C18
  d('Xeroderma Pigmentosum', '', { mesh: 'D014983' }), // C04,C16,C17,C18
  d('Xerophthalmia', '', { mesh: 'D014985' }), // C11
  d('Yaws', '', { mesh: 'D015001' }), // C01,C17
  d('Yersinia Infections', '', { mesh: 'D015009' }), // C01
  d('Yersinia pseudotuberculosis Infections', '', { mesh: 'D015012' }), // C01
  d('Zygomatic Fractures', '', { mesh: 'D015051' }), // C26
  d('Esophageal Motility Disorders', '', { mesh: 'D015154' }), // C06
  d('Diffuse Esophageal Spasm', '', { mesh: 'D015155' }), // C06
  d('Superinfection', '', { mesh: 'D015163' }), // C01,C02,C03
  d('Lightning Injuries', '', { mesh: 'D015168' }), // C26
  d('Supratentorial Neoplasms', '', { mesh: 'D015173' }), // C04,C10
  d('Epidural Neoplasms', '', { mesh: 'D015174' }), // C04,C10
  d('Smoke Inhalation Injury', '', { mesh: 'D015208' }), // C26
  d('Zellweger Syndrome', '', { mesh: 'D015211' }), // C06,C10,C12,C13,C16,C18
  d('Cholesterol Ester Storage Disease', '', { mesh: 'D015217' }), // C16,C18
  d('Sternocostoclavicular Hyperostosis', '', { mesh: 'D015218' }), // C05,C17
  d('Wolman Disease', '', { mesh: 'D015223' }), // C16,C18
  d('Viral Sexually Transmitted Diseases', '', { mesh: 'D015229' }), // C02
  d('Bacterial Sexually Transmitted Diseases', '', { mesh: 'D015231' }), // C01,C12,C13
  d('Inborn Errors Fructose Metabolism', '', { mesh: 'D015318' }), // C16,C18
  d('Fructose-1,6-Diphosphatase Deficiency', '', { mesh: 'D015319' }), // C16,C18
  d('Inborn Errors Pyruvate Metabolism', '', { mesh: 'D015323' }), // C16,C18
  d('Pyruvate Carboxylase Deficiency Disease', '', { mesh: 'D015324' }), // C10,C16,C18
  d('Pyruvate Dehydrogenase Complex Deficiency Disease', '', { mesh: 'D015325' }), // C10,C16,C18
  d('Neovascular Glaucoma', '', { mesh: 'D015355' }), // C11
  d('Child Nutrition Disorders', '', { mesh: 'D015362' }), // C18
  d('Hereditary Optic Atrophies', '', { mesh: 'D015418' }), // C10,C11,C16
  d('Hereditary Spastic Paraplegia', '', { mesh: 'D015419' }), // C10,C16
  d('Scleral Diseases', '', { mesh: 'D015422' }), // C11
  d('Reperfusion Injury', '', { mesh: 'D015427' }), // C14,C23
  d('Myocardial Reperfusion Injury', '', { mesh: 'D015428' }), // C14,C23
  d('Lupus Erythematosus Panniculitis', '', { mesh: 'D015435' }), // C17
  d('Peritoneal Panniculitis', '', { mesh: 'D015436' }), // C06,C17
  d('Borderline Leprosy', '', { mesh: 'D015439' }), // C01
  d('Lepromatous Leprosy', '', { mesh: 'D015440' }), // C01
  d('Tuberculoid Leprosy', '', { mesh: 'D015441' }), // C01
  d('B-Cell Leukemia', '', { mesh: 'D015448' }), // C04,C15,C20
  d('T-Cell Leukemia', '', { mesh: 'D015458' }), // C04,C15,C20
  d('Accelerated Phase Myeloid Leukemia', '', { mesh: 'D015465' }), // C04,C15
  d('Chronic-Phase Myeloid Leukemia', '', { mesh: 'D015466' }), // C04,C15
  d('Acute Basophilic Leukemia', '', { mesh: 'D015471' }), // C04
  d('Acute Eosinophilic Leukemia', '', { mesh: 'D015472' }), // C04
  d('HTLV-I Infections', '', { mesh: 'D015490' }), // C02,C20
  d('HTLV-II Infections', '', { mesh: 'D015491' }), // C02,C20
  d('Tropical Spastic Paraparesis', '', { mesh: 'D015493' }), // C02,C10
  d('Salivary Gland Calculi', '', { mesh: 'D015494' }), // C07,C23
  d('Inborn Errors Renal Tubular Transport', '', { mesh: 'D015499' }), // C12,C13,C16,C18
  d('Nasal Obstruction', '', { mesh: 'D015508' }), // C08,C09
  d('Ethmoid Sinusitis', '', { mesh: 'D015521' }), // C08,C09
  d('Frontal Sinusitis', '', { mesh: 'D015522' }), // C08,C09
  d('Maxillary Sinusitis', '', { mesh: 'D015523' }), // C08,C09
  d('Sphenoid Sinusitis', '', { mesh: 'D015524' }), // C08,C09
  d('Hyperostosis', '', { mesh: 'D015576' }), // C05
  d('Retinal Drusen', '', { mesh: 'D015593' }), // C11
  d('Optic Disk Drusen', '', { mesh: 'D015594' }), // C10,C11
  d('Parasitic Pregnancy Complications', '', { mesh: 'D015597' }), // C03,C13
  d('Cowpox', '', { mesh: 'D015605' }), // C02
  d('Histiocytosis', '', { mesh: 'D015614' }), // C15
  d('Congenital Cystic Adenomatoid Malformation of Lung', '', { mesh: 'D015615' }), // C08,C16
  d('Non-Langerhans-Cell Histiocytosis', '', { mesh: 'D015616' }), // C15
  d('Sinus Histiocytosis', '', { mesh: 'D015618' }), // C15
  d('Respiratory System Abnormalities', '', { mesh: 'D015619' }), // C08,C16
  d('Malignant Histiocytic Disorders', '', { mesh: 'D015620' }), // C04,C15
  d('Mycotoxicosis', '', { mesh: 'D015651' }), // C25
  d('Near Drowning', '', { mesh: 'D015701' }), // C26
  d('Corneal Edema', '', { mesh: 'D015715' }), // C11
  d('Foreign-Body Granuloma', '', { mesh: 'D015745' }), // C23,C26
  d('Respiratory Tract Granuloma', '', { mesh: 'D015769' }), // C08,C23
  d('Stress Fractures', '', { mesh: 'D015775' }), // C26
  d('Diffuse Palmoplantar Keratoderma', '', { mesh: 'D015776' }), // C16,C17
  d('Aniridia', '', { mesh: 'D015783' }), // C11,C16
  d('Hereditary Eye Diseases', '', { mesh: 'D015785' }), // C11,C16
  d('Erythema Chronicum Migrans', '', { mesh: 'D015787' }), // C01,C17
  d('Retinal Dysplasia', '', { mesh: 'D015792' }), // C11,C16
  d('Choroideremia', '', { mesh: 'D015794' }), // C11,C16
  d('Gyrate Atrophy', '', { mesh: 'D015799' }), // C11,C16
  d('Penetrating Eye Injuries', '', { mesh: 'D015807' }), // C26
  d('Iris Neoplasms', '', { mesh: 'D015811' }), // C04,C11
  d('Ocular Hypotension', '', { mesh: 'D015814' }), // C11
  d('Bacterial Eye Infections', '', { mesh: 'D015818' }), // C01,C11
  d('Fungal Eye Infections', '', { mesh: 'D015821' }), // C01,C11
  d('Parasitic Eye Infections', '', { mesh: 'D015822' }), // C03,C11
  d('Acanthamoeba Keratitis', '', { mesh: 'D015823' }), // C03,C11
  d('Langer-Giedion Syndrome', '', { mesh: 'D015826' }), // C05
  d('Ocular Onchocerciasis', '', { mesh: 'D015827' }), // C03,C11
  d('Viral Eye Infections', '', { mesh: 'D015828' }), // C02,C11
  d('Suppurative Uveitis', '', { mesh: 'D015829' }), // C01,C11
  d('Osteochondroma', '', { mesh: 'D015831' }), // C04,C05
  d('Cochlear Diseases', '', { mesh: 'D015834' }), // C09
  d('Ocular Motility Disorders', '', { mesh: 'D015835' }), // C10,C11
  d('Synovial Chondromatosis', '', { mesh: 'D015838' }), // C05
  d('Oculomotor Nerve Diseases', '', { mesh: 'D015840' }), // C10,C11
  d('Enophthalmos', '', { mesh: 'D015841' }), // C11
  d('Anisometropia', '', { mesh: 'D015858' }), // C11
  d('Retinal Neovascularization', '', { mesh: 'D015861' }), // C11,C23
  d('Choroid Diseases', '', { mesh: 'D015862' }), // C11
  d('Panuveitis', '', { mesh: 'D015864' }), // C11
  d('Posterior Uveitis', '', { mesh: 'D015866' }), // C11
  d('Intermediate Uveitis', '', { mesh: 'D015867' }), // C11
  d('Pars Planitis', '', { mesh: 'D015868' }), // C11
  d('Acute Retinal Necrosis Syndrome', '', { mesh: 'D015882' }), // C11
  s('Surgical Blood Loss', '', { mesh: 'D016063' }), // C23
  d('Arachnoid Cysts', '', { mesh: 'D016080' }), // C04,C10,C16
  d('Simian Acquired Immunodeficiency Syndrome', '', { mesh: 'D016097' }), // C02,C22
  d('Gerstmann-Straussler-Scheinker Disease', '', { mesh: 'D016098' }), // C10,C16
  d('Epidermolysis Bullosa Acquisita', '', { mesh: 'D016107' }), // C16,C17
  d('Epidermolysis Bullosa Dystrophica', '', { mesh: 'D016108' }), // C16,C17
  d('Junctional Epidermolysis Bullosa', '', { mesh: 'D016109' }), // C16,C17
  d('Epidermolysis Bullosa Simplex', '', { mesh: 'D016110' }), // C16,C17
  d('Sjogren-Larsson Syndrome', '', { mesh: 'D016111' }), // C16,C17,C18
  d('Ichthyosis Vulgaris', '', { mesh: 'D016112' }), // C16,C17
  d('Congenital Ichthyosiform Erythroderma', '', { mesh: 'D016113' }), // C16,C17
  d('X-Linked Ichthyosis', '', { mesh: 'D016114' }), // C16,C17,C18
  d('Oculocutaneous Albinism', '', { mesh: 'D016115' }), // C11,C16,C17,C18
  d('Piebaldism', '', { mesh: 'D016116' }), // C16,C17,C18
  d('Ocular Albinism', '', { mesh: 'D016117' }), // C11,C16,C17,C18
  d('Heart Valve Prolapse', '', { mesh: 'D016127' }), // C14
  d('Holoprosencephaly', '', { mesh: 'D016142' }), // C05,C10,C16
  d('Digestive System Fistula', '', { mesh: 'D016154' }), // C06,C23
  d('Respiratory Tract Fistula', '', { mesh: 'D016156' }), // C08,C23
  d('Vascular Fistula', '', { mesh: 'D016157' }), // C14,C23
  d('Lentivirus Infections', '', { mesh: 'D016180' }), // C02
  d('Feline Acquired Immunodeficiency Syndrome', '', { mesh: 'D016181' }), // C02,C22
  d('Visna', '', { mesh: 'D016182' }), // C02,C22
  d('Murine Acquired Immunodeficiency Syndrome', '', { mesh: 'D016183' }), // C02,C22
  d('AIDS-Associated Nephropathy', '', { mesh: 'D016263' }), // C02,C12,C13,C20
  d('Milk Hypersensitivity', '', { mesh: 'D016269' }), // C20
  d('Alveolar Bone Loss', '', { mesh: 'D016301' }), // C05,C07
  d('Smear Layer', '', { mesh: 'D016369' }), // C07
  d('Tooth Loss', '', { mesh: 'D016388' }), // C07
  d('Immunoblastic Large-Cell Lymphoma', '', { mesh: 'D016400' }), // C04,C15,C20
  d('Granuloma Annulare', '', { mesh: 'D016460' }), // C17,C23
  d('Lysosomal Storage Diseases', '', { mesh: 'D016464' }), // C16,C18
  d('Fungemia', '', { mesh: 'D016469' }), // C01,C23
  d('AIDS-Related Lymphoma', '', { mesh: 'D016483' }), // C04,C15,C20
  d('Closed Head Injuries', '', { mesh: 'D016489' }), // C10,C26
  d('Benign Familial Pemphigus', '', { mesh: 'D016506' }), // C16,C17
  d('Corneal Neovascularization', '', { mesh: 'D016510' }), // C11
  d('Severe Combined Immunodeficiency', '', { mesh: 'D016511' }), // C16,C18,C20
  d('Ankle Injuries', '', { mesh: 'D016512' }), // C26
  d('Neurofibromatosis 2', '', { mesh: 'D016518' }), // C04,C09,C10,C16
  d('Foot Ulcer', '', { mesh: 'D016523' }), // C17
  d('Mucopolysaccharidosis II', '', { mesh: 'D016532' }), // C10,C16,C17,C18
  d('Bronchial Hyperreactivity', '', { mesh: 'D016535' }), // C08
  d('GM1 Gangliosidosis', '', { mesh: 'D016537' }), // C10,C16,C18
  d('Mucopolysaccharidosis VII', '', { mesh: 'D016538' }), // C16,C17,C18
  d('Central Nervous System Neoplasms', '', { mesh: 'D016543' }), // C04,C10
  d('Choroid Plexus Neoplasms', '', { mesh: 'D016545' }), // C04,C10
  d('Blepharophimosis', '', { mesh: 'D016569' }), // C11,C16
  d('Hidradenitis', '', { mesh: 'D016575' }), // C17
  d('Feline Leukemia', '', { mesh: 'D016582' }), // C02,C04,C22
  d('Enzootic Bovine Leukosis', '', { mesh: 'D016583' }), // C02,C04,C20,C22
  d('Granular Cell Tumor', '', { mesh: 'D016586' }), // C04
  d('Needlestick Injuries', '', { mesh: 'D016602' }), // C26
  d('Eosinophilia-Myalgia Syndrome', '', { mesh: 'D016603' }), // C05,C10,C15
  d('Bovine Spongiform Encephalopathy', '', { mesh: 'D016643' }), // C10,C22
  d('Psoas Abscess', '', { mesh: 'D016659' }), // C01
  s('Zenker Diverticulum', '', { mesh: 'D016672' }), // C23
  d('Herpes Zoster Oticus', '', { mesh: 'D016697' }), // C02,C09,C10
  d('Proteus Syndrome', '', { mesh: 'D016715' }), // C04,C05,C16
  d('Pneumocystis Infections', '', { mesh: 'D016720' }), // C01
  d('Pulmonary Plasma Cell Granuloma', '', { mesh: 'D016726' }), // C08
  d('Orbital Pseudotumor', '', { mesh: 'D016727' }), // C11
  d('Munchausen Syndrome by Proxy', '', { mesh: 'D016735' }), // F03
  d('Alagille Syndrome', '', { mesh: 'D016738' }), // C06,C14,C16
  d('Feline Infectious Peritonitis', '', { mesh: 'D016766' }), // C02,C22
  d('Caroli Disease', '', { mesh: 'D016767' }), // C06,C16
  d('Ciliophora Infections', '', { mesh: 'D016770' }), // C03
  d('Cutaneous Leishmaniasis', '', { mesh: 'D016773' }), // C03,C17
  d('Diffuse Cutaneous Leishmaniasis', '', { mesh: 'D016774' }), // C03,C17
  d('Blastocystis Infections', '', { mesh: 'D016776' }), // C03,C06
  d('Cerebral Malaria', '', { mesh: 'D016779' }), // C03,C10
  d('Herpetic Keratitis', '', { mesh: 'D016849' }), // C02,C11
  d('Intracranial Tuberculoma', '', { mesh: 'D016862' }), // C01,C10
  d('Bacillaceae Infections', '', { mesh: 'D016863' }), // C01
  d('Bacteroidaceae Infections', '', { mesh: 'D016866' }), // C01
  d('Serratia Infections', '', { mesh: 'D016868' }), // C01
  d('Ureaplasma Infections', '', { mesh: 'D016869' }), // C01
  d('Neisseriaceae Infections', '', { mesh: 'D016870' }), // C01
  d('Pasteurellaceae Infections', '', { mesh: 'D016871' }), // C01
  d('Microsporidiosis', '', { mesh: 'D016881' }), // C01
  d('Angiodysplasia', '', { mesh: 'D016888' }), // C14
  d('Encephalitozoonosis', '', { mesh: 'D016890' }), // C01
  d('Gram-Negative Bacterial Infections', '', { mesh: 'D016905' }), // C01
  d('Gram-Positive Bacterial Infections', '', { mesh: 'D016908' }), // C01
  d('Acquired Joint Deformities', '', { mesh: 'D016916' }), // C05
  d('Bacillary Angiomatosis', '', { mesh: 'D016917' }), // C01,C14,C17
  d('Fungal Meningitis', '', { mesh: 'D016921' }), // C01,C10
  d('Tooth Demineralization', '', { mesh: 'D017001' }), // C07
  d('Epilepsia Partialis Continua', '', { mesh: 'D017036' }), // C10
  d('Maternal Phenylketonuria', '', { mesh: 'D017042' }), // C10,C13,C16,C18
  d('Chalazion', '', { mesh: 'D017043' }), // C04,C11
  d('Autosomal Recessive Polycystic Kidney', '', { mesh: 'D017044' }), // C12,C13,C16
  d('Common Variable Immunodeficiency', '', { mesh: 'D017074' }), // C20
  d('AIDS-Related Opportunistic Infections', '', { mesh: 'D017088' }), // C01,C02,C03,C20
  d('Erythropoietic Porphyria', '', { mesh: 'D017092' }), // C16,C17,C18
  d('Hepatic Porphyrias', '', { mesh: 'D017094' }), // C06,C16,C17,C18
  d('Prion Diseases', '', { mesh: 'D017096' }), // C10
  d('IgA Deficiency', '', { mesh: 'D017098' }), // C15,C20
  d('IgG Deficiency', '', { mesh: 'D017099' }), // C15,C20
  d('Hepatoerythropoietic Porphyria', '', { mesh: 'D017121' }), // C06,C16,C17,C18
  d('Anisakiasis', '', { mesh: 'D017129' }), // C03,C06
  d('Post-Traumatic Neoplasms', '', { mesh: 'D017169' }), // C04
  d('Adenophorea Infections', '', { mesh: 'D017188' }), // C03
  d('Enoplida Infections', '', { mesh: 'D017189' }), // C03
  d('Secernentea Infections', '', { mesh: 'D017190' }), // C03
  d('Ascaridida Infections', '', { mesh: 'D017191' }), // C03
  d('Bacterial Skin Diseases', '', { mesh: 'D017192' }), // C01,C17
  d('Viral Skin Diseases', '', { mesh: 'D017193' }), // C02,C17
  d('Oxyurida Infections', '', { mesh: 'D017194' }), // C03
  d('Rhabditida Infections', '', { mesh: 'D017196' }), // C03
  d('Spirurida Infections', '', { mesh: 'D017205' }), // C03
  d('Strongylida Infections', '', { mesh: 'D017206' }), // C03
  d('Root Caries', '', { mesh: 'D017213' }), // C07
  d('Toxascariasis', '', { mesh: 'D017227' }), // C03
  d('MELAS Syndrome', '', { mesh: 'D017241' }), // C05,C10,C14,C16,C18
  d('MERRF Syndrome', '', { mesh: 'D017243' }), // C05,C10,C16,C18
  d('Chronic Progressive External Ophthalmoplegia', '', { mesh: 'D017246' }), // C05,C10,C11,C18,C23
  d('Caliciviridae Infections', '', { mesh: 'D017250' }), // C02
  d('Neurofibromatoses', '', { mesh: 'D017253' }), // C04,C10,C16
  d('Leukemic Infiltration', '', { mesh: 'D017254' }), // C04,C23
  d('Craniomandibular Disorders', '', { mesh: 'D017271' }), // C05,C07
  d('Tick-Borne Diseases', '', { mesh: 'D017282' }), // C01,C02,C03
  s('Hypertrophic Cicatrix', '', { mesh: 'D017439' }), // C23
  d('Necrobiotic Disorders', '', { mesh: 'D017441' }), // C17
  d('Eczematous Skin Diseases', '', { mesh: 'D017443' }), // C17
  d('Papulosquamous Skin Diseases', '', { mesh: 'D017444' }), // C17
  d('Vascular Skin Diseases', '', { mesh: 'D017445' }), // C17
  d('Photoallergic Dermatitis', '', { mesh: 'D017454' }), // C17,C20
  d('Epidermolytic Hyperkeratosis', '', { mesh: 'D017488' }), // C16,C17
  d('Lamellar Ichthyosis', '', { mesh: 'D017490' }), // C16,C17
  d('Porokeratosis', '', { mesh: 'D017499' }), // C16,C17
  d('Lichenoid Eruptions', '', { mesh: 'D017512' }), // C17
  d('Lichen Nitidus', '', { mesh: 'D017513' }), // C17
  d('Pityriasis Lichenoides', '', { mesh: 'D017514' }), // C17
  d('Mucinoses', '', { mesh: 'D017520' }), // C17
  d('Ruptured Aneurysm', '', { mesh: 'D017542' }), // C14
  d('Focal Epithelial Hyperplasia', '', { mesh: 'D017573' }), // C07
  d('Parasystole', '', { mesh: 'D017574' }), // C14,C23
  d('Cutaneous Fistula', '', { mesh: 'D017577' }), // C17,C23
  d('Neuroectodermal Tumors', '', { mesh: 'D017599' }), // C04
  d('Melanotic Neuroectodermal Tumor', '', { mesh: 'D017600' }), // C04
  d('Periodontal Attachment Loss', '', { mesh: 'D017622' }), // C07
  d('WAGR Syndrome', '', { mesh: 'D017624' }), // C04,C10,C11,C12,C13,C16,C19
  d('Oral Lichen Planus', '', { mesh: 'D017676' }), // C07,C17
  d('Myocardial Stunning', '', { mesh: 'D017682' }), // C14
  d('Cholera Morbus', '', { mesh: 'D017688' }), // C06
  d('Soft Tissue Injuries', '', { mesh: 'D017695' }), // C26
  d('Nemaline Myopathies', '', { mesh: 'D017696' }), // C05,C10
  d('Community-Acquired Infections', '', { mesh: 'D017714' }), // C01
  d('Cytomegalovirus Retinitis', '', { mesh: 'D017726' }), // C02,C11
  d('Lymphomatoid Papulosis', '', { mesh: 'D017731' }), // C04,C15,C20
  d('Hairy Leukoplakia', '', { mesh: 'D017733' }), // C02,C04,C07,C23
  d('Malunited Fractures', '', { mesh: 'D017759' }), // C26
  d('Bone Malalignment', '', { mesh: 'D017760' }), // C05
  d('Ulnar Nerve Compression Syndromes', '', { mesh: 'D017769' }), // C10,C26
  d('Amyloid Neuropathies', '', { mesh: 'D017772' }), // C10,C18
  s('Pyogenic Granuloma', '', { mesh: 'D017789' }), // C23
  d('Furcation Defects', '', { mesh: 'D017823' }), // C07
  d('Aneurysmal Bone Cysts', '', { mesh: 'D017824' }), // C04,C05
  d('Canavan Disease', '', { mesh: 'D017825' }), // C10,C16,C18
  d('Machado-Joseph Disease', '', { mesh: 'D017827' }), // C10,C16
  d('Congenital Limb Deformities', '', { mesh: 'D017880' }), // C05,C16
  d('Ossification of Posterior Longitudinal Ligament', '', { mesh: 'D017887' }), // C05,C23
  d('Exfoliation Syndrome', '', { mesh: 'D017889' }), // C11
  d('Splenosis', '', { mesh: 'D017890' }), // C15,C26
  d('Tympanic Membrane Perforation', '', { mesh: 'D018058' }), // C09,C26
  d('Odontodysplasia', '', { mesh: 'D018126' }), // C07,C16
  d('Endolymphatic Hydrops', '', { mesh: 'D018159' }), // C09
  d('Circoviridae Infections', '', { mesh: 'D018173' }), // C02
  d('Arterivirus Infections', '', { mesh: 'D018174' }), // C02
  d('Birnaviridae Infections', '', { mesh: 'D018175' }), // C02
  d('Torovirus Infections', '', { mesh: 'D018176' }), // C02
  d('Flavivirus Infections', '', { mesh: 'D018177' }), // C02
  d('Flaviviridae Infections', '', { mesh: 'D018178' }), // C02
  d('Pestivirus Infections', '', { mesh: 'D018182' }), // C02
  d('Paramyxoviridae Infections', '', { mesh: 'D018184' }), // C02
  d('Morbillivirus Infections', '', { mesh: 'D018185' }), // C02
  d('Pneumovirus Infections', '', { mesh: 'D018186' }), // C02
  d('Cardiovirus Infections', '', { mesh: 'D018188' }), // C02
  d('Lymphatic Vessel Tumors', '', { mesh: 'D018190' }), // C04
  d('Cystic Lymphangioma', '', { mesh: 'D018191' }), // C04
  d('Adenomyoma', '', { mesh: 'D018194' }), // C04
  d('Adenosarcoma', '', { mesh: 'D018195' }), // C04
  d('Adenosquamous Carcinoma', '', { mesh: 'D018196' }), // C04
  d('Malignant Mixed Tumor', '', { mesh: 'D018198' }), // C04
  d('Mesodermal Mixed Tumor', '', { mesh: 'D018199' }), // C04
  d('Mullerian Mixed Tumor', '', { mesh: 'D018200' }), // C04
  d('Mesoblastic Nephroma', '', { mesh: 'D018201' }), // C04,C12,C13
  d('Pulmonary Blastoma', '', { mesh: 'D018202' }), // C04
  d('Endometrial Stromal Sarcoma', '', { mesh: 'D018203' }), // C04,C13
  d('Adipose Tissue Neoplasms', '', { mesh: 'D018205' }), // C04
  d('Angiolipoma', '', { mesh: 'D018206' }), // C04
  d('Angiomyolipoma', '', { mesh: 'D018207' }), // C04
  d('Myelolipoma', '', { mesh: 'D018209' }), // C04
  d('Chondromatosis', '', { mesh: 'D018210' }), // C04
  d('Mesenchymal Chondrosarcoma', '', { mesh: 'D018211' }), // C04
  d('Giant Cell Tumor of Bone', '', { mesh: 'D018212' }), // C04
  d('Bone Tissue Neoplasms', '', { mesh: 'D018213' }), // C04
  d('Ossifying Fibroma', '', { mesh: 'D018214' }), // C04
  d('Osteoblastoma', '', { mesh: 'D018215' }), // C04
  d('Osteochondromatosis', '', { mesh: 'D018216' }), // C04,C05
  d('Juxtacortical Osteosarcoma', '', { mesh: 'D018217' }), // C04
  d('Fibrous Tissue Neoplasms', '', { mesh: 'D018218' }), // C04
  d('Benign Fibrous Histiocytoma', '', { mesh: 'D018219' }), // C04
  d('Desmoplastic Fibroma', '', { mesh: 'D018220' }), // C04
  d('Abdominal Fibromatosis', '', { mesh: 'D018221' }), // C04
  d('Dermatofibrosarcoma', '', { mesh: 'D018223' }), // C04
  d('Myofibromatosis', '', { mesh: 'D018224' }), // C04
  d('Fibroepithelial Neoplasms', '', { mesh: 'D018225' }), // C04
  d('Fibroadenoma', '', { mesh: 'D018226' }), // C04
  d('Clear Cell Sarcoma', '', { mesh: 'D018227' }), // C04
  d('Small Cell Sarcoma', '', { mesh: 'D018228' }), // C04
  d('Angiomyoma', '', { mesh: 'D018229' }), // C04
  d('Epithelioid Leiomyoma', '', { mesh: 'D018230' }), // C04
  d('Leiomyomatosis', '', { mesh: 'D018231' }), // C04
  d('Alveolar Soft Part Sarcoma', '', { mesh: 'D018234' }), // C04
  d('Smooth Muscle Tumor', '', { mesh: 'D018235' }), // C04
  d('Embryonal Carcinoma', '', { mesh: 'D018236' }), // C04
  d('Germinoma', '', { mesh: 'D018237' }), // C04
  d('Gonadoblastoma', '', { mesh: 'D018238' }), // C04,C12,C13,C16,C19
  d('Endodermal Sinus Tumor', '', { mesh: 'D018240' }), // C04
  d('Peripheral Primitive Neuroectodermal Tumors', '', { mesh: 'D018241' }), // C04
  d('Primitive Neuroectodermal Tumors', '', { mesh: 'D018242' }), // C04
  d('Teratocarcinoma', '', { mesh: 'D018243' }), // C04
  d('Placental Site Trophoblastic Tumor', '', { mesh: 'D018245' }), // C04,C13
  d('Liver Cell Adenoma', '', { mesh: 'D018248' }), // C04,C06
  d('Oxyphilic Adenoma', '', { mesh: 'D018249' }), // C04
  d('Acrospiroma', '', { mesh: 'D018250' }), // C04
  d('Hidrocystoma', '', { mesh: 'D018251' }), // C04
  d('Syringoma', '', { mesh: 'D018252' }), // C04
  d('Villous Adenoma', '', { mesh: 'D018253' }), // C04
  d('Adenomatoid Tumor', '', { mesh: 'D018254' }), // C04
  d('Pulmonary Adenomatosis', '', { mesh: 'D018255' }), // C04
  d('Adenomatous Polyps', '', { mesh: 'D018256' }), // C04
  d('Cystic Mesothelioma', '', { mesh: 'D018261' }), // C04
  d('Clear Cell Adenocarcinoma', '', { mesh: 'D018262' }), // C04
  d('Follicular Papillary Carcinoma', '', { mesh: 'D018265' }), // C04
  d('Sebaceous Adenocarcinoma', '', { mesh: 'D018266' }), // C04
  d('Acinar Cell Carcinoma', '', { mesh: 'D018267' }), // C04
  d('Endometrioid Carcinoma', '', { mesh: 'D018269' }), // C04,C13,C19
  d('Breast Ductal Carcinoma', '', { mesh: 'D018270' }), // C04,C17
  d('Medullary Carcinoma', '', { mesh: 'D018276' }), // C04
  d('Mucoepidermoid Carcinoma', '', { mesh: 'D018277' }), // C04
  d('Signet Ring Cell Carcinoma', '', { mesh: 'D018279' }), // C04
  d('Skin Appendage Carcinoma', '', { mesh: 'D018280' }), // C04
  d('Mucinous Cystadenocarcinoma', '', { mesh: 'D018282' }), // C04
  d('Papillary Cystadenocarcinoma', '', { mesh: 'D018283' }), // C04
  d('Serous Cystadenocarcinoma', '', { mesh: 'D018284' }), // C04
  d('Giant Cell Carcinoma', '', { mesh: 'D018286' }), // C04
  d('Small Cell Carcinoma', '', { mesh: 'D018288' }), // C04
  d('Verrucous Carcinoma', '', { mesh: 'D018289' }), // C04
  d('Mucinous Cystadenoma', '', { mesh: 'D018291' }), // C04
  d('Papillary Cystadenoma', '', { mesh: 'D018292' }), // C04
  d('Serous Cystadenoma', '', { mesh: 'D018293' }), // C04
  d('Basal Cell Neoplasms', '', { mesh: 'D018295' }), // C04
  d('Pilomatrixoma', '', { mesh: 'D018296' }), // C04
  d('Mucoepidermoid Tumor', '', { mesh: 'D018298' }), // C04
  d('Intraductal Papilloma', '', { mesh: 'D018300' }), // C04
  d('Mesothelial Neoplasms', '', { mesh: 'D018301' }), // C04
  d('Neuroepithelial Neoplasms', '', { mesh: 'D018302' }), // C04
  d('Ganglioglioma', '', { mesh: 'D018303' }), // C04
  d('Ganglioneuroblastoma', '', { mesh: 'D018305' }), // C04
  d('Neurocytoma', '', { mesh: 'D018306' }), // C04,C10
  d('Squamous Cell Neoplasms', '', { mesh: 'D018307' }), // C04
  d('Inverted Papilloma', '', { mesh: 'D018308' }), // C04
  d('Gonadal Tissue Neoplasms', '', { mesh: 'D018309' }), // C04
  d('Sertoli-Leydig Cell Tumor', '', { mesh: 'D018310' }), // C04,C12,C13,C19
  d('Luteoma', '', { mesh: 'D018311' }), // C04,C13,C19
  d('Sex Cord-Gonadal Stromal Tumors', '', { mesh: 'D018312' }), // C04
  d('Subependymal Glioma', '', { mesh: 'D018315' }), // C04
  d('Gliosarcoma', '', { mesh: 'D018316' }), // C04
  d('Nerve Sheath Neoplasms', '', { mesh: 'D018317' }), // C04,C10
  d('Plexiform Neurofibroma', '', { mesh: 'D018318' }), // C04,C10
  d('Neurothekeoma', '', { mesh: 'D018321' }), // C04
  d('Angiofibroma', '', { mesh: 'D018322' }), // C04
  d('Epithelioid Hemangioendothelioma', '', { mesh: 'D018323' }), // C04
  d('Capillary Hemangioma', '', { mesh: 'D018324' }), // C04
  d('Hemangioblastoma', '', { mesh: 'D018325' }), // C04
  d('Hutchinson\'s Melanotic Freckle', '', { mesh: 'D018327' }), // C04
  d('Amelanotic Melanoma', '', { mesh: 'D018328' }), // C04
  d('Blue Nevus', '', { mesh: 'D018329' }), // C04
  d('Intradermal Nevus', '', { mesh: 'D018330' }), // C04
  d('Spindle Cell Nevus', '', { mesh: 'D018331' }), // C04
  d('Calcifying Odontogenic Cyst', '', { mesh: 'D018333' }), // C04,C05,C07
  d('Rhabdoid Tumor', '', { mesh: 'D018335' }), // C04
  d('Idiopathic CD4-Positive T-Lymphocytopenia', '', { mesh: 'D018344' }), // C15,C20
  d('Hepadnaviridae Infections', '', { mesh: 'D018347' }), // C02
  d('Coronavirus Infections', '', { mesh: 'D018352' }), // C02
  d('Rhabdoviridae Infections', '', { mesh: 'D018353' }), // C02
  d('Alphavirus Infections', '', { mesh: 'D018354' }), // C02
  d('Rubivirus Infections', '', { mesh: 'D018355' }), // C02
  d('Leukocyte-Adhesion Deficiency Syndrome', '', { mesh: 'D018370' }), // C20
  d('Cardiovascular Abnormalities', '', { mesh: 'D018376' }), // C14,C16
  d('Thyroid Hormone Resistance Syndrome', '', { mesh: 'D018382' }), // C19
  d('Foot Injuries', '', { mesh: 'D018409' }), // C26
  d('Middle Ear Cholesteatoma', '', { mesh: 'D018424' }), // C09,C17
  d('Blue Toe Syndrome', '', { mesh: 'D018438' }), // C14
  d('Retained Placenta', '', { mesh: 'D018457' }), // C13
  d('Comminuted Fractures', '', { mesh: 'D018460' }), // C26
  d('Soft Tissue Infections', '', { mesh: 'D018461' }), // C01
  d('Intrinsic Positive-Pressure Respiration', '', { mesh: 'D018467' }), // C08
  d('Pathologic Bone Demineralization', '', { mesh: 'D018488' }), // C05
  s('Space Motion Sickness', '', { mesh: 'D018489' }), // C23
  d('Parasitemia', '', { mesh: 'D018512' }), // C03,C23
  d('King\'s Evil', '', { mesh: 'D018601' }), // C01,C15
  d('Milk Sickness', '', { mesh: 'D018602' }), // C25
  s('Sweating Sickness', '', { mesh: 'D018614' }), // C23
  d('Proliferative Vitreoretinopathy', '', { mesh: 'D018630' }), // C11
  d('Stomatognathic System Abnormalities', '', { mesh: 'D018640' }), // C07,C16
  d('Ventricular Septal Rupture', '', { mesh: 'D018658' }), // C14
  d('Tooth Injuries', '', { mesh: 'D018677' }), // C07,C26
  d('Mononegavirales Infections', '', { mesh: 'D018701' }), // C02
  d('Filoviridae Infections', '', { mesh: 'D018702' }), // C02
  s('Systemic Inflammatory Response Syndrome', '', { mesh: 'D018746' }), // C23
  d('Ventricular Dysfunction', '', { mesh: 'D018754' }), // C14
  d('Multiple Chemical Sensitivity', '', { mesh: 'D018777' }), // C20,C21
  d('Hantavirus Infections', '', { mesh: 'D018778' }), // C02
  d('Vasculogenic Impotence', '', { mesh: 'D018783' }), // C12
  d('Abdominal Abscess', '', { mesh: 'D018784' }), // C01
  d('Lewis Lung Carcinoma', '', { mesh: 'D018827' }), // C04
  d('Sneddon Syndrome', '', { mesh: 'D018860' }), // C10,C14,C17
  d('Environmental Illness', '', { mesh: 'D018876' }), // C20,C21
  d('Heat Stress Disorders', '', { mesh: 'D018882' }), // C26
  d('Heat Stroke', '', { mesh: 'D018883' }), // C26
  d('Landau-Kleffner Syndrome', '', { mesh: 'D018887' }), // C10
  d('Peroxisomal Disorders', '', { mesh: 'D018901' }), // C10,C16,C18
  d('Rhizomelic Chondrodysplasia Punctata', '', { mesh: 'D018902' }), // C05,C16,C18
  d('Ischemic Optic Neuropathy', '', { mesh: 'D018917' }), // C10,C11,C14
  d('Leukostasis', '', { mesh: 'D018921' }), // C15
  d('Persian Gulf Syndrome', '', { mesh: 'D018923' }), // C24
  d('Fournier Gangrene', '', { mesh: 'D018934' }), // C01,C12
  d('Inclusion Body Myositis', '', { mesh: 'D018979' }), // C05,C10
  d('Congenital Disorders of Glycosylation', '', { mesh: 'D018981' }), // C16,C18
  d('Muscle Neoplasms', '', { mesh: 'D019042' }), // C04,C05
  d('Vascular Neoplasms', '', { mesh: 'D019043' }), // C04,C14
  d('Bone Marrow Neoplasms', '', { mesh: 'D019046' }), // C04,C15
  d('HIV Enteropathy', '', { mesh: 'D019053' }), // C02,C06,C20
  s('Facies', '', { mesh: 'D019066' }), // C23
  d('Smith-Lemli-Opitz Syndrome', '', { mesh: 'D019082' }), // C16,C18
  d('Burkholderia Infections', '', { mesh: 'D019121' }), // C01
  d('Neuroaxonal Dystrophies', '', { mesh: 'D019150' }), // C10
  d('Iron Metabolism Disorders', '', { mesh: 'D019189' }), // C18
  d('Tooth Attrition', '', { mesh: 'D019217' }), // C07
  d('Oral Ulcer', '', { mesh: 'D019226' }), // C07
  d('HIV Wasting Syndrome', '', { mesh: 'D019247' }), // C02,C18,C20
  d('Branchio-Oto-Renal Syndrome', '', { mesh: 'D019280' }), // C16
  d('Skull Base Neoplasms', '', { mesh: 'D019292' }), // C04,C05
  d('Cerebrotendinous Xanthomatosis', '', { mesh: 'D019294' }), // C16,C18
  d('Rolandic Epilepsy', '', { mesh: 'D019305' }), // C10
  d('Pseudolymphoma', '', { mesh: 'D019310' }), // C15
  d('Retrobulbar Hemorrhage', '', { mesh: 'D019315' }), // C11,C23
  d('Paradoxical Embolism', '', { mesh: 'D019320' }), // C14
  d('Hematologic Neoplasms', '', { mesh: 'D019337' }), // C04,C15
  d('Port-Wine Stain', '', { mesh: 'D019339' }), // C16,C17
  d('Roseolovirus Infections', '', { mesh: 'D019349' }), // C02
  d('Astroviridae Infections', '', { mesh: 'D019350' }), // C02
  d('Rubulavirus Infections', '', { mesh: 'D019351' }), // C02
  d('Endotoxemia', '', { mesh: 'D019446' }), // C01,C23
  d('Craniofacial Abnormalities', '', { mesh: 'D019465' }), // C05,C16
  d('Shoulder Impingement Syndrome', '', { mesh: 'D019534' }), // C05
  d('Nonvital Tooth', '', { mesh: 'D019553' }), // C07
  d('Perioral Dermatitis', '', { mesh: 'D019557' }), // C17
  d('Back Injuries', '', { mesh: 'D019567' }), // C26
  d('Hyperlucent Lung', '', { mesh: 'D019568' }), // C08
  d('Retinal Neoplasms', '', { mesh: 'D019572' }), // C04,C11
  d('Optic Nerve Neoplasms', '', { mesh: 'D019574' }), // C04,C10,C11
  s('Premature Aging', '', { mesh: 'D019588' }), // C23
  s('Pseudophakia', '', { mesh: 'D019591' }), // C23
  d('Neurodegenerative Diseases', '', { mesh: 'D019636' }), // C10
  d('Uterine Inversion', '', { mesh: 'D019687' }), // C13
  d('Chronic Hepatitis D', '', { mesh: 'D019701' }), // C02,C06
  d('Maxillofacial Abnormalities', '', { mesh: 'D019767' }), // C05,C07,C16
  d('Epiretinal Membrane', '', { mesh: 'D019773' }), // C11
  d('Neck Injuries', '', { mesh: 'D019838' }), // C26
  d('Dyskeratosis Congenita', '', { mesh: 'D019871' }), // C16,C17
  d('Schnitzler Syndrome', '', { mesh: 'D019873' }), // C20
  d('Mental Disorders Diagnosed in Childhood', '', { mesh: 'D019952' }), // F03
  d('Conduct Disorder', '', { mesh: 'D019955' }), // F03
  d('Stereotypic Movement Disorder', '', { mesh: 'D019956' }), // F03
  d('Elimination Disorders', '', { mesh: 'D019960' }), // F03
  d('Reactive Attachment Disorder', '', { mesh: 'D019962' }), // F03
  d('Cognitive Disorders Amnestic Dementia Delirium', '', { mesh: 'D019965' }), // F03
  d('Amphetamine-Related Disorders', '', { mesh: 'D019969' }), // C25,F03
  d('Alcohol-Related Disorders', '', { mesh: 'D019973' }), // C25,F03
  d('Psychological Sexual Dysfunctions', '', { mesh: 'D020018' }), // F03
  d('Histiocytic Necrotizing Lymphadenitis', '', { mesh: 'D020042' }), // C15
  d('Rectocele', '', { mesh: 'D020047' }), // C06
  d('Neurogenic Inflammation', '', { mesh: 'D020078' }), // C10,C23
  d('Acquired Hyperostosis Syndrome', '', { mesh: 'D020083' }), // C05
  d('Nervous System Lysosomal Storage Diseases', '', { mesh: 'D020140' }), // C10,C16,C18
  d('Hemostatic Disorders', '', { mesh: 'D020141' }), // C14,C15
  d('GM2 Gangliosidoses', '', { mesh: 'D020143' }), // C10,C16,C18
  d('Basal Ganglia Cerebrovascular Disease', '', { mesh: 'D020144' }), // C10,C14
  d('Basal Ganglia Hemorrhage', '', { mesh: 'D020145' }), // C10,C14,C23
  d('Putaminal Hemorrhage', '', { mesh: 'D020146' }), // C10,C14,C23
  d('Coagulation Protein Disorders', '', { mesh: 'D020147' }), // C15
  d('Manganese Poisoning', '', { mesh: 'D020149' }), // C10,C25
  d('Chorea Gravidarum', '', { mesh: 'D020150' }), // C10,C13
  d('Inborn Amino Acid Transport Disorders', '', { mesh: 'D020157' }), // C16,C18
  d('Nonketotic Hyperglycinemia', '', { mesh: 'D020158' }), // C10,C16,C18
  d('Citrullinemia', '', { mesh: 'D020159' }), // C10,C16,C18
  d('Hyperargininemia', '', { mesh: 'D020162' }), // C10,C16,C18
  d('Ornithine Carbamoyltransferase Deficiency Disease', '', { mesh: 'D020163' }), // C10,C16,C18
  d('Carbamoyl-Phosphate Synthase I Deficiency Disease', '', { mesh: 'D020165' }), // C10,C16,C18
  d('Hyperlysinemias', '', { mesh: 'D020167' }), // C10,C16,C18
  d('Tyrosinemias', '', { mesh: 'D020176' }), // C10,C16,C18
  d('Nocturnal Paroxysmal Dystonia', '', { mesh: 'D020183' }), // C10,F03
  d('Sleep Paralysis', '', { mesh: 'D020188' }), // C10,F03
  d('Lafora Disease', '', { mesh: 'D020192' }), // C10,C16
  d('Unverricht-Lundborg Syndrome', '', { mesh: 'D020194' }), // C10,C16
  d('Reflex Epilepsy', '', { mesh: 'D020195' }), // C10
  d('Nervous System Trauma', '', { mesh: 'D020196' }), // C10,C26
  d('Penetrating Head Injuries', '', { mesh: 'D020197' }), // C10,C26
  d('Traumatic Intracranial Hemorrhage', '', { mesh: 'D020198' }), // C10,C14,C26
  d('Traumatic Brain Hemorrhage', '', { mesh: 'D020201' }), // C10,C14,C26
  d('Traumatic Cerebral Hemorrhage', '', { mesh: 'D020202' }), // C10,C14,C26
  d('Traumatic Brain Stem Hemorrhage', '', { mesh: 'D020203' }), // C10,C14,C26
  d('Depressed Skull Fracture', '', { mesh: 'D020204' }), // C10,C26
  d('Basilar Skull Fracture', '', { mesh: 'D020205' }), // C10,C26
  d('Traumatic Subarachnoid Hemorrhage', '', { mesh: 'D020206' }), // C10,C14,C26
  d('Post-Head Injury Coma', '', { mesh: 'D020207' }), // C10,C26
  d('Chronic Brain Injury', '', { mesh: 'D020208' }), // C10,C26
  d('Cranial Nerve Injuries', '', { mesh: 'D020209' }), // C10,C26
  d('Autonomic Dysreflexia', '', { mesh: 'D020211' }), // C10
  d('Cerebrovascular Trauma', '', { mesh: 'D020214' }), // C10,C14,C26
  d('Carotid-Cavernous Sinus Fistula', '', { mesh: 'D020216' }), // C10,C14,C26
  d('Facial Nerve Injuries', '', { mesh: 'D020220' }), // C10,C26
  d('Optic Nerve Injuries', '', { mesh: 'D020221' }), // C10,C11,C26
  d('Abducens Nerve Injury', '', { mesh: 'D020222' }), // C10,C26
  d('Cavernous Sinus Thrombosis', '', { mesh: 'D020226' }), // C10,C14
  d('Lateral Sinus Thrombosis', '', { mesh: 'D020227' }), // C10,C14
  d('Kluver-Bucy Syndrome', '', { mesh: 'D020232' }), // C10,F03
  d('Pure Alexia', '', { mesh: 'D020237' }), // C10,C23,F03
  d('Ideomotor Apraxia', '', { mesh: 'D020240' }), // C10,C23
  d('Western Equine Encephalomyelitis', '', { mesh: 'D020241' }), // C02,C10
  d('Eastern Equine Encephalomyelitis', '', { mesh: 'D020242' }), // C02,C10
  d('Anterior Cerebral Artery Infarction', '', { mesh: 'D020243' }), // C10,C14
  d('Tooth Ankylosis', '', { mesh: 'D020254' }), // C07
  d('Vitreous Detachment', '', { mesh: 'D020255' }), // C11
  d('Choroidal Neovascularization', '', { mesh: 'D020256' }), // C11,C23
  d('Nervous System Heavy Metal Poisoning', '', { mesh: 'D020260' }), // C10
  d('Arsenic Poisoning', '', { mesh: 'D020261' }), // C10,C25
  d('Nervous System Mercury Poisoning', '', { mesh: 'D020262' }), // C10,C25
  d('Nervous System Lead Poisoning', '', { mesh: 'D020263' }), // C10,C25
  d('Childhood Nervous System Lead Poisoning', '', { mesh: 'D020264' }), // C10,C25
  d('Adult Nervous System Lead Poisoning', '', { mesh: 'D020265' }), // C10,C25
  d('MPTP Poisoning', '', { mesh: 'D020267' }), // C10,C25
  d('Nervous System Alcohol-Induced Disorders', '', { mesh: 'D020268' }), // C10,C25
  d('Nervous System Heredodegenerative Disorders', '', { mesh: 'D020271' }), // C10,C16
  d('Autoimmune Diseases of the Nervous System', '', { mesh: 'D020274' }), // C10,C20
  d('CNS Demyelinating Autoimmune Diseases', '', { mesh: 'D020278' }), // C10,C20
  d('Hereditary Central Nervous System Demyelinating Diseases', '', { mesh: 'D020279' }), // C10,C16,C18
  d('Choroid Plexus Papilloma', '', { mesh: 'D020288' }), // C04,C10
  d('Congenital Myasthenic Syndromes', '', { mesh: 'D020294' }), // C10,C16
  d('Brain Stem Neoplasms', '', { mesh: 'D020295' }), // C04,C10
  d('Hypertensive Intracranial Hemorrhage', '', { mesh: 'D020299' }), // C10,C14
  d('Central Nervous System Tuberculosis', '', { mesh: 'D020306' }), // C01,C10
  d('Central Nervous System Fungal Infections', '', { mesh: 'D020314' }), // C01,C10
  d('Latex Hypersensitivity', '', { mesh: 'D020315' }), // C20
  d('Mobius Syndrome', '', { mesh: 'D020331' }), // C10,C16
  d('Tolosa-Hunt Syndrome', '', { mesh: 'D020333' }), // C10,C11
  d('Optic Nerve Glioma', '', { mesh: 'D020339' }), // C04,C10,C11
  s('Lithiasis', '', { mesh: 'D020347' }), // C23
  d('Paraneoplastic Polyneuropathy', '', { mesh: 'D020364' }), // C04,C10
  d('Pelizaeus-Merzbacher Disease', '', { mesh: 'D020371' }), // C10,C16,C18
  d('Isaacs Syndrome', '', { mesh: 'D020386' }), // C05,C10
  d('Emery-Dreifuss Muscular Dystrophy', '', { mesh: 'D020389' }), // C05,C10,C16
  d('Congenital Nystagmus', '', { mesh: 'D020417' }), // C10,C11,C16
  d('Median Neuropathy', '', { mesh: 'D020423' }), // C10
  d('Sciatic Neuropathy', '', { mesh: 'D020426' }), // C10
  d('Femoral Neuropathy', '', { mesh: 'D020428' }), // C10
  d('Tibial Neuropathy', '', { mesh: 'D020429' }), // C10
  d('Olfactory Nerve Diseases', '', { mesh: 'D020431' }), // C10
  d('Trochlear Nerve Diseases', '', { mesh: 'D020432' }), // C10
  d('Abducens Nerve Diseases', '', { mesh: 'D020434' }), // C10
  d('Neuromuscular Junction Diseases', '', { mesh: 'D020511' }), // C10
  d('Central Core Myopathy', '', { mesh: 'D020512' }), // C05,C10
  d('Focal Nodular Hyperplasia', '', { mesh: 'D020518' }), // C06
  d('Brain Infarction', '', { mesh: 'D020520' }), // C10,C14
  d('Acatalasia', '', { mesh: 'D020642' }), // C16,C18
  d('Parkinsonian Disorders', '', { mesh: 'D020734' }), // C10
  d('Inborn Metabolic Brain Diseases', '', { mesh: 'D020739' }), // C10,C16,C18
  d('Alcohol-Induced Disorders', '', { mesh: 'D020751' }), // C25
  d('Neurocutaneous Syndromes', '', { mesh: 'D020752' }), // C10,C16,C17
  d('Spinal Cord Vascular Diseases', '', { mesh: 'D020758' }), // C10,C14
  d('Spinal Cord Ischemia', '', { mesh: 'D020760' }), // C10,C14
  d('Posterior Cerebral Artery Infarction', '', { mesh: 'D020762' }), // C10,C14
  d('Intracranial Arterial Diseases', '', { mesh: 'D020765' }), // C10,C14
  d('Intracranial Embolism', '', { mesh: 'D020766' }), // C10,C14
  d('Intracranial Thrombosis', '', { mesh: 'D020767' }), // C10,C14
  d('Headache Disorders', '', { mesh: 'D020773' }), // C10
  d('Sinus Pericranii', '', { mesh: 'D020779' }), // C10,C14,C16
  d('Central Nervous System Vascular Malformations', '', { mesh: 'D020785' }), // C10,C14,C16
  d('Central Nervous System Venous Angioma', '', { mesh: 'D020787' }), // C04,C10,C14,C16
  d('Bardet-Biedl Syndrome', '', { mesh: 'D020788' }), // C10,C16
  d('Salivary Calculi', '', { mesh: 'D020792' }), // C07,C23
  d('Varicella Zoster Encephalitis', '', { mesh: 'D020804' }), // C02,C10
  d('Central Nervous System Viral Diseases', '', { mesh: 'D020805' }), // C02,C10
  d('Central Nervous System Bacterial Infections', '', { mesh: 'D020806' }), // C01,C10
  d('Central Nervous System Parasitic Infections', '', { mesh: 'D020807' }), // C03,C10
  d('Central Nervous System Protozoal Infections', '', { mesh: 'D020808' }), // C03,C10
  d('Central Nervous System Helminthiasis', '', { mesh: 'D020809' }), // C03,C10
  d('Escherichia coli Meningitis', '', { mesh: 'D020814' }), // C01,C10
  d('Neuroschistosomiasis', '', { mesh: 'D020818' }), // C03,C10
  d('Perimeningeal Infections', '', { mesh: 'D020819' }), // C10
  d('Dystonic Disorders', '', { mesh: 'D020821' }), // C10
  d('Hallux Limitus', '', { mesh: 'D020857' }), // C05
  d('Hallux Rigidus', '', { mesh: 'D020859' }), // C05
  d('Central Nervous System Cysts', '', { mesh: 'D020863' }), // C04,C10,C16
  d('Congenital Structural Myopathies', '', { mesh: 'D020914' }), // C05,C10
  d('Intrinsic Sleep Disorders', '', { mesh: 'D020919' }), // C10,F03
  d('Dyssomnias', '', { mesh: 'D020920' }), // C10,F03
  d('Sleep Arousal Disorders', '', { mesh: 'D020921' }), // C10,F03
  d('Sleep-Wake Transition Disorders', '', { mesh: 'D020922' }), // C10,F03
  d('REM Sleep Parasomnias', '', { mesh: 'D020923' }), // C10,F03
  d('Benign Neonatal Epilepsy', '', { mesh: 'D020936' }), // C10,C16
  d('Sensory Partial Epilepsy', '', { mesh: 'D020937' }), // C10
  d('Motor Partial Epilepsy', '', { mesh: 'D020938' }), // C10
  d('Neonatal Myasthenia Gravis', '', { mesh: 'D020941' }), // C10,C20
  d('Central Nervous System AIDS Arteritis', '', { mesh: 'D020943' }), // C02,C10,C14,C20
  d('Central Nervous System Lupus Vasculitis', '', { mesh: 'D020945' }), // C10,C14,C17,C20
  d('Neuroaspergillosis', '', { mesh: 'D020953' }), // C01,C10
  d('Atrophic Muscular Disorders', '', { mesh: 'D020966' }), // C05,C10
  d('Myotonic Disorders', '', { mesh: 'D020967' }), // C05,C10
  d('Chronobiology Disorders', '', { mesh: 'D021081' }), // C10
  d('Egg Hypersensitivity', '', { mesh: 'D021181' }), // C20
  d('Wheat Hypersensitivity', '', { mesh: 'D021182' }), // C20
  d('Peanut Hypersensitivity', '', { mesh: 'D021183' }), // C20
  d('Nut Hypersensitivity', '', { mesh: 'D021184' }), // C20
  d('Emerging Communicable Diseases', '', { mesh: 'D021821' }), // C01
  d('Isosporiasis', '', { mesh: 'D021865' }), // C03
  d('Cyclosporiasis', '', { mesh: 'D021866' }), // C03
  d('Supravalvular Aortic Stenosis', '', { mesh: 'D021921' }), // C14
  d('Discrete Subaortic Stenosis', '', { mesh: 'D021922' }), // C14
  d('Lacerations', '', { mesh: 'D022125' }), // C26
  d('Hermanski-Pudlak Syndrome', '', { mesh: 'D022861' }), // C11,C15,C16,C17,C18
  d('Chlamydophila Infections', '', { mesh: 'D023521' }), // C01
  d('Coronary Stenosis', '', { mesh: 'D023921' }), // C14
  d('46,XX Gonadal Dysgenesis', '', { mesh: 'D023961' }), // C12,C13,C16,C19
  d('Open Bite', '', { mesh: 'D024343' }), // C07
  d('Familial Hypertrophic Cardiomyopathy', '', { mesh: 'D024741' }), // C14,C16
  d('Tauopathies', '', { mesh: 'D024801' }), // C10
  d('Inherited Blood Coagulation Disorders', '', { mesh: 'D025861' }), // C15,C16
  d('Septo-Optic Dysplasia', '', { mesh: 'D025962' }), // C10,C16
  d('Hip Injuries', '', { mesh: 'D025981' }), // C26
  d('Vitamin B 6 Deficiency', '', { mesh: 'D026681' }), // C18
  d('Polyomavirus Infections', '', { mesh: 'D027601' }), // C02
  d('Familial Amyloidosis', '', { mesh: 'D028226' }), // C16,C18
  d('Familial Amyloid Neuropathies', '', { mesh: 'D028227' }), // C10,C16,C18
  d('Familial Cerebral Amyloid Angiopathy', '', { mesh: 'D028243' }), // C10,C14,C16,C18
  d('Mitochondrial Diseases', '', { mesh: 'D028361' }), // C18
  d('Biotinidase Deficiency', '', { mesh: 'D028921' }), // C16,C18
  d('Holocarboxylase Synthetase Deficiency', '', { mesh: 'D028922' }), // C16,C18
  d('Peste-des-Petits-Ruminants', '', { mesh: 'D029021' }), // C02,C22
  d('Autosomal Dominant Optic Atrophy', '', { mesh: 'D029241' }), // C10,C11,C16,C18
  d('Leber Hereditary Optic Atrophy', '', { mesh: 'D029242' }), // C10,C11,C16,C18
  d('Sialic Acid Storage Disease', '', { mesh: 'D029461' }), // C10,C16,C18
  d('Jervell-Lange Nielsen Syndrome', '', { mesh: 'D029593' }), // C14,C16
  d('Romano-Ward Syndrome', '', { mesh: 'D029597' }), // C14,C16,C23
  d('Bovine Hemorrhagic Syndrome', '', { mesh: 'D030243' }), // C02,C22
  d('Denys-Drash Syndrome', '', { mesh: 'D030321' }), // C04,C12,C13,C16,C19
  d('Nidovirales Infections', '', { mesh: 'D030341' }), // C02
  d('Cytochrome-c Oxidase Deficiency', '', { mesh: 'D030401' }), // C16,C18
  d('Acro-Osteolysis', '', { mesh: 'D030981' }), // C05
  d('Knee Dislocation', '', { mesh: 'D031221' }), // C26
  d('Patellar Dislocation', '', { mesh: 'D031222' }), // C26
  d('Erdheim-Chester Disease', '', { mesh: 'D031249' }), // C15
  d('Retinal Vasculitis', '', { mesh: 'D031300' }), // C11,C14
  d('Zoster Sine Herpete', '', { mesh: 'D031368' }), // C02
  d('Hajdu-Cheney Syndrome', '', { mesh: 'D031845' }), // C05,C16
  d('Viral Hemorrhagic Septicemia', '', { mesh: 'D031941' }), // C02,C22,C23
  d('Non-gestational Choriocarcinoma', '', { mesh: 'D031954' }), // C04
  d('Fatal Familial Insomnia', '', { mesh: 'D034062' }), // C10
  d('Chronic Wasting Disease', '', { mesh: 'D034081' }), // C10,C22
  d('Cutaneous Mastocytosis', '', { mesh: 'D034701' }), // C04,C17
  d('Mastocytoma', '', { mesh: 'D034801' }), // C04,C17
  d('Endometrial Stromal Tumors', '', { mesh: 'D036821' }), // C04,C13
  d('Ciguatera Poisoning', '', { mesh: 'D036841' }), // C25
  d('Heel Spur', '', { mesh: 'D036982' }), // C05
  d('Metatarsalgia', '', { mesh: 'D037061' }), // C05,C10,C23
  d('Posterior Tibial Tendon Dysfunction', '', { mesh: 'D037081' }), // C05
  d('Hammer Toe Syndrome', '', { mesh: 'D037801' }), // C05
  d('Congenital Lower Extremity Deformities', '', { mesh: 'D038061' }), // C05,C16
  d('Congenital Upper Extremity Deformities', '', { mesh: 'D038062' }), // C05,C16
  d('Alexander Disease', '', { mesh: 'D038261' }), // C10,C16,C18
  d('Shaken Baby Syndrome', '', { mesh: 'D038642' }), // C10,C26
  d('X-Linked Mental Retardation', '', { mesh: 'D038901' }), // C10,C16
  d('Coffin-Lowry Syndrome', '', { mesh: 'D038921' }), // C10,C16
  d('Oculopharyngeal Muscular Dystrophy', '', { mesh: 'D039141' }), // C05,C10,C16
  d('HIV-Associated Lipodystrophy Syndrome', '', { mesh: 'D039682' }), // C02,C17,C18,C20
  d('Bifidobacteriales Infections', '', { mesh: 'D039941' }), // C01
  d('Traumatic Stress Disorders', '', { mesh: 'D040921' }), // F03
  d('Retinoschisis', '', { mesh: 'D041441' }), // C11
  d('Emphysematous Cholecystitis', '', { mesh: 'D041882' }), // C06
  d('Inborn Errors Steroid Metabolism', '', { mesh: 'D043202' }), // C16,C18
  d('Apparent Mineralocorticoid Excess Syndrome', '', { mesh: 'D043204' }), // C16,C18
  d('Glomus Tympanicum Tumor', '', { mesh: 'D043604' }), // C04
  d('Lymphatic Abnormalities', '', { mesh: 'D044148' }), // C15,C16
  d('Piscirickettsiaceae Infections', '', { mesh: 'D044225' }), // C01
  d('Overnutrition', '', { mesh: 'D044343' }), // C18
  d('Intestinal Polyposis', '', { mesh: 'D044483' }), // C06
  d('LEOPARD Syndrome', '', { mesh: 'D044542' }), // C05,C14,C16,C17
  d('Ductal Carcinoma', '', { mesh: 'D044584' }), // C04
  d('Glucose Metabolism Disorders', '', { mesh: 'D044882' }), // C18
  d('Congenital Hyperinsulinism', '', { mesh: 'D044903' }), // C06,C16,C18
  d('Mannosidase Deficiency Diseases', '', { mesh: 'D044904' }), // C16,C18
  d('Avulavirus Infections', '', { mesh: 'D045463' }), // C02
  d('Henipavirus Infections', '', { mesh: 'D045464' }), // C02
  d('Steatorrhea', '', { mesh: 'D045602' }), // C06,C18
  d('Esophageal Diverticulosis', '', { mesh: 'D045723' }), // C06
  d('Stomach Diverticulosis', '', { mesh: 'D045724' }), // C06
  d('Mycoplasmal Pneumonia of Swine', '', { mesh: 'D045729' }), // C01,C08,C22
  d('Diffuse Scleroderma', '', { mesh: 'D045743' }), // C17
  d('Desulfovibrionaceae Infections', '', { mesh: 'D045824' }), // C01
  d('Fusobacteriaceae Infections', '', { mesh: 'D045825' }), // C01
  d('Flavobacteriaceae Infections', '', { mesh: 'D045826' }), // C01
  d('Cytophagaceae Infections', '', { mesh: 'D045827' }), // C01
  d('Moraxellaceae Infections', '', { mesh: 'D045828' }), // C01
  d('Ganglion Cysts', '', { mesh: 'D045888' }), // C04,C17
  d('Mixed Conductive-Sensorineural Hearing Loss', '', { mesh: 'D046089' }), // C09,C10,C23
  d('Laron Syndrome', '', { mesh: 'D046150' }), // C05,C16,C19
  d('Lingual Thyroid', '', { mesh: 'D046151' }), // C16,C19
  d('Hereditary Coproporphyria', '', { mesh: 'D046349' }), // C06,C16,C17,C18
  d('Variegate Porphyria', '', { mesh: 'D046350' }), // C06,C16,C17,C18
  d('Erythropoietic Protoporphyria', '', { mesh: 'D046351' }), // C06,C16,C17,C18
  s('Abdominal Hernia', '', { mesh: 'D046449' }), // C23
  d('Pubic Symphysis Diastasis', '', { mesh: 'D046548' }), // C13,C26
  d('Intracranial Subdural Hematoma', '', { mesh: 'D046648' }), // C10,C14,C23,C26
  s('Spinal Subdural Hematoma', '', { mesh: 'D046649' }), // C23
  s('Spinal Epidural Hematoma', '', { mesh: 'D046748' }), // C23
  d('Nesidioblastosis', '', { mesh: 'D046768' }), // C06,C16,C18
  d('Patellofemoral Pain Syndrome', '', { mesh: 'D046788' }), // C05
  d('Chondromalacia Patellae', '', { mesh: 'D046789' }), // C05,C17
  d('Lingual Goiter', '', { mesh: 'D047268' }), // C16,C19
  d('Preconception Injuries', '', { mesh: 'D047489' }), // C21
  d('Breast Cyst', '', { mesh: 'D047688' }), // C04,C17
  d('Myofibroma', '', { mesh: 'D047708' }), // C04,C17
  d('Degenerative Myopia', '', { mesh: 'D047728' }), // C11
  d('Adrenogenital Syndrome', '', { mesh: 'D047808' }), // C12,C13,C16,C19
  d('Pulmonary Sclerosing Hemangioma', '', { mesh: 'D047868' }), // C04,C08
  d('Fetal Nutrition Disorders', '', { mesh: 'D048070' }), // C13,C18
  d('Enzootic Pneumonia of Calves', '', { mesh: 'D048089' }), // C01,C08,C22
  d('Bovine Respiratory Disease Complex', '', { mesh: 'D048090' }), // C08,C22
  d('Diabetes Complications', '', { mesh: 'D048909' }), // C19
  d('Nonsynostotic Plagiocephaly', '', { mesh: 'D049068' }), // C05,C16
  d('Prenatal Injuries', '', { mesh: 'D049188' }), // C13
  d('Decapitation', '', { mesh: 'D049248' }), // C26
  d('AB Variant Tay-Sachs Disease', '', { mesh: 'D049290' }), // C10,C16,C18
  d('Acanthoma', '', { mesh: 'D049309' }), // C04
  d('Distal Myopathies', '', { mesh: 'D049310' }), // C05,C10,C16
  d('Mongolian Spot', '', { mesh: 'D049328' }), // C04
  d('Growth Hormone-Secreting Pituitary Adenoma', '', { mesh: 'D049912' }), // C04,C10,C19
  d('DNA Repair-Deficiency Disorders', '', { mesh: 'D049914' }), // C18
  d('Nijmegen Breakage Syndrome', '', { mesh: 'D049932' }), // C18
  d('Familial Dysalbuminemic Hyperthyroxinemia', '', { mesh: 'D050010' }), // C16,C19
  d('Andersen Syndrome', '', { mesh: 'D050030' }), // C14,C16,C23
  d('Thyroid Dysgenesis', '', { mesh: 'D050033' }), // C16,C19
  d('Sexual Infantilism', '', { mesh: 'D050035' }), // C12,C13,C16,C19
  d('Ovotesticular Disorders of Sex Development', '', { mesh: 'D050090' }), // C12,C13,C16,C19
  d('Mulibrey Nanism', '', { mesh: 'D050336' }), // C05,C16
  d('Arteriolosclerosis', '', { mesh: 'D050379' }), // C14
  d('Monckeberg Medial Calcific Sclerosis', '', { mesh: 'D050380' }), // C18
  d('Adamantinoma', '', { mesh: 'D050398' }), // C04,C05
  d('Hallux Varus', '', { mesh: 'D050488' }), // C05
  d('Tailor\'s Bunion', '', { mesh: 'D050489' }), // C05
  d('Cartilage Fractures', '', { mesh: 'D050724' }), // C26
  d('Mesomycetozoea Infections', '', { mesh: 'D050738' }), // C03
  d('Wandering Spleen', '', { mesh: 'D050805' }), // C15
  d('Compression Fractures', '', { mesh: 'D050815' }), // C26
  d('Orofacial Granulomatosis', '', { mesh: 'D051261' }), // C07,C23
  d('Primary Headache Disorders', '', { mesh: 'D051270' }), // C10
  d('Secondary Headache Disorders', '', { mesh: 'D051271' }), // C10
  d('Trigeminal Autonomic Cephalalgias', '', { mesh: 'D051303' }), // C10
  d('Squamous Odontogenic Tumor', '', { mesh: 'D051527' }), // C04
  d('Histiocytoma', '', { mesh: 'D051642' }), // C04
  d('Glycogen Storage Disease Type IIb', '', { mesh: 'D052120' }), // C10,C14,C16,C18
  d('Frasier Syndrome', '', { mesh: 'D052159' }), // C12,C13,C16,C19
  d('Cystic Kidney Diseases', '', { mesh: 'D052177' }), // C12,C13
  d('Cephalopelvic Disproportion', '', { mesh: 'D052178' }), // C13
  d('Hydrocolpos', '', { mesh: 'D052202' }), // C13
  d('Usher Syndromes', '', { mesh: 'D052245' }), // C09,C10,C11,C16,C23
  d('Lipid Metabolism Disorders', '', { mesh: 'D052439' }), // C18
  d('Apolipoprotein B Familial Hypobetalipoproteinemia', '', { mesh: 'D052476' }), // C18
  d('Familial Partial Lipodystrophy', '', { mesh: 'D052496' }), // C17,C18
  d('Congenital Generalized Lipodystrophy', '', { mesh: 'D052497' }), // C16,C17,C18
  d('Sulfatidosis', '', { mesh: 'D052516' }), // C10,C16,C18
  d('Multiple Sulfatase Deficiency Disease', '', { mesh: 'D052517' }), // C10,C16,C18
  d('Type A Niemann-Pick Disease', '', { mesh: 'D052536' }), // C10,C15,C16,C18
  d('Type B Niemann-Pick Disease', '', { mesh: 'D052537' }), // C10,C15,C16,C18
  d('Type C Niemann-Pick Disease', '', { mesh: 'D052556' }), // C10,C15,C16,C18
  d('Trigger Finger Disorder', '', { mesh: 'D052582' }), // C05
  d('Female Urogenital Diseases', '', { mesh: 'D052776' }), // C13
  d('Balanitis Xerotica Obliterans', '', { mesh: 'D052798' }), // C12
  d('Male Urogenital Diseases', '', { mesh: 'D052801' }), // C12
  d('Cystocele', '', { mesh: 'D052858' }), // C12,C13,C23
  d('Infantile Refsum Disease', '', { mesh: 'D052919' }), // C10,C16,C18
  d('Tarlov Cysts', '', { mesh: 'D052958' }), // C04,C10
  d('Pyonephrosis', '', { mesh: 'D053018' }), // C12,C13
  d('Diurnal Enuresis', '', { mesh: 'D053207' }), // C12,C13,F03
  d('Hyper-IgM Immunodeficiency Syndrome', '', { mesh: 'D053306' }), // C15,C16,C20
  d('Type 1 Hyper-IgM Immunodeficiency Syndrome', '', { mesh: 'D053307' }), // C15,C16,C20
  d('Anhidrotic Ectodermal Dysplasia 1', '', { mesh: 'D053358' }), // C16,C17
  d('Anhidrotic Ectodermal Dysplasia 3', '', { mesh: 'D053359' }), // C16,C17
  d('Autosomal Recessive Hypohidrotic Ectodermal Dysplasia', '', { mesh: 'D053360' }), // C16,C17
  d('Hand-Arm Vibration Syndrome', '', { mesh: 'D053421' }), // C10,C14,C24
  s('Channelopathies', '', { mesh: 'D053447' }), // C23
  d('Mink Viral Enteritis', '', { mesh: 'D053489' }), // C02,C22
  d('Hereditary Mucosal Leukokeratosis', '', { mesh: 'D053529' }), // C16,C17
  d('Epidermolytic Palmoplantar Keratoderma', '', { mesh: 'D053546' }), // C16,C17
  d('Pachyonychia Congenita', '', { mesh: 'D053549' }), // C16,C17
  d('Juvenile Epithelial of Meesmann Corneal Dystrophy', '', { mesh: 'D053559' }), // C11,C16
  d('Ichthyosis Bullosa of Siemens', '', { mesh: 'D053560' }), // C16,C17
  d('Porcine Postweaning Multisystemic Wasting Syndrome', '', { mesh: 'D053570' }), // C02,C22
  d('Opsoclonus-Myoclonus Syndrome', '', { mesh: 'D053578' }), // C04,C10,C11
  d('Nuchal Cord', '', { mesh: 'D053589' }), // C13,C16
  d('Referred Pain', '', { mesh: 'D053591' }), // C10,C23
  d('Asthenozoospermia', '', { mesh: 'D053627' }), // C12
  d('X-Linked Combined Immunodeficiency Diseases', '', { mesh: 'D053632' }), // C16,C20
  d('Pyelocystitis', '', { mesh: 'D053653' }), // C12,C13
  d('Tendon Entrapment', '', { mesh: 'D053682' }), // C05
  d('De Quervain Disease', '', { mesh: 'D053684' }), // C05
  d('Aspermia', '', { mesh: 'D053714' }), // C12
  d('Female Athlete Triad Syndrome', '', { mesh: 'D053716' }), // C05,C19,F03
  d('Scleromyxedema', '', { mesh: 'D053718' }), // C17
  d('Cardiovascular Infections', '', { mesh: 'D053821' }), // C01,C14
  d('Sebaceous of Jadassohn Nevus', '', { mesh: 'D054000' }), // C04,C10,C16
  d('Immune Reconstitution Inflammatory Syndrome', '', { mesh: 'D054019' }), // C20
  d('Coronary Occlusion', '', { mesh: 'D054059' }), // C14
  d('Pulmonary Infarction', '', { mesh: 'D054060' }), // C08,C14
  d('Ischemic Contracture', '', { mesh: 'D054061' }), // C05,C14
  d('Deaf-Blind Disorders', '', { mesh: 'D054062' }), // C09,C10,C11,C16,C23
  d('Dihydropyrimidine Dehydrogenase Deficiency', '', { mesh: 'D054067' }), // C16,C18
  d('Multiple Acyl Coenzyme A Dehydrogenase Deficiency', '', { mesh: 'D054069' }), // C16,C18
  d('Mevalonate Kinase Deficiency', '', { mesh: 'D054078' }), // C10,C15,C16,C18,C20
  d('Vascular Malformations', '', { mesh: 'D054079' }), // C14,C16
  d('Vein of Galen Malformations', '', { mesh: 'D054080' }), // C10,C14,C16
  d('Group II Malformations of Cortical Development', '', { mesh: 'D054081' }), // C10,C16
  d('Lissencephaly', '', { mesh: 'D054082' }), // C10,C16
  d('Ectopia Cordis', '', { mesh: 'D054083' }), // C14,C16
  d('Myocardial Bridging', '', { mesh: 'D054084' }), // C14,C16
  d('Periventricular Nodular Heterotopia', '', { mesh: 'D054091' }), // C10,C16
  d('Neonatal Alloimmune Thrombocytopenia', '', { mesh: 'D054098' }), // C15,C16
  d('Arachnodactyly', '', { mesh: 'D054119' }), // C05,C16
  d('Reciprocating Tachycardia', '', { mesh: 'D054139' }), // C14,C23
  d('Plasma Cell Neoplasms', '', { mesh: 'D054219' }), // C04
  d('Malformations of Cortical Development', '', { mesh: 'D054220' }), // C10,C16
  d('Cobblestone Lissencephaly', '', { mesh: 'D054222' }), // C10,C16
  d('Vesicular Stomatitis', '', { mesh: 'D054243' }), // C02,C07,C22
  d('Buruli Ulcer', '', { mesh: 'D054312' }), // C01,C17
  d('No-Reflow Phenomenon', '', { mesh: 'D054318' }), // C14,C23
  d('Marchiafava-Bignami Disease', '', { mesh: 'D054319' }), // C10
  d('Sertoli Cell-Only Syndrome', '', { mesh: 'D054331' }), // C12
  d('Pleural Solitary Fibrous Tumor', '', { mesh: 'D054363' }), // C04
  d('Solitary Fibrous Tumors', '', { mesh: 'D054364' }), // C04
  d('Myelodysplastic-Myeloproliferative Diseases', '', { mesh: 'D054437' }), // C15
  d('BCR-ABL Negative Atypical Chronic Myeloid Leukemia', '', { mesh: 'D054438' }), // C04,C15
  d('Primary Cutaneous Anaplastic Large Cell Lymphoma', '', { mesh: 'D054446' }), // C04,C15,C20
  d('Trichothiodystrophy Syndromes', '', { mesh: 'D054463' }), // C16,C17
  d('Chloracne', '', { mesh: 'D054506' }), // C17
  d('Acute Radiation Syndrome', '', { mesh: 'D054508' }), // C26
  d('Persistent Hyperplastic Primary Vitreous', '', { mesh: 'D054514' }), // C11,C16
  d('Vulvar Vestibulitis', '', { mesh: 'D054515' }), // C13
  d('Neuroacanthocytosis', '', { mesh: 'D054546' }), // C10,C16
  d('Primary Effusion Lymphoma', '', { mesh: 'D054685' }), // C04,C15,C20
  d('Skin Mastocytoma', '', { mesh: 'D054705' }), // C04,C17
  d('Interdigitating Dendritic Cell Sarcoma', '', { mesh: 'D054739' }), // C04,C15
  d('Follicular Dendritic Cell Sarcoma', '', { mesh: 'D054740' }), // C04,C15
  d('Histiocytic Sarcoma', '', { mesh: 'D054747' }), // C04,C15
  d('Langerhans Cell Sarcoma', '', { mesh: 'D054752' }), // C04,C15
  d('Osteophyte', '', { mesh: 'D054850' }), // C05
  d('Malignant Atrophic Papulosis', '', { mesh: 'D054853' }), // C14,C17
  d('Jacobsen Distal 11q Deletion Syndrome', '', { mesh: 'D054868' }), // C15,C16
  d('Wolf-Hirschhorn Syndrome', '', { mesh: 'D054877' }), // C16
  d('Aspartylglucosaminuria', '', { mesh: 'D054880' }), // C16,C18
  d('Antley-Bixler Syndrome Phenotype', '', { mesh: 'D054882' }), // C05,C16,C18
  d('Extensively Drug-Resistant Tuberculosis', '', { mesh: 'D054908' }), // C01
  d('Primary Dysautonomias', '', { mesh: 'D054969' }), // C10
  d('Pure Autonomic Failure', '', { mesh: 'D054970' }), // C10
  d('Perivascular Epithelioid Cell Neoplasms', '', { mesh: 'D054973' }), // C04
  d('Pallister-Hall Syndrome', '', { mesh: 'D054975' }), // C04,C05,C10,C16
  d('Idiopathic Interstitial Pneumonias', '', { mesh: 'D054988' }), // C08
  d('Spondylosis', '', { mesh: 'D055009' }), // C05
  d('Posterior Cervical Sympathetic Syndrome', '', { mesh: 'D055010' }), // C05
  d('Spine Osteoarthritis', '', { mesh: 'D055013' }), // C05
  d('Osteochondrosis', '', { mesh: 'D055034' }), // C05
  d('Spinal Osteochondrosis', '', { mesh: 'D055035' }), // C05
  d('Campomelic Dysplasia', '', { mesh: 'D055036' }), // C05,C16
  d('Tracheobronchomalacia', '', { mesh: 'D055089' }), // C05,C08,C16,C17
  d('Bronchomalacia', '', { mesh: 'D055091' }), // C05,C08,C16,C17
  d('Periodontal Atrophy', '', { mesh: 'D055093' }), // C07
  d('Failed Back Surgery Syndrome', '', { mesh: 'D055111' }), // C10,C23
  d('Pyometra', '', { mesh: 'D055112' }), // C13
  d('Adenomyoepithelioma', '', { mesh: 'D055331' }), // C04
  d('Ventilator-Induced Lung Injury', '', { mesh: 'D055397' }), // C08
  d('Neurogenic Bowel', '', { mesh: 'D055496' }), // C06
  d('X-Linked Bulbo-Spinal Atrophy', '', { mesh: 'D055534' }), // C10,C16
  d('Morgellons Disease', '', { mesh: 'D055535' }), // C17,F03
  d('Farber Lipogranulomatosis', '', { mesh: 'D055577' }), // C10,C16,C18
  d('Graft Pancreatitis', '', { mesh: 'D055589' }), // C06
  d('Multiple Pulmonary Nodules', '', { mesh: 'D055613' }), // C04,C08
  d('Orbital Myositis', '', { mesh: 'D055622' }), // C05,C10,C11
  d('Gray Platelet Syndrome', '', { mesh: 'D055652' }), // C15,C16
  d('Muir-Torre Syndrome', '', { mesh: 'D055653' }), // C04,C16,C17
  d('Acrocallosal Syndrome', '', { mesh: 'D055673' }), // C10,C16
  d('Pulmonary Aspergillosis', '', { mesh: 'D055732' }), // C08
  d('Lynch Syndrome II', '', { mesh: 'D055847' }), // C04,C16
  d('Halo Nevus', '', { mesh: 'D055882' }), // C04
  d('Vasa Previa', '', { mesh: 'D055949' }), // C13
  d('Cogan Syndrome', '', { mesh: 'D055952' }), // C10,C11,C14
  d('Corneal Endothelial Cell Loss', '', { mesh: 'D055954' }), // C11,C23
  d('Susac Syndrome', '', { mesh: 'D055955' }), // C09,C10,C11,C14,C23
  d('Diffuse Neurofibrillary Tangles with Calcification', '', { mesh: 'D055956' }), // C10,F03
  d('Piriformis Muscle Syndrome', '', { mesh: 'D055958' }), // C10,C23
  d('Alien Hand Syndrome', '', { mesh: 'D055964' }), // C10,C23
  d('Paucibacillary Leprosy', '', { mesh: 'D056005' }), // C01
  d('Multibacillary Leprosy', '', { mesh: 'D056006' }), // C01
  d('Commotio Cordis', '', { mesh: 'D056104' }), // C14
  d('Slit Ventricle Syndrome', '', { mesh: 'D056124' }), // C10,C23
  d('Erythrokeratodermia Variabilis', '', { mesh: 'D056266' }), // C16,C17
  d('Pagetoid Reticulosis', '', { mesh: 'D056267' }), // C04,C15,C20
  d('Genu Valgum', '', { mesh: 'D056304' }), // C05
  d('Genu Varum', '', { mesh: 'D056305' }), // C05
  d('Colloid Cysts', '', { mesh: 'D056364' }), // C04,C10,C16
  d('Chronic Drug-Induced Liver Injury', '', { mesh: 'D056487' }), // C06,C25
  d('Cryopyrin-Associated Periodic Syndromes', '', { mesh: 'D056587' }), // C16,C17
  d('Peritoneal Fibrosis', '', { mesh: 'D056627' }), // C06,C23
  d('Rheumatoid Vasculitis', '', { mesh: 'D056653' }), // C05,C14,C17,C20
  d('Hereditary Autoinflammatory Diseases', '', { mesh: 'D056660' }), // C16,C17
  d('Yellow Nail Syndrome', '', { mesh: 'D056684' }), // C16,C17,C23
  d('Costello Syndrome', '', { mesh: 'D056685' }), // C05,C16
  d('Propionic Acidemia', '', { mesh: 'D056693' }), // C16,C18
  d('Type 1 von Willebrand Disease', '', { mesh: 'D056725' }), // C15,C16
  d('Type 2 von Willebrand Disease', '', { mesh: 'D056728' }), // C15,C16
  d('Type 3 von Willebrand Disease', '', { mesh: 'D056729' }), // C15,C16
  d('Silver-Russell Syndrome', '', { mesh: 'D056730' }), // C05,C16
  d('Donohue Syndrome', '', { mesh: 'D056731' }), // C05,C16,C18,C19
  d('Prolidase Deficiency', '', { mesh: 'D056732' }), // C16
  d('Carney Complex', '', { mesh: 'D056733' }), // C04,C14,C16
  d('Monilethrix', '', { mesh: 'D056734' }), // C16,C17
  d('Autoimmune Lymphoproliferative Syndrome', '', { mesh: 'D056735' }), // C15,C16,C20
  d('Giant Axonal Neuropathy', '', { mesh: 'D056768' }), // C10,C16
  d('Alstrom Syndrome', '', { mesh: 'D056769' }), // C10,C11,C16
  d('Netherton Syndrome', '', { mesh: 'D056770' }), // C16,C17
  d('Inborn Urea Cycle Disorders', '', { mesh: 'D056806' }), // C10,C16,C18
  d('Argininosuccinic Aciduria', '', { mesh: 'D056807' }), // C10,C16,C18
  d('Upper Extremity Deep Vein Thrombosis', '', { mesh: 'D056824' }), // C14
  d('Hereditary Angioedema Type III', '', { mesh: 'D056828' }), // C14,C17,C20
  d('Weill-Marchesani Syndrome', '', { mesh: 'D056846' }), // C05,C11,C16,C17
  d('Contrecoup Injury', '', { mesh: 'D056886' }), // C10,C26
  d('Barth Syndrome', '', { mesh: 'D056889' }), // C14,C16,C18
  d('Euglenozoa Infections', '', { mesh: 'D056986' }), // C03
  d('Anterior Wall Myocardial Infarction', '', { mesh: 'D056988' }), // C14
  d('Inferior Wall Myocardial Infarction', '', { mesh: 'D056989' }), // C14
  d('Low Tension Glaucoma', '', { mesh: 'D057066' }), // C11
  d('Periprosthetic Fractures', '', { mesh: 'D057068' }), // C26
  d('Intra-Articular Fractures', '', { mesh: 'D057072' }), // C26
  d('Tooth Wear', '', { mesh: 'D057085' }), // C07
  d('Anetoderma', '', { mesh: 'D057088' }), // C17
  d('Eccrine Porocarcinoma', '', { mesh: 'D057090' }), // C04
  d('Poroma', '', { mesh: 'D057091' }), // C04
  d('Geographic Atrophy', '', { mesh: 'D057092' }), // C11
  d('Shellfish Poisoning', '', { mesh: 'D057096' }), // C25
  d('Corneal Wavefront Aberration', '', { mesh: 'D057108' }), // C11
  d('Corneal Perforation', '', { mesh: 'D057112' }), // C11,C26
  d('Iridocorneal Endothelial Syndrome', '', { mesh: 'D057129' }), // C11
  d('Leber Congenital Amaurosis', '', { mesh: 'D057130' }), // C11
  d('Proteostasis Deficiencies', '', { mesh: 'D057165' }), // C18
  d('TDP-43 Proteinopathies', '', { mesh: 'D057177' }), // C10,C18
  d('Primary Progressive Nonfluent Aphasia', '', { mesh: 'D057178' }), // C10,C18,C23,F03
  d('Conducted Energy Weapon Injuries', '', { mesh: 'D057667' }), // C26
  d('Kashin-Beck Disease', '', { mesh: 'D057767' }), // C05
  d('Infantile Apparent Life-Threatening Event', '', { mesh: 'D057768' }), // C08,C23
  d('Systemic Hyalinosis', '', { mesh: 'D057770' }), // C16,C17
  d('Vascular System Injuries', '', { mesh: 'D057772' }), // C14,C26
  d('Post-Exercise Hypotension', '', { mesh: 'D057774' }), // C10,C14
  d('Mirizzi Syndrome', '', { mesh: 'D057792' }), // C06
  d('Vitelliform Macular Dystrophy', '', { mesh: 'D057826' }), // C11,C16
  d('Lemierre Syndrome', '', { mesh: 'D057831' }), // C01,C07,C09,C14
  d('Ocular Posterior Capsular Rupture', '', { mesh: 'D057851' }), // C11
  d('Endoleak', '', { mesh: 'D057867' }), // C14,C23
  d('Peri-Implantitis', '', { mesh: 'D057873' }), // C07
  s('Triploidy', '', { mesh: 'D057885' }), // C23
  d('Overbite', '', { mesh: 'D057887' }), // C07
  s('Tetraploidy', '', { mesh: 'D057891' }), // C23
  s('Implant Capsular Contracture', '', { mesh: 'D057910' }), // C23
  d('Femoracetabular Impingement', '', { mesh: 'D057925' }), // C05,C23
  d('Ocular Anterior Capsular Rupture', '', { mesh: 'D057971' }), // C11
  d('Dent Disease', '', { mesh: 'D057973' }), // C12,C13,C16,C18
  d('Digital Dermatitis', '', { mesh: 'D058066' }), // C01,C17,C22
  d('Sarcoglycanopathies', '', { mesh: 'D058088' }), // C05,C08,C10,C14,C16
  d('Prehypertension', '', { mesh: 'D058246' }), // C14
  d('Loose Anagen Hair Syndrome', '', { mesh: 'D058247' }), // C17,C23
  d('Birt-Hogg-Dube Syndrome', '', { mesh: 'D058249' }), // C04,C16
  d('Necrobiotic Xanthogranuloma', '', { mesh: 'D058252' }), // C15,C17,C18,C23
  d('Flea Infestations', '', { mesh: 'D058267' }), // C03
  d('Tungiasis', '', { mesh: 'D058285' }), // C03
  d('Sister Mary Joseph\'s Nodule', '', { mesh: 'D058288' }), // C04
  d('Desmoplastic Small Round Cell Tumor', '', { mesh: 'D058405' }), // C04
  s('Neointima', '', { mesh: 'D058426' }), // C23
  d('Gnathostomiasis', '', { mesh: 'D058429' }), // C03
  d('Hypertensive Retinopathy', '', { mesh: 'D058437' }), // C11,C14
  d('Capsule Opacification', '', { mesh: 'D058442' }), // C11
  d('Retinal Telangiectasis', '', { mesh: 'D058456' }), // C11,C14
  d('Trichiasis', '', { mesh: 'D058457' }), // C11
  d('XX Disorders of Sex Development 46', '', { mesh: 'D058489' }), // C12,C13,C16,C19,F03
  d('XY Disorders of Sex Development 46', '', { mesh: 'D058490' }), // C12,C13,C16,C19,F03
  d('Walker-Warburg Syndrome', '', { mesh: 'D058494' }), // C10,C11,C16
  d('Sotos Syndrome', '', { mesh: 'D058495' }), // C16
  d('Smith-Magenis Syndrome', '', { mesh: 'D058496' }), // C10,C16
  d('Fraser Syndrome', '', { mesh: 'D058497' }), // C11,C16
  d('Retinal Dystrophies', '', { mesh: 'D058499' }), // C11
  d('Pentalogy of Cantrell', '', { mesh: 'D058502' }), // C10,C16
  d('Enteropathy-Associated T-Cell Lymphoma', '', { mesh: 'D058527' }), // C04,C15,C20
  d('Single Umbilical Artery', '', { mesh: 'D058529' }), // C14,C16
  d('XX Testicular Disorders of Sex Development 46', '', { mesh: 'D058531' }), // C12,C13,C16,C19
  d('Echogenic Bowel', '', { mesh: 'D058535' }), // C13,C16
  d('Pyelectasis', '', { mesh: 'D058536' }), // C13,C16
  d('Aicardi Syndrome', '', { mesh: 'D058540' }), // C10,C11,C16
  d('Sacroiliitis', '', { mesh: 'D058566' }), // C05
  d('Necrolytic Migratory Erythema', '', { mesh: 'D058568' }), // C17,C23
  s('Accessory Atrioventricular Bundle', '', { mesh: 'D058606' }), // C23
  d('Composite Lymphoma', '', { mesh: 'D058617' }), // C04,C15,C20
  d('End Stage Liver Disease', '', { mesh: 'D058625' }), // C06
  d('Megalencephaly', '', { mesh: 'D058627' }), // C05,C10,C16
  d('Pycnodysostosis', '', { mesh: 'D058631' }), // C05,C16,C18
  s('Tetrasomy', '', { mesh: 'D058670' }), // C23
  d('Coronary-Subclavian Steal Syndrome', '', { mesh: 'D058686' }), // C14,C23
  d('Out-of-Hospital Cardiac Arrest', '', { mesh: 'D058687' }), // C14
  s('Exsanguination', '', { mesh: 'D058734' }), // C23
  d('Intrauterine Device Migration', '', { mesh: 'D058736' }), // C26
  d('Aberrant Crypt Foci', '', { mesh: 'D058739' }), // C04
  d('Iliotibial Band Syndrome', '', { mesh: 'D058745' }), // C26
  d('Granulomatous Mastitis', '', { mesh: 'D058890' }), // C13,C17
  d('Medial Tibial Stress Syndrome', '', { mesh: 'D058923' }), // C05,C10,C26
  d('Pythiosis', '', { mesh: 'D058968' }), // C03,C22
  d('Nociceptive Pain', '', { mesh: 'D059226' }), // C10,C23
  d('Renal Nutcracker Syndrome', '', { mesh: 'D059228' }), // C12,C13
  d('Otomycosis', '', { mesh: 'D059249' }), // C01,C09
  d('Visceral Pain', '', { mesh: 'D059265' }), // C10,C23
  d('Bisphosphonate-Associated Osteonecrosis of the Jaw', '', { mesh: 'D059266' }), // C05,C07,C23
  d('Chilaiditi Syndrome', '', { mesh: 'D059269' }), // C06
  d('Petrositis', '', { mesh: 'D059270' }), // C01,C05,C09
  d('Intra-Abdominal Hypertension', '', { mesh: 'D059325' }), // C05,C14
  d('Brachydactyly', '', { mesh: 'D059327' }), // C05,C16
  d('Peripheral Nerve Injuries', '', { mesh: 'D059348' }), // C10,C26
  d('Occupational Asthma', '', { mesh: 'D059366' }), // C08,C20,C24
  d('Pott Puffy Tumor', '', { mesh: 'D059369' }), // C01,C05,C11
  d('Pelvic Girdle Pain', '', { mesh: 'D059388' }), // C10,C23
  d('Breakthrough Pain', '', { mesh: 'D059390' }), // C10,C23
  d('Pinguecula', '', { mesh: 'D059407' }), // C11
  d('Heterotaxy Syndrome', '', { mesh: 'D059446' }), // C14,C15,C16
  d('Ocular Paraneoplastic Syndromes', '', { mesh: 'D059545' }), // C04,C11
  s('Psychogenic Polydipsia', '', { mesh: 'D059607' }), // C23
  d('Laryngocele', '', { mesh: 'D059608' }), // C08,C09,C16
  d('Aliivibrio Infections', '', { mesh: 'D059707' }), // C01
  d('Kasabach-Merritt Syndrome', '', { mesh: 'D059885' }), // C04,C15
  d('Non-Infective Endocarditis', '', { mesh: 'D059905' }), // C14
  d('Pelvic Floor Disorders', '', { mesh: 'D059952' }), // C12,C13
  d('Slipped Capital Femoral Epiphyses', '', { mesh: 'D060048' }), // C05
  d('Occupational Injuries', '', { mesh: 'D060051' }), // C26
  d('Coinfection', '', { mesh: 'D060085' }), // C01,C02,C03
  d('Lobomycosis', '', { mesh: 'D060368' }), // C01,C17
  d('Cerebral Phaeohyphomycosis', '', { mesh: 'D060425' }), // C01
  d('Artificial Lens Implant Migration', '', { mesh: 'D060437' }), // C11,C26
  d('Phaeohyphomycosis', '', { mesh: 'D060446' }), // C01,C17
  d('Ophthalmoplegic Migraine', '', { mesh: 'D060486' }), // C10,C11,C23
  d('Alternariosis', '', { mesh: 'D060487' }), // C01
  d('Pudendal Neuralgia', '', { mesh: 'D060545' }), // C10,C23
  d('Fusariosis', '', { mesh: 'D060585' }), // C01,C17
  d('Trichosporonosis', '', { mesh: 'D060586' }), // C01,C08,C20
  d('Hyalohyphomycosis', '', { mesh: 'D060605' }), // C01,C17
  d('Dyscalculia', '', { mesh: 'D060705' }), // C10,C23,F03
  d('Uterine Retroversion', '', { mesh: 'D060725' }), // C13,C23
  d('Reproductive Tract Infections', '', { mesh: 'D060737' }), // C01,C12,C13
  d('Obsessive Hoarding', '', { mesh: 'D060845' }), // F03
  d('Coxa Vara', '', { mesh: 'D060905' }), // C05,C23
  d('Coxa Valga', '', { mesh: 'D060906' }), // C05,C23
  d('Agenesis of Corpus Callosum', '', { mesh: 'D061085' }), // C10,C16,C23
  d('Vascular Calcification', '', { mesh: 'D061205' }), // C18
  d('Neoplasm Micrometastasis', '', { mesh: 'D061206' }), // C04,C23
  d('Olfactory Nerve Injuries', '', { mesh: 'D061219' }), // C10,C26
  d('Oculomotor Nerve Injuries', '', { mesh: 'D061220' }), // C10,C11,C26
  d('Trigeminal Nerve Injuries', '', { mesh: 'D061221' }), // C10,C26
  d('Lingual Nerve Injuries', '', { mesh: 'D061222' }), // C10,C26
  d('Vagus Nerve Injuries', '', { mesh: 'D061223' }), // C10,C26
  d('Laryngeal Nerve Injuries', '', { mesh: 'D061224' }), // C08,C09,C10,C26
  d('Accessory Nerve Injuries', '', { mesh: 'D061227' }), // C10,C26
  d('Hypoglossal Nerve Injuries', '', { mesh: 'D061228' }), // C10,C26
  d('Trochlear Nerve Injuries', '', { mesh: 'D061247' }), // C10,C26
  d('Vestibulocochlear Nerve Injuries', '', { mesh: 'D061285' }), // C09,C10,C26
  d('Glossopharyngeal Nerve Injuries', '', { mesh: 'D061287' }), // C10,C26
  d('Chlamydial Pneumonia', '', { mesh: 'D061387' }), // C01,C08
  d('Organophosphate Poisoning', '', { mesh: 'D062025' }), // C25
  d('Alice in Wonderland Syndrome', '', { mesh: 'D062026' }), // C10,C23
  d('Linear IgA Bullous Dermatosis', '', { mesh: 'D062027' }), // C17,C20
  d('Cystadenofibroma', '', { mesh: 'D062625' }), // C04
  d('Steatocystoma Multiplex', '', { mesh: 'D062685' }), // C16,C17
  d('Buschke-Lowenstein Tumor', '', { mesh: 'D062688' }), // C02,C04,C17
  d('Lipoblastoma', '', { mesh: 'D062689' }), // C04
  d('Adenomyosis', '', { mesh: 'D062788' }), // C13
  d('Non-Filarial Lymphedema', '', { mesh: 'D062846' }), // C15
  d('Dentofacial Deformities', '', { mesh: 'D063169' }), // C05,C07,C16
  d('Retrognathia', '', { mesh: 'D063173' }), // C05,C07,C16
  d('Heterotopic Pregnancy', '', { mesh: 'D063192' }), // C13
  d('Pneumorrhachis', '', { mesh: 'D063205' }), // C10
  d('Myringosclerosis', '', { mesh: 'D063371' }), // C09
  d('Respiratory Aspiration of Gastric Contents', '', { mesh: 'D063466' }), // C06,C08,C23
  d('Acanthocheilonemiasis', '', { mesh: 'D063485' }), // C03
  d('Carcinogenesis', '', { mesh: 'D063646' }), // C04,C23
  d('Delusional Parasitosis', '', { mesh: 'D063726' }), // F03
  d('Bland White Garland Syndrome', '', { mesh: 'D063748' }), // C14,C16,C23
  d('Pediatric Obesity', '', { mesh: 'D063766' }), // C18
  d('Collagenous Sprue', '', { mesh: 'D064068' }), // C06,C18
  d('Intraocular Lymphoma', '', { mesh: 'D064090' }), // C04,C15,C20
  d('Nodding Syndrome', '', { mesh: 'D064128' }), // C10
  d('Chemically-Induced Disorders', '', { mesh: 'D064419' }), // C25
  d('Retrocaval Ureter', '', { mesh: 'D064749' }), // C12,C13,C16
  s('Dysbiosis', '', { mesh: 'D064806' }), // C23
  d('Anticholinergic Syndrome', '', { mesh: 'D064807' }), // C25
  d('Tick Bites', '', { mesh: 'D064927' }), // C25,C26
  d('Scorpion Stings', '', { mesh: 'D065008' }), // C25,C26
  d('Lipedema', '', { mesh: 'D065134' }), // C17
  d('Nicolau Syndrome', '', { mesh: 'D065148' }), // C17,C20,C25
  d('Interstitial Pregnancy', '', { mesh: 'D065167' }), // C13
  d('Angular Pregnancy', '', { mesh: 'D065170' }), // C13
  d('Ovarian Pregnancy', '', { mesh: 'D065172' }), // C13
  d('Cornual Pregnancy', '', { mesh: 'D065173' }), // C13
  d('Transfusion Reaction', '', { mesh: 'D065227' }), // C15,C20
  d('Corneal Injuries', '', { mesh: 'D065306' }), // C11,C26
  d('Atypical Squamous Cells of the Cervix', '', { mesh: 'D065309' }), // C04,C13,C23
  d('Squamous Intraepithelial Lesions of the Cervix', '', { mesh: 'D065310' }), // C04,C13,C23
  d('Adenocarcinoma in Situ', '', { mesh: 'D065311' }), // C04,C23
  d('Familial Primary Pulmonary Hypertension', '', { mesh: 'D065627' }), // C08
  d('Group I Malformations of Cortical Development', '', { mesh: 'D065703' }), // C10,C16
  d('Group III Malformations of Cortical Development', '', { mesh: 'D065704' }), // C10,C16
  d('Hemimegalencephaly', '', { mesh: 'D065705' }), // C05,C10,C16
  d('Polymicrogyria', '', { mesh: 'D065706' }), // C10,C16
  d('Schizencephaly', '', { mesh: 'D065707' }), // C10,C16
  d('Porencephaly', '', { mesh: 'D065708' }), // C05,C10,C16
  d('Glossoptosis', '', { mesh: 'D065710' }), // C07
  d('Congenital Microtia', '', { mesh: 'D065817' }), // C09,C16
  d('Pectus Carinatum', '', { mesh: 'D066166' }), // C05,C16,C17
  d('Allesthesia', '', { mesh: 'D066190' }), // C10,C23
  s('Pathological Protein Aggregation', '', { mesh: 'D066263' }), // C23
];

/**
 * The site headings "<Site> Neoplasms" also under "<site> tumor": Tumors is an entry term of
 * Neoplasms (D009369), so "liver tumors" names Liver Neoplasms as "liver neoplasms" does. The
 * matching key folds plurals and British spelling (tumours), so one synonym covers them.
 */
function withTumorName(c: Concept): Concept {
  const site = /^(.+) Neoplasms$/.exec(c.preferred)?.[1];
  if (!site || c.synonyms.some((t) => /tumou?r/i.test(t))) return c;
  return { ...c, synonyms: [...c.synonyms, `${site.toLowerCase()} tumor`] };
}

export const meshDiseases = rows.map(withTumorName);
