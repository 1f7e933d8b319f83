// Languages (issue 18) on real host pages: where the widget takes its language from (its own
// `lang`, the closest ancestor's, `<html lang>`, the browser's), an unsupported language, the
// share link and the single file's switch; and, in German, no text of the English catalogue
// left in the widget, the printed report or the Markdown record.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT, SINGLE, TODAY, axeViolations, browserAndServer, formatViolations, openAllDetails, ready, record,
  shadowOverflow, singleCopy } from "./lib.mjs";

const env = browserAndServer();
const EN = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/en.json"), "utf8"));
const DE = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/de.json"), "utf8"));

const hostPage = (body, htmlAttrs = 'lang="en"') =>
  `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title></head>` +
  `<body><main><h1>Blog</h1>${body}</main><script type="module" src="/embed/elcompare.js"></script></body></html>`;

/** Opens `html` served at /t.html next to the bundle, with the browser set to `locale`. */
async function visit(html, { locale = "en-US", hash = "", width = 1200 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale });
  await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  const page = await context.newPage();
  const log = record(page);
  await page.route(`${env.srv.url}/t.html`, (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(`${env.srv.url}/t.html${hash}`);
  await ready(page);
  return { page, log, context };
}

/** The widget's language and a few of its texts. */
function look(page, selector = "el-compare") {
  return page.locator(selector).evaluate((host) => {
    const root = host.shadowRoot;
    return {
      lang: root.querySelector(".elc-app").getAttribute("lang"),
      timeline: root.querySelector("#elc-tl-h")?.textContent,
      handoff: root.querySelector("#elc-handoff-h")?.textContent,
      banner: root.querySelector(".elc-banner")?.textContent || "",
    };
  });
}

const german = { lang: "de", timeline: DE["timeline.heading"], handoff: DE["handoff.heading"] };
const english = { lang: "en", timeline: EN["timeline.heading"], handoff: EN["handoff.heading"] };
const pick = ({ lang, timeline, handoff }) => ({ lang, timeline, handoff });

test("lang resolution: <html lang=\"de\">, a lang on a wrapping element, the element's own lang, a German browser", async () => {
  const cases = [
    ["<html lang=de>", hostPage('<el-compare today="2026-11-29"></el-compare>', 'lang="de"'), "en-US", german],
    ["wrapping <div lang=de> on an English page", hostPage('<div lang="de-DE"><section><el-compare today="2026-11-29"></el-compare></section></div>'), "en-US", german],
    ["the element's lang wins over the page's", hostPage('<div lang="de"><el-compare lang="en" today="2026-11-29"></el-compare></div>'), "de-DE", english],
    ["no lang anywhere, German browser", hostPage('<el-compare today="2026-11-29"></el-compare>', ""), "de-DE", german],
    ["no lang anywhere, English browser", hostPage('<el-compare today="2026-11-29"></el-compare>', ""), "en-GB", english],
    ["unsupported page language, German browser", hostPage('<el-compare today="2026-11-29"></el-compare>', 'lang="fr"'), "de-DE", german],
  ];
  for (const [what, html, locale, want] of cases) {
    const { page, log, context } = await visit(html, { locale });
    assert.deepEqual(pick(await look(page)), want, what);
    assert.deepEqual(log.errors, [], what);
    await context.close();
  }
});

test("an unsupported lang shows English with a notice in the banner, never a raw key", async () => {
  const { page, context } = await visit(hostPage('<el-compare lang="fr" today="2026-11-29"></el-compare>', 'lang="de"'));
  const got = await look(page);
  assert.deepEqual(pick(got), english);
  assert.match(got.banner, /lang: language "fr" is not available \(languages: en, de\); showing English/);
  const text = await page.locator("el-compare").evaluate((h) => h.shadowRoot.textContent);
  for (const key of Object.keys(EN)) assert.ok(!text.includes(key), `raw key ${key} shown`);
  await context.close();
});

test("the language round-trips through the share link and state().fragment; old links still open", async () => {
  const html = hostPage('<el-compare lang="de" today="2026-11-29"></el-compare>');
  const { page, context } = await visit(html);
  const state = await page.evaluate(async () => (await document.querySelector("el-compare")._elc).state());
  assert.match(state.fragment, /;l:de$/, "a chosen language is in the fragment");
  await context.close();
  // The link opens German on an English page in an English browser...
  const shared = await visit(hostPage('<el-compare today="2026-11-29"></el-compare>'), { hash: `#elc=${state.fragment}` });
  assert.deepEqual(pick(await look(shared.page)), german);
  await shared.context.close();
  // ...and a link made before languages existed opens in the page's language.
  const old = await visit(hostPage('<el-compare today="2026-11-29"></el-compare>', 'lang="de"'), { hash: "#elc=p:production;o:almalinux,rocky" });
  assert.deepEqual(pick(await look(old.page)), german);
  await old.context.close();
});

test("the single file follows the browser, sets its <html lang> and switches language visibly", async () => {
  const url = singleCopy({ today: TODAY });
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  const log = record(page);
  await page.goto(url);
  await ready(page);
  assert.deepEqual(pick(await look(page)), german);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
  const select = page.locator("el-compare .elc-lang select");
  assert.equal(await select.isVisible(), true, "the switch is visible");
  assert.deepEqual(await select.locator("option").allTextContents(), ["English", "Deutsch"]);
  // The page frame around the widget speaks the same language and follows the switch.
  const frame = () => page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    description: document.querySelector('meta[name="description"]').content,
    edition: document.querySelector(".page-title span").textContent,
  }));
  const frameIn = (c, lang) => ({ lang, title: c["page.title"], description: c["page.description"], edition: c["page.edition"] });
  assert.deepEqual(await frame(), frameIn(DE, "de"));
  await select.selectOption("en");
  await page.locator("el-compare .elc-app[lang=en]").waitFor();
  assert.deepEqual(pick(await look(page)), english);
  await page.waitForFunction(() => document.title.startsWith("elcompare — which"), null, { timeout: 5000 });
  assert.deepEqual(await frame(), frameIn(EN, "en"));
  await page.waitForFunction(() => /l:en/.test(location.hash), null, { timeout: 5000 });
  // Without JavaScript the page says it in every language, each marked as such.
  const noscript = fs.readFileSync(SINGLE, "utf8").match(/<noscript>(.*?)<\/noscript>/s)[1];
  assert.equal(noscript, `<p lang="en">${EN["page.noscript"]}</p><p lang="de">${DE["page.noscript"]}</p>`);
  assert.deepEqual(log.errors, []);
  await context.close();
  assert.ok(fs.existsSync(SINGLE));
});

