/** What an operator runs: compose.yaml is a valid bot + PostgreSQL set-up. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../../adapters/config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe("compose.yaml", () => {
  const compose = parse(readFileSync(path.join(root, "compose.yaml"), "utf8")) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const { bot, postgres } = compose.services;

  it("runs the bot image built here beside PostgreSQL, started once the database is healthy", () => {
    expect(bot?.build).toBe(".");
    expect(postgres?.image).toMatch(/^postgres:\d+/);
    expect(postgres?.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(bot?.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("points the bot's DATABASE_URL at that PostgreSQL service, user and database, in a form the config accepts", () => {
    const env = postgres!.environment!;
    const url = bot!.environment!.DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD:-([^}]*)\}/, "$1");
    expect(url).toBe(`postgres://${env.POSTGRES_USER}:change-me@postgres:5432/${env.POSTGRES_DB}`);
    expect(parseConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("checks the bot's health through its /healthz endpoint on the configured port", () => {
    const check = bot!.healthcheck!.test.join(" ");
    expect(check).toContain("/healthz");
    expect(check).toContain(`process.env.HEALTH_PORT || ${parseConfig({}).HEALTH_PORT}`);
  });

  it("keeps the database and the bot's data in declared named volumes", () => {
    const named = [bot!, postgres!].flatMap((s) => s.volumes ?? []).map((v) => v.split(":")[0]!);
    expect(named).toEqual(["botdata", "pgdata"].filter((n) => named.includes(n)));
    for (const name of named) expect(Object.keys(compose.volumes)).toContain(name);
    expect(bot!.volumes).toContain(`botdata:${bot!.environment!.DATA_DIR}`);
  });
});
