// A good guest (issue 17): the widget's staged start moves nothing on its host page when the
// page holds its place (README's reservation rule, or the static fallback the embed code
// writes), and the single file does not shift either. Layout shifts are recorded by a
// PerformanceObserver installed before any page script, with the CPU slowed 4× so the
// start runs in many tasks, at a phone's viewport with the widget in the first screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, browserAndServer, ready, singleCopy } from "./lib.mjs";
import { writeHostPages } from "../bench/hosts.mjs";

const env = browserAndServer();
const pages = writeHostPages(DIST);

async function shifts(url) {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const where = e.sources.map((s) => `${s.node ? s.node.nodeName : "(in the widget)"} y ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.y)}`);
          window.__shifts.push({ value: e.value, where });
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(url);
    await ready(page);
    // Two frames more, so a shift caused by the last part is reported too.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return await page.evaluate(() => window.__shifts);
  } finally {
    await context.close();
  }
}

for (const [name, kind] of [["README's reservation rule", "top-reserved"], ["the embed code's static fallback", "top-fallback"]]) {
  test(`widget at the top of a phone screen with ${name}: its start shifts nothing`, async () => {
    const seen = await shifts(`${env.srv.url}/${pages[kind]}`);
    assert.deepEqual(seen, [], JSON.stringify(seen));
  });
}

test("the single file's staged start shifts nothing", async () => {
  const seen = await shifts(singleCopy());
  assert.deepEqual(seen, [], JSON.stringify(seen));
});
