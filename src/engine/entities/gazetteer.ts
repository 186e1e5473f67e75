/**
 * General-knowledge lexicons used to classify and canonicalise names: countries
 * (with spelling variants, demonyms and capitals), major world cities, regions,
 * organisation metonyms, common first names and office-title words.
 * Keys are folded (diacritics removed) and lower-case.
 */
import { foldForMatch } from '../text';
import { memoize } from '../text/memo';
import { table } from '../text/table';

interface CountryRow {
  /** Canonical English name. */
  name: string;
  /** Other spellings / short forms (folded comparison). */
  variants?: string[];
  demonyms: string[];
  capital?: string;
}

const COUNTRIES: CountryRow[] = [
  { name: 'Afghanistan', demonyms: ['Afghan'], capital: 'Kabul' },
  { name: 'Albania', demonyms: ['Albanian'], capital: 'Tirana' },
  { name: 'Algeria', demonyms: ['Algerian'], capital: 'Algiers' },
  { name: 'Argentina', demonyms: ['Argentine', 'Argentinian'], capital: 'Buenos Aires' },
  { name: 'Armenia', demonyms: ['Armenian'], capital: 'Yerevan' },
  { name: 'Australia', demonyms: ['Australian'], capital: 'Canberra' },
  { name: 'Austria', demonyms: ['Austrian'], capital: 'Vienna' },
  { name: 'Azerbaijan', demonyms: ['Azerbaijani', 'Azeri'], capital: 'Baku' },
  { name: 'Bangladesh', demonyms: ['Bangladeshi'], capital: 'Dhaka' },
  { name: 'Belarus', variants: ['Byelorussia'], demonyms: ['Belarusian', 'Belarussian'], capital: 'Minsk' },
  { name: 'Belgium', demonyms: ['Belgian'], capital: 'Brussels' },
  { name: 'Bolivia', demonyms: ['Bolivian'], capital: 'La Paz' },
  { name: 'Bosnia and Herzegovina', variants: ['Bosnia'], demonyms: ['Bosnian'], capital: 'Sarajevo' },
  { name: 'Brazil', variants: ['Brasil'], demonyms: ['Brazilian'], capital: 'Brasilia' },
  { name: 'Bulgaria', demonyms: ['Bulgarian'], capital: 'Sofia' },
  { name: 'Cambodia', demonyms: ['Cambodian'], capital: 'Phnom Penh' },
  { name: 'Canada', demonyms: ['Canadian'], capital: 'Ottawa' },
  { name: 'Chile', demonyms: ['Chilean'], capital: 'Santiago' },
  { name: 'China', variants: ["People's Republic of China", 'PRC'], demonyms: ['Chinese'], capital: 'Beijing' },
  { name: 'Colombia', demonyms: ['Colombian'], capital: 'Bogota' },
  { name: 'Croatia', demonyms: ['Croatian', 'Croat'], capital: 'Zagreb' },
  { name: 'Cuba', demonyms: ['Cuban'], capital: 'Havana' },
  { name: 'Cyprus', demonyms: ['Cypriot'], capital: 'Nicosia' },
  { name: 'Czech Republic', variants: ['Czechia'], demonyms: ['Czech'], capital: 'Prague' },
  { name: 'Denmark', demonyms: ['Danish', 'Dane'], capital: 'Copenhagen' },
  { name: 'Egypt', demonyms: ['Egyptian'], capital: 'Cairo' },
  { name: 'Estonia', demonyms: ['Estonian'], capital: 'Tallinn' },
  { name: 'Ethiopia', demonyms: ['Ethiopian'], capital: 'Addis Ababa' },
  { name: 'Finland', demonyms: ['Finnish', 'Finn'], capital: 'Helsinki' },
  { name: 'France', demonyms: ['French'], capital: 'Paris' },
  { name: 'Georgia', demonyms: ['Georgian'], capital: 'Tbilisi' },
  { name: 'Germany', demonyms: ['German'], capital: 'Berlin' },
  { name: 'Ghana', demonyms: ['Ghanaian'], capital: 'Accra' },
  { name: 'Greece', demonyms: ['Greek'], capital: 'Athens' },
  { name: 'Hungary', demonyms: ['Hungarian'], capital: 'Budapest' },
  { name: 'Iceland', demonyms: ['Icelandic'], capital: 'Reykjavik' },
  { name: 'India', demonyms: ['Indian'], capital: 'New Delhi' },
  { name: 'Indonesia', demonyms: ['Indonesian'], capital: 'Jakarta' },
  { name: 'Iran', demonyms: ['Iranian'], capital: 'Tehran' },
  { name: 'Iraq', demonyms: ['Iraqi'], capital: 'Baghdad' },
  { name: 'Ireland', demonyms: ['Irish'], capital: 'Dublin' },
  { name: 'Israel', demonyms: ['Israeli'], capital: 'Jerusalem' },
  { name: 'Italy', demonyms: ['Italian'], capital: 'Rome' },
  { name: 'Japan', demonyms: ['Japanese'], capital: 'Tokyo' },
  { name: 'Jordan', demonyms: ['Jordanian'], capital: 'Amman' },
  { name: 'Kazakhstan', demonyms: ['Kazakh', 'Kazakhstani'], capital: 'Astana' },
  { name: 'Kenya', demonyms: ['Kenyan'], capital: 'Nairobi' },
  { name: 'Kuwait', demonyms: ['Kuwaiti'], capital: 'Kuwait City' },
  { name: 'Latvia', demonyms: ['Latvian'], capital: 'Riga' },
  { name: 'Lebanon', demonyms: ['Lebanese'], capital: 'Beirut' },
  { name: 'Libya', demonyms: ['Libyan'], capital: 'Tripoli' },
  { name: 'Lithuania', demonyms: ['Lithuanian'], capital: 'Vilnius' },
  { name: 'Malaysia', demonyms: ['Malaysian'], capital: 'Kuala Lumpur' },
  { name: 'Mexico', demonyms: ['Mexican'], capital: 'Mexico City' },
  { name: 'Moldova', demonyms: ['Moldovan'], capital: 'Chisinau' },
  { name: 'Morocco', demonyms: ['Moroccan'], capital: 'Rabat' },
  { name: 'Myanmar', variants: ['Burma'], demonyms: ['Burmese'], capital: 'Naypyidaw' },
  { name: 'Netherlands', variants: ['Holland', 'The Netherlands'], demonyms: ['Dutch'], capital: 'Amsterdam' },
  { name: 'New Zealand', demonyms: ['New Zealander'], capital: 'Wellington' },
  { name: 'Nigeria', demonyms: ['Nigerian'], capital: 'Abuja' },
  { name: 'North Korea', variants: ['DPRK'], demonyms: ['North Korean'], capital: 'Pyongyang' },
  { name: 'Norway', demonyms: ['Norwegian'], capital: 'Oslo' },
  { name: 'Pakistan', demonyms: ['Pakistani'], capital: 'Islamabad' },
  { name: 'Palestine', demonyms: ['Palestinian'], capital: 'Ramallah' },
  { name: 'Peru', demonyms: ['Peruvian'], capital: 'Lima' },
  { name: 'Philippines', demonyms: ['Filipino', 'Philippine'], capital: 'Manila' },
  { name: 'Poland', demonyms: ['Polish', 'Pole'], capital: 'Warsaw' },
  { name: 'Portugal', demonyms: ['Portuguese'], capital: 'Lisbon' },
  { name: 'Qatar', demonyms: ['Qatari'], capital: 'Doha' },
  { name: 'Romania', demonyms: ['Romanian'], capital: 'Bucharest' },
  { name: 'Russia', variants: ['Russian Federation'], demonyms: ['Russian'], capital: 'Moscow' },
  { name: 'Saudi Arabia', demonyms: ['Saudi'], capital: 'Riyadh' },
  { name: 'Serbia', demonyms: ['Serbian', 'Serb'], capital: 'Belgrade' },
  { name: 'Singapore', demonyms: ['Singaporean'], capital: 'Singapore' },
  { name: 'Slovakia', demonyms: ['Slovak'], capital: 'Bratislava' },
  { name: 'Slovenia', demonyms: ['Slovenian', 'Slovene'], capital: 'Ljubljana' },
  { name: 'South Africa', demonyms: ['South African'], capital: 'Pretoria' },
  { name: 'South Korea', variants: ['Korea', 'Republic of Korea'], demonyms: ['South Korean', 'Korean'], capital: 'Seoul' },
  { name: 'Spain', demonyms: ['Spanish', 'Spaniard'], capital: 'Madrid' },
  { name: 'Sudan', demonyms: ['Sudanese'], capital: 'Khartoum' },
  { name: 'Sweden', demonyms: ['Swedish', 'Swede'], capital: 'Stockholm' },
  { name: 'Switzerland', demonyms: ['Swiss'], capital: 'Bern' },
  { name: 'Syria', demonyms: ['Syrian'], capital: 'Damascus' },
  { name: 'Taiwan', demonyms: ['Taiwanese'], capital: 'Taipei' },
  { name: 'Thailand', demonyms: ['Thai'], capital: 'Bangkok' },
  { name: 'Tunisia', demonyms: ['Tunisian'], capital: 'Tunis' },
  { name: 'Turkey', variants: ['Türkiye', 'Turkiye'], demonyms: ['Turkish', 'Turk'], capital: 'Ankara' },
  { name: 'Ukraine', variants: ['the Ukraine'], demonyms: ['Ukrainian'], capital: 'Kyiv' },
  { name: 'United Arab Emirates', variants: ['UAE', 'U.A.E.', 'Emirates'], demonyms: ['Emirati'], capital: 'Abu Dhabi' },
  {
    name: 'United Kingdom',
    variants: ['UK', 'U.K.', 'Britain', 'Great Britain'],
    demonyms: ['British', 'Briton'],
    capital: 'London',
  },
  {
    name: 'United States',
    variants: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'],
    demonyms: ['American'],
    capital: 'Washington',
  },
  { name: 'Uzbekistan', demonyms: ['Uzbek'], capital: 'Tashkent' },
  { name: 'Venezuela', demonyms: ['Venezuelan'], capital: 'Caracas' },
  { name: 'Vietnam', variants: ['Viet Nam'], demonyms: ['Vietnamese'], capital: 'Hanoi' },
  { name: 'Yemen', demonyms: ['Yemeni'], capital: 'Sanaa' },
];