// ---- Messages in German: a host's broken dataset, bad attributes, a start-up failure ----

/** Opens `html` with the browser in German without waiting for a working widget. */
async function visitBroken(html, route = null) {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "de-DE" });
  const page = await context.newPage();
  const log = record(page);
  await page.route(`${env.srv.url}/t.html`, (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  if (route) await page.route(route.url, route.handler);
  await page.goto(`${env.srv.url}/t.html`);
  return { page, log, context };
}

test("German messages: a host's broken dataset is listed in German with its paths", async () => {
  const data = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/minimal.json"), "utf8"));
  data.options[0].versions[0].release = "2020-13-01";
  data.options[0].versions[0].sources = ["nope"];
  const html = hostPage(`<script type="application/json" id="mine">${JSON.stringify(data)}</script>` +
    '<el-compare dataset="#mine" today="2026-11-29"></el-compare>', 'lang="de"');
  const { page, context } = await visitBroken(html);
  const msg = page.locator("el-compare .elc-root .elc-error");
  await msg.waitFor();
  assert.equal(await msg.textContent(), [
    "Der Datensatz hat 2 Problem(e):",
    '• options[0].versions[0].release: "2020-13-01" ist kein Datum',
    '• options[0].versions[0].sources[0]: unbekannte Quelle "nope"',
  ].join("\n"));
  await context.close();
});

test("German messages: bad attributes (JS and wasm side) in one German banner over a working widget", async () => {
  const html = hostPage('<el-compare theme="pink" preset="nope" view="tiny" today="2026-11-29"></el-compare>', 'lang="de"');
  const { page, log, context } = await visit(html);
  const got = await look(page);
  assert.deepEqual(pick(got), german);
  assert.equal(got.banner, [
    "3 Einstellungen dieses Widgets sind ungültig, daher verwendet das Widget für jede den Standardwert:",
    '• theme "pink" ist keiner von: auto, light, dark, inherit',
    '• preset "nope" ist keiner von: production, early-access, hosting, migrate-centos7, migrate-centos8, regulated, zero-budget',
    '• view "tiny" ist keiner von: full, compact, recommendation',
  ].join("\n"));
  assert.equal(await page.locator("el-compare").evaluate((h) => h.shadowRoot.querySelector(".elc-frame").lang), "de");
  // A rejected update() says why in German too.
  const rejected = await page.evaluate(async () => {
    const { mount } = await import("/embed/elcompare.js");
    const spot = document.createElement("div");
    document.querySelector("main").append(spot);
    const h = await mount(spot, { lang: "de", share: "off", today: "2026-11-29" });
    const why = async (options) => h.update(options).then(() => "resolved", (err) => err.message);
    return [await why({ colour: "red" }), await why({ options: ["almalinux"] })];
  });
  assert.match(rejected[0], /^unbekannte Option "colour" \(bekannt: preset, /);
  assert.match(rejected[1], /^options "almalinux": Vergleichen Sie 2 bis 4 Optionen, nicht 1 \(Options-IDs: /);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("German messages: a start-up failure (the wasm file missing) is explained in German", async () => {
  const html = hostPage('<el-compare today="2026-11-29"></el-compare>', 'lang="de"');
  const { page, context } = await visitBroken(html, {
    url: "**/embed/elcompare_bg.wasm",
    handler: (r) => r.fulfill({ status: 404, contentType: "text/plain", body: "not here" }),
  });
  const msg = page.locator("el-compare .elc-root .elc-error");
  await msg.waitFor();
  const text = await msg.textContent();
  assert.match(text, /^Der interaktive Vergleich konnte nicht starten\. Seine WebAssembly-Datei konnte nicht geladen werden \(versucht: http:\/\/[^)]*elcompare_bg\.wasm\)\. \(Für die Betreiber der Website: /);
  assert.match(text, / Details: /);
  await context.close();
});

// ---- German throughout: widget, printed report and Markdown record, for three setups ----

const SETUPS_DE = {
  default: "",
  production: ' preset="production" current="centos-linux-7"',
  fleet: ' current="centos-linux-7:150,centos-stream-8:50" must="f:commercial-support;y:5"',
};

/** English catalogue texts (sentence-like parts between placeholders, not the same in German) found in `text`. */
function englishLeft(text) {
  const flat = text.replace(/\s+/g, " ");
  const found = [];
  for (const [key, value] of Object.entries(EN)) {
    if (DE[key] === value) continue;
    for (const part of value.split(/[{}]/).map((p) => p.trim())) {
      if (part.length >= 12 && part.includes(" ") && flat.includes(part)) found.push(`${key}: ${part}`);
    }
  }
  return found;
}

for (const [name, attrs] of Object.entries(SETUPS_DE)) {
  test(`German, ${name}: the widget, the printed report and the Markdown record keep no English catalogue text`, async () => {
    const html = hostPage(`<el-compare today="${TODAY}"${attrs}></el-compare>`, 'lang="de"');
    const { page, log, context } = await visit(html, { locale: "de-DE" });
    await openAllDetails(page);
    const widget = await page.locator("el-compare").evaluate((h) => h.shadowRoot.querySelector(".elc-app").innerText);
    assert.deepEqual(englishLeft(widget), [], `${name}: widget`);
    assert.match(widget, /\d+,\d/, "a score with a decimal comma");
    assert.match(widget, /\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}/, "a German date");
    // The printed report (printing fires beforeprint, which builds it).
    const pdf = path.join(os.tmpdir(), `elc-de-${name}.pdf`);
    await page.pdf({ path: pdf, format: "A4" });
    const printed = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
    assert.match(printed, /Entscheidungsbericht: /);
    assert.deepEqual(englishLeft(printed), [], `${name}: printed report`);
    // The Markdown record, downloaded as a visitor does.
    const wait = page.waitForEvent("download");
    await page.locator("el-compare .elc-handoff").getByRole("button", { name: DE["handoff.record"] }).click();
    const dl = await wait;
    const file = path.join(os.tmpdir(), `elc-de-${name}.md`);
    await dl.saveAs(file);
    const md = fs.readFileSync(file, "utf8");
    assert.match(md, /^# Entscheidungsprotokoll: /);
    assert.match(md, /- \*\*Datum:\*\* 29\. November 2026/);
    assert.deepEqual(englishLeft(md), [], `${name}: Markdown record`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

// ---- The printed report in German: pages on A4 and US Letter (README "Hand it on") ----

/** The handoff test's three setups (handoff.test.mjs), as attributes of the single file. */
const PRINT_SETUPS_DE = {
  default: {},
  "leaving-centos-7": { preset: "migrate-centos7" },
  "custom-must-haves": { must: "f:secure-boot,official-containers;y:5", current: "centos-linux-8", weights: "cost:10" },
};
const germanPages = {};

for (const [name, attrs] of Object.entries(PRINT_SETUPS_DE)) {
  test(`printed report in German, ${name}: A4 and US Letter page counts, German headings, no English left`, async () => {
    const url = singleCopy({ today: TODAY, ...attrs });
    const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "de-DE" });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(url);
    await ready(page);
    assert.equal(await page.locator("el-compare .elc-app").getAttribute("lang"), "de");
    for (const format of ["A4", "Letter"]) {
      const file = path.join(os.tmpdir(), `elc-de-print-${name}-${format}.pdf`);
      await page.pdf({ path: file, format, margin: { top: "0.4in", bottom: "0.4in", left: "0.4in", right: "0.4in" } });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
      germanPages[`${name} ${format}`] = pages;
      // English: 3 pages for the default setup, at most 4 for the others (handoff.test.mjs);
      // German text is longer, and this Chromium has no German hyphenation: 4 for each.
      const limit = 4;
      assert.ok(pages <= limit, `${name} on ${format}: ${pages} pages in German (at most ${limit})`);
      const printed = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
      assert.match(printed, /Entscheidungsbericht: /);
      assert.deepEqual(englishLeft(printed), [], `${name} ${format}: English left`);
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("printed report in German: the page counts", () => {
  console.log(`# printed pages (German): ${JSON.stringify(germanPages)}`);
  assert.ok(Object.keys(germanPages).length > 0);
});

test("German layout: no overflow at 320 px and at 200 % zoom, axe clean, screenshots light and dark", async () => {
  const html = hostPage(`<el-compare today="${TODAY}"${SETUPS_DE.production}></el-compare>`, 'lang="de"');
  // 200 % zoom as the a11y tests emulate it: half the CSS-pixel width, twice the device pixels.
  for (const [width, scale, scheme] of [[320, 1, "light"], [320, 1, "dark"], [1200, 1, "light"], [1200, 1, "dark"], [640, 2, "light"]]) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: scale, colorScheme: scheme, locale: "de-DE" });
    await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
    const page = await context.newPage();
    await page.route(`${env.srv.url}/t.html`, (r) => r.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(`${env.srv.url}/t.html`);
    await ready(page);
    await page.screenshot({ path: path.join(os.tmpdir(), `elc-de-${width}-${scheme}${scale === 2 ? "-zoom" : ""}.png`), fullPage: true });
    await openAllDetails(page);
    assert.deepEqual(await shadowOverflow(page), [], `${width} px ${scheme}${scale === 2 ? " 200 %" : ""}: overflow`);
    if (width === 320 || width === 1200) {
      const violations = await axeViolations(page);
      assert.deepEqual(violations.map((v) => v.id), [], `${width} px ${scheme}: ${formatViolations(violations)}`);
    }
    await context.close();
  }
});
