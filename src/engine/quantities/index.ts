/** Figures in news text: parsing, intervals, comparison and formatting. Pure: no I/O. */
export type { DateValue, PartOfDay, Qualifier, Quantity, QuantityKind, RelativeRef } from './types';
export { parseQuantities } from './parse';
export { weekdayOf, epochDay } from './calendar';
export { intervalsCompatible, comparable, formatQuantity, needsReference, resolveRelativeDate } from './compare';
export { applyQualifier, type Interval } from './interval';
