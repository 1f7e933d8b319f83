// Polite sharing (issue 14): the widget writes nothing to the host's URL until the visitor
// changes something, keeps the host's own fragment first and working, follows hashchange,
// and takes its key out of the URL when destroyed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TODAY, browserAndServer, ready, record, setWeight } from "./lib.mjs";

const env = browserAndServer();

async function visit(path) {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  const page = await context.newPage();
  const log = record(page);
  await page.goto(`${env.srv.url}${path}`);
  await ready(page);
  return { page, log, context };
}

const hash = (page) => page.evaluate(() => location.hash);
/** Top of #verdict relative to the viewport, in px. */
const verdictTop = (page) => page.evaluate(() => document.getElementById("verdict").getBoundingClientRect().top);
const checkedPreset = (page) => page.locator("el-compare").evaluate((el) =>
  el.shadowRoot.querySelector(".elc-preset input:checked")?.value);
/** Waits longer than the widget's fragment delay (250 ms) and for two frames. */
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 600)));

test("nothing is written to the URL until the visitor changes something; then after the host's own fragment", async () => {
  const { page, log, context } = await visit("/examples/anchors.html#verdict");
  await settle(page);
  assert.equal(await hash(page), "#verdict", "page load writes nothing");
  const top = await verdictTop(page);
  assert.ok(top >= -1 && top < 50, `the page is still scrolled to #verdict after the widget loaded (top ${top})`);
  // A host-side attribute change is not the visitor: still nothing.
  await page.locator("el-compare").evaluate((el) => el.setAttribute("preset", "hosting"));
  await page.waitForFunction(() => document.querySelector("el-compare").shadowRoot.querySelector(".elc-preset input:checked")?.value === "hosting");
  await settle(page);
  assert.equal(await hash(page), "#verdict", "a host update writes nothing");
  // The visitor moves a slider: the setup follows the host's anchor.
  await setWeight(page, "Cost", 2);
  await page.waitForFunction(() => location.hash.startsWith("#verdict&elc="));
  const shared = await hash(page);
  assert.match(shared, /^#verdict&elc=w:[\d.,]+;c:centos-linux-7;o:almalinux,rocky,rhel$/);
  assert.deepEqual(log.errors, []);
  await context.close();

  // The shared link opened in a new tab: the widget shows the setup, the page is at #verdict.
  const b = await visit(`/examples/anchors.html${shared}`);
  await settle(b.page);
  const topB = await verdictTop(b.page);
  assert.ok(topB >= -1 && topB < 50, `a shared link still lands on #verdict (top ${topB})`);
  assert.equal(await checkedPreset(b.page), "custom");
  assert.equal(await b.page.locator("el-compare .elc-weight").filter({ hasText: "Cost" }).locator("output").textContent(), "2");
  assert.equal(await hash(b.page), shared, "opening a shared link rewrites nothing");
  // The page's own table of contents still works.
  await b.page.click("a[href='#history']");
  await b.page.waitForFunction(() => location.hash === "#history");
  assert.deepEqual(b.log.errors, []);
  await b.context.close();
});

test("hashchange: a shared link pasted into an open tab updates the widget; a broken one says so and keeps the setup", async () => {
  // Make a link to the hosting preset in one tab...
  const a = await visit("/examples/basic.html");
  await a.page.locator("el-compare").getByRole("radio", { name: /Hosting provider/ }).check();
  await a.page.waitForFunction(() => location.hash.startsWith("#elc=p:hosting;"));
  const link = await hash(a.page);
  await a.context.close();
  // ...and paste it into another tab that already shows the widget.
  const b = await visit("/examples/basic.html");
  assert.equal(await checkedPreset(b.page), "production");
  await b.page.evaluate((h) => { location.hash = h; }, link);
  await b.page.waitForFunction(() => document.querySelector("el-compare").shadowRoot.querySelector(".elc-preset input:checked")?.value === "hosting");
  await b.page.evaluate(() => { location.hash = "#elc=w:99"; });
  const notice = b.page.locator("el-compare .elc-notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /The shared link could not be applied \(expected \d+ weights, found 1\); the setup is unchanged\./);
  assert.equal(await checkedPreset(b.page), "hosting");
  assert.deepEqual(b.log.errors, []);
  await b.context.close();
});

test("destroy() takes the widget's key out of the URL, keeps the others; a later update() rejects", async () => {
  const { page, log, context } = await visit("/examples/basic.html#intro");
  const out = await page.evaluate(async () => {
    const { mount } = await import("/embed/elcompare.js");
    const div = document.body.appendChild(document.createElement("div"));
    div.id = "second";
    const h = await mount(div, { preset: "hosting" });
    // The visitor changes both widgets.
    for (const host of [document.querySelector("el-compare"), div]) {
      const input = host.shadowRoot.querySelector(".elc-weight input[type=range]");
      input.value = "3";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const wait = (f) => new Promise((r) => { const t = () => (f() ? r() : setTimeout(t, 20)); t(); });
    await wait(() => location.hash.includes("elc=") && location.hash.includes("elc-second="));
    const before = location.hash;
    h.destroy();
    const after = location.hash;
    let rejected = null;
    try {
      await h.update({ preset: "production" });
    } catch (err) {
      rejected = err.message;
    }
    return { before, after, rejected, app: div.shadowRoot.querySelectorAll(".elc-app").length };
  });
  assert.match(out.before, /^#intro&(elc=[^&]+&elc-second=[^&]+|elc-second=[^&]+&elc=[^&]+)$/);
  assert.match(out.after, /^#intro&elc=[^&]+$/, "only its own key is gone");
  assert.match(out.rejected, /destroyed/);
  assert.equal(out.app, 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});
