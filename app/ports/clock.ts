/** Time as the use-cases read it: injected so tests and the demo generator are reproducible. */
export interface Clock {
  /** Now, as an ISO timestamp. */
  nowIso(): string;
  /** Today as YYYY-MM-DD in UTC: the date validation and demo data are anchored to. */
  today(): string;
}

/** Random ids for new records. */
export interface IdSource {
  /** 32 hex characters. */
  randomId(): string;
}
