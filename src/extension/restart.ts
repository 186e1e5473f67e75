/**
 * What to do when the language server's connection closes: restart it, unless it
 * crashed too often recently, and tell the writer once, not once per crash.
 * Pure (no `vscode` import) so it can be unit-tested; main.ts adapts it to the
 * LanguageClient's ErrorHandler.
 */
export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 3 * 60_000;

export const RESTARTED_MESSAGE = 'Sourcewise: the language server stopped unexpectedly and was restarted.';
export const GAVE_UP_MESSAGE = `Sourcewise: the language server crashed ${MAX_CRASHES} times in ${CRASH_WINDOW_MS / 60_000} minutes and will not be restarted. Reload the window to try again.`;

export interface CloseDecision {
  restart: boolean;
  /** A message to show now, if any: the first restart, and giving up. Never more than these two. */
  message?: string;
}

export class RestartPolicy {
  private crashes: number[] = [];
  private toldRestart = false;
  private toldGaveUp = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = MAX_CRASHES,
    private readonly windowMs = CRASH_WINDOW_MS,
  ) {}

  onClose(): CloseDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    if (this.crashes.length >= this.max) {
      const message = this.toldGaveUp ? undefined : GAVE_UP_MESSAGE;
      this.toldGaveUp = true;
      return { restart: false, message };
    }
    const message = this.toldRestart ? undefined : RESTARTED_MESSAGE;
    this.toldRestart = true;
    return { restart: true, message };
  }
}
