// Shared helpers for the end-to-end tests: a loopback static server that logs
// every request, and Debian's Chromium driven by playwright-core (no download).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const SINGLE = path.join(DIST, "elcompare.html");
export const TODAY = "2026-11-29";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".png": "image/png" };

/**
 * Serves `dir` on 127.0.0.1 (random port). `headers(urlPath)` may add response headers (e.g. a CSP).
 * Returns { url, requests, close } where `requests` lists every path asked for.
 */
export async function serve(dir = DIST, headers = () => ({})) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(p);
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", ...headers(p) });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  // playwright-core gives each launch a fresh temporary profile (its user-data-dir).
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  return browser;
}

/**
 * Opens a page and records what a test asserts about: console messages, page errors and
 * every request the browser makes. Options: viewport width, colorScheme.
 */
export async function open(browser, url, { width = 1200, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [] };
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(url);
  return { page, log, context };
}

/** Waits until the widget inside `selector` has rendered its first ranking. */
export async function ready(page, selector = "el-compare") {
  await page.locator(`${selector} .elc-rank`).first().waitFor({ timeout: 20000 });
}

/** Names of the ranked options, best first. */
export function ranking(page, selector = "el-compare") {
  return page.locator(`${selector} .elc-rank-name`).allTextContents();
}

/** Sets a weight slider (by criterion name) the way a user's input would. */
export async function setWeight(page, name, value, selector = "el-compare") {
  const slider = page.locator(`${selector} .elc-weight`).filter({ hasText: name }).locator("input[type=range]");
  await slider.fill(String(value));
}
