import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { LocalModelSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

/** What the worker (lib/local-model/worker.mjs) tells its parent. */
type WorkerMessage =
  | { type: "ready"; port: number; loadMs: number }
  | { type: "failed"; reason: "missing" | "not_gguf" | "binding" | "load"; message: string }
  | { type: "load"; running: boolean; waiting: number }
  | { type: "error"; message: string }
  | { type: "reply"; tokens: number; ms: number; waitedMs: number; aborted: boolean; waiting: number };

/** The model can't answer, and says why in words a person can act on. */
export class LocalModelUnavailable extends AppError {
  constructor(message: string) {
    super("no_model", message);
  }
}

/** Every reply slot is taken and the line is full: come back in a few seconds. */
export class LocalModelBusy extends AppError {
  constructor() {
    super("model_busy", "The local model is busy with other replies. Try again in a few seconds.");
  }
  override retryAfterSeconds() {
    return 5;
  }
}

// A failed start (a missing binding, a file that is not a model) is not retried for this long.
const RETRY_FAILED_START_MS = 30_000;

/**
 * Starts the worker on first use, restarts it after it exits, and hands out its address. One per
 * server process: each process has its own worker, so several processes on one machine share its
 * cores (LOCAL_MODEL_THREADS bounds each).
 */
export class LocalModelSupervisor {
  private child: ChildProcess | null = null;
  private ready: Promise<string> | null = null;
  private failure: { message: string; at: number } | null = null;
  private readonly token = randomBytes(24).toString("hex");
  /** The worker's line as it last said: whether a reply is being written, and how many wait. */
  private load = { running: false, waiting: 0 };

  constructor(
    private readonly settings: LocalModelSettings,
    private readonly workerFile = path.join(
      /* turbopackIgnore: true */ process.cwd(),
      "lib/local-model/worker.mjs",
    ),
  ) {}

  get modelName(): string {
    return path.basename(this.settings.path).replace(/\.gguf$/i, "");
  }

  /** Throws when a new reply could not be taken now: the worker failed to start, or its line is full. */
  admit(now = Date.now()) {
    if (this.failure && now - this.failure.at < RETRY_FAILED_START_MS) {
      throw new LocalModelUnavailable(this.failure.message);
    }
    if (this.load.running && this.load.waiting >= this.settings.queue) throw new LocalModelBusy();
  }

  /** The worker's base URL (…/v1), starting it if need be. */
  baseUrl(): Promise<string> {
    this.ready ??= this.start().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  /** A fetch for the AI SDK's provider: same requests, sent to the worker with its token. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const base = await this.baseUrl();
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${this.token}`);
    return fetch(`${base}${url.pathname.replace(/^\/v1/, "")}${url.search}`, { ...init, headers });
  };

  stop() {
    this.child?.kill();
    this.child = null;
    this.ready = null;
  }

  private start(): Promise<string> {
    const threads = this.settings.threads ?? Math.max(1, os.availableParallelism() - 1);
    const started = Date.now();
    const child = fork(this.workerFile, [], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "json",
    });
    this.child = child;
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      stderr = (stderr + text).slice(-2000);
    });
    return new Promise<string>((resolve, reject) => {
      child.on("message", (message: WorkerMessage) => {
        switch (message.type) {
          case "ready":
            this.failure = null;
            log.info(
              { event: "local_model.started", model: this.modelName, threads, loadMs: message.loadMs },
              `local model ${this.modelName} loaded in ${message.loadMs} ms (${threads} threads)`,
            );
            resolve(`http://127.0.0.1:${message.port}/v1`);
            return;
          case "failed":
            this.failure = { message: message.message, at: Date.now() };
            log.error({ event: "local_model.failed", reason: message.reason }, message.message);
            reject(new LocalModelUnavailable(message.message));
            return;
          case "load":
            this.load = { running: message.running, waiting: message.waiting };
            return;
          case "error":
            log.error(
              { event: "local_model.reply_failed", error: message.message },
              "local model reply failed",
            );
            return;
          case "reply":
            log.info(
              {
                event: "local_model.reply",
                tokens: message.tokens,
                tokensPerSecond: message.ms > 0 ? Math.round((message.tokens * 1000) / message.ms) : null,
                waitedMs: message.waitedMs,
                queue: message.waiting,
                aborted: message.aborted,
              },
              "local model reply",
            );
        }
      });
      child.on("exit", (code, signal) => {
        if (this.child === child) {
          this.child = null;
          this.ready = null;
          this.load = { running: false, waiting: 0 };
        }
        if (Date.now() - started < 1000 && code !== 0 && !this.failure) {
          this.failure = { message: "The local model process stopped as it started.", at: Date.now() };
        }
        log.warn(
          { event: "local_model.exited", code, signal, stderr: stderr.slice(-300) },
          "local model process exited",
        );
        reject(new LocalModelUnavailable(this.failure?.message ?? "The local model process stopped."));
      });
      child.send({
        modelPath: this.settings.path,
        threads,
        queue: this.settings.queue,
        contextSize: this.settings.contextSize,
        token: this.token,
      });
    });
  }
}
