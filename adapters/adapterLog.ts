/** Where adapters log: `console` by default; tests pass a quiet one. */
export type AdapterLog = Pick<Console, "info" | "warn" | "error">;

/** A log that drops everything (tests, benchmarks). */
export const quietLog: AdapterLog = { info() {}, warn() {}, error() {} };
