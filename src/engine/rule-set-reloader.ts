import type { Clock, Logger } from '../domain/ports';
import type { RuleSetFiles } from './compile-rule-set';
import type { PrepareResult } from './prepare-rule-set';
import type { RuleSetHolder } from './rule-set-holder';

/** How the last reload attempt went, as GET /v1/rules reports it. */
export interface ReloadOutcome {
  at: Date;
  ok: boolean;
  /** The version now serving (the new one on success, the last good one on failure). */
  version: string;
  errors: string[];
}

export interface ReloaderOptions {
  holder: RuleSetHolder;
  /** Reads the whole rule directory at once, so it is validated as one unit. */
  readFiles: () => RuleSetFiles;
  prepare: (files: RuleSetFiles) => Promise<PrepareResult>;
  clock: Clock;
  logger: Logger;
  /** Called after a new rule set is active (e.g. to retire sources it no longer uses). */
  onActivated?: () => void;
  /** Called when a changed directory is refused (unreadable, invalid, or failing its tests). */
  onRefused?: () => void;
  /** The files the active rule set was loaded from, so an unchanged directory is not reloaded. */
  loadedFrom?: RuleSetFiles;
}

const fingerprintOf = (files: RuleSetFiles): string =>
  JSON.stringify([...files].sort(([a], [b]) => a.localeCompare(b)));

/**
 * Loads a changed rule directory, validates it and runs its tests off the request path, and only
 * if all is well swaps it in, in one step. Otherwise the last good set keeps serving and the
 * failure is logged and kept for GET /v1/rules. Reloads never overlap: a change that arrives
 * during one is picked up by a follow-up run.
 */
export class RuleSetReloader {
  private last: ReloadOutcome | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastSeen: string;

  constructor(private readonly options: ReloaderOptions) {
    this.lastSeen = options.loadedFrom ? fingerprintOf(options.loadedFrom) : '';
  }

  lastReload(): ReloadOutcome | null {
    return this.last;
  }

  /** Reloads now, or once more after the reload already under way. */
  reload(): Promise<void> {
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.runUntilSettled().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runUntilSettled(): Promise<void> {
    do {
      this.again = false;
      await this.reloadOnce();
    } while (this.again);
  }

  private async reloadOnce(): Promise<void> {
    const { holder, logger, clock } = this.options;
    let files: RuleSetFiles;
    try {
      files = this.options.readFiles();
    } catch (error) {
      this.record(false, [`cannot read the rule directory: ${(error as Error).message}`]);
      this.options.onRefused?.();
      return;
    }
    const fingerprint = fingerprintOf(files);
    if (fingerprint === this.lastSeen) return;
    this.lastSeen = fingerprint;

    const result = await this.options.prepare(files);
    if (!result.ok) {
      this.record(false, result.errors);
      this.options.onRefused?.();
      logger.warn(
        { version: holder.current().version, errors: result.errors },
        'rule reload refused; the last good rule set keeps serving',
      );
      return;
    }
    if (result.ruleSet.version === holder.current().version) {
      this.record(true, []);
      return;
    }
    holder.replace(result.ruleSet);
    this.options.onActivated?.();
    this.record(true, []);
    logger.info(
      { version: result.ruleSet.version, tests: result.tests.passed, at: clock.now() },
      'rule set reloaded',
    );
  }

  private record(ok: boolean, errors: string[]): void {
    this.last = {
      at: this.options.clock.now(),
      ok,
      version: this.options.holder.current().version,
      errors,
    };
  }
}
