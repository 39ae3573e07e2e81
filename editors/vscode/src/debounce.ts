/**
 * Runs an action once a burst of triggers has settled: typing a setting value fires a change per
 * keystroke, and the server should restart once, with the last value. Pure (timers only).
 */
export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reasons: string[] = [];

  constructor(
    private readonly delayMs: number,
    private readonly action: (reasons: readonly string[]) => void,
  ) {}

  trigger(reason: string): void {
    if (!this.reasons.includes(reason)) {
      this.reasons.push(reason);
    }
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      const reasons = this.reasons;
      this.timer = undefined;
      this.reasons = [];
      this.action(reasons);
    }, this.delayMs);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    this.timer = undefined;
    this.reasons = [];
  }
}
