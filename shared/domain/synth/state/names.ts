// Domain (synth/state): given and family name pools of diverse origins for synthetic patients.
// Drawn from common US names (SSA baby-name lists 1940–2020 and the Census 2010 surname list); combining
// them at random yields people who do not exist. Pools are keyed by origin so names follow ethnicity loosely.

/** Splits a whitespace-separated list (kept as text so the pools stay compact and readable). */
const list = (text: string): readonly string[] => text.trim().split(/\s+/);

export type NameOrigin =
  'general' | 'hispanic' | 'east-asian' | 'south-asian' | 'african-american' | 'arabic';

export const givenNames: Record<
  NameOrigin,
  { female: readonly string[]; male: readonly string[] }
> = {
  general: {
    female: list(`
      Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
      Sandra Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah
      Stephanie Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela
      Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine
      Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn
      Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann
      Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle
      Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie Ava
      Mia Harper Chloe Zoe Lily Nora Riley Aubrey Claire Siobhan Ingrid Greta Agnieszka
      Katarzyna Svetlana Olga Giulia Francesca
    `),
    male: list(`
      James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel
      Matthew Anthony Mark Donald Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy
      Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
      Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry
      Tyler Aaron Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan Carl
      Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy
      Jordan Albert Dylan Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy
      Vincent Russell Louis Philip Bobby Johnny Bradley Liam Oliver Elijah Lucas Mason Owen
      Caleb Declan Connor Piotr Dmitri Sergei Giuseppe Marco Lars Sven Hans
    `),
  },
  hispanic: {
    female: list(`
      María Guadalupe Rosa Ana Carmen Sofía Valentina Camila Lucía Gabriela Isabel Elena
      Alejandra Daniela Mariana Ximena Yesenia Marisol Leticia Veronica Adriana Paola Beatriz
      Esperanza Luz Juana Araceli Natalia
    `),
    male: list(`
      José Juan Luis Carlos Jorge Miguel Jesús Francisco Antonio Alejandro Manuel Ricardo
      Fernando Javier Pedro Roberto Diego Mateo Santiago Eduardo Raúl Héctor Andrés Emilio
      Arturo Rafael Sergio Óscar
    `),
  },
  'east-asian': {
    female: list(`
      Mei Li Xiu Yan Hui Jing Ying Min-ji Ji-woo Seo-yeon Yuki Haruka Sakura Linh Thao Ngoc Mai
      Lan Hoa Maricel
    `),
    male: list(`
      Wei Jun Hao Lei Ming Jian Tao Min-jun Seo-jun Ji-ho Hiroshi Kenji Takumi Minh Duc Huy Tuan
      Quang Jomari Rommel
    `),
  },
  'south-asian': {
    female: list(`
      Priya Ananya Aisha Kavya Divya Sneha Pooja Neha Lakshmi Fatima Sana Meera Anjali Nisha
    `),
    male: list(`
      Arjun Rahul Vikram Sanjay Amit Rohan Aditya Imran Ravi Suresh Anil Harpreet Karan Farhan
    `),
  },
  'african-american': {
    female: list(`
      Keisha Latoya Tamika Aaliyah Imani Ebony Shanice Jasmine Destiny Ayanna Nia Tiana Kiara
      Monique
    `),
    male: list(`
      DeShawn Tyrone Jamal Malik Darnell Andre Terrell Marcus Jalen Darius Xavier Isaiah
      Demetrius Kwame
    `),
  },
  arabic: {
    female: ['Layla', 'Yasmin', 'Amira', 'Noor', 'Huda', 'Rania', 'Mariam', 'Salma'],
    male: ['Mohammed', 'Ahmed', 'Omar', 'Ali', 'Hassan', 'Youssef', 'Khalid', 'Tariq'],
  },
};

export const familyNames: Record<NameOrigin, readonly string[]> = {
  general: list(`
    Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
    Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott
    Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker
    Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey
    Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders
    Myers Long Ross Foster Olson O'Brien McCarthy Sullivan Kowalski Nowak Novak Schmidt
    Mueller Becker Russo Romano Ricci Esposito Larsen Hansen Jensen Petrov Ivanov Kaplan
    Goldberg Cohen Levy Friedman Dubois Moreau Papadopoulos Yilmaz Kovacs Horvath Lindqvist
  `),
  hispanic: list(`
    Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores
    Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza
    Castillo Jimenez Moreno Romero Herrera Medina Aguilar Vargas Castro Guzman Fernandez Muñoz
    Salazar Delgado Peña Ibáñez
  `),
  'east-asian': list(`
    Nguyen Kim Lee Chen Wang Li Zhang Liu Tran Le Pham Huang Wu Yang Park Choi Lin Zhou Chang
    Wong Tanaka Sato Suzuki Yamamoto Santos Reyes Cruz Bautista Hoang Vu
  `),
  'south-asian': list(`
    Patel Singh Shah Kumar Khan Sharma Gupta Reddy Desai Mehta Iyer Chowdhury Rahman Ahmed
    Joshi Nair Rao Malik
  `),
  'african-american': list(`
    Washington Jefferson Banks Jackson Mosley Booker Gaines Dorsey Freeman Joseph Pierre
    Okafor Mensah Okonkwo Diallo Haile Tesfaye Abdi
  `),
  arabic: [
    'Haddad',
    'Khoury',
    'Nasser',
    'Saleh',
    'Hamdan',
    'Farah',
    'Aziz',
    'Mansour',
    'Darwish',
    'Hussein',
  ],
};

export const streetNames: readonly string[] = list(`
  Oak Maple Cedar Pine Elm Walnut Birch Willow Chestnut Spruce Lake Hill River Park Meadow
  Forest Sunset Highland Ridge Valley Washington Lincoln Jefferson Franklin Madison Adams
  Jackson Monroe Grant Church Mill Spring Center Main Market Union Prospect Liberty Harbor
  Orchard
`);

export const streetSuffixes: readonly string[] = list(`
  Street Avenue Road Lane Drive Court Place Boulevard Way Terrace
`);
