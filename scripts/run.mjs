#!/usr/bin/env node
/**
 * Runs a TypeScript entry point (`node scripts/run.mjs adapters/cli/ask.ts …`) from a bundled copy of
 * the project's sources, so start-up pays neither tsx's loader thread, per-file transpiling, nor
 * resolving and compiling some 200 small modules one by one (the project's and zod's).
 * The bundle lives in node_modules/.cache/huishang-build/<stamp>/<entry>/ and is rebuilt with esbuild
 * (about a second) whenever a source file's size or time changes; no build step to remember.
 * Lazy imports stay lazy (code splitting: each is a chunk loaded when imported), packages other than
 * zod stay in node_modules (native modules, lazily required ones), and each source keeps its own
 * `import.meta.url` (rewritten to the source file's URL), so files found next to a module (prompts,
 * policies) and worker scripts are found as before.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".cache", "huishang-build");
/** Folders without sources the running bot imports. */
const SKIP = new Set(["node_modules", "data", "test", "docs", "dist"]);
/** Pure ESM packages worth inlining (zod alone is ~95 modules); every other package is imported from node_modules. */
const INLINE = new Set(["zod"]);
/** Builds kept besides the newest, so a long-running process still finds its lazily imported chunks after an edit. */
const KEEP = 4;

/** Every .ts source file of the project (not tests, not dependencies). */
function sources(dir = ROOT) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const packageOf = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** Bundles `entry` into `outdir` (entry at its path relative to the project, chunks beside). */
async function bundle(entry, outdir) {
  const { build } = await import("esbuild");
  const plugin = {
    name: "huishang-sources",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path }) => (path.startsWith("node:") || !INLINE.has(packageOf(path)) ? { external: true } : undefined));
      b.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
        contents: (await readFile(path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
        loader: "ts",
      }));
    },
  };
  await build({ entryPoints: [entry], outdir, outbase: ROOT, bundle: true, splitting: true, format: "esm", platform: "node", target: "node20", logLevel: "silent", plugins: [plugin] });
}

/** Removes all but the newest {@link KEEP} builds other than `current`. */
function prune(current) {
  const old = readdirSync(CACHE)
    .filter((name) => name !== current && !name.includes(".tmp-"))
    .map((name) => ({ name, time: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of old.slice(KEEP)) rmSync(join(CACHE, name), { recursive: true, force: true });
}

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write("usage: node scripts/run.mjs <file.ts> [args…]\n");
    process.exit(2);
  }
  const entryPath = resolve(entry);
  // The entry sees itself as argv[1], exactly as under tsx.
  process.argv = [process.argv[0], entryPath, ...args];
  const stamp = createHash("sha1").update(`bundle v1 ${[...INLINE]}\n`);
  for (const file of sources()) {
    const { size, mtimeMs } = statSync(file);
    stamp.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  const build = stamp.digest("hex").slice(0, 16);
  const outdir = join(CACHE, build, createHash("sha1").update(relative(ROOT, entryPath)).digest("hex").slice(0, 8));
  const compiled = join(outdir, relative(ROOT, entryPath)).replace(/\.ts$/, ".js");
  if (!existsSync(outdir)) {
    const tmp = join(CACHE, `${build}.tmp-${process.pid}`);
    try {
      await bundle(entryPath, tmp);
      mkdirSync(dirname(outdir), { recursive: true });
      renameSync(tmp, outdir);
      prune(build);
    } catch {
      // Another process won the race, or a source does not compile: tsx reports errors as usual.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (existsSync(compiled)) {
    await import(pathToFileURL(compiled).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(entryPath).href);
  }
}

await main();