/**
 * Cities that are not capitals listed above (canonical → variants), plus capital spelling
 * variants: the largest cities of the countries above that international news names, and
 * cities whose English spelling varies (Kyiv/Kiev, Odesa/Odessa). No city is here for one
 * story's sake (a mid-sized city named in one article is a name like any other).
 */
const CITIES: { name: string; variants?: string[]; country?: string }[] = [
  { name: 'Kyiv', variants: ['Kiev'], country: 'Ukraine' },
  { name: 'Kharkiv', variants: ['Kharkov'], country: 'Ukraine' },
  { name: 'Odesa', variants: ['Odessa'], country: 'Ukraine' },
  { name: 'Lviv', variants: ['Lvov'], country: 'Ukraine' },
  { name: 'Dnipro', country: 'Ukraine' },
  { name: 'Zaporizhzhia', variants: ['Zaporizhzhya', 'Zaporozhye'], country: 'Ukraine' },
  { name: 'Donetsk', country: 'Ukraine' },
  { name: 'Luhansk', variants: ['Lugansk'], country: 'Ukraine' },
  { name: 'Kherson', country: 'Ukraine' },
  { name: 'Mariupol', country: 'Ukraine' },
  { name: 'Crimea', country: 'Ukraine' },
  { name: 'Istanbul', country: 'Turkey' },
  { name: 'Izmir', country: 'Turkey' },
  { name: 'Antalya', country: 'Turkey' },
  { name: 'St Petersburg', variants: ['St. Petersburg', 'Saint Petersburg'], country: 'Russia' },
  { name: 'New York', variants: ['New York City'], country: 'United States' },
  { name: 'Los Angeles', country: 'United States' },
  { name: 'Chicago', country: 'United States' },
  { name: 'San Francisco', country: 'United States' },
  { name: 'Miami', country: 'United States' },
  { name: 'Boston', country: 'United States' },
  { name: 'Manchester', country: 'United Kingdom' },
  { name: 'Birmingham', country: 'United Kingdom' },
  { name: 'Edinburgh', country: 'United Kingdom' },
  { name: 'Glasgow', country: 'United Kingdom' },
  { name: 'Munich', variants: ['München'], country: 'Germany' },
  { name: 'Hamburg', country: 'Germany' },
  { name: 'Frankfurt', country: 'Germany' },
  { name: 'Geneva', country: 'Switzerland' },
  { name: 'Zurich', country: 'Switzerland' },
  { name: 'Milan', country: 'Italy' },
  { name: 'Barcelona', country: 'Spain' },
  { name: 'Marseille', country: 'France' },
  { name: 'Sydney', country: 'Australia' },
  { name: 'Melbourne', country: 'Australia' },
  { name: 'Toronto', country: 'Canada' },
  { name: 'Montreal', country: 'Canada' },
  { name: 'Shanghai', country: 'China' },
  { name: 'Hong Kong', country: 'China' },
  { name: 'Mumbai', variants: ['Bombay'], country: 'India' },
  { name: 'Dubai', country: 'United Arab Emirates' },
  { name: 'Jeddah', country: 'Saudi Arabia' },
  { name: 'Tel Aviv', country: 'Israel' },
  { name: 'Gaza', country: 'Palestine' },
  { name: 'Beijing', variants: ['Peking'] },
  { name: 'Ankara', variants: ['Angora'] },
];

