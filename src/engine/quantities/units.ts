/**
 * Units of measure a figure may carry ("1.8m tall", "5 km", "200lbs", "30 inches of rain"). A figure
 * with a unit is a measure: it compares only with figures in the same unit. Each entry is a unit
 * symbol or name as news and reference texts write it; `glued` marks symbols that are units only
 * when written against the digits ("5m", "100t", "10g"), being words or other abbreviations apart.
 */
import { table } from '../text/table';

export interface Unit {
  /** Canonical symbol: "km", "kg", "mi" … */
  unit: string;
  /** Only a unit glued to the digits. */
  glued?: boolean;
}

const u = (unit: string, glued?: boolean): Unit => (glued ? { unit, glued } : { unit });

export const MEASURE_UNITS: Record<string, Unit> = table({
  // length
  mm: u('mm', true), millimetre: u('mm'), millimetres: u('mm'), millimeter: u('mm'), millimeters: u('mm'),
  cm: u('cm'), centimetre: u('cm'), centimetres: u('cm'), centimeter: u('cm'), centimeters: u('cm'),
  m: u('m', true), metre: u('m'), metres: u('m'), meter: u('m'), meters: u('m'),
  km: u('km'), kilometre: u('km'), kilometres: u('km'), kilometer: u('km'), kilometers: u('km'), kms: u('km'),
  dm: u('dm', true),
  in: u('in', true), inch: u('in'), inches: u('in'),
  ft: u('ft'), foot: u('ft'), feet: u('ft'),
  yd: u('yd'), yds: u('yd'), yard: u('yd'), yards: u('yd'),
  mi: u('mi', true), mile: u('mi'), miles: u('mi'),
  // mass
  mg: u('mg'), milligram: u('mg'), milligrams: u('mg'),
  g: u('g', true), gram: u('g'), grams: u('g'), gramme: u('g'), grammes: u('g'),
  kg: u('kg'), kgs: u('kg'), kilogram: u('kg'), kilograms: u('kg'), kilogramme: u('kg'), kilogrammes: u('kg'), kilo: u('kg'), kilos: u('kg'),
  t: u('t', true), tonne: u('t'), tonnes: u('t'), ton: u('ton'), tons: u('ton'),
  lb: u('lb'), lbs: u('lb'),
  oz: u('oz'), ounce: u('oz'), ounces: u('oz'),
  // volume
  ml: u('ml'), millilitre: u('ml'), millilitres: u('ml'), milliliter: u('ml'), milliliters: u('ml'),
  l: u('l', true), litre: u('l'), litres: u('l'), liter: u('l'), liters: u('l'),
  gal: u('gal'), gallon: u('gal'), gallons: u('gal'),
  cup: u('cup'), cups: u('cup'), teaspoon: u('tsp'), teaspoons: u('tsp'), tsp: u('tsp'), tablespoon: u('tbsp'), tablespoons: u('tbsp'), tbsp: u('tbsp'),
  // area
  ha: u('ha', true), hectare: u('ha'), hectares: u('ha'), acre: u('acre'), acres: u('acre'),
  km2: u('km2'), m2: u('m2'),
  // speed
  mph: u('mph'), kph: u('km/h'), kmph: u('km/h'), kmh: u('km/h'), knot: u('kn'), knots: u('kn'),
  // power and energy
  w: u('W', true), watt: u('W'), watts: u('W'), kw: u('kW'), kilowatt: u('kW'), kilowatts: u('kW'),
  mw: u('MW'), megawatt: u('MW'), megawatts: u('MW'), gw: u('GW'), gigawatt: u('GW'), gigawatts: u('GW'),
  kwh: u('kWh'), mwh: u('MWh'), gwh: u('GWh'), twh: u('TWh'),
  // angle
  rad: u('rad', true), radian: u('rad'), radians: u('rad'),
});

/** Area and volume prefixes: "square kilometres", "sq km", "cubic metres". */
export const UNIT_POWERS: Record<string, string> = table({ square: '2', sq: '2', cubic: '3', cu: '3' });

/** Lengths that a speed divides by an hour ("kilometres per hour", "km/h"). */
export const SPEED_BASES: Record<string, string> = table({ km: 'km/h', mi: 'mph', m: 'm/s' });
