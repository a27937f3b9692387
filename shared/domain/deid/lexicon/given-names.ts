// Domain (deid/lexicon): common US given names, written from general knowledge of the public frequency
// lists (US Census Bureau 1990 "dist.female.first"/"dist.male.first" name files, and the Social Security
// Administration's national baby-name lists, 1930s-2010s), lowercase, one space between names. These are
// the project's own compact tables: no entry was taken from any evaluation corpus.

// prettier-ignore
const female = `mary patricia linda barbara elizabeth jennifer maria susan margaret dorothy lisa nancy karen betty
helen sandra donna carol ruth sharon michelle laura sarah kimberly deborah jessica shirley cynthia angela melissa brenda
amy anna rebecca virginia kathleen pamela martha debra amanda stephanie carolyn christine marie janet catherine frances
ann joyce diane alice julie heather teresa doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose
janice kelly nicole judy christina kathy theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn
louise sara anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula diana annie lillian emily robin peggy
crystal gladys rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria edith kim sherry
sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte monica esther pauline emma juanita
anita rhonda hazel amber eva debbie april leslie clara lucille jamie joanne eleanor valerie danielle megan alicia
suzanne michele gail bertha darlene veronica jill erin geraldine lauren cathy joann lorraine lynn sally regina erica
beatrice dolores bernice audrey yvonne annette june samantha marion dana stacy ana renee ida vivian roberta holly
brittany melanie loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie beth jeanne vicki carla tara
rosemary eileen terri gertrude lucy tonya ella stacey wilma gina kristin jessie natalie agnes vera willie charlene
bessie delores melinda pearl arlene maureen colleen allison tamara joy georgia constance lillie claudia jackie marcia
tanya nellie minnie marlene heidi glenda lydia viola courtney marian stella caroline dora jo vickie mattie terry maxine
irma mabel marsha myrtle lena christy deanna patsy hilda gwendolyn jennie nora margie nina cassandra leah penny kay
priscilla naomi carole brandy olga billie dianne tracey leona jenny felicia sonia miriam velma becky bobbie violet
kristina toni misty mae shelly daisy ramona sherri erika katrina claire lindsey lindsay geneva guadalupe belinda
margarita sheryl cora faye ada natasha sabrina isabel marguerite hattie harriet molly cecilia kristi brandi blanche
sandy rosie joanna iris eunice angie inez lynda madeline amelia alberta genevieve monique jodi janie maggie kayla sonya
jan lee kristine candace fannie maryann opal alison yvette melody luz susie olivia flora shelley kristy mamie lula lola
verna beulah antoinette candice juana jeannette pam kelli hannah whitney bridget karla celia latoya patty shelia gayle
della vicky lynne sheri marianne kara jacquelyn erma blanca myra leticia pat krista roxanne angelica johnnie robyn
francis adrienne rosalie alexandra brooke bethany sadie bernadette traci jody kendra jasmine nichole rachael chelsea
mable ernestine muriel marcella elena krystal angelina nadine kari estelle dianna paulette lora mona doreen rosemarie
angel desiree antonia hope ginger janis betsy christie freda mercedes meredith lynette teri cristina eula leigh meghan
sophia eloise rochelle gretchen cecelia raquel henrietta alyssa jana kelley gwen kerry jenna tricia laverne olive
alexis tasha silvia elvira casey delia sophie kate patti lorena kellie sonja lila lana darla may mindy essie mandy
lorene elsa josefina jeannie miranda dixie lucia marta faith lela johanna shari camille tami shawna elisa ebony melba
ora nettie tabitha ollie jaime winifred kristie marina alisha aimee rena myrna marla tammie latasha bonita patrice ronda
sherrie addie francine deloris stacie adriana cheri shelby abigail celeste jewel cara adele rebekah lucinda dorthy
chris effie trina reba shawn sallie aurora lenora etta lottie kerri trisha nikki estella francisca josie tracie marissa
karin brittney janelle lourdes laurel helene fern elva corinne kelsey ina bettie elisabeth aida caitlin ingrid iva
eugenia christa goldie cassie maude jenifer therese frankie dena lorna janette latonya candy morgan consuelo tamika
rosetta debora cherie polly dina jewell fay jillian dorothea nell trudy esperanza patrica kimberley shanna helena
carolina cleo stefanie rosario ola janine mollie lupe alisa lou maribel susanne bette susana elise cecile isabelle
lesley jocelyn paige joni rachelle leola daphne alta ester petra graciela imogene jolene keisha lacey glenna gabriela
keri ursula lizzie kirsten shana adeline mayra jayne jaclyn gracie sondra carmela marisa rosalind charity tonia beatriz
marisol clarice jeanine sheena angeline frieda lily robbie shauna millie claudette cathleen angelia gabrielle autumn
katharine summer jodie staci lea christi jimmie justine elma luella margret dominique socorro rene martina margo mavis
callie bobbi maritza lucile leanne jeannine deana aileen lorie ladonna willa manuela gale selma dolly sybil abby lara
dale ivy dee winnie marcy luisa jeri magdalena ofelia meagan audra matilda leila cornelia bianca simone bettye randi
virgie latisha barbra georgina eliza leann bridgette rhoda haley adela nola bernadine flossie ila greta ruthie nelda
minerva lilly terrie letha hilary estela valarie brianna rosalyn earline catalina ava mia emma madison isabella
abigail chloe ella avery addison natalie lily aubrey zoe evelyn harper layla riley victoria savannah aaliyah
brooklyn claire skylar paisley audrey bella nevaeh kaylee alexa allison gianna sadie camila kennedy mackenzie
madelyn serenity peyton makayla jordyn kylie hailey destiny jada kiara brianna alexandra trinity sydney jasmine
mariah faith gabriella arianna naomi lauren mckenzie kaitlyn ariana katelyn juliana nadia josephine`;

