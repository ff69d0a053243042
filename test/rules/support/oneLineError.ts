import { expect } from "vitest";

/** The message `run` throws, checked to be the one line an operator gets; fails when nothing is thrown. */
export function oneLineError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as Error).message).not.toContain("\n");
    return (error as Error).message;
  }
  throw new Error("expected an error");
}
