// Shared helpers for the end-to-end tests: a loopback static server that logs
// every request, and Debian's Chromium driven by playwright-core (no download).
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { before, after } from "node:test";
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
 * One browser and one server of `dir` for a test file, started before its tests and closed
 * after them (node:test hooks): `env.browser`, `env.srv`.
 */
export function browserAndServer(dir = DIST) {
  const env = {};
  before(async () => {
    env.browser = await launch();
    env.srv = await serve(dir);
  });
  after(async () => {
    await env.srv?.close();
    await env.browser?.close();
  });
  return env;
}

/**
 * Opens a page and records what a test asserts about: console messages, page errors and
 * every request the browser makes. Options: viewport width, colorScheme.
 */
export function open(browser, url, { width = 1200, colorScheme = "light" } = {}) {
  return openWith(browser, url, { viewport: { width, height: 900 }, colorScheme });
}

/** Records console messages, page errors and every request `page` makes. */
export function record(page) {
  const log = { console: [], errors: [], requests: [] };
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  return log;
}

/**
 * Waits until the widget inside `selector` has rendered its first ranking and every other
 * part (they render in later tasks; the app is aria-busy until then).
 */
export async function ready(page, selector = "el-compare") {
  await page.locator(`${selector} .elc-rank`).first().waitFor({ timeout: 20000 });
  await page.locator(`${selector} .elc-app:not([aria-busy])`).first().waitFor({ timeout: 20000 });
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

// ---- Helpers for the interface tests (ui*.test.mjs, a11y*.test.mjs) ----

/**
 * Copies the built single file into a fresh temporary folder with extra attributes on
 * its <el-compare> (default: a fixed `today`), and returns its file:// URL.
 */
export function singleCopy(attrs = { today: TODAY }) {
  const html = fs.readFileSync(SINGLE, "utf8");
  const tag = '<el-compare>';
  if (!html.includes(tag)) throw new Error(`${SINGLE} has no ${tag}`);
  const extra = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join("");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "elc-ui-"));
  const file = path.join(dir, "elcompare.html");
  fs.writeFileSync(file, html.replace(tag, `<el-compare${extra}>`));
  return pathToFileURL(file).href;
}

/** Like `open`, with any Playwright context options (viewport, deviceScaleFactor, colorScheme…). */
export async function openWith(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: "light", ...contextOptions });
  const page = await context.newPage();
  const log = record(page);
  await page.goto(url);
  return { page, log, context };
}

/**
 * Opens every <details> inside the widget, nested ones too, and waits until each has built
 * its content: the widget builds a closed part only once it is opened, on its next render,
 * so reading right after opening races that render.
 */
export async function openAllDetails(page, selector = "el-compare") {
  await page.locator(selector).evaluate(async (host) => {
    const root = host.shadowRoot;
    const empty = () => [...root.querySelectorAll("details")].filter((d) => !d.querySelector(":scope > :not(summary)"));
    for (let i = 0; i < 200; i++) {
      const closed = [...root.querySelectorAll("details:not([open])")];
      for (const d of closed) d.open = true;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (closed.length === 0 && empty().length === 0) return;
    }
    const names = empty().map((d) => `${d.className}: ${d.querySelector("summary")?.textContent}`);
    throw new Error(`<details> with no content after being opened: ${names.join(" | ")}`);
  });
}

/** Opens one <details> by a real click on its summary and waits until its content is built. */
export async function openDetails(details) {
  await details.locator(":scope > summary").click();
  await details.locator(":scope > :not(summary)").first().waitFor();
}

/**
 * Elements inside the widget's shadow root whose box sticks out of their panel (or of
 * the app when outside any panel) by more than 1 px, plus panels that scroll sideways.
 * Visually hidden (1 px, clipped) and zero-size elements are ignored.
 */
export async function shadowOverflow(page, selector = "el-compare") {
  return page.locator(selector).evaluate((host) => {
    const root = host.shadowRoot;
    const app = root.querySelector(".elc-app");
    const bad = [];
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.classList.length ? "." + [...el.classList].join(".") : ""}`;
    const hidden = (el) => {
      for (let e = el; e && e !== root; e = e.parentElement || e.parentNode) {
        if (!(e instanceof Element)) break;
        const cs = getComputedStyle(e);
        if (cs.clipPath === "inset(50%)" || cs.display === "none" || cs.visibility === "hidden") return true;
      }
      return false;
    };
    for (const panel of root.querySelectorAll(".elc-panel")) {
      if (panel.scrollWidth > panel.clientWidth + 1) bad.push(`${name(panel)} scrolls sideways: ${panel.scrollWidth} > ${panel.clientWidth}`);
    }
    for (const el of root.querySelectorAll(".elc-app *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || hidden(el)) continue;
      const box = (el.closest(".elc-panel") || app).getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        const text = (el.textContent || "").trim().slice(0, 40);
        bad.push(`${name(el)} [${Math.round(r.left)}–${Math.round(r.right)}] outside [${Math.round(box.left)}–${Math.round(box.right)}] "${text}"`);
      }
    }
    return bad;
  });
}

/**
 * Runs axe-core (node_modules/axe-core) on the whole document, open shadow roots included.
 * `disable` lists rule ids to switch off (each needs a stated reason at the call site).
 */
export async function axeViolations(page, disable = []) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  }
  const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
  const result = await page.evaluate((rules) => window.axe.run(document, { resultTypes: ["violations"], rules }), rules);
  return result.violations;
}

/** Axe violations as readable lines: rule, impact, help, and each offending node with its summary. */
export function formatViolations(violations) {
  return violations.map((v) => [`${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`,
    ...v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${n.failureSummary.replace(/\n/g, "\n      ")}`)].join("\n")).join("\n");
}
