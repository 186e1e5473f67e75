/** Figures in news text: parsing, intervals, comparison and formatting. Pure: no I/O. */
export type { DateValue, PartOfDay, Qualifier, Quantity, QuantityKind, RelativeRef } from './types';
export { parseQuantities, weekdayOf, epochDay } from './parse';
export { intervalsCompatible, comparable, formatQuantity, resolveRelativeDate } from './compare';
export { applyQualifier, type Interval } from './interval';
