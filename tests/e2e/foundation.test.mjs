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
