// What every client script shares: the server it is pointed at, the token it sends and
// how it reports. Usage: node <script>.mjs http://127.0.0.1:8000 [args...], with the
// token (if any) in MENTORGRAPH_TOKEN. A script prints JSON and leaves judging to pytest;
// a failure it did not expect rejects its top-level await, so Node exits non-zero.
export const endpoint = `${process.argv[2]}/graphql`;
export const wsEndpoint = endpoint.replace(/^http/, 'ws');
export const token = process.env.MENTORGRAPH_TOKEN ?? '';
export const args = process.argv.slice(3);

export function print(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
