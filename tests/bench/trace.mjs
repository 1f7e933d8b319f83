// What the long tasks of a page consist of (issue 17): a Chromium trace with the CPU slowed
// (CDP Emulation.setCPUThrottlingRate), every main-thread task over a threshold listed with
// its time by trace event (exclusive time: `FunctionCall` is script and wasm, `Layout`,
// `UpdateLayoutTree` is style, …) and the performance marks that fall inside it.
//
//   node tests/bench/trace.mjs URL [--rate 4] [--widgets 1] [--over 30] [--out trace.json]
//
// URL is a page served with the bench's server (`cargo xtask serve dist PORT`), e.g.
// http://127.0.0.1:PORT/bench/one.html. Waits until `--widgets` widgets are fully drawn and
// the page has been quiet for a second. Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import { launch } from "../e2e/lib.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const URL_ = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
if (!URL_) {
  console.error("usage: node tests/bench/trace.mjs URL [--rate 4] [--widgets 1] [--over 30] [--out trace.json]");
  process.exit(2);
}
const RATE = Number(opt("--rate", 4));
const WIDGETS = Number(opt("--widgets", 1));
const OVER = Number(opt("--over", 30));
const CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute",
  "blink.user_timing", "loading", "disabled-by-default-v8.compile"].join(",");

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE });
await browser.startTracing(page, { categories: CATEGORIES.split(",") });
await page.goto(URL_);
await page.waitForFunction((n) => {
  const els = Array.from(document.querySelectorAll("el-compare"));
  return els.length >= n && els.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".elc-app:not([aria-busy]) .elc-rank"));
}, WIDGETS, { timeout: 120000, polling: 200 });
await page.waitForTimeout(1000);
const buf = await browser.stopTracing();
const pageUrl = page.url();
await browser.close();
if (opt("--out", null)) fs.writeFileSync(opt("--out", null), buf);

const { traceEvents } = JSON.parse(buf.toString());
// The page's renderer main thread: the CrRendererMain that parsed the page.
const names = new Map();
for (const e of traceEvents) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
const parse = traceEvents.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url === pageUrl);
const main = `${parse.pid}:${parse.tid}`;
// Complete events of that thread (B/E pairs folded into X), nested by time.
const open = [];
const evs = [];
for (const e of traceEvents) {
  if (`${e.pid}:${e.tid}` !== main) continue;
  if (e.ph === "X") evs.push({ name: e.name, cat: e.cat, ts: e.ts, dur: e.dur || 0, args: e.args });
  else if (e.ph === "B") open.push(e);
  else if (e.ph === "E") {
    const b = open.pop();
    if (b) evs.push({ name: b.name, cat: b.cat, ts: b.ts, dur: e.ts - b.ts, args: b.args });
  }
}
const marks = traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.cat.includes("blink.user_timing") && (e.ph === "R" || e.ph === "I" || e.ph === "n"));
evs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const t0 = parse.ts;
const tasks = [];
const stack = [];
for (const e of evs) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  if (!stack.length) {
    if (e.cat.includes("toplevel")) {
      e.self = new Map();
      tasks.push(e);
      stack.push(e);
      e.task = e;
      e.own = e.dur;
    }
    continue;
  }
  const parent = stack[stack.length - 1];
  e.task = parent.task;
  e.own = e.dur;
  parent.own -= e.dur;
  stack.push(e);
}
for (const e of evs) if (e.task) e.task.self.set(e.name, (e.task.self.get(e.name) || 0) + Math.max(0, e.own));
const ms = (us) => (us / 1000).toFixed(1);
console.log(`trace of ${URL_} — CPU slowed ${RATE}×, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, ${new Date().toISOString().slice(0, 16)}Z`);
const long = tasks.filter((t) => t.dur / 1000 > OVER);
console.log(`${tasks.length} tasks, ${long.length} over ${OVER} ms, ${tasks.filter((t) => t.dur > 50000).length} over 50 ms`);
for (const t of long) {
  const parts = [...t.self].filter(([n, d]) => d > 1000 && n !== t.name).sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([n, d]) => `${n} ${ms(d)}`).join(", ");
  const inside = marks.filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur).map((m) => m.name);
  console.log(`at ${ms(t.ts - t0).padStart(7)} ms  ${ms(t.dur).padStart(6)} ms  ${parts}${inside.length ? `  [${[...new Set(inside)].join(", ")}]` : ""}`);
}
