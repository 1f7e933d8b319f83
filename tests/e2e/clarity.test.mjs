// What the screen says about its numbers and colours (issue 15), on the single file from
// file://: rank positions that follow the ranking, a lifecycle chart whose colours have
// 3:1 contrast, an open bar for a version with no published end, year labels under their
// grid lines, and colour keys that survive forced colours (Windows High Contrast).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { TODAY, launch, openAllDetails, openDetails, openWith, ready, setWeight, singleCopy } from "./lib.mjs";

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

// ---- What the words say (issue 15, second part) ----

/** The three setups whose breakdowns must add up on screen. */
const SETUPS = {
  default: async () => {},
  production: async (page) => { await page.locator(W).getByRole("radio", { name: "Stable production server", exact: true }).check(); },
  "leaving CentOS 7, with support": async (page) => {
    await page.locator(W).getByRole("radio", { name: "Leaving CentOS Linux 7", exact: true }).check();
    await page.getByRole("checkbox", { name: "First-party commercial support" }).check();
  },
};

for (const [name, setup] of Object.entries(SETUPS)) {
  test(`every breakdown's visible rows add up to its visible total, which is the score (${name})`, async (t) => {
    const { page, log } = await widget(t);
    await setup(page);
    const weights = await page.locator(`${W} .elc-weight output`).allTextContents();
    const ranks = page.locator(`${W} .elc-rank`);
    const n = await ranks.count();
    assert.ok(n >= 1);
    for (let i = 0; i < n; i++) {
      const rank = ranks.nth(i);
      const score = (await rank.locator(".elc-rank-score").textContent()).match(/^\d+\.\d/)[0];
      await rank.locator(".elc-detail > summary").click();
      const table = rank.locator("table.elc-contrib");
      await table.locator("tfoot").waitFor(); // built when opened
      const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({
        weight: tr.querySelector("[data-label=Weight]").textContent,
        points: tr.querySelector(".elc-points").textContent,
      })));
      assert.deepEqual(rows.map((r) => r.weight), weights, "the weight column is the sliders' weights");
      const total = await table.locator("tfoot .elc-points").textContent();
      const tenths = rows.reduce((acc, r) => acc + Math.round(Number(r.points) * 10), 0);
      assert.equal((tenths / 10).toFixed(1), total, `${name}, option ${i + 1}: rows ${rows.map((r) => r.points)} add up to ${total}`);
      assert.equal(total, score, "the total row is the score in the ranking");
      assert.match(await rank.locator(".elc-contrib-note").textContent(), /rounded so that the rows add up/);
    }
    assert.deepEqual(log.errors, []);
  });
}

/** The widget's whole text with every <details> open (lazy content built). */
async function allText(page) {
  await openAllDetails(page, W);
  return page.locator(W).evaluate((host) => host.shadowRoot.querySelector(".elc-app").innerText);
}

test("copy: singular years, 'No minimum', flags named before their value, no repeated citation", async (t) => {
  const { page, log } = await widget(t);
  const years = page.locator(`${W} #elc-years`);
  const labels = await years.locator("option").allTextContents();
  assert.equal(labels[0], "No minimum");
  assert.ok(labels.includes("1 year") && labels.includes("2 years"), labels.join(", "));
  await years.selectOption("1");
  await page.getByRole("checkbox", { name: "Free of charge" }).check();
  await page.locator(`${W} #elc-cur`).selectOption("centos-linux-7");
  const text = await allText(page);
  assert.doesNotMatch(text, /\b1 years\b/);
  assert.doesNotMatch(text, /\bno Free of charge\b/);
  assert.match(text, /Free of charge: no/);
  assert.doesNotMatch(text, /any time/);
  // Each citation list names each source once, and no two lists side by side repeat one.
  const repeats = await page.locator(W).evaluate((host) => {
    const bad = [];
    for (const span of host.shadowRoot.querySelectorAll(".elc-sources")) {
      const nums = [...span.querySelectorAll("a")].map((a) => a.textContent);
      if (new Set(nums).size !== nums.length) bad.push(nums.join(""));
      const next = span.nextElementSibling;
      if (next?.classList.contains("elc-sources")) {
        const more = [...next.querySelectorAll("a")].map((a) => a.textContent);
        if (more.some((x) => nums.includes(x))) bad.push(`${nums.join("")}${more.join("")}`);
      }
    }
    return bad;
  });
  assert.deepEqual(repeats, []);
  assert.deepEqual(log.errors, []);
});

test("'How each criterion is scored' states each rule once", async (t) => {
  const { page } = await widget(t);
  const scoring = page.locator(`${W} .elc-scoring`);
  await scoring.locator("summary").click();
  await scoring.locator(".elc-rule-text").first().waitFor();
  const rules = await scoring.locator(".elc-rule-text").allTextContents();
  assert.ok(rules.length >= 3, rules.join("\n"));
  assert.equal(new Set(rules).size, rules.length, "no rule repeated");
  const text = await scoring.textContent();
  const once = "Rated by hand from 0 to 10";
  assert.equal(text.split(once).length - 1, 1, `"${once}" once`);
  const names = await scoring.locator("dt").allTextContents();
  assert.equal(names.length, await page.locator(`${W} .elc-weight`).count(), "every criterion is defined");
});

