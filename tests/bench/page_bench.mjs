// `cargo xtask bench` (second half): sizes, start-up, input latency and memory of the
// built outputs in headless Chromium, printed as one table against the budget of issue 7.
// Not part of the test run.
//
//   node tests/bench/page_bench.mjs [dist/elcompare.html] [--engine-ns N] [--engine-cpu-ns N] [--loads N] [--inputs N]
//
// The engine figure (native time per full evaluation) comes from the engine bench example;
// xtask passes it with --engine-ns so that everything lands in one table.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { pathToFileURL } from "node:url";
import { DIST, launch, serve } from "../e2e/lib.mjs";

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const positional = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
const SINGLE = path.resolve(positional[0] || path.join(DIST, "elcompare.html"));
const DISTDIR = path.dirname(SINGLE);
const STATIC = path.join(DISTDIR, "static.html");
const EMBED = path.join(DISTDIR, "embed");
const LOADS = flag("--loads", 11);
const INPUTS = flag("--inputs", 1000);
const ENGINE_NS = flag("--engine-ns", NaN);
const ENGINE_CPU_NS = flag("--engine-cpu-ns", NaN);

const KB = 1024;
const BUDGET = {
  // Sizes: issue 17 (was 130 / 110 KB in issue 7).
  singleGzip: 160 * KB,
  embedGzip: 150 * KB,
  startupRatio: 1.5,
  inputP95: 4,
  engineUs: 20,
  tenMB: 30,
};

// ---------- sizes ----------
function sizes(files) {
  // Per-file compression summed: each file travels as its own HTTP response.
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
    br += zlib.brotliCompressSync(b, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
    }).length;
  }
  return { raw, gz, br };
}

// ---------- helpers ----------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

/**
 * Runs before any page script: observes every shadow root the widget attaches and records
 * (performance.now(), i.e. ms since navigation start) when the first ranking appears, then
 * moves a weight slider and records when the ranking in the DOM has changed: "interactive".
 */
const STARTUP_PROBE = `(() => {
  const w = window;
  w.__elc = { ranked: null, interactive: null };
  const sig = (root) => Array.from(root.querySelectorAll(".elc-rank")).map((e) => e.textContent).join("|");
  const orig = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = orig.call(this, init);
    if (w.__elcWatching) return root;
    w.__elcWatching = true;
    let phase = 0, before = "";
    const check = () => {
      if (phase === 0 && root.querySelector(".elc-rank")) {
        if (w.__elc.ranked === null) w.__elc.ranked = performance.now();
        // The sliders render in a task after the ranking: wait for them.
        const s = root.querySelector(".elc-weight input[type=range]");
        if (!s) return;
        phase = 1;
        before = sig(root);
        s.value = s.value === "10" ? "0" : "10";
        s.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
      } else if (phase === 1 && sig(root) !== before) {
        phase = 2;
        w.__elc.interactive = performance.now();
        mo.disconnect();
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    return root;
  };
})();`;

async function startupWidget(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await ctx.addInitScript(STARTUP_PROBE);
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__elc && window.__elc.interactive !== null, null, { timeout: 30000 });
  const r = await page.evaluate(() => window.__elc);
  await ctx.close();
  return r;
}

async function startupStatic(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: "load" });
  // The static page is "interactive" once it has loaded: the table is there and nothing else runs.
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return { loaded: nav.loadEventEnd, table: document.querySelector("table") ? 1 : 0 };
  });
  await ctx.close();
  if (!t.table) throw new Error(`${url}: no table`);
  return t.loaded;
}

/** INPUTS slider inputs, each timed from dispatch to the ranking's DOM having changed. */
async function inputLatency(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.locator("el-compare .elc-rank").first().waitFor({ timeout: 30000 });
  const r = await page.evaluate(async (n) => {
    const root = document.querySelector("el-compare").shadowRoot;
    const sliders = Array.from(root.querySelectorAll(".elc-weight input[type=range]"));
    const list = root.querySelector(".elc-rank").parentElement;
    const sig = () => Array.from(list.querySelectorAll(".elc-rank")).map((e) => e.textContent).join("|");
    const times = [];
    let unchanged = 0;
    for (let i = 0; i < n; i++) {
      const s = sliders[i % sliders.length];
      const before = sig();
      s.value = s.value === "10" ? "0" : "10";
      const done = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (sig() !== before) { const t = performance.now(); mo.disconnect(); clearTimeout(to); resolve(t); }
        });
        mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        // A weight that changes no score leaves the ranking as it was: not timed.
        const to = setTimeout(() => { mo.disconnect(); resolve(null); }, 200);
      });
      const t0 = performance.now();
      s.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
      const t1 = await done;
      if (t1 === null) unchanged++; else times.push(t1 - t0);
    }
    return { times, unchanged };
  }, INPUTS);
  await ctx.close();
  return r;
}

/** JS heap (after a forced GC) + wasm linear memory of a page once all its widgets rendered. */
async function memory(browser, url, widgets) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(
    (n) => document.querySelectorAll("el-compare").length >= n &&
      Array.from(document.querySelectorAll("el-compare")).every((e) => e.shadowRoot && e.shadowRoot.querySelector(".elc-rank")),
    widgets, { timeout: 30000 });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // Every WebAssembly.Memory alive on the page (the glue keeps its memory module-private).
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const wasm = await cdp.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0) + ':' + this.length; }",
    returnByValue: true,
  });
  const [wasmBytes, memories] = wasm.result.value.split(":").map(Number);
  await ctx.close();
  return { heap: heap.usedSize, wasm: wasmBytes, memories };
}

