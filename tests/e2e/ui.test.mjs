// The interface on the built single file (dist/elcompare.html), copied with a fixed
// `today` and opened from file://: presets, keyboard sliders, must-haves, "I run now",
// the shared-link fragment, the compare picker, the timeline, the data footer, themes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { TODAY, launch, openDetails, openWith, ready, ranking, setWeight, singleCopy } from "./lib.mjs";

const W = "el-compare";
let browser;
let url;
before(async () => { browser = await launch(); url = singleCopy(); });
after(async () => { await browser.close(); });

/** Opens the widget (optionally with a fragment) and waits for the first ranking. */
async function widget(t, { hash = "", ...options } = {}) {
  const { page, log, context } = await openWith(browser, url + hash, options);
  t.after(() => context.close());
  await ready(page);
  return { page, log };
}

const radio = (page, name) => page.getByRole("radio", { name });
const slider = (page, name) => page.locator(`${W} .elc-weight`).filter({ hasText: name }).locator("input[type=range]");
const weightValues = (page) => page.locator(`${W} .elc-weight input[type=range]`).evaluateAll((xs) => xs.map((x) => x.value));
const compareHeaders = (page) => page.locator(`${W} .elc-compare thead th`).allTextContents();
const checkedPreset = (page) => page.locator(`${W} input[name=elc-preset]:checked`).getAttribute("value");

test("presets: early access puts CentOS Stream first, production does not", async (t) => {
  const { page, log } = await widget(t);
  await radio(page, /Early access to the next RHEL/).check();
  assert.equal((await ranking(page))[0], "CentOS Stream");
  assert.equal(await checkedPreset(page), "early-access");
  await radio(page, /Stable production server/).check();
  const prod = await ranking(page);
  assert.notEqual(prod[0], "CentOS Stream", `production ranking: ${prod}`);
  assert.match(await page.locator(`${W} .elc-winner`).textContent(), new RegExp(`Recommended: ${prod[0]}`));
  assert.deepEqual(log.errors, []);
});

test("sliders work from the keyboard (Arrow/Home/End), re-rank, and switch the preset to Custom", async (t) => {
  const { page } = await widget(t);
  await radio(page, /Stable production server/).check();
  const before = await ranking(page);
  const fresh = slider(page, "Feature freshness");
  await fresh.focus();
  await page.keyboard.press("Home");
  assert.equal(await fresh.inputValue(), "0");
  await page.keyboard.press("ArrowRight");
  assert.equal(await fresh.inputValue(), "1");
  assert.equal(await page.locator(`${W} .elc-weight`).filter({ hasText: "Feature freshness" }).locator("output").textContent(), "1");
  await page.keyboard.press("End");
  assert.equal(await fresh.inputValue(), "10");
  for (const [name, key] of [["Release lag", "End"], ["Stability", "Home"]]) {
    await slider(page, name).focus();
    await page.keyboard.press(key);
  }
  const after = await ranking(page);
  assert.ok(after.indexOf("CentOS Stream") < before.indexOf("CentOS Stream"), `before: ${before}; after: ${after}`);
  assert.equal(await checkedPreset(page), "custom", "touching a slider shows Custom");
  // Per-slider reset returns to the preset's value; reset-all is then enabled until everything matches.
  const reset = page.getByRole("button", { name: /^Reset Feature freshness to / });
  assert.ok(await reset.isEnabled());
  await reset.click();
  assert.notEqual(await fresh.inputValue(), "10");
  await page.getByRole("button", { name: "Reset to “Stable production server”" }).click();
  assert.deepEqual(await ranking(page), before);
  assert.equal(await checkedPreset(page), "production", "back to the preset: it is selected again");
  assert.ok(await page.getByRole("button", { name: "Reset to “Stable production server”" }).isDisabled());
});

