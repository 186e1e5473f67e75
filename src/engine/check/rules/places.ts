/** Where an event happened: a place the story's sources that tell of the event (and its people) give otherwise (../places.ts). */
import { checkPlaces } from '../places';
import type { Rule } from './rule';

export const placesRule: Rule = {
  id: 'places',
  codes: ['contradiction'],
  description: "A city or country the draft puts an event in, where the story's sources that tell of the event (and of its people, when the draft names any) put it in another.",
  run: (ctx) => checkPlaces(ctx),
};
