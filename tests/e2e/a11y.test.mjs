// Accessibility, layout and screenshots of the built single file: axe-core in light, dark
// and forced colours at 320 and 1200 px (every <details> opened so hidden content is checked too), no
// horizontal scrolling and nothing sticking out of a panel at 320, 1200 and 200 % zoom,
// visible keyboard focus, and full-page screenshots in tests/e2e/out/.
//
// 200 % zoom: browser zoom halves the CSS-pixel viewport and doubles device pixels, so a
// 1200 px window at 200 % lays out exactly like a 600 CSS px viewport at deviceScaleFactor 2.
// We emulate it that way (media and container queries see what they would under real zoom).
//
// With ELC_UPDATE_DOCS=1 the viewport-height screenshots are also written to docs/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, axeViolations, formatViolations, launch, openAllDetails, openWith, ready, setWeight, shadowOverflow, singleCopy } from "./lib.mjs";

const OUT = path.join(ROOT, "tests/e2e/out");
const DOCS = path.join(ROOT, "docs/screenshots");
let browser;
let url;
before(async () => { browser = await launch(); url = singleCopy(); fs.mkdirSync(OUT, { recursive: true }); });
after(async () => { await browser.close(); });

// Every axe rule runs, page-level ones included: the single file is a whole page.
const PAGE_RULES = [];

/** A setup that shows most of the interface: a current system (planner), a must-have (exclusions). */
async function busy(page) {
  await page.locator("el-compare #elc-cur").selectOption("centos-linux-7");
  await page.getByRole("checkbox", { name: "First-party commercial support" }).check();
}

for (const colorScheme of ["light", "dark", "forced colours"]) {
  for (const width of [320, 1200]) {
    test(`axe-core finds no violations: ${width} px, ${colorScheme}`, async (t) => {
      const forced = colorScheme === "forced colours";
      const { page, log, context } = await openWith(browser, url, { viewport: { width, height: 900 }, colorScheme: forced ? "dark" : colorScheme, forcedColors: forced ? "active" : "none" });
      t.after(() => context.close());
      await ready(page);
      if (forced) assert.ok(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), "forced colours are on");
      await busy(page);
      await openAllDetails(page);
      const violations = await axeViolations(page, PAGE_RULES);
      assert.equal(violations.length, 0, `axe violations at ${width} px ${colorScheme}:\n${formatViolations(violations)}`);
      // Also with the notice of a broken shared link on screen.
      await page.goto(`${url}#elc=w:nope`); // only the fragment changes: no navigation…
      await page.reload(); // …so load it again
      await ready(page);
      assert.equal(await page.locator("el-compare .elc-notice").count(), 1);
      const withNotice = await axeViolations(page, PAGE_RULES);
      assert.equal(withNotice.length, 0, `axe violations with the notice:\n${formatViolations(withNotice)}`);
      assert.deepEqual(log.errors, []);
    });
  }
}

const LAYOUTS = [
  { name: "320 px", viewport: { width: 320, height: 800 } },
  { name: "1200 px", viewport: { width: 1200, height: 900 } },
  { name: "200 % zoom of a 1200 px window", viewport: { width: 600, height: 450 }, deviceScaleFactor: 2 },
];

