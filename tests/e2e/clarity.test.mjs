// What the screen says about its numbers and colours (issue 15), on the single file from
// file://: rank positions that follow the ranking, a lifecycle chart whose colours have
// 3:1 contrast, an open bar for a version with no published end, year labels under their
// grid lines, and colour keys that survive forced colours (Windows High Contrast).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openWith, ready, singleCopy } from "./lib.mjs";

const W = "el-compare";
let browser;
let url;
before(async () => { browser = await launch(); url = singleCopy(); });
after(async () => { await browser.close(); });

async function widget(t, options = {}) {
  const { page, log, context } = await openWith(browser, url, options);
  t.after(() => context.close());
  await ready(page);
  return { page, log };
}

const positions = (page) => page.locator(`${W} .elc-rank-pos`).allTextContents();

test("rank numbers are text and follow the ranking when must-haves remove options", async (t) => {
  const { page, log } = await widget(t);
  const all = await positions(page);
  assert.deepEqual(all, all.map((_, i) => `${i + 1}. `));
  for (const name of ["FIPS 140 validated modules", "First-party commercial support"]) {
    await page.getByRole("checkbox", { name }).check();
  }
  const left = await positions(page);
  assert.ok(left.length >= 1 && left.length < all.length, `fewer ranked: ${left.length} of ${all.length}`);
  assert.deepEqual(left, left.map((_, i) => `${i + 1}. `), "numbered from 1 without gaps");
  assert.deepEqual(log.errors, []);
});

/** WCAG relative luminance contrast of two CSS colours (rgb()/rgba() as getComputedStyle gives them). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ["light", "dark"]) {
  test(`lifecycle bars have at least 3:1 contrast against the panel (${colorScheme})`, async (t) => {
    const { page } = await widget(t, { colorScheme });
    const colours = await page.locator(`${W} .elc-timeline`).evaluate((panel) => {
      const style = (sel, prop) => getComputedStyle(panel.querySelector(sel))[prop];
      return {
        panel: getComputedStyle(panel).backgroundColor,
        active: style("rect.elc-tl-active", "fill"),
        security: style("rect.elc-tl-security", "fill"),
        paid: style("rect.elc-tl-ext", "stroke"),
        open: style("rect.elc-tl-open", "stroke"),
      };
    });
    for (const part of ["active", "security", "paid", "open"]) {
      const c = contrast(colours[part], colours.panel);
      assert.ok(c >= 3, `${part} ${colours[part]} on ${colours.panel}: ${c.toFixed(2)}:1`);
    }
  });
}

test("a version released with no published end gets an open bar, marked in its label and its title", async (t) => {
  const { page } = await widget(t);
  const row = page.locator(`${W} .elc-tl-row`).filter({ hasText: "Oracle Linux 10" });
  assert.match(await row.textContent(), /end not published/);
  const open = row.locator("rect.elc-tl-open");
  assert.equal(await open.count(), 1);
  assert.match(await open.locator("title").textContent(), /Oracle Linux 10: released \d{4}-\d\d-\d\d, end of security updates not published/);
  const box = await open.boundingBox();
  const strip = await row.locator("svg.elc-tl-bars").boundingBox();
  assert.ok(Math.abs(box.x + box.width - (strip.x + strip.width)) < 2, "open to the end of the axis");
});

test("year labels sit under their grid lines", async (t) => {
  const { page } = await widget(t, { viewport: { width: 1200, height: 900 } });
  const { lines, labels } = await page.locator(`${W} .elc-timeline`).evaluate((panel) => ({
    lines: [...panel.querySelector(".elc-tl-row").querySelectorAll("line.elc-tl-grid")].map((l) => l.getBoundingClientRect().left),
    labels: [...panel.querySelectorAll(".elc-tl-years > span")].map((s) => s.getBoundingClientRect().left),
  }));
  assert.equal(labels.length, lines.length);
  labels.forEach((x, i) => assert.ok(Math.abs(x - lines[i]) < 1.5, `label ${i} at ${x}, its line at ${lines[i]}`));
});

test("forced colours: the legend swatches stay visible and match their bars", async (t) => {
  const { page } = await widget(t);
  await page.emulateMedia({ forcedColors: "active" });
  const seen = await page.locator(W).evaluate((host) => {
    const root = host.shadowRoot;
    const sw = root.querySelector(".elc-bar-legend .elc-swatch.elc-c0");
    const seg = root.querySelector("rect.elc-seg.elc-c0");
    const key = root.querySelector(".elc-key.elc-tl-active");
    const bar = root.querySelector("rect.elc-tl-active");
    return {
      swatch: getComputedStyle(sw).backgroundColor,
      segment: getComputedStyle(seg).fill,
      key: getComputedStyle(key).backgroundColor,
      bar: getComputedStyle(bar).fill,
    };
  });
  assert.equal(seen.swatch, seen.segment, "criterion swatch = its bar segment");
  assert.equal(seen.key, seen.bar, "lifecycle key = its bar");
  assert.notEqual(seen.swatch, "rgba(0, 0, 0, 0)");
});
