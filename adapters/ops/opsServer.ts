/**
 * The operations endpoint, served whenever the bot runs (the staff console may or may not be on):
 * GET /healthz (JSON, 200 when healthy, 503 otherwise) and GET /metrics (Prometheus text format).
 * Plain node:http, so it depends on nothing that might itself be unhealthy.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { ConfigError } from "../config.js";
import type { Health } from "./operations.js";

export interface OpsServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

/** Listen on host:port (0 = a free port). A port in use is a one-line ConfigError naming HEALTH_PORT. */
export function startOpsServer(options: { host: string; port: number; health: () => Promise<Health>; registry: Registry }): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return send(405, "text/plain", "GET only\n");
    const answer =
      path === "/healthz"
        ? options.health().then((health) => send(health.ok ? 200 : 503, "application/json", `${JSON.stringify(health)}\n`))
        : path === "/metrics"
          ? options.registry.metrics().then((text) => send(200, options.registry.contentType, text))
          : Promise.resolve(send(404, "text/plain", "/healthz or /metrics\n"));
    answer.catch((error: Error) => send(500, "text/plain", `${error.message}\n`));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const portProblem = error.code === "EADDRINUSE" || error.code === "EACCES";
      const hint = portProblem ? "choose another port, or 0 for any free one" : "use an address of this machine, e.g. 127.0.0.1 or 0.0.0.0";
      reject(new ConfigError(portProblem ? "HEALTH_PORT" : "HEALTH_HOST", `cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}); ${hint}`));
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
