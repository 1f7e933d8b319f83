// The setup and the presentation in attributes and the JS API (issue 14): every invalid
// attribute listed at once over a working widget, weights/must, state() given back, views,
// sections and headings (with their heights measured), the embed code and its generator.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, TODAY, browserAndServer, ready, record } from "./lib.mjs";

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, "data/distros.json"), "utf8"));

const env = browserAndServer();

/** Opens a page made of `body` (served at `name`, next to the real bundle). */
async function page(body, { name = "/t.html", width = 1200, height = 900, javaScriptEnabled = true } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, javaScriptEnabled });
  if (javaScriptEnabled) await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  const p = await context.newPage();
  const log = record(p);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="icon" href="data:,"><style>body { margin: 0; padding: 0 8px; }</style></head><body>${body}` +
    `<script type="module" src="/embed/elcompare.js"></script></body></html>`;
  await p.route(`${env.srv.url}${name}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await p.goto(`${env.srv.url}${name}`);
  return { page: p, log, context };
}

const inShadow = (p, sel, fn) => p.locator(sel).evaluate(fn);

test("five wrong attributes at once: one banner lists all five with the valid values; the widget works with defaults", async () => {
  const { page: p, log, context } = await page('<el-compare preset="nope" options="almalinux,windows" theme="purple" ' +
    'view="tiny" weights="stability:11" heading="Our pick" must="f:fips"></el-compare>');
  await ready(p);
  const banner = p.locator("el-compare .elc-banner");
  await banner.waitFor();
  const text = await banner.textContent();
  assert.match(text, /^5 settings of this widget are invalid, so the widget uses the default for each:/);
  for (const line of ['theme "purple" is not one of: auto, light, dark, inherit', 'preset "nope" is not one of: production, early-access',
    'weights "stability:11": weight "11" is not a number from 0 to 10', 'options "almalinux,windows": unknown or repeated option "windows" (option ids: centos-stream,',
    'view "tiny" is not one of: full, compact, recommendation']) {
    assert.ok(text.includes(`• ${line}`), `banner lists ${JSON.stringify(line)}:\n${text}`);
  }
  // The valid attributes applied; the widget is complete and responds.
  assert.equal(await p.locator("el-compare .elc-title").textContent(), "Our pick");
  assert.ok(await p.locator("el-compare").getByRole("checkbox", { name: /FIPS/ }).isChecked());
  assert.equal(await p.locator("el-compare .elc-weights").count(), 1, "full view (the default)");
  await p.locator("el-compare").getByRole("radio", { name: /Hosting provider/ }).check();
  await p.waitForFunction(() => document.querySelector("el-compare").shadowRoot.querySelector(".elc-preset input:checked")?.value === "hosting");
  assert.deepEqual(log.errors, []);
  // The same options given to mount() reject with all five listed.
  const rejected = await p.evaluate(async () => {
    const { mount } = await import("/embed/elcompare.js");
    const div = document.body.appendChild(document.createElement("div"));
    try {
      await mount(div, { preset: "nope", options: ["almalinux", "windows"], theme: "purple", view: "tiny", weights: { stability: 11 } });
      return "resolved";
    } catch (err) {
      return err.message;
    }
  });
  assert.equal(rejected.split("\n").length, 5, rejected);
  await context.close();
});