test("a must-have excludes options and says which must-have excluded each", async (t) => {
  const { page } = await widget(t);
  const all = await ranking(page);
  const count = async () => Number((await page.locator(`${W} .elc-excluded summary`).textContent()).match(/Not considered \((\d+)\)/)[1]);
  const before = await count(); // legacy systems are listed as never recommended
  await page.getByRole("checkbox", { name: "First-party commercial support" }).check();
  const left = await ranking(page);
  assert.ok(left.length < all.length, `fewer options ranked: ${left} vs ${all}`);
  const excluded = page.locator(`${W} .elc-excluded`);
  assert.equal(await count(), before + all.length - left.length);
  await excluded.locator("summary").click();
  const items = await excluded.locator("li").allTextContents();
  for (const name of all.filter((n) => !left.includes(n))) {
    const item = items.find((i) => i.startsWith(name));
    assert.ok(item, `${name} is listed as excluded: ${items}`);
    assert.match(item, /commercial support/i, `the reason names the must-have: ${item}`);
  }
  assert.equal(await checkedPreset(page), "custom");
});

test("\"I run now\" feeds the migration planner: one route per option, the score's route, steps with sources", async (t) => {
  const { page } = await widget(t);
  const planner = page.locator(`${W} .elc-migration`);
  assert.match(await planner.textContent(), /Pick the system you run now/);
  await page.locator(`${W} #elc-cur`).selectOption("centos-linux-7");
  assert.match(await planner.locator(".elc-from").textContent(), /^From CentOS Linux 7/, "the planner says which system it plans from");
  const routes = planner.locator(".elc-route");
  assert.equal(await routes.count(), 5, "one route per target option");
  const summaries = await planner.locator(".elc-route > summary").allTextContents();
  assert.ok(summaries.includes("AlmaLinux OS: AlmaLinux 8 via ELevate (1 step, official; security updates to 2029-05-31) — or reinstall on AlmaLinux 10 for updates to 2035-05-31"), summaries.join("\n"));
  assert.ok(summaries.includes("Red Hat Enterprise Linux: RHEL 8 via convert2rhel, then Leapp (2 steps, official; security updates to 2029-05-31) — or reinstall on RHEL 10 for updates to 2035-05-31"), summaries.join("\n"));
  assert.ok(summaries.some((s) => s.startsWith("Rocky Linux: reinstall on Rocky Linux 10")), "no ELevate credit for Rocky");
  // The recommended option's route is open; the others open on click.
  const winner = (await page.locator(`${W} .elc-rank-name`).first().textContent()) || "";
  const open = await planner.locator(".elc-route[open] > summary").allTextContents();
  assert.equal(open.length, 1);
  assert.ok(winner.includes(open[0].split(":")[0]), `${winner} / ${open[0]}`);
  const rhel = routes.filter({ hasText: "Red Hat Enterprise Linux:" });
  await rhel.locator("summary").click();
  const steps = await rhel.locator(".elc-steps > li > .elc-step-head").allTextContents();
  assert.equal(steps.length, 2);
  assert.match(steps[0], /^CentOS Linux 7 → RHEL 7 with convert2rhel \(Red Hat\)/);
  assert.match(steps[1], /^RHEL 7 → RHEL 8 with Leapp \(Red Hat\)/);
  assert.match(await rhel.locator(".elc-risks").first().textContent(), /x86_64 only, and not with FIPS mode enabled/);
  const alma = routes.filter({ hasText: "AlmaLinux OS:" });
  await alma.locator("summary").click();
  const tool = alma.getByRole("link", { name: "ELevate" }).first();
  assert.match(await tool.getAttribute("href"), /^https:\/\//);
  assert.equal(await tool.getAttribute("rel"), "noopener noreferrer");
  assert.ok(await alma.locator(".elc-substeps .elc-sources a").count() >= 2, "each tool step cites its source");
  // Staying on CentOS 7 with paid support is shown as an option, with each end date or "not published".
  assert.match(await planner.locator(".elc-stay").textContent(), /Endless Lifecycle Support \(x86_64, i386\) from TuxCare: paid, end date not published/);
});

/** The fragment once the widget has written it (it follows input after a short pause). */
async function sharedHash(page) {
  await page.waitForFunction(() => {
    const link = document.querySelector("el-compare").shadowRoot.querySelector("#elc-link");
    return location.hash.length > 1 && link.value.endsWith(location.hash);
  });
  return page.evaluate(() => location.hash);
}

test("the URL fragment round-trips preset, weights, must-haves, current system and compared options", async (t) => {
  const { page } = await widget(t);
  await radio(page, /Hosting provider/).check();
  await page.getByRole("checkbox", { name: "Rocky Linux" }).check();
  await page.locator(`${W} #elc-cur`).selectOption("centos-linux-8");
  const hash1 = await sharedHash(page);
  assert.match(hash1, /^#elc=p:hosting;/);
  const want1 = { preset: await checkedPreset(page), weights: await weightValues(page), headers: await compareHeaders(page) };
  assert.deepEqual(want1.headers, ["Dimension", "CentOS Stream", "AlmaLinux OS", "Rocky Linux"]);

  const a = await widget(t, { hash: hash1 });
  assert.deepEqual({ preset: await checkedPreset(a.page), weights: await weightValues(a.page), headers: await compareHeaders(a.page) }, want1);
  assert.equal(await a.page.locator(`${W} #elc-cur`).inputValue(), "centos-linux-8");
  assert.equal(await a.page.locator(`${W} .elc-notice`).count(), 0);

  // Custom weights and a must-have survive too.
  await setWeight(page, "Cost", 3);
  await page.getByRole("checkbox", { name: "FIPS 140 validated modules" }).check();
  const hash2 = await sharedHash(page);
  assert.notEqual(hash2, hash1);
  const want2 = { preset: "custom", weights: await weightValues(page), ranking: await ranking(page) };
  const b = await widget(t, { hash: hash2 });
  assert.deepEqual({ preset: await checkedPreset(b.page), weights: await weightValues(b.page), ranking: await ranking(b.page) }, want2);
  assert.ok(await b.page.getByRole("checkbox", { name: "FIPS 140 validated modules" }).isChecked());
  // The share box offers the same link.
  assert.ok((await b.page.locator(`${W} #elc-link`).inputValue()).endsWith(hash2));
});

test("a malformed fragment shows a visible notice and the defaults, without errors", async (t) => {
  const clean = await widget(t);
  const defaults = { weights: await weightValues(clean.page), ranking: await ranking(clean.page) };
  for (const bad of ["#elc=w:1,2", "#elc=p:nope", "#elc=o:almalinux", "#elc=%E0%A4%A"]) {
    const { page, log } = await widget(t, { hash: bad });
    const notice = page.locator(`${W} .elc-notice[role=alert]`);
    assert.ok(await notice.isVisible(), `notice for ${bad}`);
    assert.match(await notice.textContent(), /shared link could not be applied/);
    assert.deepEqual({ weights: await weightValues(page), ranking: await ranking(page) }, defaults, bad);
    assert.deepEqual(log.errors, [], bad);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await notice.count(), 0);
  }
});

test("compare picker keeps 2 to 4 options and the table headers follow", async (t) => {
  const { page } = await widget(t);
  const box = (name) => page.locator(`${W} .elc-pick`).getByRole("checkbox", { name });
  assert.deepEqual(await compareHeaders(page), ["Dimension", "CentOS Stream", "AlmaLinux OS"]);
  assert.ok(await box("CentOS Stream").isDisabled(), "cannot go below two");
  await box("Rocky Linux").check();
  await box("Oracle Linux").check();
  assert.deepEqual(await compareHeaders(page), ["Dimension", "CentOS Stream", "AlmaLinux OS", "Rocky Linux", "Oracle Linux"]);
  assert.ok(await box("Red Hat Enterprise Linux").isDisabled(), "cannot go above four");
  await box("CentOS Stream").uncheck();
  assert.deepEqual(await compareHeaders(page), ["Dimension", "AlmaLinux OS", "Rocky Linux", "Oracle Linux"]);
  const rows = page.locator(`${W} .elc-compare tbody:first-of-type tr`);
  assert.equal(await rows.count(), 9, "nine dimensions");
  assert.equal(await rows.first().locator("td").count(), 3);
  assert.ok(await rows.first().locator(".elc-sources a").count() > 0, "cells link their sources");
  // Then the eight hand-given ratings and the five flags, each cell with its reason and sources.
  const groups = page.locator(`${W} .elc-compare tbody.elc-group`);
  assert.equal(await groups.nth(0).locator("tr:has(td)").count(), 8, "eight ratings");
  assert.equal(await groups.nth(1).locator("tr:has(td)").count(), 5, "five flags");
  const compat = groups.nth(0).locator("tr", { hasText: "RHEL compatibility" }).locator("td");
  assert.deepEqual(await compat.evaluateAll((tds) => tds.map((td) => td.querySelector(".elc-rating").textContent)), ["8/10", "9/10", "8/10"]);
  assert.ok(await compat.first().locator(".elc-rationale a").count() > 0, "a rating links its sources");
  const fips = groups.nth(1).locator("tr", { hasText: "FIPS" }).locator("td .elc-flag");
  assert.deepEqual(await fips.allTextContents(), ["Not verified", "Not verified", "Yes"]);
});

test("timeline has a today line and a table alternative", async (t) => {
  const { page } = await widget(t);
  const tl = page.locator(`${W} .elc-timeline`);
  assert.match(await tl.locator(".elc-legend").textContent(), new RegExp(`Today \\(${TODAY}\\)`));
  const xs = await tl.locator("line.elc-tl-now").evaluateAll((ls) => ls.map((l) => Number(l.getAttribute("x1"))));
  assert.ok(xs.length > 0 && xs.every((x) => x > 0 && x < 1000 && x === xs[0]), `one today position inside the axis: ${xs}`);
  const h = (cls) => tl.locator(`rect.${cls}`).first().getAttribute("height").then(Number);
  assert.ok(await h("elc-tl-security") < await h("elc-tl-active"), "security-only bars differ in shape, not only colour");
  const table = tl.locator("details.elc-tl-table");
  assert.equal(await table.locator("table").isVisible(), false);
  await table.locator("summary").click();
  // The table is built when the <details> opens (Yew renders on its next tick): wait for it.
  await table.locator("tbody th").first().waitFor();
  const rows = await table.locator("tbody th").allTextContents();
  assert.equal(rows.length, await tl.locator(".elc-tl-row:not(.elc-tl-axis)").count(), "one table row per bar row");
  assert.ok(rows.some((r) => r.startsWith("CentOS Linux 7")), `rows: ${rows}`);
});

test("data footer shows the as-of date and the sources", async (t) => {
  const { page } = await widget(t);
  const footer = page.locator(`${W} .elc-footer`);
  assert.match(await footer.textContent(), /Facts as of \d{4}-\d{2}-\d{2}\./);
  const summary = await footer.locator(".elc-source-list summary").textContent();
  const n = Number(summary.match(/Sources \((\d+)\)/)[1]);
  assert.ok(n > 10, summary);
  await openDetails(footer.locator(".elc-source-list"));
  const hrefs = await footer.locator(".elc-source-list li a").evaluateAll((as) => as.map((a) => a.href));
  assert.equal(hrefs.length, n);
  assert.ok(hrefs.every((h) => h.startsWith("https://")), "sources are https links");
});

test("the host can force the theme with theme=dark / theme=light", async (t) => {
  const bg = (page) => page.locator(W).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).backgroundColor);
  const light = await widget(t, { colorScheme: "light" });
  const auto = await bg(light.page);
  await light.page.locator(W).evaluate((el) => el.setAttribute("theme", "dark"));
  const forcedDark = await bg(light.page);
  assert.notEqual(forcedDark, auto);
  const dark = await widget(t, { colorScheme: "dark" });
  assert.equal(await bg(dark.page), forcedDark, "dark scheme matches forced dark");
  await dark.page.locator(W).evaluate((el) => el.setAttribute("theme", "light"));
  assert.equal(await bg(dark.page), auto, "forced light under a dark scheme");
});

test("on a wide page the recommendation stays in view while the last slider is used", async (t) => {
  const { page } = await widget(t, { viewport: { width: 1200, height: 700 } });
  const last = slider(page, "Release lag");
  await last.focus(); // scrolls it into view, far below the top of the widget
  await page.keyboard.press("End");
  assert.ok(await page.evaluate(() => scrollY) > 300, "the page scrolled down to the slider");
  const box = await page.locator(`${W} .elc-winner`).boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 700, `winner line in the viewport: ${JSON.stringify(box)}`);
});

test("at 320 px the recommendation comes right after the situation picker, before the sliders", async (t) => {
  const { page } = await widget(t, { viewport: { width: 320, height: 800 } });
  const top = async (sel) => (await page.locator(`${W} ${sel}`).boundingBox()).y;
  const [start, reco, tune] = [await top(".elc-start"), await top(".elc-results"), await top(".elc-controls")];
  assert.ok(start < reco && reco < tune, `order: start ${start}, results ${reco}, sliders ${tune}`);
});
