// Runs the graphql-http server audit against a GraphQL endpoint; prints JSON results.
// Usage: node audit.mjs http://127.0.0.1:8000/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const summary = await Promise.all(
  results.map(async (r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    reason: r.status === 'ok' ? null : r.reason,
    response: r.status === 'error' && r.response ? await r.response.text().catch(() => null) : null,
  })),
);
console.log(JSON.stringify(summary));