test("weights and must attributes (the fragment's syntax); everything state() returns is accepted back by mount and update", async () => {
  const { page: p, log, context } = await page('<el-compare id="a" weights="stability:2,cost:9" must="f:fips;y:5" current="rocky-8" options="almalinux,rhel"></el-compare>');
  await ready(p);
  const out = await p.evaluate(async () => {
    const { mount } = await import("/embed/elcompare.js");
    const el = document.getElementById("a");
    // The element's state, via a handle mounted from the same attributes.
    const probe = document.body.appendChild(document.createElement("div"));
    const h = await mount(probe, { weights: "stability:2,cost:9", must: "f:fips;y:5", current: "rocky-8", options: "almalinux,rhel", share: "off" });
    const state = h.state();
    const copy = await mount(document.body.appendChild(document.createElement("div")), { ...state, share: "off" });
    const other = await mount(document.body.appendChild(document.createElement("div")), { preset: "hosting", share: "off" });
    await other.update(state);
    const shown = [...el.shadowRoot.querySelectorAll(".elc-weight-value")].map((n) => n.textContent);
    const probeShown = [...probe.shadowRoot.querySelectorAll(".elc-weight-value")].map((n) => n.textContent);
    return { state, copy: copy.state(), updated: other.state(), shown, probeShown };
  });
  const ids = DATA.criteria.map((c) => c.id);
  const defaults = Object.fromEntries(DATA.criteria.map((c) => [c.id, c.default_weight]));
  assert.deepEqual(out.state.detail.weights, { ...defaults, stability: 2, cost: 9 });
  assert.deepEqual(out.state.must, { flags: ["fips"], arch: null, min_years: 5 });
  assert.equal(out.state.current, "rocky-8");
  assert.deepEqual(out.state.compare, ["almalinux", "rhel"]);
  assert.deepEqual(out.shown, out.probeShown, "the attributes gave the element the same weights");
  assert.deepEqual(out.copy, out.state, "mount(state()) reproduces the setup and result");
  assert.deepEqual(out.updated, out.state, "update(state()) too");
  assert.equal(ids.length, Object.keys(out.state.detail.weights).length);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Height of the widget and whether the recommendation line is on the first screen. */
async function measure(view, width) {
  const attr = view === "full" ? "" : ` view="${view}"`;
  const { page: p, context } = await page(`<el-compare preset="production" share="off"${attr}></el-compare>`, { width, height: 844 });
  await p.locator("el-compare .elc-winner").waitFor();
  const m = await p.locator("el-compare").evaluate((el) => {
    const r = el.shadowRoot.querySelector(".elc-winner").getBoundingClientRect();
    return { height: Math.round(el.getBoundingClientRect().height), winnerBottom: Math.round(r.bottom),
      weights: el.shadowRoot.querySelectorAll(".elc-weights").length, presets: el.shadowRoot.querySelectorAll(".elc-presets").length,
      ranking: el.shadowRoot.querySelectorAll(".elc-rank").length, table: el.shadowRoot.querySelectorAll(".elc-compare").length,
      more: el.shadowRoot.querySelectorAll(".elc-more").length };
  });
  await context.close();
  return m;
}

test("views: full, compact and recommendation at 840 px and 390 px (heights measured); the recommendation is on a phone's first screen", async (t) => {
  const h = {};
  for (const width of [840, 390]) {
    for (const view of ["full", "compact", "recommendation"]) {
      h[`${view}@${width}`] = await measure(view, width);
      t.diagnostic(`height ${view} @ ${width}px: ${h[`${view}@${width}`].height} px (winner line ends at ${h[`${view}@${width}`].winnerBottom} px)`);
    }
  }
  for (const width of [840, 390]) {
    const [full, compact, card] = ["full", "compact", "recommendation"].map((v) => h[`${v}@${width}`]);
    assert.ok(compact.height < full.height / 2, `compact (${compact.height}) is far shorter than full (${full.height}) at ${width}`);
    assert.ok(card.height < compact.height, `the card (${card.height}) is shorter than compact (${compact.height}) at ${width}`);
    assert.deepEqual([full.presets, full.weights, full.table, full.more], [1, 1, 1, 0]);
    assert.deepEqual([compact.presets, compact.weights, compact.table, compact.more], [1, 0, 0, 1], "compact: the rest one click away");
    assert.ok(compact.ranking > 0);
    assert.deepEqual([card.presets, card.weights, card.more], [0, 0, 1]);
  }
  for (const view of ["full", "compact", "recommendation"]) {
    assert.ok(h[`${view}@390`].winnerBottom <= 844, `${view} at 390 px: the recommendation is visible without scrolling (${h[`${view}@390`].winnerBottom})`);
  }
});

test("compact view: the rest is one click away", async () => {
  const { page: p, context } = await page('<el-compare view="compact" share="off"></el-compare>');
  await ready(p);
  const more = p.locator("el-compare .elc-more > summary");
  assert.match(await more.textContent(), /priorities, must-haves, side-by-side table, lifecycle timeline, migration plan, sources/);
  await more.click();
  await p.locator("el-compare .elc-weights").waitFor();
  assert.equal(await p.locator("el-compare .elc-compare").count(), 1);
  await context.close();
});

test("sections, heading and heading-level fit the host page's outline", async () => {
  const { page: p, context } = await page('<h1>Post</h1><el-compare id="a" sections="recommendation,timeline" heading="Our pick" heading-level="3" share="off"></el-compare>' +
    '<el-compare id="b" heading="" share="off"></el-compare>');
  await p.locator("#a .elc-winner").waitFor();
  await ready(p, "#b");
  const a = await inShadow(p, "#a", (el) => ({
    title: el.shadowRoot.querySelector(".elc-title")?.tagName + " " + el.shadowRoot.querySelector(".elc-title")?.textContent,
    subs: [...el.shadowRoot.querySelectorAll("h2, h3, h4, h5, h6")].map((x) => `${x.tagName} ${x.textContent}`),
    parts: [".elc-presets", ".elc-reco", ".elc-ranking", ".elc-weights", ".elc-compare", ".elc-timeline", ".elc-footer", ".elc-more"]
      .filter((s) => el.shadowRoot.querySelector(s)),
  }));
  assert.equal(a.title, "H3 Our pick");
  assert.deepEqual(a.subs, ["H3 Our pick", "H4 Recommendation", "H4 Lifecycle"]);
  assert.deepEqual(a.parts, [".elc-reco", ".elc-timeline"]);
  assert.equal(await p.locator("#b .elc-title").count(), 0, 'heading="" hides the title');
  await p.locator("#b").evaluate((el) => el.setAttribute("view", "compact"));
  await p.waitForFunction(() => document.getElementById("b").shadowRoot.querySelector(".elc-more"));
  await context.close();
});

test("the snippet generator: the copied code, pasted into a fresh page, shows the same setup; its fallback reads without JavaScript", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  const gen = await context.newPage();
  const log = record(gen);
  await gen.goto(`${env.srv.url}/generator.html`);
  await gen.waitForFunction(() => document.documentElement.dataset.ready === "1");
  await gen.locator("#setup").getByRole("radio", { name: /Hosting provider/ }).check();
  await gen.locator("#setup").getByRole("checkbox", { name: "Rocky Linux" }).check();
  await gen.locator("input[name=view][value=compact]").check();
  await gen.locator("select[name=theme]").selectOption("dark");
  await gen.fill("input[name=script]", "/embed/elcompare.js");
  await gen.waitForFunction(() => {
    const c = document.getElementById("code").value;
    return c.includes('view="compact"') && c.includes('preset="hosting"') && c.includes("rocky") && c.includes('src="/embed/elcompare.js"');
  });
  const code = await gen.locator("#code").inputValue();
  assert.match(code, /^<script type="module" src="\/embed\/elcompare.js"><\/script>\n<el-compare preset="hosting" options="[a-z,-]+" view="compact" theme="dark">\n<div class="elc-static">/);
  assert.deepEqual(log.errors, []);
  await context.close();

  // Pasted into a fresh page.
  const pasted = await page(code, { name: "/pasted.html" });
  await ready(pasted.page);
  const look = await inShadow(pasted.page, "el-compare", (el) => ({
    preset: el.shadowRoot.querySelector(".elc-preset input:checked")?.value,
    more: Boolean(el.shadowRoot.querySelector(".elc-more")),
    theme: el.getAttribute("theme"),
  }));
  assert.deepEqual(look, { preset: "hosting", more: true, theme: "dark" });
  await pasted.context.close();
  // Without JavaScript the static version is the content.
  const off = await page(code, { name: "/pasted.html", javaScriptEnabled: false });
  const fallback = off.page.locator("el-compare .elc-static");
  assert.ok(await fallback.isVisible());
  assert.match(await fallback.textContent(), /Recommended: [A-Za-z ]+, \d+\.\d of 100\./);
  assert.match(await fallback.textContent(), /Rocky Linux/);
  await off.context.close();
});

test('"Copy embed code" in the widget gives the code for the current setup', async () => {
  const { page: p, log, context } = await page('<el-compare preset="production" view="compact" share="off"></el-compare>');
  await ready(p);
  await p.locator("el-compare").getByRole("radio", { name: /Regulated/ }).check();
  await p.locator("el-compare .elc-more > summary").click();
  await p.locator("el-compare").getByRole("button", { name: "Copy embed code" }).click();
  const box = p.locator("el-compare .elc-embed-code");
  await box.waitFor();
  const code = await box.inputValue();
  assert.match(code, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\/elcompare\.js"><\/script>\n<el-compare preset="regulated" view="compact" share="off">\n<div class="elc-static">/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
