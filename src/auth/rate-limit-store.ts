/** Where request counts live: in memory for one instance, or a shared store for many. */
export interface RateLimitStore {
  /**
   * Counts one request against `key` in its current window (a window starts at the key's first
   * request and lasts `windowMs`) and says how many the window holds now and when it ends.
   */
  hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitCount>;
}

export interface RateLimitCount {
  count: number;
  /** When the window ends, in ms since the epoch. */
  resetAtMs: number;
}
