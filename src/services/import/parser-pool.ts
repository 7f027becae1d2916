/**
 * Parsing on several cores: a pool of worker threads, each parsing one file at a time, while the main thread
 * reads files and writes the database. A file that takes longer than the time limit, or exhausts a worker's
 * memory, fails alone: its worker is replaced and the import goes on.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { QuireError } from "../../domain/errors.js";
import type { ParsedStory, ParseFailure, StoryParser } from "./story-parser.js";

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
}

/** A worker says `ready` once its modules are loaded, so loading never counts against a file's time limit. */
export type WorkerReply = { ready: true } | { id: number; story: ParsedStory } | { id: number; failure: ParseFailure };

export interface ParserPoolOptions {
  /** Worker threads; default: one per core. */
  workers?: number;
  /** A file still parsing after this long fails. */
  timeoutMs?: number;
  /** Heap limit per worker, so a pathological file cannot take the whole machine. */
  maxHeapMb?: number;
}

interface Task {
  request: WorkerRequest;
  resolve: (story: ParsedStory) => void;
  reject: (error: QuireError) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 120_000;

export function createParserPool(options: ParserPoolOptions = {}): StoryParser {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? 4096;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } }), ready: false, task: null, timer: null };
    slot.worker.unref();
    slot.worker.on("message", (reply: WorkerReply) => {
      if ("ready" in reply) {
        slot.ready = true;
        dispatch();
        return;
      }
      const task = finish(slot);
      if (!task || task.request.id !== reply.id) return;
      if ("story" in reply) task.resolve(reply.story);
      else task.reject(new QuireError(reply.failure.code, reply.failure.message));
      dispatch();
    });
    slot.worker.on("error", (error: Error) => {
      const outOfMemory = "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY";
      replace(slot, outOfMemory ? `the parser ran out of memory (over ${maxHeapMb} MB)` : `the parser crashed: ${error.message}`);
    });
    return slot;
  };

  const finish = (slot: Slot): Task | null => {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    return task;
  };

  const replace = (slot: Slot, reason: string) => {
    const task = finish(slot);
    void slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (index >= 0 && !closed) slots[index] = spawn();
    task?.reject(new QuireError("parser-limit", reason));
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || !slot.ready) continue;
      const task = queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => replace(slot, `parsing took longer than ${formatSeconds(timeoutMs)}`), timeoutMs);
      // The bytes move to the worker rather than being copied.
      slot.worker.postMessage(task.request, [task.request.bytes.buffer]);
    }
  };

  for (let i = 0; i < size; i += 1) slots.push(spawn());

  return {
    concurrency: size,
    parse: (bytes, fileName) => {
      if (closed) return Promise.reject(new Error("the parser pool is closed"));
      return new Promise<ParsedStory>((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes: ownBytes(bytes), fileName }, resolve, reject });
        dispatch();
      });
    },
    close: async () => {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new QuireError("cancelled", "the import stopped before this file was parsed"));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** The bytes in a buffer of their own, which can move to a worker: a view into a larger buffer is copied. */
function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return new Uint8Array(buffer);
  return bytes.slice();
}

/**
 * The compiled worker beside this module. Under Vitest this module runs from src/ as TypeScript, which a worker
 * thread cannot load, so it uses the build in dist/ (`npm test` builds before it tests).
 */
function workerScript(): URL {
  const beside = new URL("./parse-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../../dist/src/services/import/parse-worker.js", import.meta.url);
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
