// `cargo xtask bench` (host-page half, issue 17): what the widget costs the page it is
// embedded in.
//
//   node tests/bench/guest.mjs --base http://127.0.0.1:PORT [--dist DIR] [--runs 3] [--presets mobile,desktop]
//                              [--no-lighthouse] [--no-longtasks] [--before URL --before-dist DIR]
//
// With --before, a second build (e.g. a saved dist/ served by `cargo xtask serve`) is measured
// in the same interleaved series, for before/after figures on a noisy machine.
// `--base` is a server for dist/ (or DIR) with compression and cache headers (xtask's, see
// xtask/src/serve.rs; `cargo xtask serve DIR PORT` serves a saved build); the host pages are
// written to DIR/bench/ first (hosts.mjs).
//
// 1. Lighthouse 12.2.3 (node_modules, Debian's Chromium) on the article with no widget, one
//    mid-article, three, one at the top, and on the single file; mobile and desktop presets;
//    RUNS runs of each, interleaved (run 1 of every page, then run 2…) so that all pages see
//    the same machine load; medians; deltas against the no-widget page of the same series.
// 2. Long tasks: the article with one widget and examples/ten.html (ten widgets) in
//    playwright-core with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate); a
//    PerformanceObserver for "longtask" counts tasks over 50 ms until every widget has
//    rendered and the page has been quiet for 2 s.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DIST, ROOT, launch } from "../e2e/lib.mjs";
import { writeHostPages } from "./hosts.mjs";

const run = promisify(execFile);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const BASE = opt("--base", null);
const RUNS = Number(opt("--runs", 3));
const PRESETS = opt("--presets", "mobile,desktop").split(",");
const LIGHTHOUSE = !args.includes("--no-lighthouse");
const LONGTASKS = !args.includes("--no-longtasks");
if (!BASE) {
  console.error("usage: node tests/bench/guest.mjs --base http://127.0.0.1:PORT (run by cargo xtask bench)");
  process.exit(2);
}

const CHROME = "/usr/bin/chromium";
// As the guide says for headless Chromium as root, plus nothing that talks to the network.
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
  "--disable-default-apps", "--disable-extensions"];
const BUDGET = { points: 2, cls: 0.0, tbtMs: 50, single: 95, longTaskMs: 50 };

