// The panic box: a panic in the shared wasm instance kills every widget on the page, so
// each one is replaced by a readable message instead of a frozen interface.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, serve } from "./lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test("a panic replaces every widget on the page with a readable message", async () => {
  const srv = await serve();
  try {
    const { page, context } = await open(browser, `${srv.url}/examples/ten.html`);
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll("el-compare")];
      return all.length === 10 && all.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".elc-rank"));
    });
    // The same module URL as the page's own script tag: the same wasm instance.
    const thrown = await page.evaluate(async () => {
      const m = await import("/embed/elcompare.js");
      try { m.elcPanicForTests(); return null; } catch (e) { return String(e); }
    });
    assert.match(thrown, /unreachable|RuntimeError/, "the trap surfaces as a JS error");
    const boxes = await page.evaluate(() => [...document.querySelectorAll("el-compare")].map((e) => {
      const root = e.shadowRoot.querySelector(".elc-root");
      return { text: root.textContent, alert: root.querySelector("[role=alert]") !== null, ranked: root.querySelector(".elc-rank") !== null };
    }));
    assert.equal(boxes.length, 10);
    for (const b of boxes) {
      assert.match(b.text, /stopped because of an internal error and needs a page reload/);
      assert.ok(b.alert && !b.ranked, "the message replaced the widget");
    }
    await context.close();
  } finally {
    await srv.close();
  }
});
