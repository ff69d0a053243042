/** package.json's `engines.node` is a promise: every installed package must accept every Node it allows. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { minVersion, satisfies } from "semver";

const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as { packages: Record<string, { version?: string; engines?: unknown }> };

describe("engines", () => {
  it("no package in package-lock.json refuses the oldest Node that engines.node allows", () => {
    const oldest = minVersion(pkg.engines.node)!.version;
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = (entry.engines as { node?: unknown } | undefined)?.node;
      return path && typeof range === "string" && !satisfies(oldest, range) ? [`${path.replace(/^.*node_modules\//, "")}@${entry.version} wants node ${range}`] : [];
    });
    expect(refusing).toEqual([]);
  });

  it("is the Node the Dockerfile builds on", () => {
    const base = /^FROM node:(\d+)/m.exec(readFileSync(new URL("Dockerfile", root), "utf8"))![1]!;
    expect(satisfies(`${base}.99.0`, pkg.engines.node)).toBe(true);
  });
});