const hosts = writeHostPages(path.resolve(opt("--dist", DIST)));
if (opt("--before", null)) writeHostPages(path.resolve(opt("--before-dist", DIST)));
/** The builds measured: this one, and with --before the one to compare it with. */
const BUILDS = [["", BASE], ...(opt("--before", null) ? [["before: ", opt("--before", null)]] : [])];
const PAGES = [
  ["article, no widget", hosts.none],
  ["one widget mid-article", hosts.one],
  ["three widgets", hosts.three],
  ["one at the top, bare element", hosts.top],
  ["one at the top, space reserved (README)", hosts["top-reserved"]],
  ["one at the top, embed code (static fallback)", hosts["top-fallback"]],
  ["elcompare.html (single file)", "elcompare.html"],
];
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One Lighthouse run through its own CLI (a fresh Chromium and profile each time). */
async function lighthouse(url, preset) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "elc-lh-"));
  const out = path.join(dir, "report.json");
  const argv = [url, "--quiet", "--only-categories=performance", "--output=json", `--output-path=${out}`,
    `--chrome-flags=${CHROME_FLAGS.join(" ")} --user-data-dir=${path.join(dir, "profile")}`];
  if (preset === "desktop") argv.push("--preset=desktop");
  try {
    await run(path.join(ROOT, "node_modules/.bin/lighthouse"), argv,
      { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 << 20, timeout: 180000 });
    const lhr = JSON.parse(fs.readFileSync(out, "utf8"));
    const a = (id) => lhr.audits[id] && lhr.audits[id].numericValue;
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
    return {
      perf: Math.round(lhr.categories.performance.score * 100),
      tbt: a("total-blocking-time"), cls: a("cumulative-layout-shift"), lcp: a("largest-contentful-paint"),
      fcp: a("first-contentful-paint"), si: a("speed-index"), dom: a("dom-size"),
    };
  } catch (err) {
    console.error(`lighthouse ${preset} ${url}: ${String(err.message || err).split("\n")[0]}`);
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function lighthouseTable() {
  const results = {}; // build label + preset → page index → [runs]
  for (const [label] of BUILDS) for (const preset of PRESETS) results[label + preset] = PAGES.map(() => []);
  const started = Date.now();
  for (let r = 0; r < RUNS; r++) {
    for (const preset of PRESETS) {
      for (const [i, [, page]] of PAGES.entries()) {
        for (const [label, base] of BUILDS) {
          const res = await lighthouse(`${base}/${page}`, preset);
          if (res) results[label + preset][i].push(res);
        }
      }
    }
    console.error(`lighthouse: series ${r + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const rows = [];
  let over = 0;
  for (const [label] of BUILDS) for (const preset of PRESETS) {
    const med = results[label + preset].map((runs) => {
      const m = (k) => median(runs.map((x) => x[k]));
      return { n: runs.length, perf: m("perf"), tbt: m("tbt"), cls: m("cls"), lcp: m("lcp"), fcp: m("fcp"), si: m("si"), dom: m("dom") };
    });
    const base = med[0];
    for (const [i, [name]] of PAGES.entries()) {
      const m = med[i];
      const single = i === PAGES.length - 1;
      const d = (v, b, digits) => (i === 0 || single || !Number.isFinite(v) ? "" : `${v - b >= 0 ? "+" : "−"}${Math.abs(v - b).toFixed(digits)}`);
      let verdict = "";
      if (preset === "mobile" && i > 0 && !label) {
        const ok = single ? m.perf >= BUDGET.single
          : base.perf - m.perf <= BUDGET.points && m.cls - base.cls <= BUDGET.cls + 0.005 && m.tbt - base.tbt <= BUDGET.tbtMs;
        verdict = ok ? "pass" : "OVER";
        if (!ok) over++;
      }
      rows.push([label + preset, name, `${m.n}`, `${m.perf}`, d(m.perf, base.perf, 0), `${m.tbt.toFixed(0)}`, d(m.tbt, base.tbt, 0),
        m.cls.toFixed(3), d(m.cls, base.cls, 3), (m.lcp / 1000).toFixed(2), d(m.lcp / 1000, base.lcp / 1000, 2),
        (m.fcp / 1000).toFixed(2), (m.si / 1000).toFixed(2), `${m.dom}`, verdict]);
    }
  }
  const head = ["preset", "page", "runs", "perf", "Δ", "TBT ms", "Δ", "CLS", "Δ", "LCP s", "Δ", "FCP s", "SI s", "DOM", "budget"];
  print(`Lighthouse 12.2.3, performance, medians of ${RUNS} interleaved runs (Δ: against the article with no widget, same series)`, head, rows);
  console.log("budget (mobile): perf within 2 points of no widget, CLS +0.00, TBT +≤ 50 ms; single file ≥ 95");
  return over;
}

/**
 * Long tasks while `url` starts its widgets with the CPU slowed 4×: until every <el-compare>
 * shows a ranking and no long task has started for 2 s (or 60 s passed).
 */
async function longTasks(browser, url, widgets) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await ctx.addInitScript(() => {
    window.__elcLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__elcLong.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url);
  const started = Date.now();
  await page.waitForFunction((n) => {
    const els = Array.from(document.querySelectorAll("el-compare"));
    // Fully rendered: the ranking is there and the app no longer marks itself busy.
    return els.length >= n && els.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".elc-app:not([aria-busy]) .elc-rank"));
  }, widgets, { timeout: 120000, polling: 100 });
  const ready = await page.evaluate(() => performance.now());
  for (;;) {
    const quiet = await page.evaluate(() => {
      const last = window.__elcLong.reduce((t, e) => Math.max(t, e.start + e.duration), 0);
      return performance.now() - last;
    });
    if (quiet >= 2000 || Date.now() - started > 60000) break;
    await page.waitForTimeout(500);
  }
  const long = await page.evaluate(() => window.__elcLong);
  await ctx.close();
  return { ready, long };
}

async function longTaskTable() {
  const browser = await launch();
  const rows = [];
  let over = 0;
  try {
    const cases = [
      ["one widget (article)", `${BASE}/${hosts.one}`, 1],
      ["ten widgets (examples/ten.html)", `${BASE}/examples/ten.html`, 10],
      ["single file (elcompare.html)", `${BASE}/elcompare.html`, 1],
    ];
    await longTasks(browser, cases[0][1], 1); // warm-up
    const runs = {}; // build label + case → [{ ready, long }]
    for (let r = 0; r < RUNS; r++) {
      for (const [name, url, n] of cases) {
        for (const [label, base] of BUILDS) {
          (runs[label + name] ||= []).push(await longTasks(browser, url.replace(BASE, base), n));
        }
      }
    }
    for (const [label] of BUILDS) for (const [name] of cases) {
      const results = runs[label + name];
      const counts = results.map((x) => x.long.length);
      const maxes = results.map((x) => x.long.reduce((m, e) => Math.max(m, e.duration), 0));
      const blocking = results.map((x) => x.long.reduce((s, e) => s + e.duration - 50, 0));
      const ok = median(counts) === 0;
      const judged = !label && !name.startsWith("single");
      if (judged && !ok) over++;
      rows.push([label + name, `${median(counts)}`, `${Math.max(...counts)}`, `${median(maxes).toFixed(0)}`,
        `${median(blocking).toFixed(0)}`, `${(median(results.map((x) => x.ready)) / 1000).toFixed(2)}`, judged ? (ok ? "pass" : "OVER") : ""]);
    }
  } finally {
    await browser.close();
  }
  print(`Long tasks (> 50 ms) on the main thread, CPU slowed 4×, medians of ${RUNS}`,
    ["page", "long tasks", "worst run", "longest ms", "blocking ms", "all rendered s", "budget"], rows);
  console.log("budget: no task over 50 ms for one and for ten widgets");
  return over;
}

function print(title, head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i <= 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
}

console.log(`\nelcompare on its host pages — ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 16)}Z`);
let over = 0;
if (LIGHTHOUSE) over += await lighthouseTable();
if (LONGTASKS) over += await longTaskTable();
console.log(`\n${over ? `${over} host-page figure(s) over budget` : "host-page figures within budget"}`);