const REGIONS = [
  'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Middle East', 'West Asia',
  'Central Asia', 'East Asia', 'Southeast Asia', 'Oceania', 'Antarctica', 'Arctic', 'Balkans', 'Caucasus',
  'Scandinavia', 'Bosphorus', 'Black Sea', 'Mediterranean', 'Baltic', 'Caribbean', 'Siberia', 'Donbas',
  'Western world', 'West', 'Sahel', 'Gulf',
];

/** Demonyms of regions / blocs (not countries). */
const REGION_DEMONYMS: Record<string, string> = table({
  european: 'Europe', asian: 'Asia', african: 'Africa', western: 'West', arab: 'Middle East', soviet: 'Soviet Union',
  baltic: 'Baltic', scandinavian: 'Scandinavia', nordic: 'Scandinavia', latin: 'Latin America',
});

/** Organisation metonyms for a country's government. */
const METONYMS: Record<string, string> = table({
  kremlin: 'Russia', 'white house': 'United States', pentagon: 'United States', 'downing street': 'United Kingdom',
  whitehall: 'United Kingdom', elysee: 'France', 'elysee palace': 'France', 'quai d orsay': 'France',
  bundestag: 'Germany', knesset: 'Israel', 'verkhovna rada': 'Ukraine', 'state department': 'United States',
  'foggy bottom': 'United States', 'capitol hill': 'United States', zhongnanhai: 'China',
});

