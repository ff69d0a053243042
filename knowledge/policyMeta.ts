import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** True when `YYYY-MM-DD` names a day that exists (2021-02-30 and 2017-13-01 do not). */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date written `YYYY-MM-DD` that exists. */
const isoDate = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({ code: "custom", message: "expected a date written YYYY-MM-DD" });
  } else if (!isCalendarDate(value)) {
    ctx.addIssue({ code: "custom", message: "not a real calendar date" });
  }
});

/** Kinds of place a policy's region contains. */
export const PLACE_KINDS = ["district", "county", "countyCity", "zone", "town", "street", "township"] as const;

/** A place inside a policy's region: a county-level unit of a city, or a town, street or zone of a county. */
export const PlaceSchema = z.strictObject({
  /** The current official name, e.g. "垦利区", "孝直镇". */
  name: z.string().min(2),
  kind: z.enum(PLACE_KINDS),
  /** Former or informal names still in use ("垦利县", "聊城高新区"). */
  aliases: z.array(z.string().min(2)).optional(),
  /** For a town or street of a city policy: the county-level place that holds it ("大王镇" in "广饶县"). */
  in: z.string().min(2).optional(),
  /** Why the name without its suffix is not read as this place: it is an ordinary word or another place ("大王": 带货大王). */
  shortIsWord: z.string().min(2).optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

/** One entry of `policies.json`: facts read off a document's own text. */
export const PolicyMetaSchema = z.strictObject({
  /** Stable id used in clause ids, e.g. "pingyin-2020". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and '-'"),
  /** File name inside the policy directory (.txt or .md). */
  file: z.string().regex(/^[^/\\]+\.(txt|md)$/, "expected a .txt or .md file name without folders"),
  title: z.string().min(1),
  issuer: z.string().min(1),
  docNumber: z.string().min(1).nullable(),
  region: z.strictObject({
    province: z.string().min(1, "empty: write the province the policy belongs to (e.g. 山东省); policy:import fills it when the issuer or title names the place"),
    city: z.string().min(1).nullable(),
    county: z.string().min(1).nullable(),
  }),
  /** Place names users write for this policy's region, e.g. "平阴", "济南平阴". */
  aliases: z.array(z.string().min(1)).min(1, "empty: write at least one name users give the place (e.g. 平阴)"),
  /** Places inside the region; a user naming one is asking about this policy. */
  places: z.array(PlaceSchema).default([]),
  /** Other county-level places of the same parent city, which this (county) policy does not cover. */
  nearby: z.array(z.union([z.string().min(2), z.strictObject({ name: z.string().min(2), aliases: z.array(z.string().min(2)).min(1) })])).default([]),
  /** Where the place names come from and when they were checked. */
  placesSource: z.string().optional(),
  /** Goods the document names as the region's own ("玫瑰" in 平阴): selling them is selling local produce (特色产品). */
  specialties: z.array(z.string().min(2)).default([]),
  /** Where in the document the specialties are named. */
  specialtiesSource: z.string().optional(),
  issued: isoDate.nullable(),
  effectiveFrom: isoDate.nullable(),
  validUntil: isoDate.nullable(),
  /** The document's own sentence stating its period, verbatim ("本意见自…起施行，有效期至…"): quoted when a year falls outside. */
  periodQuote: z.string().min(1).optional(),
  status: z.enum(["final", "draft"]),
  notes: z.string(),
});

export type PolicyMeta = z.infer<typeof PolicyMetaSchema>;

/** The file as a whole: entries are validated one by one so one bad entry does not hide the others. */
const PolicyFileSchema = z.strictObject({
  about: z.string().optional(),
  policies: z.array(z.unknown()),
});

/** Name of the metadata file inside a policy directory. */
export const POLICY_META_FILE = "policies.json";

/** A metadata file that cannot be used at all (unreadable, not JSON, wrong top-level shape). */
export class PolicyMetaError extends Error {
  override name = "PolicyMetaError";
}

/** Formats a zod issue path like `policies[2].region.city`. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

/** One line per problem: `<file>: <field>: <message>`; unknown keys are named. */
function describeIssues(file: string, prefix: Array<string | number>, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => formatPath([...path, key])).join(", ");
    return `${file}: unknown key ${keys}`;
  }
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `${file}: ${formatPath(path) || "(root)"}: ${issue.message}${more}`;
}

