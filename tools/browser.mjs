// Drives Debian's headless Chromium through the API as browser clients do; prints what it
// saw as JSON, for tests/api/test_browser.py to judge.
// Usage: node browser.mjs graphiql|cors '<config JSON>'
//   graphiql: {base, token, query, subscription, trigger}: GraphiQL at base/graphql, with
//     every request to another host aborted; runs `query`, then `subscription`, then
//     sends `trigger` ({query, token}) so that an event comes.
//   cors: {api, allowed, denied, token, query, subscription, trigger}: pages on the
//     origins `allowed` and `denied` (served by the browser itself) call the API at `api`.
import { chromium } from 'playwright-core';

const STEP = 30_000; // ms: any one step, on a slow shared machine
const [scenario, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson);

async function trigger({ query, token }, url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(STEP),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`the trigger failed: ${JSON.stringify(body.errors)}`);
}

// The text of GraphiQL's response pane (CodeMirror 5 keeps its editor on its element).
const responseText = (page) =>
  page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue());

async function setEditor(page, selector, text) {
  await page.locator(`${selector} .CodeMirror`).locator('visible=true').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text); // as typed, without the editor closing brackets
}

// Runs `text` from the query editor; the response pane's text once it holds data other
// than `before`.
async function run(page, text, before, beforeResult = async () => {}) {
  await setEditor(page, '.graphiql-query-editor', text);
  // GraphiQL reads the operation (query or subscription?) 100 ms after an edit, and stores it.
  await page.waitForFunction((t) => localStorage.getItem('graphiql:query') === t, text);
  await page.click('.graphiql-execute-button');
  await beforeResult();
  await page.waitForFunction(
    (previous) => {
      const shown = document.querySelector('.result-window .CodeMirror').CodeMirror.getValue();
      return shown !== previous && shown.includes('"data"');
    },
    before,
    { timeout: STEP, polling: 100 },
  );
  return responseText(page);
}

async function graphiql(browser, { base, token, query, subscription, trigger: sent }) {
  const context = await browser.newContext();
  const origin = new URL(base).origin;
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const violations = [];
  await context.exposeFunction('reportViolation', (v) => violations.push(v));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.effectiveDirective} ${e.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(STEP);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  const response = await page.goto(`${base}/graphql`);
  const csp = response.headers()['content-security-policy'];
  await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  // A dialog adds a <style> element, which the page's CSP must allow (by its nonce).
  await page.click('button[aria-label="Open settings dialog"]');
  await page.waitForSelector('.graphiql-dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.graphiql-dialog', { state: 'detached' });
  await page.click('.graphiql-editor-tools button:has-text("Headers")');
  await setEditor(page, '.graphiql-editor-tool', JSON.stringify({ Authorization: `Bearer ${token}` }));

  const queried = await run(page, query, '');
  const subscribed = await run(page, subscription, queried, () => trigger(sent, `${base}/graphql`));
  await context.close();
  return { csp, blocked, violations, consoleErrors, queried, subscribed };
}

// In a page on its own origin: a query by fetch with a token, then a subscription over a
// hand-rolled graphql-transport-ws socket, until its first event.
async function callApi({ api, token, query, subscription }) {
  const result = {};
  try {
    const response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    result.fetch = { status: response.status, body: await response.json() };
  } catch (error) {
    result.fetch = { error: String(error) };
  }
  result.socket = await new Promise((resolve) => {
    const socket = new WebSocket(`${api.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let opened = false;
    socket.onopen = () => {
      opened = true;
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    };
    socket.onmessage = ({ data }) => {
      const message = JSON.parse(data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
        window.subscribed = true;
      } else if (message.type === 'next' || message.type === 'error') {
        socket.close(1000);
        resolve({ opened, message });
      }
    };
    socket.onclose = ({ code }) => resolve({ opened, closed: code });
  });
  return result;
}

async function cors(browser, { api, allowed, denied, token, query, subscription, trigger: sent }) {
  const context = await browser.newContext();
  const results = {};
  for (const origin of [allowed, denied]) {
    // A page the browser serves itself has no address, so Chromium counts it public and
    // asks before it reaches loopback (Local Network Access); a real one on localhost is
    // loopback itself and is not asked. Granted, only CORS decides.
    await context.grantPermissions(['local-network-access'], { origin });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>app</title>' }),
    );
    await page.goto(`${origin}/`);
    // While it intercepts requests, Playwright answers every CORS preflight itself, allowing
    // anything: it stops here, so that the API answers them.
    await page.unrouteAll();
    const called = page.evaluate(callApi, { api, token, query, subscription });
    if (origin === allowed) {
      await page.waitForFunction(() => window.subscribed === true, null, { timeout: STEP });
      await trigger(sent, `${api}/graphql`);
    }
    results[origin] = { ...(await withTimeout(called, 2 * STEP)), consoleErrors };
    await page.close();
  }
  await context.close();
  return results;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const SCENARIOS = { graphiql, cors };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  console.log(JSON.stringify(await SCENARIOS[scenario](browser, config)));
} finally {
  await browser.close();
}