function k(s: string): string {
  // ASCII words single-spaced: only lower-casing changes them.
  if (PLAIN_WORDS.test(s)) return s.toLowerCase();
  return s.length <= 64 ? shortKey(s) : key(s);
}

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

const shortKey = memoize(key, 8192);

function key(s: string): string {
  return foldForMatch(s).replace(/[.]/g, '').replace(/['’]/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface PlaceInfo {
  /** Canonical name ("Turkey", "Kyiv"). */
  name: string;
  type: 'country' | 'city' | 'region';
  /** Country of a city / the country itself. */
  country?: string;
}

const PLACES = new Map<string, PlaceInfo>();
const DEMONYMS = new Map<string, string>();
for (const c of COUNTRIES) {
  const info: PlaceInfo = { name: c.name, type: 'country', country: c.name };
  PLACES.set(k(c.name), info);
  for (const v of c.variants ?? []) PLACES.set(k(v), info);
  for (const d of c.demonyms) {
    DEMONYMS.set(k(d), c.name);
    DEMONYMS.set(k(d) + 's', c.name);
  }
}
for (const c of COUNTRIES) {
  if (!c.capital) continue;
  const key = k(c.capital);
  if (!PLACES.has(key)) PLACES.set(key, { name: c.capital, type: 'city', country: c.name });
}
for (const c of CITIES) {
  const existing = PLACES.get(k(c.name));
  const info: PlaceInfo = { name: c.name, type: 'city', country: c.country ?? existing?.country };
  PLACES.set(k(c.name), info);
  for (const v of c.variants ?? []) PLACES.set(k(v), info);
}
for (const r of REGIONS) PLACES.set(k(r), { name: r, type: 'region' });
// The British demonym plural and irregular ones.
DEMONYMS.set('britons', 'United Kingdom');
DEMONYMS.set('brits', 'United Kingdom');
DEMONYMS.set('french', 'France');
DEMONYMS.set('dutch', 'Netherlands');

/** Canonical place name → every spelling and demonym the gazetteer knows for it. */
const SPELLINGS = new Map<string, Set<string>>();
const spell = (name: string, word: string) => {
  let set = SPELLINGS.get(name);
  if (!set) SPELLINGS.set(name, (set = new Set([name])));
  set.add(word);
};
for (const c of COUNTRIES) for (const w of [...(c.variants ?? []), ...c.demonyms]) spell(c.name, w);
for (const c of CITIES) for (const w of c.variants ?? []) spell(c.name, w);

/**
 * Every way the sources may write the place a name refers to ("Turkey" →
 * Turkey, Türkiye, Turkiye, Turkish, Turk); the name alone when it is no known place.
 */
export function placeSpellings(name: string): string[] {
  const p = lookupPlace(name);
  const d = p ? undefined : demonymCountry(name);
  const canonical = p?.name ?? d;
  if (!canonical) return [name];
  return [...(SPELLINGS.get(canonical) ?? [canonical])];
}

/** The lookup key used by the gazetteer (folded, lower-case, no dots, apostrophes as spaces). */
export const gazetteerKey = k;

/** A place by any of its spellings ("Türkiye", "Kiev", "U.S."). */
export function lookupPlace(name: string): PlaceInfo | undefined {
  return PLACES.get(k(name));
}

/** The country a demonym refers to ("Turkish" → "Turkey", "Americans" → "United States"). */
export function demonymCountry(word: string): string | undefined {
  return DEMONYMS.get(k(word));
}

/** Regional adjectives ("European", "Western") → region name. */
export function regionDemonym(word: string): string | undefined {
  return REGION_DEMONYMS[k(word)];
}

/** Country a government metonym stands for ("Kremlin" → "Russia"). */
export function metonymCountry(name: string): string | undefined {
  return METONYMS[k(name)];
}

/**
 * The country a modifier refers to: a demonym ("Turkish"), a country name or
 * variant ("Türkiye", "U.S."), a capital ("Kyiv", "Moscow") or a metonym ("Kremlin").
 */
export function countryOf(word: string): string | undefined {
  const w = word.replace(/['’]s$/i, '').replace(/['’]$/, '');
  const d = demonymCountry(w);
  if (d) return d;
  const p = lookupPlace(w);
  if (p?.country) return p.country;
  return metonymCountry(w);
}

/** Common given names (international, as transliterated in English-language news). */
export const FIRST_NAMES = new Set(
  (
    'aaron abdul abdullah adam adrian ahmad ahmed aisha akira alan albert alejandro aleksandr aleksei alex ' +
    'alexander alexandr alexandra alexei alexey ali alice alina amanda amir amy ana anatoly andre andrea andreas ' +
    'andrei andrew andrey andrii andriy andrzej angela angelina ann anna anne annalena anthony antonio antony ' +
    'arkady arsen arseniy artem arthur asif bashar ben benjamin bernard bill bob boris brian bruce carl carlos ' +
    'catherine charles charlotte chris christian christina christine christopher claire claudia constantin dan ' +
    'daniel david denis dennis denys dmitri dmitriy dmitro dmitry dmytro donald edward elena elizabeth emily ' +
    'emmanuel emma eric erik evgeny fatima felix fernando francis francois frank friedrich fyodor gabriel gary ' +
    'george georgy gennady gerhard giorgia giuseppe gordon grigory hakan hans harry hassan heinrich helen helmut ' +
    'henry hillary hussein ian igor ihor ilya irina isaac ivan jack jacob james jan jane janet jason javier jean ' +
    'jeff jennifer jens jerome jessica jim joe johann john jonathan jorge jose joseph josh juan julia julian ' +
    'justin kamala karen karl kate katherine keir keith kevin khalid kim kirill klaus konstantin kurt larry laura ' +
    'leonid liam lisa liz louis luis luke lyudmila magdalena marco maria marie marina mario mark markus martin ' +
    'mary matteo matthew maria maxim maxime mehmet melania michael michel miguel mikhail mohamed mohammad mohammed ' +
    'muhammad nancy natalia nicholas nick nicola nicolas nikita nikolai nikolay oksana oleg oleksandr oleksii ' +
    'oleksiy olaf olena olga oliver olivier omar pablo patrick paul pedro peter petro petr philip philippe pierre ' +
    'rachel rafael recep richard rishi robert roman ruslan rustem ryan sam samuel sandra sarah scott sebastian ' +
    'serge sergei sergey sergiy serhii serhiy shinzo simon sophie stefan stephen steve steven susan svetlana ' +
    'tatiana tatyana theresa thomas tim timothy tom tony ursula valentina valery valeriy vasily victor viktor ' +
    'viktoria vitali vitaliy vitaly vladimir vladislav volodymyr walter william xavier yevgeny yulia yuri yuriy ' +
    'yury zbigniew'
  ).split(/\s+/),
);

/** Lower-case connectors inside personal names ("Ursula von der Leyen", "bin Salman"). */
export const NAME_CONNECTORS = new Set([
  'von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'bin', 'ibn',
  'bint', 'al', 'el', 'ter', 'ten', 'zu', 'st',
]);
