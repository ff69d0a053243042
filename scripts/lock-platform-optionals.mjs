#!/usr/bin/env node
/**
 * Records other platforms' native builds in package-lock.json.
 *
 * Why: `npm ci` insists that every optional dependency of a package (e.g. @node-rs/jieba-darwin-arm64)
 * has a lock entry. `npm install` leaves out the ones the registry it used does not serve (npm/cli#9846),
 * and the registry here serves only some platforms' builds, so a lock made here fails `npm ci`.
 * This adds the missing entries as optional, with the os/cpu/libc their names state, so npm skips them on
 * any other platform exactly as it would with a lock made against the full registry. Idempotent; no network.
 *
 * Run after changing dependencies: `npm install && node scripts/lock-platform-optionals.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "openharmony", "netbsd", "sunos", "aix"];
const CPU = ["arm64", "arm", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

/** os/cpu/libc from a platform package name such as "@rollup/rollup-linux-arm-musleabihf". */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const i = parts.findIndex((p) => OS.includes(p));
  if (i < 0 || !CPU.includes(parts[i + 1])) return null;
  const abi = parts[i + 2] ?? "";
  const libc = parts[i] === "linux" && abi ? { libc: [abi.startsWith("musl") ? "musl" : "glibc"] } : {};
  return { cpu: [parts[i + 1]], ...libc, os: [parts[i]] };
}

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = path === "" ? "node_modules" : `${path}/node_modules`;
    // npm resolves a dependency next to its parent, else hoisted to the top.
    const nested = `${base}/${name}`;
    const top = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    // Keys in the order npm writes them (version, cpu, libc, optional, os), so a later `npm install`
    // reads the entry back unchanged and leaves the lock file as it is.
    const { os, ...rest } = platform;
    lock.packages[top] = { version, ...rest, optional: true, os };
    added++;
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`lock-platform-optionals: ${added} entr${added === 1 ? "y" : "ies"} added`);
