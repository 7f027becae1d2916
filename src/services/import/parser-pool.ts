/**
 * Parsing on several cores: a pool of worker threads, each parsing one file at a time, while the main thread
 * reads files and writes the database. A file that takes longer than the time limit, or exhausts a worker's
 * memory, fails alone: its worker is replaced and the import goes on.
 */
import { existsSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { QuireError } from "../../domain/errors.js";
import type { VocabularyFile } from "../../tags/vocabulary-file.js";
import type { ParsedStory, ParseFailure, StoryParser } from "./story-parser.js";

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
}

/** What each worker starts with: the vocabulary to tag works with (null: no tagging). */
export interface WorkerData {
  vocabulary: VocabularyFile | null;
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
  /** The vocabulary the workers tag works with; without one they only parse. */
  vocabulary?: VocabularyFile;
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

const DEFAULT_PARSE_TIMEOUT_MS = 120_000;

/**
 * A worker's heap limit by default: a fair share of the machine's memory, at most 4 GB, so that a pathological
 * file exhausts its own worker, not the machine.
 */
function defaultHeapMb(workers: number): number {
  return Math.max(512, Math.min(4096, Math.floor(totalmem() / 1048576 / (workers + 1))));
}

export function createParserPool(options: ParserPoolOptions = {}): StoryParser {
  const size = Math.max(1, options.workers ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? defaultHeapMb(size);
  const workerData: WorkerData = { vocabulary: options.vocabulary ?? null };
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  /** Set when a worker cannot even start (a missing build, a module that fails to load): no file can be parsed. */
  let broken: QuireError | null = null;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerScript(), { workerData, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } }), ready: false, task: null, timer: null };
    slot.worker.on("message", (reply: WorkerReply) => {
      if ("ready" in reply) {
        slot.ready = true;
        dispatch();
        return;
      }
      // A late reply from a task already failed by its timeout is ignored.
      if (slot.task?.request.id !== reply.id) return;
      const task = finish(slot);
      if ("story" in reply) task?.resolve(reply.story);
      else task?.reject(new QuireError(reply.failure.code, reply.failure.message));
      dispatch();
    });
    slot.worker.on("error", (error: Error) => {
      const outOfMemory = "code" in error && error.code === "ERR_WORKER_OUT_OF_MEMORY";
      lost(slot, outOfMemory ? `the parser ran out of memory (over ${maxHeapMb} MB)` : `the parser crashed: ${error.message}`);
    });
    slot.worker.on("exit", (code) => lost(slot, `the parser stopped (exit code ${code})`));
    return slot;
  };

  const finish = (slot: Slot): Task | null => {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    return task;
  };

  /** A worker that died or was stopped: its file fails, and it is replaced unless it never started at all. */
  const lost = (slot: Slot, reason: string, code = "parser-crash") => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    const task = finish(slot);
    void slot.worker.terminate();
    task?.reject(new QuireError(code, reason));
    if (closed) return;
    if (!slot.ready) {
      broken = new QuireError("parser-crash", `the parser could not start: ${reason}`);
      for (const queued of queue.splice(0)) queued.reject(broken);
      return;
    }
    slots.push(spawn());
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || !slot.ready) continue;
      const task = queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => lost(slot, `parsing took longer than ${formatSeconds(timeoutMs)}`, "parser-limit"), timeoutMs);
      // The bytes move to the worker rather than being copied.
      slot.worker.postMessage(task.request, [task.request.bytes.buffer]);
    }
  };

  for (let i = 0; i < size; i += 1) slots.push(spawn());

  return {
    concurrency: size,
    parse: (bytes, fileName) => {
      if (closed) return Promise.reject(new QuireError("cancelled", "the parser pool is closed"));
      if (broken) return Promise.reject(broken);
      return new Promise<ParsedStory>((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes: ownBytes(bytes), fileName }, resolve, reject });
        dispatch();
      });
    },
    close: async () => {
      closed = true;
      const stopped = new QuireError("cancelled", "the import stopped before this file was parsed");
      for (const task of queue.splice(0)) task.reject(stopped);
      const workers = slots.splice(0);
      for (const slot of workers) finish(slot)?.reject(stopped);
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
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
