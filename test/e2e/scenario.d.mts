// Types for scenario.mjs (used from the TypeScript suite in test/vscode/).
export declare const PEOPLE: string[];
export declare const FIGURE: RegExp;
export interface Spot { name: string; line: number; character: number }
export declare function nameSpots(text: string, only?: string): Spot[];
export declare function citationTarget(
  text: string,
  problems?: { line: number; character: number }[],
  line?: number,
): { line: number; character: number; sentence: string } | undefined;
export declare function figureContradiction<T extends { message: string }>(list: T[]): T | undefined;
export declare function plain(markdown: string): string;
export declare function roleFromCard(card: string): { role: string; outlets: string[]; error?: undefined } | { error: string };
export declare function judgeFigureFix(
  before: string,
  after: string,
  at: { line: number; character: number; message: string; title: string },
): { removed: string; inserted: string; before: string; after: string };
export declare function judgeCitation(
  before: string,
  after: string,
  target: { line: number; character: number },
): { marker: string; label: string; definition: string };
