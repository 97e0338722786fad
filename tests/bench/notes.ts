import { rows, type BenchResults } from './report.js'

const METHOD = `## How it is measured

- **In-process latency**: \`app.request()\` on the app built from the committed index (embedded default, no
  sockets), over every single-turn gold question plus paraphrases generated from templates over the entity
  names in the facts (at least 100 distinct questions), one warm-up pass, then five timed passes in rotation.
  The target row runs with the answer cache off (\`ANSWER_CACHE_SIZE=0\`), so every request is answered from
  scratch; a second row repeats the run with the cache on, as the service ships. (Word-level work is memoized,
  bounded, in both: Porter stems, the embedder's per-word features, the normalizer's typo repairs, each
  sentence's stemmed words; after the warm-up pass those are warm, as they are in a running server.)
- **HTTP throughput**: autocannon's programmatic API, 50 connections, one route after another in one run,
  each after a short warm-up. Every server runs in its own child process (\`@hono/node-server\`, the same
  \`serve()\` call as \`src/entry/node.ts\`, started through tsx like \`npm start\`), so autocannon's own CPU is
  not charged to the server; on a 2-core machine the two still share the cores. (b) parses a JSON body with
  one of the rotating questions (the size of an \`/ask\` request) and returns, as JSON, an \`/ask\` response of
  median size. (c) and (d) rotate over the same questions. The service runs with its defaults, so it writes
  one JSON log line per request (pino, to a pipe the benchmark drains); the ceiling server logs nothing.
  (c) runs twice: with the answer cache on (the default, so after the warm-up every rotating question is
  remembered) and on a second server with \`ANSWER_CACHE_SIZE=0\`, where every request is answered from scratch.
- **Cold start**: wall time from \`spawn()\` to the first 200 on \`/healthz\` (polled every 5 ms) and to the
  first answered \`POST /ask\`. The precompiled row bundles \`src/entry/node.ts\` with esbuild
  (\`dist/bench/node.mjs\`, dependencies left in \`node_modules\`) and runs it with plain \`node\`.
- **Scale**: \`tests/bench/synthetic.ts\` writes a seeded, deterministic corpus of plausible policy documents
  (provinces, industries, clusters, cities, figures) with exactly N chunks. Each document plants one uniquely
  named industrial park, its city and its plan in \`<id>.facts.json\` with verbatim evidence, so the real
  ingest validates it. Ingest runs \`src/entry/ingest.ts\` in a child process (its cli-progress bar shows on a
  terminal) and chunks/s is its own timing (read, split, embed, build hnswlib, write). The server is
  \`src/entry/node.ts\` on that index in a child process; RSS is sampled from \`/proc\` every 20 ms while it
  answers up to 200 planted questions over HTTP. An answer counts as correct when it contains the planted
  answer, every citation quotes its document exactly, and a citation from the planted document covers the
  planted evidence. Vector search is timed in-process on the same queries (the planted questions, embedded by
  the local embedder), k = 10: hnswlib with the shipped efSearch (three passes) against exact flat search; recall@10
  is the share of the exact top 10 that hnswlib returns.
`

/** Method, then a cause and a next step for every missed target. */
export function closingNotes(results: BenchResults): string {
  const missed = rows(results).filter((r) => r.met === false)
  const lines = [METHOD, '## Targets missed', '']
  if (!missed.length) lines.push('None: every target was met in this run.')
  for (const r of missed) lines.push(`- **${r.measure}** (${r.target}): ${CAUSES.find(([re]) => re.test(r.measure))?.[1] ?? 'see the figures above.'}`)
  return `${lines.join('\n')}\n`
}

const CAUSES: Array<[RegExp, string]> = [
  [/In-process `POST \/ask`/, 'a typical answer costs about a millisecond of CPU spread over many small steps (normalising and understanding the question, the facts lookups, query embedding, hnswlib and BM25 for the extractive fallback, JSON), with no single hot spot left after the memoization above, and the tail carries GC pauses. Next step: precompute per-sentence stems and entity alias indexes at start-up so the fallback and the lookups stop re-deriving them per question.'],
  [/\(c\)/, 'an `/ask` costs several times the CPU of parsing and writing the same JSON (see the in-process row), plus the service\'s middleware and one log line per request; with autocannon on the same two cores, the ratio follows the CPU per request. Next step: the per-request work named for in-process latency, then one process per core (Node cluster).'],
  [/Cold start, node --import tsx/, 'tsx transpiling the TypeScript sources at start-up costs about a quarter of a second over the precompiled bundle, and `npm start` adds the start-up of npm itself. The model client, OpenAI embeddings, Slack and MCP libraries are now loaded on first use (this took tsx start-up from about 2.0 s to 1.1 s); the rest is importing Hono, zod, pino, @langchain/core and hnswlib-node and loading and checksumming the index. Next step: a build step so `npm start` runs a precompiled bundle, then a CPU profile of the remaining start-up.'],
  [/ingest/, 'a CPU profile of ingest at 10k chunks puts about 45% in building the hnswlib graph (efConstruction 200, one thread: hnswlib-node inserts points one by one) and about 40% in the local embedder\'s feature hashing, which runs twice per chunk (once to learn document frequencies, once to embed). Next step: hash each chunk\'s features once and reuse them for both passes, embed in worker threads, and build the graph with several threads (hnswlib\'s `addItems` with `num_threads`, which hnswlib-node does not expose) or a lower efConstruction paired with a higher efSearch.'],
  [/serving RSS/, 'the hnswlib graph alone holds its own copy of the 512-d float vectors (about 210 MiB at 100k chunks, the size of `hnsw.bin`); start-up also reads and checksums `vectors.bin` (195 MiB) and copies it into a Float32Array that the Node path does not use, which stays resident until V8 collects it; the rest is the corpus text and sentence offsets as JavaScript objects, BM25 postings for chunks and sentences as Maps of arrays, and the facts graph of 5,026 documents. Next step: do not copy the vectors on Node, compact BM25 postings into typed arrays, and store vectors as int8 or in fewer dimensions.'],
  [/hnswlib k=10/, 'local embeddings are 512-d hashed features whose neighbourhoods are flat in templated text, so the search visits many candidates. Next step: lower-dimensional vectors or int8 quantisation.'],
  [/recall@10/, 'hashed TF-IDF vectors of templated sentences put many chunks at nearly the same distance, which HNSW navigates poorly at the shipped efSearch; the sweep shows what larger efSearch values buy and cost. Next step: a larger efSearch for large corpora (configurable per index) or a better-separated embedder.'],
  [/planted-fact/, 'see the failures printed by the run. Next step: look at the failing question shapes.'],
]