// prettier-ignore
const male = `james john robert michael william david richard charles joseph thomas christopher daniel paul mark donald
george kenneth steven edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott eric
stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl arthur ryan roger joe
juan jack albert jonathan justin terry gerald keith samuel willie ralph lawrence nicholas roy benjamin bruce brandon
adam harry fred wayne billy steve louis jeremy aaron randy howard eugene carlos russell bobby victor martin ernest
phillip todd jesse craig alan shawn clarence sean philip chris johnny earl jimmy antonio danny bryan tony luis mike
stanley leonard nathan dale manuel rodney curtis norman allen marvin vincent glenn jeffery travis jeff chad jacob lee
melvin alfred kyle francis bradley jesus herbert frederick ray joel edwin don eddie ricky troy randall barry alexander
bernard mario leroy francisco marcus micheal theodore clifford miguel oscar jay jim tom calvin alex jon ronnie bill
lloyd tommy leon derek warren darrell jerome floyd leo alvin tim wesley gordon dean greg jorge dustin pedro derrick dan
lewis zachary corey herman maurice vernon roberto clyde glen hector shane ricardo sam rick lester brent ramon charlie
tyler gilbert gene marc reginald ruben brett angel nathaniel rafael leslie edgar milton raul ben chester cecil duane
franklin andre elmer brad gabriel ron mitchell roland arnold harvey jared adrian karl cory claude erik darryl jamie
neil jessie christian javier fernando clinton ted mathew tyrone darren lonnie lance cody julio kelly kurt allan nelson
guy clayton hugh max dwayne dwight armando felix jimmie everett jordan ian wallace ken bob jaime casey alfredo alberto
dave ivan johnnie sidney byron julian isaac morris clifton willard daryl ross virgil andy marshall salvador perry kirk
sergio marion tracy seth kent terrance rene eduardo terrence enrique freddie wade austin stuart fredrick arturo
alejandro jackie joey nick luther wendell jeremiah evan julius dana donnie otis shannon trevor oliver luke homer gerard
doug kenny hubert angelo shaun lyle matt lynn alfonso orlando rex carlton ernesto cameron neal pablo lorenzo omar wilbur
blake grant horace roderick kerry abraham willis rickey jean ira andres cesar johnathan malcolm rudolph damon kelvin
rudy preston alton archie marco wm pete randolph garry geoffrey jonathon felipe bennie gerardo ed dominic robin loren
delbert colin guillermo earnest lucas benny noel spencer rodolfo myron edmund garrett salvatore cedric lowell gregg
sherman wilson devin sylvester kim roosevelt israel jermaine forrest wilbert leland simon guadalupe clark irving carroll
bryant owen rufus woodrow sammy kristopher mack levi marcos gustavo jake lionel marty taylor ellis dallas gilberto clint
nicolas laurence ismael orville drew jody ervin dewey al wilfred josh hugo ignacio caleb tomas sheldon erick frankie
stewart doyle darrel rogelio terence santiago alonzo elias bert elbert ramiro conrad pat noah grady phil cornelius lamar
rolando clay percy dexter bradford merle darin amos terrell moses irvin saul roman darnell randal tommie timmy darrin
winston brendan toby van abel dominick boyd courtney jan emilio elijah cary domingo santos aubrey emmett marlon emanuel
jerald edmond emil dewayne will otto teddy reynaldo bret morgan jess trent humberto emmanuel stephan louie vicente
lamont stacy garland miles micah efrain billie logan heath rodger harley demetrius ethan eldon rocky pierre junior
freddy eli bryce antoine robbie kendall royce sterling mickey chase grover elton cleveland dylan chuck damian reuben
stan august leonardo jasper russel erwin benito hans monte blaine ernie curt quentin agustin murray jamal devon adolfo
harrison tyson burton brady elliott wilfredo bart jarrod vance denis damien joaquin harlan desmond elliot darwin ashley
gregorio buddy xavier kermit roscoe esteban anton solomon scotty norbert elvin williams nolan carey rod quinton hal
brain rob elwood kendrick darius moises marlin fidel thaddeus cliff marcel ali jackson raphael bryon armand alvaro
jeffry dane joesph thurman ned sammie rusty michel monty rory fabian reggie mason graham kris isaiah vaughn gus avery
loyd diego alexis adolph norris millard rocco gonzalo derick rodrigo gerry stacey carmen wiley rigoberto alphonso ty
shelby rickie noe vern bobbie reed jefferson elvis bernardo mauricio hiram donovan basil riley ollie nickolas maynard
scot vince quincy eddy sebastian federico ulysses heriberto donnell cole denny davis gavin emery ward romeo jayson
dion dante clement coy odell maxwell jarvis bruno issac mary dudley brock sanford colby carmelo barney nestor hollis
stefan donny art linwood beau weldon galen isidro truman delmar johnathon silas frederic dick kirby irwin cruz merlin
merrill charley marcelino lane harris cleo carlo trenton kurtis hunter aurelio winfred vito collin denver carter leonel
emory pasquale mohammad mariano danial blair landon dirk branden adan clair buford german bernie wilmer joan
emerson zachery fletcher jacques errol dalton monroe josue dominique edwardo booker wilford sonny shelton carson theron
raymundo daren tristan houston robby lincoln jame genaro gale bennett octavio cornell laverne hung arron antony herschel
alva giovanni garth cyrus cyril ronny stevie lon freeman erin duncan kennith carmine augustine young erich chadwick
wilburn russ reid myles anderson morton jonas forest mitchel mervin zane rich jamel lazaro alphonse randell major
johnie jarrett brooks ariel abdul dusty luciano lindsey tracey seymour scottie eugenio mohammed sandy valentin chance
arnulfo lucien ferdinand thad ezra sydney aldo rubin royal mitch earle abe wyatt marquis lanny kareem jamar boris isiah
emile elmo aron leopoldo everette josef gail eloy dorian rodrick reinaldo lucio jerrod weston hershel barton parker
lemuel lavern burt jules gil eliseo ahmad nigel efren antwan alden margarito coleman refugio dino osvaldo les deandre
normand kieth ivory andrea trey norberto napoleon jerold fritz rosendo milford sang deon christoper alfonzo lyman josiah
brant wilton rico jamaal dewitt carol brenton yong olin foster faustino claudio judson gino edgardo berry alec tanner
jarred donn trinidad tad shirley prince porfirio odis maria lenard chauncey chang tod mel marcelo kory augustus keven
hilario bud sal rosario orval mauro dannie zachariah olen anibal milo jed frances thanh dillon amado newton connie lenny
tory richie lupe horacio brice mohamed delmer dario reyes dee mac jonah jerrold robt hank sung rupert rolland kenton
damion chi antone waldo fredric bradly quinn kip burl walker tyree jefferey ahmed willy stanford oren noble moshe mikel
enoch brendon quintin jamison florencio darrick tobias minh hassan giuseppe demarcus cletus tyrell lyndon keenan werner
theo geraldo lou columbus chet bertram markus huey hilton dwain donte tyron omer isaias hipolito fermin chung adalberto
valentine jamey bo barrett whitney teodoro mckinley maximo garfield sol raleigh lawerence abram rashad king emmitt
daron chong samual paris otha miquel lacy eusebio dong domenic darron buster antonia wilber renato jc hoyt haywood
ezekiel chas florentino elroy clemente arden neville kelley edison deshawn carrol shayne nathanial jordon danilo claud
val sherwood raymon rayford cristobal ambrose titus hyman felton ezequiel erasmo stanton lonny len ike milan lino jarod
herb andreas walton rhett palmer jude douglass cordell oswaldo ellsworth virgilio toney nathanael del benedict mose
hong isreal garret fausto asa arlen zack warner modesto francesco manual jae gaylord gaston filiberto deangelo michale
granville wes malik zackary tuan nicky eldridge cristopher cortez antione malcom long korey jospeh colton waylon von
hosea shad santo rudolf rolf rey renaldo marcellus lucius lesley kristofer boyce benton man kasey jewell hayden harland
arnoldo rueben leandro kraig jerrell jeromy hobert cedrick arlie winford wally patricia luigi keneth jacinto graig
franklyn edmundo sid porter leif lauren jeramy elisha buck willian vincenzo shon michal lynwood lindsay jewel jere hai
elden dorsey darell broderick alonso liam noah oliver elijah mason logan lucas aiden jackson levi sebastian mateo owen
theodore grayson carter wyatt luke jayden dylan isaac lincoln jaxon asher hudson ezra colton hunter easton nolan landon
connor cooper jaxson brayden kayden axel jace greyson bentley declan ryder silas miles camden kai`;

/** Lowercase given names (US Census 1990 first-name files and SSA baby-name lists, from general knowledge). */
export const givenNames: ReadonlySet<string> = new Set(
  `${female} ${male}`.split(/\s+/).filter((n) => n.length > 1),
);
