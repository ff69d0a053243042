/**
 * Runs tasks one after another per key, so a member's quick follow-up ("平阴" then "15万粉丝") is read
 * after the message before it, and one chat's replies go out in order. Different keys run concurrently.
 */
export class SerialQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Run `task` after every earlier task with the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
