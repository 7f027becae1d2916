/** A parser thread of the pool in parser-pool.ts: one request at a time, answered with the work or the failure. */
import { parentPort, workerData } from "node:worker_threads";
import { Vocabulary } from "../../tags/vocabulary.js";
import { parseStoryWithFingerprint, toParseFailure } from "./story-parser.js";
import type { WorkerData, WorkerReply, WorkerRequest } from "./parser-pool.js";

const port = parentPort;
if (!port) throw new Error("parse-worker.js runs only as a worker thread");
const { vocabulary: file } = workerData as WorkerData;
const vocabulary = file ? new Vocabulary(file) : null;

port.on("message", (request: WorkerRequest) => {
  parseStoryWithFingerprint(request.bytes, request.fileName, vocabulary).then(
    (story) => port.postMessage({ id: request.id, story } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: request.id, failure: toParseFailure(error) } satisfies WorkerReply),
  );
});

port.postMessage({ ready: true } satisfies WorkerReply);