test("nothing meets the must-haves: said once, with no empty ranking heading or legend", async (t) => {
  const { page, log } = await widget(t);
  await page.getByRole("checkbox", { name: "First-party commercial support" }).check();
  await page.locator(`${W} #elc-years`).selectOption("10");
  await page.locator(`${W} .elc-winner`).filter({ hasText: "No option meets every must-have." }).waitFor();
  const text = await page.locator(`${W} .elc-results`).innerText();
  assert.equal(text.split("meets every must-have").length - 1, 1, text);
  assert.match(text, /rules out the most/);
  assert.equal(await page.locator(`${W} .elc-ranking`).count(), 0, "no Ranking heading");
  assert.equal(await page.locator(`${W} .elc-bar-legend`).count(), 0, "no legend");
  assert.deepEqual(log.errors, []);
});

test("presets: named by their label, described by their description; nothing checked on a first open; reset returns to the preset", async (t) => {
  const { page, log } = await widget(t);
  const radios = page.locator(`${W} input[name=elc-preset]`);
  assert.equal(await radios.count(), 7, "the presets only: no Custom before anything is customised");
  assert.equal(await page.locator(`${W} input[name=elc-preset]:checked`).count(), 0);
  const prod = page.locator(W).getByRole("radio", { name: "Stable production server", exact: true });
  assert.equal(await prod.count(), 1, "the accessible name is the preset's name alone");
  const desc = await prod.evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-describedby")).textContent);
  assert.match(desc, /^A production server that must stay stable/);
  await prod.check();
  await page.getByRole("checkbox", { name: "FIPS 140 validated modules" }).check();
  await setWeight(page, "Cost", 9);
  assert.equal(await page.locator(`${W} input[name=elc-preset]:checked`).getAttribute("value"), "custom");
  await page.getByRole("button", { name: "Reset to “Stable production server”" }).click();
  assert.equal(await page.locator(`${W} input[name=elc-preset]:checked`).getAttribute("value"), "production");
  assert.ok(!(await page.getByRole("checkbox", { name: "FIPS 140 validated modules" }).isChecked()), "the preset's must-haves");
  assert.equal(await radios.count(), 7, "Custom is gone again");
  assert.deepEqual(log.errors, []);
});

test("one control for the current system", async (t) => {
  const { page } = await widget(t);
  assert.equal(await page.locator(W).getByLabel("Current system", { exact: true }).count(), 1);
  await page.locator(`${W} #elc-cur`).selectOption("centos-linux-7");
  assert.match(await page.locator(`${W} .elc-migration .elc-from`).textContent(), /^From CentOS Linux 7, as set under “I run now”\./);
  assert.equal(await page.locator(W).getByLabel("Current system", { exact: true }).count(), 1);
});

test("one control for the current system in the other views too: compact with “More” open, the planner alone", async (t) => {
  const label = (page) => page.locator(W).getByLabel("Current system", { exact: true });
  const compact = await openWith(browser, singleCopy({ today: TODAY, view: "compact" }));
  t.after(() => compact.context.close());
  await ready(compact.page);
  await openDetails(compact.page.locator(`${W} .elc-more`));
  await compact.page.locator(`${W} .elc-migration`).waitFor();
  assert.equal(await label(compact.page).count(), 1, "compact view, everything unfolded");
  await compact.page.locator(`${W} #elc-cur`).selectOption("centos-linux-7");
  assert.match(await compact.page.locator(`${W} .elc-migration .elc-from`).textContent(), /as set under “I run now”/);
  // With only the planner on the page, the planner carries the control itself.
  const alone = await openWith(browser, singleCopy({ today: TODAY, sections: "migration" }));
  t.after(() => alone.context.close());
  await alone.page.locator(`${W} .elc-app:not([aria-busy]) .elc-migration`).waitFor(); // no ranking to wait for
  assert.equal(await label(alone.page).count(), 1, "the planner alone");
  assert.equal(await alone.page.locator(`${W} .elc-migration #elc-cur2`).count(), 1);
  assert.deepEqual([...compact.log.errors, ...alone.log.errors], []);
});

test("the stale-data warning sits next to the recommendation it qualifies", async (t) => {
  const { page: fresh, context } = await openWith(browser, url);
  await ready(fresh);
  assert.equal(await fresh.locator(`${W} .elc-stale`).count(), 0, "facts under a year old: no warning");
  await context.close();
  const old = await openWith(browser, singleCopy({ today: "2028-01-15" }));
  t.after(() => old.context.close());
  await ready(old.page);
  const note = old.page.locator(`${W} .elc-reco .elc-stale`);
  assert.match(await note.textContent(), /^These facts are from \d{4}-\d\d-\d\d, more than a year ago/);
  const [reco, warn] = await Promise.all([old.page.locator(`${W} .elc-winner`).boundingBox(), note.boundingBox()]);
  assert.ok(warn.y - (reco.y + reco.height) < 60, `right under the recommendation: ${reco.y + reco.height} → ${warn.y}`);
  assert.equal(await old.page.locator(`${W} .elc-footer .elc-stale`).count(), 1, "and still in the footer");
});

