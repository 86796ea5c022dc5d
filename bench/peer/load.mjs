// The load generator of bench/bench_peer.py, the same for both sides: autocannon, a closed
// loop of `connections` keep-alive connections sending `amount` POSTs in all, each the next of
// `requests` (round robin: a different mentee or page each time).
//
//   node load.mjs SPEC.json      (SPEC: {url, connections, amount, requests: [{headers, body}]})
//
// Prints one JSON line: requests/s, latency p50/p99 in ms, requests that failed (a non-200
// status, a GraphQL error, a socket error or a timeout; the first failed answer), and this process's CPU over the run
// as a share of one core, so a report can show the generator was not the bottleneck.
import { readFileSync } from "node:fs";

import autocannon from "autocannon";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
let next = 0;
let failed = 0;
let firstFailure = null;

const request = {
  setupRequest: (req) => {
    const chosen = spec.requests[next % spec.requests.length];
    next += 1;
    return { ...req, headers: { ...req.headers, ...chosen.headers }, body: chosen.body };
  },
  onResponse: (status, body) => {
    if (status !== 200 || body.includes('"errors"')) {
      failed += 1;
      firstFailure ??= `${status} ${body.slice(0, 500)}`;
    }
  },
};

// autocannon's own percentiles are whole milliseconds: keep every latency to the microsecond.
const latencies = [];
function percentile(q) {
  latencies.sort((a, b) => a - b);
  return latencies[Math.min(latencies.length - 1, Math.round(q * (latencies.length - 1)))];
}

const cpuBefore = process.cpuUsage();
const began = process.hrtime.bigint();
const run = autocannon({
  url: spec.url,
  method: "POST",
  headers: { "content-type": "application/json" },
  connections: spec.connections,
  amount: spec.amount,
  timeout: 30,
  requests: [request],
});
// The run lasts until its last answer: autocannon itself notices that `amount` is reached on
// its one-second tick, which on a run of a few seconds would quantise the rate.
let lastAnswer = began;
run.on("response", (client, status, bytes, ms) => {
  latencies.push(ms);
  lastAnswer = process.hrtime.bigint();
});
const result = await run;
const seconds = Number(lastAnswer - began) / 1e9;
const cpu = process.cpuUsage(cpuBefore);

console.log(
  JSON.stringify({
    requests: result.requests.total,
    seconds,
    throughput: result.requests.total / seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
    failed: failed + result.errors + result.timeouts,
    cpu: (cpu.user + cpu.system) / 1e6 / seconds,
    firstFailure,
  }),
);