for (const { name, ...options } of LAYOUTS) {
  test(`no horizontal scrolling and nothing overflows its panel: ${name}`, async (t) => {
    const { page, context } = await openWith(browser, url, options);
    t.after(() => context.close());
    await ready(page);
    await busy(page);
    // The widest table: four options side by side.
    for (const o of ["Rocky Linux", "Oracle Linux"]) await page.locator("el-compare .elc-pick").getByRole("checkbox", { name: o }).check();
    await openAllDetails(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    assert.ok(scrollWidth <= innerWidth, `page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
    const bad = await shadowOverflow(page);
    assert.deepEqual(bad, [], `overflowing elements:\n${bad.join("\n")}`);
  });
}

test("tables are stacked, labelled cards at 320 px and real tables with readable row headers at 1200 px", async (t) => {
  const narrow = await openWith(browser, url, { viewport: { width: 320, height: 800 } });
  t.after(() => narrow.context.close());
  await ready(narrow.page);
  const cell = narrow.page.locator("el-compare .elc-compare tbody td").first();
  assert.equal(await cell.evaluate((td) => getComputedStyle(td).display), "block");
  assert.equal(await cell.evaluate((td) => getComputedStyle(td, "::before").content), '"CentOS Stream"');
  assert.equal(await narrow.page.locator("el-compare .elc-compare thead").evaluate((h) => getComputedStyle(h).clipPath), "inset(50%)",
    "column headers are visually hidden (each cell names its column)");

  const wide = await openWith(browser, url, { viewport: { width: 1200, height: 900 } });
  t.after(() => wide.context.close());
  await ready(wide.page);
  for (const o of ["Rocky Linux", "Oracle Linux"]) await wide.page.locator("el-compare .elc-pick").getByRole("checkbox", { name: o }).check();
  assert.equal(await wide.page.locator("el-compare .elc-compare tbody td").first().evaluate((td) => getComputedStyle(td).display), "table-cell");
  // No row header breaks inside a word ("Dimen/sion"): each word fits on its line.
  const broken = await wide.page.locator("el-compare .elc-compare th").evaluateAll((ths) => ths.filter((th) => {
    const words = th.textContent.split(/\s+/).filter(Boolean);
    const range = document.createRange();
    return words.some((w) => {
      const i = th.textContent.indexOf(w);
      const node = [...th.childNodes].find((n) => n.nodeType === 3 && n.textContent.includes(w));
      if (!node) return false;
      const at = node.textContent.indexOf(w);
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      return i >= 0 && range.getClientRects().length > 1;
    });
  }).map((th) => th.textContent));
  assert.deepEqual(broken, [], "header words broken across lines");
});

test("keyboard focus is visible on every kind of control", async (t) => {
  const { page, context } = await openWith(browser, url, { viewport: { width: 1200, height: 900 } });
  t.after(() => context.close());
  await ready(page);
  await setWeight(page, "Cost", 9); // enables the reset buttons
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      if (!el || !el.getRootNode().host) return null;
      const cs = getComputedStyle(el);
      return { kind: `${el.tagName.toLowerCase()}${el.type ? ":" + el.type : ""}`, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    if (!f) continue;
    assert.ok(f.outline !== "none" && f.width >= 2, `${f.kind} shows a focus outline (${f.outline} ${f.width}px)`);
    seen.add(f.kind);
  }
  for (const kind of ["input:radio", "input:range", "button:button", "input:checkbox", "select:select-one"]) {
    assert.ok(seen.has(kind), `reached ${kind} by Tab: ${[...seen]}`);
  }
});

for (const colorScheme of ["light", "dark"]) {
  for (const width of [320, 1200]) {
    test(`screenshot: ${width} px, ${colorScheme}`, async (t) => {
      const { page, context } = await openWith(browser, url, { viewport: { width, height: 900 }, colorScheme });
      t.after(() => context.close());
      await ready(page);
      await page.locator("el-compare #elc-cur").selectOption("centos-linux-7");
      const full = path.join(OUT, `${width}-${colorScheme}-full.png`);
      await page.screenshot({ path: full, fullPage: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const top = path.join(OUT, `${width}-${colorScheme}.png`);
      await page.screenshot({ path: top, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 1800) } });
      assert.ok(fs.statSync(full).size > 10000 && fs.statSync(top).size > 10000, "screenshots are not blank");
      if (process.env.ELC_UPDATE_DOCS === "1") {
        fs.mkdirSync(DOCS, { recursive: true });
        fs.copyFileSync(top, path.join(DOCS, `${width}-${colorScheme}.png`));
      }
    });
  }
}
