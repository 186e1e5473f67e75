/** Settings a writer types: sizes in human units, the plainly named re-check delay, both plain-text language ids. */
import { describe, expect, it } from 'vitest';
import { checksLanguage, draftFormat, formatSize, parseSettings, parseSize } from '../../src/server/settings';

describe('sizes', () => {
  it('reads "1 MB", "500 KB", "2.5mb" and plain bytes', () => {
    expect(parseSize('1 MB')).toBe(1024 * 1024);
    expect(parseSize('500 KB')).toBe(500 * 1024);
    expect(parseSize('2.5mb')).toBe(Math.floor(2.5 * 1024 * 1024));
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize(4096)).toBe(4096);
    for (const bad of ['big', '', '-1 MB', '1 parsec', 0, Number.NaN]) expect(parseSize(bad), String(bad)).toBeUndefined();
  });

  it('writes them back the way a writer reads them', () => {
    expect(formatSize(1024 * 1024)).toBe('1 MB');
    expect(formatSize(1536 * 1024)).toBe('1.5 MB');
    expect(formatSize(500 * 1024)).toBe('500 KB');
    expect(formatSize(900)).toBe('900 bytes');
  });

  it('maxFileSize takes a size or a number, and warns on anything else', () => {
    expect(parseSettings({ maxFileSize: '2 MB' }).settings.maxFileSize).toBe(2 * 1024 * 1024);
    expect(parseSettings({ maxFileSize: 1000 }).settings.maxFileSize).toBe(1000);
    const bad = parseSettings({ maxFileSize: 'huge' });
    expect(bad.settings.maxFileSize).toBe(1024 * 1024);
    expect(bad.warnings.join(' ')).toMatch(/maxFileSize.*"1 MB"/);
  });
});

describe('recheckDelay', () => {
  it('is the re-check delay; the former debounceMs still counts when recheckDelay is left at its default', () => {
    expect(parseSettings({}).settings.debounceMs).toBe(400);
    expect(parseSettings({ recheckDelay: 900 }).settings.debounceMs).toBe(900);
    expect(parseSettings({ recheckDelay: 400, debounceMs: 700 }).settings.debounceMs).toBe(700);
    expect(parseSettings({ recheckDelay: 250, debounceMs: 700 }).settings.debounceMs).toBe(250);
  });
});

describe('language ids', () => {
  it('checks `text` wherever `plaintext` is listed, and the other way round', () => {
    const { settings } = parseSettings({});
    expect(checksLanguage(settings, 'markdown')).toBe(true);
    expect(checksLanguage(settings, 'plaintext')).toBe(true);
    expect(checksLanguage(settings, 'text')).toBe(true);
    expect(checksLanguage(settings, 'python')).toBe(false);
    expect(checksLanguage({ languages: ['markdown'] }, 'text')).toBe(false);
    expect(checksLanguage({ languages: ['text'] }, 'plaintext')).toBe(true);
    expect(draftFormat('text')).toBe('plaintext');
    expect(draftFormat('markdown')).toBe('markdown');
  });
});
