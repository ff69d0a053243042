#!/usr/bin/env node
/**
 * Runs a TypeScript entry point (`node scripts/run.mjs adapters/cli/ask.ts …`) from a bundle of the
 * project's sources, so start-up pays neither tsx's loader thread, per-file transpiling, nor resolving
 * and compiling some 200 small modules one by one (the project's and zod's).
 *
 * The bundle (node_modules/.cache/huishang-build/<stamp>/<entry>.cjs) is rebuilt with esbuild (about a
 * second) whenever a source file's size or time changes; no build step to remember. It is one CommonJS
 * script so that V8's code cache applies (Node 20 has none for ES modules): the compiled code is kept
 * beside the bundle after the first run, and later starts skip parsing and compiling. The script runs in
 * strict mode, as the ES modules it comes from; modules imported lazily are evaluated only when imported;
 * packages other than zod are required from node_modules; each source keeps its own `import.meta.url`
 * (rewritten to the source file's URL), so files found next to a module (prompts, policies) and worker
 * scripts are found as before. A source that does not bundle (a syntax error, top-level await) runs
 * through tsx, which reports errors as usual.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { constants, Script } from "node:vm";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".cache", "huishang-build");
/** Folders without sources the running bot imports. */
const SKIP = new Set(["node_modules", "data", "test", "docs", "dist"]);
/** Pure ESM packages worth inlining (zod alone is ~95 modules); every other package is required from node_modules. */
const INLINE = new Set(["zod"]);
/** Builds kept besides the newest, so a running process's bundle is not deleted under it by the next edit's. */
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
const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest();

/** Bundles `entry` into the CommonJS script `outfile`. */
async function bundle(entry, outfile) {
  const { build } = await import("esbuild");
  const plugin = {
    name: "huishang-sources",
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path }) => (path.startsWith("node:") || !INLINE.has(packageOf(path)) ? { external: true } : undefined));
      b.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
        contents: readFileSync(path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
        loader: "ts",
      }));
    },
  };
  await build({ entryPoints: [entry], outfile, bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "silent", plugins: [plugin] });
}

/** Removes all but the newest {@link KEEP} builds other than `current`. */
function prune(current) {
  const old = readdirSync(CACHE)
    .filter((name) => name !== current && !name.includes(".tmp-"))
    .map((name) => ({ name, time: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of old.slice(KEEP)) rmSync(join(CACHE, name), { recursive: true, force: true });
}

/** The bundle of `entryPath` for the sources as they are now, built when missing; undefined when it cannot be built. */
async function bundleFor(entryPath) {
  const stamp = createHash("sha1").update(`cjs v1 ${[...INLINE]}\n`);
  for (const file of sources()) {
    const { size, mtimeMs } = statSync(file);
    stamp.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  const build = stamp.digest("hex").slice(0, 16);
  const file = join(CACHE, build, `${createHash("sha1").update(relative(ROOT, entryPath)).digest("hex").slice(0, 8)}.cjs`);
  if (existsSync(file)) return file;
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    await bundle(entryPath, tmp);
    renameSync(tmp, file); // atomic: a concurrent start sees the whole bundle or none
    prune(build);
    return file;
  } catch {
    rmSync(tmp, { force: true });
    return existsSync(file) ? file : undefined;
  }
}

/**
 * Runs the bundle as CommonJS with V8's code cache (`<bundle>.code`). The cache file starts with a hash of
 * the cached bytes and of the bundle's identity (size, time, inode: a bundle is written once, by rename), so a
 * stale or damaged cache is never handed to V8; a missing or rejected one is written when the process exits
 * (with the functions compiled by then, the ones a start needs).
 */
function runBundle(file) {
  const source = readFileSync(file, "utf8");
  const { size, mtimeMs, ino } = statSync(file);
  const identity = `${size}:${mtimeMs}:${ino}`;
  const codeFile = `${file}.code`;
  let cachedData;
  try {
    const bytes = readFileSync(codeFile);
    if (sha256(identity, bytes.subarray(32)).equals(bytes.subarray(0, 32))) cachedData = bytes.subarray(32);
  } catch {
    // no code cache yet
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        const bytes = script.createCachedData();
        const tmp = `${codeFile}.tmp-${process.pid}`;
        writeFileSync(tmp, Buffer.concat([sha256(identity, bytes), bytes]));
        renameSync(tmp, codeFile);
      } catch {
        // read-only install: the next start compiles again
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
}

/** JavaScript's own error classes mean a bug, whose stack helps; the project's named ones (VocabularyError…) a bad input. */
const BUILT_IN_ERRORS = new Set(["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError", "AggregateError"]);
const isOperatorError = (error) => error instanceof Error && !BUILT_IN_ERRORS.has(error.name) && error.name.endsWith("Error");

async function main() {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write("usage: node scripts/run.mjs <file.ts> [args…]\n");
    process.exit(2);
  }
  const entryPath = resolve(entry);
  // The entry sees itself as argv[1], exactly as under tsx.
  process.argv = [process.argv[0], entryPath, ...args];
  const file = await bundleFor(entryPath);
  if (file) {
    try {
      runBundle(file);
    } catch (error) {
      // A data or setting file the sources read as they load (a bad facts.yaml, topics.yaml…) throws its own
      // error class with one line naming the file: the operator gets that line, not a stack dump.
      if (!isOperatorError(error)) throw error;
      process.stderr.write(`${error.message.split("\n")[0]}\n`);
      process.exit(1);
    }
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import(pathToFileURL(entryPath).href);
  }
}

await main();