// ---- Layout and keyboard (issue 15) ----

test("at 1280 px the results column never scrolls inside the page; it sticks while it fits, else the recommendation does", async (t) => {
  const { page } = await widget(t, { viewport: { width: 1280, height: 800 } });
  const results = page.locator(`${W} .elc-results`);
  const look = () => results.evaluate((el) => ({
    overflow: getComputedStyle(el).overflowY, scrolls: el.scrollHeight > el.clientHeight + 1,
    position: getComputedStyle(el).position, fits: el.hasAttribute("data-fits"),
    reco: getComputedStyle(el.querySelector(".elc-reco")).position,
  }));
  let seen = await look();
  assert.notEqual(seen.overflow, "auto", "not a scroll region");
  assert.ok(!seen.scrolls, "nothing to scroll inside it");
  assert.equal(seen.position, seen.fits ? "sticky" : "static", JSON.stringify(seen));
  // Open every breakdown: taller than the window, so only the recommendation sticks.
  for (const s of await page.locator(`${W} .elc-rank .elc-detail > summary`).all()) await s.click();
  await page.locator(`${W} table.elc-contrib`).nth(4).waitFor();
  seen = await look();
  assert.equal(seen.position, "static", JSON.stringify(seen));
  assert.equal(seen.reco, "sticky", "the recommendation stays in view");
  assert.ok(!seen.scrolls && seen.overflow !== "auto");
  // The page itself scrolls to every option of the ranking, each below the sticky recommendation.
  const last = page.locator(`${W} .elc-rank`).last();
  await last.scrollIntoViewIfNeeded();
  const [box, reco] = [await last.locator(".elc-rank-head").boundingBox(), await page.locator(`${W} .elc-reco`).boundingBox()];
  assert.ok(box.y >= 0 && box.y + box.height <= 800, `the last option is on screen: ${JSON.stringify(box)}`);
  // Measured again when the window changes: breakdowns closed in a tall window, it sticks whole.
  const opened = page.locator(`${W} .elc-rank .elc-detail[open] > summary`);
  while (await opened.count()) await opened.first().click();
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-results")).position === "sticky");
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-results")).position === "static");
  assert.ok(reco.height < 800, "the sticky part leaves room for the ranking");
});

/** Describes the element that has keyboard focus inside the widget. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? `${el.tagName.toLowerCase()}:${(el.textContent || el.value || "").trim().slice(0, 60)}` : "";
});

for (const width of [1280, 390]) {
  test(`keyboard: from the ranking to "Copy link" in under 15 Tab presses (${width} px)`, async (t) => {
    const { page } = await widget(t, { viewport: { width, height: 800 } });
    await page.locator(`${W} .elc-rank .elc-detail > summary`).first().focus();
    let presses = 0;
    let at = await focused(page);
    while (!at.startsWith("button:Copy link") && presses < 40) {
      if (at.startsWith("button:Skip to")) {
        await page.keyboard.press("Enter");
      }
      await page.keyboard.press("Tab");
      presses++;
      at = await focused(page);
    }
    assert.ok(at.startsWith("button:Copy link"), `reached: ${at}`);
    assert.ok(presses < 15, `${presses} Tab presses`);
  });
}

test("stacked card table at 390 px: the row header's background covers the whole card", async (t) => {
  const { page } = await widget(t, { viewport: { width: 390, height: 800 } });
  const cards = await page.locator(`${W} .elc-compare tbody tr`).evaluateAll((trs) => trs.map((tr) => {
    const th = tr.querySelector("th");
    const [a, b] = [tr.getBoundingClientRect(), th.getBoundingClientRect()];
    const inner = a.width - parseFloat(getComputedStyle(tr).borderLeftWidth) - parseFloat(getComputedStyle(tr).borderRightWidth);
    return { text: th.textContent.slice(0, 30), th: b.width, card: inner, bg: getComputedStyle(th).backgroundColor };
  }));
  assert.ok(cards.length > 5);
  for (const c of cards) {
    assert.ok(Math.abs(c.th - c.card) < 1, `${c.text}: header ${c.th} px of a ${c.card} px card`);
    assert.notEqual(c.bg, "rgba(0, 0, 0, 0)");
  }
});

test("dark theme: checkboxes and radios are drawn in the theme's colours, not white", async (t) => {
  const { page } = await widget(t, { colorScheme: "dark" });
  const seen = await page.locator(W).evaluate((host) => {
    const root = host.shadowRoot;
    const box = root.querySelector(".elc-musts input[type=checkbox]");
    const radio = root.querySelector("input[type=radio]");
    return [box, radio].map((el) => ({ appearance: getComputedStyle(el).appearance, bg: getComputedStyle(el).backgroundColor }));
  });
  for (const s of seen) {
    assert.equal(s.appearance, "none");
    assert.equal(s.bg, "rgb(20, 24, 29)", "the dark theme's background");
  }
});
