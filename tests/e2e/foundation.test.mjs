// The two built outputs, as users get them: the single file from file:// (copied
// alone into an empty folder) and the embed bundle from http://127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SINGLE, launch, open, ready, ranking, serve, setWeight } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Moves three sliders toward early access: CentOS Stream must climb the ranking. */
async function favourFreshness(page) {
  await setWeight(page, "Stability", 0);
  await setWeight(page, "Feature freshness", 10);
  await setWeight(page, "Release lag", 10);
}

test("single file, copied alone and opened from file://, ranks live and requests nothing else", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "elc-single-"));
  const copy = path.join(dir, "elcompare.html");
  fs.copyFileSync(SINGLE, copy);
  const url = pathToFileURL(copy).href;
  const { page, log, context } = await open(browser, url);
  await ready(page);
  const before = await ranking(page);
  assert.ok(before.length >= 4, `ranking shows the options: ${before}`);
  assert.notEqual(before[0], "CentOS Stream");
  const status = await page.locator("el-compare [role=status].elc-winner").textContent();
  await favourFreshness(page);
  const after = await ranking(page);
  assert.ok(after.indexOf("CentOS Stream") < before.indexOf("CentOS Stream"), `before: ${before}; after: ${after}`);
  assert.notEqual(await page.locator("el-compare [role=status].elc-winner").textContent(), status, "live region text changed");
  assert.deepEqual(log.requests, [url], "the page requested only itself");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("embed bundle over http://127.0.0.1 mounts <el-compare> and re-ranks on input", async () => {
  const srv = await serve();
  try {
    const { page, log, context } = await open(browser, `${srv.url}/examples/basic.html`);
    await ready(page);
    const before = await ranking(page);
    await favourFreshness(page);
    const after = await ranking(page);
    assert.ok(after.indexOf("CentOS Stream") < before.indexOf("CentOS Stream"), `before: ${before}; after: ${after}`);
    assert.deepEqual(srv.requests.sort(), ["/embed/elcompare.js", "/embed/elcompare_bg.wasm", "/examples/basic.html"].sort());
    assert.ok(log.requests.every((u) => u.startsWith(srv.url)), `only loopback requests: ${log.requests}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await srv.close();
  }
});

test("a browser without a needed feature keeps the readable fallback and says why (never a blank box)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "elc-old-"));
  const copy = path.join(dir, "elcompare.html");
  fs.copyFileSync(SINGLE, copy);
  const context = await browser.newContext();
  // Pretend to be a browser from before CSS light-dark() (Chrome 122, Firefox 119, Safari 17.4).
  await context.addInitScript(() => {
    const supports = CSS.supports.bind(CSS);
    CSS.supports = (...a) => !String(a.join(" ")).includes("light-dark") && supports(...a);
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(copy).href);
  const alert = page.locator("el-compare .elc-root [role=alert]");
  await alert.waitFor({ timeout: 20000 });
  assert.match(await alert.textContent(), /too old for the interactive comparison \(it lacks CSS light-dark\(\)\)\. It runs in Chrome or Edge 123, Firefox 120, Safari 17\.5 and later/);
  const table = page.locator("el-compare .elc-static table").first();
  assert.ok(await table.isVisible(), "the prerendered table stays readable");
  assert.match(await table.textContent(), /AlmaLinux/);
  assert.equal(await page.locator("el-compare .elc-rank").count(), 0, "no half-started widget");
  assert.deepEqual(errors, []);
  await context.close();
});
