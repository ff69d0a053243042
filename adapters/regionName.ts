/**
 * Resolve what a person typed as a region ("平阴", "平阴县", "pingyin-2020") to one of the handler's
 * regions. Adapters use it for room bindings and Telegram's `/region 平阴`.
 */
export interface Region {
  id: string;
  name: string;
}

/** The region `input` names, or undefined when none or more than one matches. */
export function resolveRegion(input: string, regions: readonly Region[]): Region | undefined {
  const wanted = input.trim().replace(/[市县区]$/u, "");
  if (wanted === "") return undefined;
  const exact = regions.find((r) => r.id === input.trim() || r.name === wanted || r.name.replace(/[市县区]$/u, "") === wanted);
  if (exact) return exact;
  const partial = regions.filter((r) => r.name.includes(wanted) || wanted.includes(r.name));
  return partial.length === 1 ? partial[0] : undefined;
}

/** "平阴、东营、聊城…" for refusals and help lines. */
export function listRegionNames(regions: readonly Region[]): string {
  return regions.map((r) => r.name).join("、");
}