// ---------- run ----------
const single = sizes([SINGLE]);
const embedFiles = ["elcompare.js", "elcompare_bg.wasm", "elcompare.css"].map((f) => path.join(EMBED, f)).filter((f) => fs.existsSync(f));
const embed = sizes(embedFiles);

const browser = await launch();
const server = await serve(DISTDIR);
try {
  const singleUrl = pathToFileURL(SINGLE).href;
  const staticUrl = pathToFileURL(STATIC).href;
  // Interleaved so that both see the same machine load; one warm-up of each first.
  await startupWidget(browser, singleUrl);
  await startupStatic(browser, staticUrl);
  const widget = [], ranked = [], stat = [];
  for (let i = 0; i < LOADS; i++) {
    const r = await startupWidget(browser, singleUrl);
    widget.push(r.interactive);
    ranked.push(r.ranked);
    stat.push(await startupStatic(browser, staticUrl));
  }
  const lat = await inputLatency(browser, singleUrl);
  const one = await memory(browser, `${server.url}/examples/basic.html`, 1);
  const ten = await memory(browser, `${server.url}/examples/ten.html`, 10);

  const rows = [];
  const row = (what, value, budget, ok) => rows.push([what, value, budget, ok === undefined ? "" : ok ? "pass" : "OVER"]);
  const kb = (b) => `${(b / KB).toFixed(1)} KB`;
  const mb = (b) => `${(b / KB / KB).toFixed(1)} MB`;
  row("size: dist/elcompare.html raw / gzip / brotli", `${kb(single.raw)} / ${kb(single.gz)} / ${kb(single.br)}`, "gzip ≤ 160 KB", single.gz <= BUDGET.singleGzip);
  row(`size: embed bundle (${embedFiles.map((f) => path.basename(f)).join(" + ")}) raw / gzip / brotli`, `${kb(embed.raw)} / ${kb(embed.gz)} / ${kb(embed.br)}`, "gzip ≤ 150 KB", embed.gz <= BUDGET.embedGzip);
  const mw = median(widget), ms = median(stat);
  row(`start-up: single file (file://) → first ranking, median of ${LOADS}`, `${median(ranked).toFixed(1)} ms`, "");
  row(`start-up: single file (file://) → interactive, median of ${LOADS}`, `${mw.toFixed(1)} ms`, "");
  row(`start-up: dist/static.html (file://) → loaded, median of ${LOADS}`, `${ms.toFixed(1)} ms`, "");
  row("start-up: ratio widget / static", `${(mw / ms).toFixed(2)} ×`, "≤ 1.5 ×", mw / ms <= BUDGET.startupRatio);
  const t = lat.times;
  row(`input → DOM: ${t.length} slider inputs${lat.unchanged ? ` (+${lat.unchanged} that changed no score)` : ""} p50 / p95 / max`,
    `${pct(t, 50).toFixed(2)} / ${pct(t, 95).toFixed(2)} / ${Math.max(...t).toFixed(2)} ms`, "p95 ≤ 4 ms", pct(t, 95) <= BUDGET.inputP95);
  if (Number.isFinite(ENGINE_NS)) {
    // On a busy machine wall time includes time descheduled; on-CPU time (when the bench has it) does not.
    const us = (Number.isFinite(ENGINE_CPU_NS) ? Math.min(ENGINE_NS, ENGINE_CPU_NS) : ENGINE_NS) / 1000;
    const both = Number.isFinite(ENGINE_CPU_NS) ? ` (wall ${(ENGINE_NS / 1000).toFixed(2)}, on-CPU ${(ENGINE_CPU_NS / 1000).toFixed(2)})` : "";
    row(`engine: one full evaluation, native, median${both}`, `${us.toFixed(2)} µs`, "≤ 20 µs", us <= BUDGET.engineUs);
  } else {
    row("engine: one full evaluation, native", "not measured (run via cargo xtask bench)", "≤ 20 µs");
  }
  row("memory: one widget (examples/basic.html) JS heap + wasm", `${mb(one.heap)} + ${mb(one.wasm)} = ${mb(one.heap + one.wasm)}`, "");
  row(`memory: ten widgets (examples/ten.html) JS heap + wasm (${ten.memories} wasm memory)`, `${mb(ten.heap)} + ${mb(ten.wasm)} = ${mb(ten.heap + ten.wasm)}`, "≤ 30 MB", (ten.heap + ten.wasm) / KB / KB <= BUDGET.tenMB);

  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["figure", "value", "budget", ""][i].length));
  const line = (r) => r.map((c, i) => (i === 1 ? c.padStart(w[i]) : c.padEnd(w[i]))).join("  ").trimEnd();
  console.log(`\nelcompare benchmark — ${os.cpus().length} CPU(s), Chromium headless, ${new Date().toISOString().slice(0, 10)}`);
  console.log(line(["figure", "value", "budget", "result"]));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of rows) console.log(line(r));
  const over = rows.filter((r) => r[3] === "OVER").length;
  console.log(`\n${over ? `${over} figure(s) over budget` : "all figures within budget"}`);
} finally {
  await server.close();
  await browser.close();
}