export interface PolicyMetaReading {
  /** Valid entries, file order. */
  metas: PolicyMeta[];
  /** One line per rejected entry, naming the file and the field. */
  problems: string[];
  /** Every `file` value written in the metadata, including those of rejected entries. */
  listedFiles: string[];
}

/**
 * Reads and validates `policies.json` in `dir`, entry by entry.
 * A bad entry (unknown key, bad date, duplicate id…) becomes one problem line naming the file and the
 * field, and only that entry is dropped. Throws {@link PolicyMetaError} when the file as a whole is unusable.
 */
export function readPolicyMeta(dir: string): PolicyMetaReading {
  const file = join(dir, POLICY_META_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new PolicyMetaError(`${file}: ${reason}`);
  }
  const top = PolicyFileSchema.safeParse(raw);
  if (!top.success) throw new PolicyMetaError(describeIssues(file, [], top.error));

  const metas: PolicyMeta[] = [];
  const problems: string[] = [];
  // Files named by any entry, valid or not, so a file behind a bad entry is not also called unlisted.
  const listedFiles = top.data.policies.flatMap((entry) => {
    const file = (entry as { file?: unknown } | null)?.file;
    return typeof file === "string" ? [file] : [];
  });
  const seenIds = new Set<string>();
  const seenFiles = new Set<string>();
  top.data.policies.forEach((entry, i) => {
    const parsed = PolicyMetaSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(describeIssues(file, ["policies", i], parsed.error));
      return;
    }
    const meta = parsed.data;
    if (seenIds.has(meta.id)) {
      problems.push(`${file}: policies[${i}].id: duplicate policy id "${meta.id}"; entry skipped`);
      return;
    }
    if (seenFiles.has(meta.file)) {
      problems.push(`${file}: policies[${i}].file: "${meta.file}" is already used by another policy; entry skipped`);
      return;
    }
    seenIds.add(meta.id);
    seenFiles.add(meta.file);
    metas.push(meta);
  });
  return { metas, problems, listedFiles };
}

/**
 * Loads `policies.json` from `dir` strictly: any problem throws a one-line {@link PolicyMetaError}
 * naming the file and the field. Use {@link readPolicyMeta} to keep serving the valid entries.
 */
export function loadPolicyMeta(dir: string): PolicyMeta[] {
  const { metas, problems } = readPolicyMeta(dir);
  if (problems.length > 0) throw new PolicyMetaError(problems[0]!);
  return metas;
}

/** Administrative suffixes users often leave out: 平阴县 → 平阴, 济南市 → 济南. */
const PLACE_SUFFIX = /(自治县|自治州|新区|县|市|区|省)$/;

function shortPlace(name: string): string {
  const short = name.replace(PLACE_SUFFIX, "");
  return short.length >= 2 ? short : name;
}

/**
 * All names that point at one policy's region: its declared aliases plus parent-city forms such as
 * 济南平阴 / 济南市平阴县 / 岳阳汨罗. The bare parent city is never an alias of a county policy
 * (济南 alone does not mean 平阴).
 */
export function regionAliases(meta: PolicyMeta): string[] {
  const names = new Set(meta.aliases);
  const { city, county } = meta.region;
  if (county) {
    for (const c of [county, shortPlace(county)]) {
      names.add(c);
      if (city) for (const p of [city, shortPlace(city)]) names.add(p + c);
    }
  } else if (city) {
    names.add(city);
    names.add(shortPlace(city));
  }
  return [...names];
}

/**
 * Ids of the policies whose region the text names, in order of first mention.
 * Longest alias wins where aliases overlap, so 济南平阴 counts once as 平阴's policy.
 */
export function findPoliciesMentioned(text: string, metas: readonly PolicyMeta[]): string[] {
  const aliases = metas
    .flatMap((meta) => regionAliases(meta).map((alias) => ({ alias, id: meta.id })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const found: Array<{ at: number; id: string }> = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const { alias, id } of aliases) {
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + 1)) {
      if (taken.slice(at, at + alias.length).some(Boolean)) continue;
      taken.fill(true, at, at + alias.length);
      found.push({ at, id });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.id))];
}
