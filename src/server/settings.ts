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
  /** Drafts larger than this (bytes, UTF-8) are not checked. The setting takes "1 MB", "500 KB" or a number of bytes. */
  maxFileSize: number;
  checkOn: CheckOn;
  /** Milliseconds after typing before a draft is checked again (`sourcewise.recheckDelay`, formerly `debounceMs`). */
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

const UNITS: Record<string, number> = { b: 1, byte: 1, bytes: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** "1 MB", "500 KB", "2.5mb", "1048576" or a number of bytes, as bytes; undefined when it is none of these. */
export function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 1 ? Math.floor(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase() || 'b';
  const scale = UNITS[unit];
  const bytes = scale ? Math.floor(Number(m[1]) * scale) : NaN;
  return Number.isFinite(bytes) && bytes >= 1 ? bytes : undefined;
}

/** A size as a writer reads it: "1 MB", "512 KB", "1.5 MB", "900 bytes". */
export function formatSize(bytes: number): string {
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));
  if (bytes >= 1024 ** 3) return `${fmt(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${fmt(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
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
    maxFileSize: sizeSetting(raw, warnings),
    checkOn: oneOf(raw, 'checkOn', ['type', 'save', 'command'] as const, 'type', warnings),
    // `recheckDelay` is the plain name. The former `debounceMs` (which has no default, so it is only there
    // when set) still counts when `recheckDelay` is unset or at its default.
    debounceMs:
      raw.debounceMs !== undefined && raw.debounceMs !== null && (raw.recheckDelay === undefined || raw.recheckDelay === null || raw.recheckDelay === DEFAULT_SETTINGS.debounceMs)
        ? nonNegativeInt(raw, 'debounceMs', DEFAULT_SETTINGS.debounceMs, 0, warnings)
        : nonNegativeInt(raw, 'recheckDelay', DEFAULT_SETTINGS.debounceMs, 0, warnings),
  };
  if (storagePath) settings.storagePath = storagePath;
  return { settings, warnings };
}

function sizeSetting(raw: Record<string, unknown>, warnings: string[]): number {
  const v = raw.maxFileSize;
  if (v === undefined || v === null) return DEFAULT_SETTINGS.maxFileSize;
  const bytes = parseSize(v);
  if (bytes !== undefined) return bytes;
  warnings.push(`Setting "sourcewise.maxFileSize" must be a size such as "1 MB" or "500 KB"; using ${formatSize(DEFAULT_SETTINGS.maxFileSize)}.`);
  return DEFAULT_SETTINGS.maxFileSize;
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
