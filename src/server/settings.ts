/**
 * The `sourcewise.*` settings: defaults, and validation that never throws.
 * Every value that cannot be used is replaced by its default and reported in a
 * warning that names the setting, so the writer knows what to fix.
 */
import type { CitationStyle } from '../engine/api';
import { DEFAULT_SEVERITY, type DiagnosticCode, type Severity } from '../engine/types';

export type BundledSeeds = 'auto' | 'always' | 'never';
export type CheckOn = 'type' | 'save' | 'command';
export type SeverityOrOff = Severity | 'off';

export interface Settings {
  sources: string[];
  bundledSeeds: BundledSeeds;
  citationStyle: CitationStyle;
  /** Only the codes the writer set; the rest fall back to the engine's defaults. */
  severity: Partial<Record<DiagnosticCode, SeverityOrOff>>;
  languages: string[];
  aliases: Record<string, string[]>;
  /** Drafts larger than this (bytes, UTF-8) are not checked. */
  maxFileSize: number;
  checkOn: CheckOn;
  debounceMs: number;
  /** Where a persistent index may be kept (from initializationOptions.storagePath). */
  storagePath?: string;
}

export const DEFAULT_SOURCES = ['sources/**/*.{md,txt,html}'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sources: DEFAULT_SOURCES,
  bundledSeeds: 'auto',
  citationStyle: 'footnote',
  severity: {},
  languages: ['markdown', 'plaintext'],
  aliases: {},
  maxFileSize: 1048576,
  checkOn: 'type',
  debounceMs: 400,
});

const CODES = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];
const SEVERITIES: SeverityOrOff[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(
  raw: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
  warnings: string[],
): T {
  const v = raw[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  warnings.push(`Setting "sourcewise.${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}; using "${fallback}".`);
  return fallback;
}

function stringArray(
  raw: Record<string, unknown>,
  key: string,
  fallback: string[],
  warnings: string[],
): string[] {
  const v = raw[key];
  if (v === undefined || v === null) return [...fallback];
  if (!Array.isArray(v)) {
    warnings.push(`Setting "sourcewise.${key}" must be an array of strings; using the default.`);
    return [...fallback];
  }
  const good = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  if (good.length !== v.length) {
    warnings.push(`Setting "sourcewise.${key}" has entries that are not non-empty strings; they are ignored.`);
  }
  return good;
}

function nonNegativeInt(
  raw: Record<string, unknown>,
  key: string,
  fallback: number,
  min: number,
  warnings: string[],
): number {
  const v = raw[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'number' && Number.isFinite(v) && v >= min) return Math.floor(v);
  warnings.push(`Setting "sourcewise.${key}" must be a number ≥ ${min}; using ${fallback}.`);
  return fallback;
}

/** Validates the raw `sourcewise` configuration section. */
export function parseSettings(input: unknown, storagePath?: string): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  const raw = isRecord(input) ? input : {};
  if (input !== undefined && input !== null && !isRecord(input)) {
    warnings.push('Setting "sourcewise" must be an object; using the defaults.');
  }

  const severity: Partial<Record<DiagnosticCode, SeverityOrOff>> = {};
  const sev = raw.severity;
  if (sev !== undefined && sev !== null) {
    if (!isRecord(sev)) {
      warnings.push('Setting "sourcewise.severity" must be an object mapping a code to a severity; ignored.');
    } else {
      for (const [code, value] of Object.entries(sev)) {
        if (!(CODES as string[]).includes(code)) {
          warnings.push(`Setting "sourcewise.severity.${code}": unknown code (known: ${CODES.join(', ')}); ignored.`);
        } else if (typeof value !== 'string' || !(SEVERITIES as string[]).includes(value)) {
          warnings.push(
            `Setting "sourcewise.severity.${code}" must be one of ${SEVERITIES.join(', ')}; using "${DEFAULT_SEVERITY[code as DiagnosticCode]}".`,
          );
        } else {
          severity[code as DiagnosticCode] = value as SeverityOrOff;
        }
      }
    }
  }

  const aliases: Record<string, string[]> = {};
  const al = raw.aliases;
  if (al !== undefined && al !== null) {
    if (!isRecord(al)) {
      warnings.push('Setting "sourcewise.aliases" must be an object mapping a canonical name to an array of variants; ignored.');
    } else {
      for (const [name, variants] of Object.entries(al)) {
        if (Array.isArray(variants) && variants.every((x) => typeof x === 'string')) {
          aliases[name] = variants as string[];
        } else if (typeof variants === 'string') {
          aliases[name] = [variants];
        } else {
          warnings.push(`Setting "sourcewise.aliases.${name}" must be an array of strings; ignored.`);
        }
      }
    }
  }

  let sources = stringArray(raw, 'sources', DEFAULT_SOURCES, warnings);
  if (raw.sources !== undefined && sources.length === 0 && Array.isArray(raw.sources) && raw.sources.length > 0) {
    sources = [...DEFAULT_SOURCES];
  }

  const settings: Settings = {
    sources,
    bundledSeeds: oneOf(raw, 'bundledSeeds', ['auto', 'always', 'never'] as const, 'auto', warnings),
    citationStyle: oneOf(raw, 'citationStyle', ['footnote', 'pandoc', 'link'] as const, 'footnote', warnings),
    severity,
    languages: stringArray(raw, 'languages', DEFAULT_SETTINGS.languages, warnings),
    aliases,
    maxFileSize: nonNegativeInt(raw, 'maxFileSize', DEFAULT_SETTINGS.maxFileSize, 1, warnings),
    checkOn: oneOf(raw, 'checkOn', ['type', 'save', 'command'] as const, 'type', warnings),
    debounceMs: nonNegativeInt(raw, 'debounceMs', DEFAULT_SETTINGS.debounceMs, 0, warnings),
  };
  if (storagePath) settings.storagePath = storagePath;
  return { settings, warnings };
}

/** All the warnings of one settings read as one message (each names its setting). */
export function settingsWarning(warnings: string[]): string {
  if (warnings.length === 1) return warnings[0]!;
  return `${warnings.length} settings are invalid and use their defaults: ${warnings.join(' ')}`;
}

/** The severity a diagnostic code gets under these settings. */
export function severityFor(settings: Settings, code: DiagnosticCode, engineSeverity?: Severity): SeverityOrOff {
  return settings.severity[code] ?? engineSeverity ?? DEFAULT_SEVERITY[code] ?? 'warning';
}

/**
 * Plain-text drafts go by two language ids: VS Code says `plaintext`, Neovim and Emacs say `text`.
 * Either one counts wherever the other is listed in `sourcewise.languages`.
 */
const SAME_LANGUAGE: Record<string, string> = { text: 'plaintext', plaintext: 'text' };

/** Whether drafts of this language id are checked under these settings. */
export function checksLanguage(settings: Pick<Settings, 'languages'>, languageId: string): boolean {
  if (settings.languages.includes(languageId)) return true;
  const same = SAME_LANGUAGE[languageId];
  return same !== undefined && settings.languages.includes(same);
}

/** How the engine reads a draft of this language id: Markdown, or plain text for `plaintext` and `text`. */
export function draftFormat(languageId: string): 'markdown' | 'plaintext' {
  return languageId === 'plaintext' || languageId === 'text' ? 'plaintext' : 'markdown';
}
