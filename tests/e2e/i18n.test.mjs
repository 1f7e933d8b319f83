// Languages (issue 18) on real host pages: where the widget takes its language from (its own
// `lang`, the closest ancestor's, `<html lang>`, the browser's), an unsupported language, the
// share link and the single file's switch; and, in German, no text of the English catalogue
// left in the widget, the printed report or the Markdown record.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, SINGLE, TODAY, browserAndServer, ready, record, singleCopy } from "./lib.mjs";

const env = browserAndServer();
const EN = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/en.json"), "utf8"));
const DE = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/de.json"), "utf8"));

const hostPage = (body, htmlAttrs = 'lang="en"') =>
  `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>t</title></head>` +
  `<body>${body}<script type="module" src="/embed/elcompare.js"></script></body></html>`;

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

test("the language round-trips through the share link and state(); old links still open", async () => {
  const html = hostPage('<el-compare lang="de" today="2026-11-29"></el-compare>');
  const { page, context } = await visit(html);
  const state = await page.evaluate(async () => (await document.querySelector("el-compare")._elc).state());
  assert.equal(state.lang, "de");
  assert.match(state.fragment, /;l:de$/);
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
  await select.selectOption("en");
  await page.locator("el-compare .elc-app[lang=en]").waitFor();
  assert.deepEqual(pick(await look(page)), english);
  await page.waitForFunction(() => /l:en/.test(location.hash), null, { timeout: 5000 });
  assert.deepEqual(log.errors, []);
  await context.close();
  assert.ok(fs.existsSync(SINGLE));
});
