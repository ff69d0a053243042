#!/usr/bin/env node
/**
 * Runs a TypeScript entry point (`node scripts/run.mjs adapters/cli/ask.ts …`) from a compiled copy of
 * the project's sources, so start-up pays neither tsx's loader thread nor per-file transpiling.
 * The copy lives in node_modules/.cache/huishang-build/<stamp>/ and is rebuilt with esbuild (well
 * under a second) whenever a source file's size or time changes; no build step to remember.
 * Modules keep their own files and `import.meta.url` (rewritten to the source file's URL), so
 * lazy imports stay lazy and files found next to a module (prompts, policies) are found as before.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".cache", "huishang-build");
/** Folders without sources the running bot imports. */
const SKIP = new Set(["node_modules", "data", "test", "docs", "dist"]);

/** Every .ts source file of the project (not tests, not dependencies). */
function sources(dir = ROOT) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Compiles `files` into `outdir`, keeping the folder layout. */
async function compile(files, outdir) {
  const { build } = await import("esbuild");
  const sourceUrl = {
    name: "source-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
        contents: (await readFile(path, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
        loader: "ts",
      }));
    },
  };
  await build({ entryPoints: files, outdir, outbase: ROOT, format: "esm", platform: "node", target: "node20", bundle: false, logLevel: "silent", plugins: [sourceUrl] });
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
  const files = sources();
  const stamp = createHash("sha1");
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    stamp.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  const outdir = join(CACHE, stamp.digest("hex").slice(0, 16));
  const compiled = join(outdir, relative(ROOT, entryPath)).replace(/\.ts$/, ".js");
  if (!existsSync(outdir)) {
    const tmp = `${outdir}.tmp-${process.pid}`;
    try {
      await compile(files, tmp);
      renameSync(tmp, outdir);
      for (const old of readdirSync(CACHE)) if (join(CACHE, old) !== outdir && !old.includes(".tmp-")) rmSync(join(CACHE, old), { recursive: true, force: true });
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
