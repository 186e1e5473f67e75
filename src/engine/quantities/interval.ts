/** Qualifier → interval rules, shared so other modules can rely on the factors. */
import type { Qualifier } from './types';

export interface Interval {
  low: number;
  high: number;
  lowOpen?: boolean;
  highOpen?: boolean;
}

/** The interval a qualified figure allows, for a nominal value v (v ≥ 0). */
export function applyQualifier(q: Qualifier, v: number): Interval {
  switch (q) {
    case 'about':
      return { low: 0.85 * v, high: 1.15 * v };
    case 'less':
      return { low: 0.6 * v, high: v, highOpen: true };
    case 'more':
      return { low: v, high: 1.4 * v, lowOpen: true };
    case 'atLeast':
      return { low: v, high: 1.5 * v };
    case 'atMost':
      return { low: 0.5 * v, high: v };
    case 'nearly':
      return { low: 0.85 * v, high: v, highOpen: true };
    case 'barely':
      return { low: 0.9 * v, high: v };
    case 'justOver':
      return { low: v, high: 1.15 * v, lowOpen: true };
    case 'justUnder':
      return { low: 0.9 * v, high: v, highOpen: true };
    default:
      return { low: v, high: v };
  }
}

/** Qualifier phrases (folded words), longest first within each entry list. */
export const QUALIFIER_PHRASES: [string[], Qualifier][] = [
  [['just', 'over'], 'justOver'],
  [['just', 'above'], 'justOver'],
  [['just', 'more', 'than'], 'justOver'],
  [['slightly', 'more', 'than'], 'justOver'],
  [['slightly', 'over'], 'justOver'],
  [['slightly', 'above'], 'justOver'],
  [['a', 'little', 'over'], 'justOver'],
  [['a', 'little', 'more', 'than'], 'justOver'],
  [['a', 'bit', 'more', 'than'], 'justOver'],
  [['just', 'under'], 'justUnder'],
  [['just', 'below'], 'justUnder'],
  [['just', 'less', 'than'], 'justUnder'],
  [['just', 'shy', 'of'], 'justUnder'],
  [['just', 'short', 'of'], 'justUnder'],
  [['slightly', 'less', 'than'], 'justUnder'],
  [['slightly', 'under'], 'justUnder'],
  [['slightly', 'below'], 'justUnder'],
  [['a', 'little', 'under'], 'justUnder'],
  [['a', 'little', 'less', 'than'], 'justUnder'],
  [['only', 'just'], 'barely'],
  [['barely'], 'barely'],
  [['hardly'], 'barely'],
  [['scarcely'], 'barely'],
  [['no', 'fewer', 'than'], 'atLeast'],
  [['no', 'less', 'than'], 'atLeast'],
  [['not', 'less', 'than'], 'atLeast'],
  [['a', 'minimum', 'of'], 'atLeast'],
  [['at', 'least'], 'atLeast'],
  [['no', 'more', 'than'], 'atMost'],
  [['not', 'more', 'than'], 'atMost'],
  [['a', 'maximum', 'of'], 'atMost'],
  [['at', 'most'], 'atMost'],
  [['up', 'to'], 'atMost'],
  [['as', 'many', 'as'], 'atMost'],
  [['as', 'much', 'as'], 'atMost'],
  [['less', 'than'], 'less'],
  [['fewer', 'than'], 'less'],
  [['shy', 'of'], 'less'],
  [['under'], 'less'],
  [['below'], 'less'],
  [['more', 'than'], 'more'],
  [['higher', 'than'], 'more'],
  [['lower', 'than'], 'less'],
  [['greater', 'than'], 'more'],
  [['upwards', 'of'], 'more'],
  [['upward', 'of'], 'more'],
  [['in', 'excess', 'of'], 'more'],
  [['over'], 'more'],
  [['above'], 'more'],
  [['exceeding'], 'more'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['close', 'to'], 'nearly'],
  [['approaching'], 'nearly'],
  [['an', 'estimated'], 'about'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['approx'], 'about'],
  [['some'], 'about'],
  [['circa'], 'about'],
  [['estimated'], 'about'],
  [['an', 'approximate'], 'about'],
  [['exactly'], 'exact'],
  [['precisely'], 'exact'],
];

export const QUALIFIER_TEXT: Record<Qualifier, string> = {
  exact: '',
  about: 'about',
  less: 'less than',
  more: 'more than',
  atLeast: 'at least',
  atMost: 'up to',
  nearly: 'nearly',
  barely: 'barely',
  justOver: 'just over',
  justUnder: 'just under',
  range: '',
  plural: '',
};
