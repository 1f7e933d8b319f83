// Embedding in real pages (issue 6): each host page of examples/ as served from
// dist/examples/ over http://127.0.0.1, plus the single file under a CSP that blocks wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DIST, ROOT, SINGLE, TODAY, launch, ready, ranking, record, serve, setWeight } from "./lib.mjs";

/** The policy of examples/intranet-csp.html; the widget itself needs only script-src and connect-src. */
const CSP_INTRANET = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; require-trusted-types-for 'script'";
/** The least a page needs for the embed bundle, everything else denied. */
const CSP_MINIMAL = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src data:; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";

const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, "data/distros.json"), "utf8"));
const presetWeights = (id) => {
  const p = DATA.presets.find((x) => x.id === id);
  return Object.fromEntries(DATA.criteria.map((c) => [c.id, p.weights[c.id] ?? 0]));
};
const EMBED = ["/embed/elcompare.js", "/embed/elcompare_bg.wasm"];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/**
 * Opens `url` in a fresh context with the date fixed to TODAY. Records console messages,
 * page errors, requests, CSP violations and every elcompare-change event (target id and detail).
 */
async function visit(url, { javaScriptEnabled = true, width = 1200 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: "light", javaScriptEnabled });
  if (javaScriptEnabled) {
    await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
    await context.addInitScript(() => {
      window.__elc = { csp: [], events: [] };
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__elc.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      document.addEventListener("elcompare-change", (e) =>
        window.__elc.events.push({ id: e.target.id, index: [...document.querySelectorAll("el-compare")].indexOf(e.target), detail: e.detail }));
    });
  }
  const page = await context.newPage();
  const log = record(page);
  await page.goto(url);
  return { page, log, context };
}

const events = (page) => page.evaluate(() => window.__elc.events);
const cspViolations = (page) => page.evaluate(() => window.__elc.csp);

/** No page errors, no console errors or warnings, no CSP violations. */
async function assertQuiet(page, log) {
  assert.deepEqual(log.errors, [], "page errors");
  assert.deepEqual(log.console.filter((m) => /^(error|warning)/.test(m) || /Content.Security.Policy|Trusted.Type/i.test(m)), [], "console errors/warnings");
  assert.deepEqual(await cspViolations(page), [], "securitypolicyviolation events");
}

/** Server and browser saw only `paths` (order free), all on the loopback server. */
function assertRequests(srv, log, paths) {
  assert.deepEqual([...srv.requests].sort(), [...paths].sort(), "server request log");
  assert.deepEqual(log.requests.map((u) => {
    assert.ok(u.startsWith(`${srv.url}/`), `loopback only: ${u}`);
    return u.slice(srv.url.length).split("#")[0];
  }).sort(), [...paths].sort(), "browser request log");
}

/** Waits until `n` change events have arrived. */
async function eventCount(page, n) {
  await page.waitForFunction((k) => window.__elc.events.length >= k, n, { timeout: 20000 });
}

async function withServer(headers, fn) {
  const srv = await serve(DIST, headers);
  try {
    await fn(srv);
  } finally {
    await srv.close();
  }
}

test("built JS uses no innerHTML, eval or new Function (embed bundle and the single file's script)", () => {
  const single = fs.readFileSync(SINGLE, "utf8");
  const scripts = [...single.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(scripts.length >= 1, "the single file has its script inline");
  const sources = { "dist/embed/elcompare.js": fs.readFileSync(path.join(DIST, "embed/elcompare.js"), "utf8"),
    "dist/elcompare.html <script>": scripts.join("\n") };
  // The wasm can only reach the DOM through imports the glue defines, so the glue is the whole surface.
  const banned = [/\.(inner|outer)HTML\s*=(?!=)/, /\[\s*["'`](inner|outer)HTML["'`]\s*\]/, /insertAdjacentHTML/, /document\.write/,
    /\beval\s*\(/, /\bnew\s+Function\b/, /(^|[=(,;:\s])Function\s*\(/, /set(Timeout|Interval)\s*\(\s*["'`]/,
    /createContextualFragment/, /DOMParser/, /srcdoc/];
  for (const [name, text] of Object.entries(sources)) {
    for (const re of banned) assert.doesNotMatch(text, re, `${name} contains ${re}`);
    // Yew's unused raw-HTML setter is built as a stub that throws (xtask/src/dist.rs).
    // (The build minifies the script: parameter names and spacing vary.)
    assert.match(text, /__wbg_set_innerHTML_\w+:\s*function\s*\(\w+,\s*\w+,\s*\w+\)\s*\{\s*throw new Error\("elcompare: raw HTML is disabled"\)/);
  }
});

test("basic page: the change event carries winner, ranking and weights; requests are the page's own files", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/basic.html`);
    await ready(page);
    await eventCount(page, 1);
    const [first] = await events(page);
    // Production: RHEL first since the 2026-12-01 recheck of AlmaLinux's governance and ecosystem
    // ratings (RHEL, Rocky and AlmaLinux are within 1.5 points: a near tie).
    assert.equal(first.detail.winner.id, "rhel");
    assert.equal(first.detail.winner.name, "Red Hat Enterprise Linux");
    assert.equal((await ranking(page))[0], "Red Hat Enterprise Linux", "the visible ranking agrees");
    const targets = DATA.options.filter((o) => o.role === "target").map((o) => o.id).sort();
    assert.deepEqual(first.detail.ranking.map((r) => r.id).sort(), targets);
    for (const r of first.detail.ranking) {
      assert.deepEqual(Object.keys(r).sort(), ["id", "name", "score"]);
      assert.equal(typeof r.score, "number");
    }
    const scores = first.detail.ranking.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), "ranking is best first");
    assert.deepEqual(first.detail.weights, presetWeights("production"));
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/basic.html", ...EMBED]);
    await context.close();
  });
});

test("attribute changes after mount update the widget; a bad value is shown, the widget keeps working", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/basic.html`);
    await ready(page);
    await eventCount(page, 1);
    const host = page.locator("el-compare");
    // preset
    await host.evaluate((el) => el.setAttribute("preset", "early-access"));
    await page.waitForFunction(() => window.__elc.events.length >= 2);
    const second = (await events(page))[1];
    assert.deepEqual(second.detail.weights, presetWeights("early-access"));
    assert.equal(await page.locator("el-compare .elc-preset input:checked").count(), 1);
    // options: the side-by-side table shows the new set
    await host.evaluate((el) => el.setAttribute("options", "rocky,rhel,oracle"));
    await page.waitForFunction(() => {
      const root = document.querySelector("el-compare").shadowRoot;
      return [...root.querySelectorAll("th")].some((th) => th.textContent.includes("Oracle Linux"));
    });
    // current
    await host.evaluate((el) => el.setAttribute("current", "centos-linux-7"));
    await page.waitForFunction(() => [...document.querySelector("el-compare").shadowRoot.querySelectorAll("select")]
      .some((s) => s.value === "centos-linux-7"));
    // theme (CSS only): the frame turns dark
    const bg = () => host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).backgroundColor);
    const light = await bg();
    await host.evaluate((el) => el.setAttribute("theme", "dark"));
    assert.notEqual(await bg(), light, "theme=dark changes the background");
    // an invalid value: a readable message in the widget, the widget stays
    await host.evaluate((el) => el.setAttribute("preset", "nope"));
    const banner = page.locator("el-compare .elc-banner");
    await banner.waitFor();
    assert.match(await banner.textContent(), /preset "nope" is not one of: production, early-access/);
    assert.ok(await page.locator("el-compare .elc-rank").count() > 0, "the widget is still there");
    // fixing it clears the message
    await host.evaluate((el) => el.setAttribute("preset", "hosting"));
    await banner.waitFor({ state: "hidden" });
    await page.waitForFunction(() => document.querySelector("el-compare").shadowRoot
      .querySelector(".elc-preset input:checked")?.closest(".elc-preset")?.textContent.includes("Hosting"));
    // today (rebuilds the widget): the timeline's "today" moves
    await host.evaluate((el) => el.setAttribute("today", "2031-01-01"));
    await page.waitForFunction(() => document.querySelector("el-compare").shadowRoot.textContent.includes("Today (2031-01-01)"));
    await ready(page);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});

/** Computed styles and sizes of several inner elements, for comparing two pages. */
function innerLook(host) {
  const props = ["font-family", "font-size", "font-weight", "font-style", "font-variant-caps", "line-height", "color",
    "background-color", "box-sizing", "display", "padding-top", "padding-left", "margin-top", "margin-bottom",
    "border-top-width", "border-top-style", "letter-spacing", "word-spacing", "text-transform", "text-shadow",
    "text-decoration-line", "cursor", "list-style-type", "outline-style", "fill", "visibility"];
  const pick = [".elc-frame", ".elc-app", ".elc-title", ".elc-panel", "legend", ".elc-preset", ".elc-preset-name",
    ".elc-weight-label", "input[type=range]", "input[type=radio]", "button", "select", ".elc-winner", ".elc-rank",
    ".elc-rank-name", "svg.elc-bar", "rect.elc-seg", "details", "summary", "table", "th", "td", "p", "ol", "li", "a"];
  const out = {};
  for (const sel of pick) {
    const el = host.shadowRoot.querySelector(sel);
    if (!el) { out[sel] = "missing"; continue; }
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    out[sel] = Object.fromEntries([...props.map((p) => [p, cs.getPropertyValue(p)]),
      ["width", Math.round(r.width)], ["height", Math.round(r.height)]]);
  }
  out.host = { height: Math.round(host.getBoundingClientRect().height) };
  return out;
}

test("isolation: on the hostile blog the widget looks exactly as on a clean page", async () => {
  await withServer(undefined, async (srv) => {
    const looks = {};
    for (const name of ["basic", "blog"]) {
      srv.requests.length = 0;
      const { page, log, context } = await visit(`${srv.url}/examples/${name}.html`);
      await ready(page);
      const host = page.locator("el-compare");
      // Same setup and width on both pages; the blog's own attributes are the reference.
      await host.evaluate((el) => {
        el.setAttribute("preset", "migrate-centos7");
        el.setAttribute("options", "almalinux,rocky,rhel");
        el.style.width = "700px";
      });
      await page.waitForFunction(() => document.querySelector("el-compare").shadowRoot
        .querySelector(".elc-preset input:checked")?.closest(".elc-preset")?.textContent.includes("CentOS Linux 7"));
      await page.waitForFunction(() => [...document.querySelector("el-compare").shadowRoot.querySelectorAll("th")]
        .some((th) => th.textContent.includes("Red Hat")));
      looks[name] = await host.evaluate(innerLook);
      // The widget pinned to the viewport's top-left corner on both pages, so the captures do not
      // depend on where each page placed it (sub-pixel offsets change text rasterisation).
      const box = await host.evaluate((el) => {
        Object.assign(el.style, { position: "fixed", top: "0", left: "0", zIndex: "2147483647" });
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: 800 };
      });
      looks[`${name}.png`] = await page.screenshot({ clip: box, animations: "disabled", caret: "hide" });
      looks[`${name}.box`] = { ...box, x: box.x % 1, y: box.y % 1 };
      await assertQuiet(page, log);
      assertRequests(srv, log, [`/examples/${name}.html`, ...EMBED]);
      await context.close();
    }
    assert.ok(!JSON.stringify(looks.basic).includes("missing"), JSON.stringify(looks.basic));
    assert.doesNotMatch(JSON.stringify(looks.blog), /Comic|uppercase|rgb\(255, 0, 0\)/, "no hostile rule leaked in");
    assert.deepEqual(looks.blog, looks.basic);
    assert.deepEqual(looks["blog.box"], looks["basic.box"], "same size and sub-pixel offset");
    if (!looks["blog.png"].equals(looks["basic.png"])) {
      for (const n of ["basic", "blog"]) fs.writeFileSync(path.join(os.tmpdir(), `elc-isolation-${n}.png`), looks[`${n}.png`]);
      assert.fail(`screenshots of the widget differ; see ${os.tmpdir()}/elc-isolation-{basic,blog}.png`);
    }
  });
});

test("isolation of sizes from a root font-size change (html { font-size: 62.5% })", async () => {
  await withServer(undefined, async (srv) => {
    const looks = [];
    for (const rootSize of [null, "62.5%"]) {
      const { page, context } = await visit(`${srv.url}/examples/basic.html`);
      await ready(page);
      looks.push(await page.locator("el-compare").evaluate((el, size) => {
        if (size) document.documentElement.style.fontSize = size;
        el.style.width = "700px";
        const p = el.shadowRoot.querySelector(".elc-panel");
        return getComputedStyle(p).padding;
      }, rootSize));
      await context.close();
    }
    assert.equal(looks[1], looks[0]);
  });
});

test("strict-CSP intranet page with Trusted Types: renders, no violations, only its own files", async () => {
  await withServer((p) => (p.endsWith(".html") ? { "Content-Security-Policy": CSP_INTRANET } : {}), async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/intranet-csp.html`);
    await ready(page);
    await eventCount(page, 1);
    const [ev] = await events(page);
    assert.equal(ev.id, "review");
    assert.deepEqual(ev.detail.weights, presetWeights("regulated"));
    assert.ok(await page.evaluate(() => typeof window.trustedTypes === "object"), "Trusted Types are available");
    // A slider still works under the policy.
    await setWeight(page, "Cost", 10);
    await eventCount(page, 2);
    // The host's --elcompare-accent reached the widget.
    const accent = await page.locator("el-compare").evaluate((el) =>
      getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).getPropertyValue("--elc-accent").trim());
    assert.equal(accent, "#5a2d82");
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/intranet-csp.html", "/examples/intranet.css", ...EMBED]);
    await context.close();
  });
});

test("the minimal CSP (script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; trusted-types 'none') is enough", async () => {
  await withServer((p) => (p.endsWith(".html") ? { "Content-Security-Policy": CSP_MINIMAL } : {}), async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/basic.html`);
    await ready(page);
    await eventCount(page, 1);
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/basic.html", ...EMBED]);
    await context.close();
  });
});

test("without connect-src for the wasm, the widget says its file could not be loaded", async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";
  await withServer((p) => (p.endsWith(".html") ? { "Content-Security-Policy": csp } : {}), async (srv) => {
    const { page, context } = await visit(`${srv.url}/examples/basic.html`);
    const msg = page.locator("el-compare .elc-root .elc-error");
    await msg.waitFor();
    assert.match(await msg.textContent(), /could not start\. Its WebAssembly file could not be loaded/);
    await context.close();
  });
});

test("ten widgets on one page render and respond independently", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/ten.html`);
    const hosts = page.locator("el-compare");
    assert.equal(await hosts.count(), 10);
    for (let i = 0; i < 10; i++) await hosts.nth(i).locator(".elc-rank").first().waitFor({ timeout: 20000 });
    await eventCount(page, 10);
    const first = await events(page);
    assert.deepEqual(first.map((e) => e.index).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "one event per widget");
    const presets = ["production", "early-access", "hosting", "migrate-centos7", "migrate-centos8", "regulated", "zero-budget", null, "production", "early-access"];
    for (const e of first) {
      if (presets[e.index]) assert.deepEqual(e.detail.weights, presetWeights(presets[e.index]), `widget ${e.index + 1}`);
    }
    const snapshot = () => page.evaluate(() => [...document.querySelectorAll("el-compare")].map((el) => ({
      ranking: [...el.shadowRoot.querySelectorAll(".elc-rank-name")].map((n) => n.textContent),
      weights: [...el.shadowRoot.querySelectorAll(".elc-weight-value")].map((n) => n.textContent),
    })));
    const before = await snapshot();
    assert.equal(await page.evaluate(() => location.hash), "", "nothing is written to the URL before an interaction");
    // Move widget 3's sliders hard toward freshness.
    const third = "section:nth-child(3) el-compare";
    await setWeight(page, "Stability", 0, third);
    await setWeight(page, "Feature freshness", 10, third);
    await setWeight(page, "Release lag", 10, third);
    await page.waitForFunction(() => window.__elc.events.some((e) => e.index === 2 && e.detail.weights.freshness === 10 && e.detail.weights.stability === 0));
    const afterMove = await snapshot();
    for (let i = 0; i < 10; i++) {
      if (i === 2) assert.notDeepEqual(afterMove[i].weights, before[i].weights, "widget 3 changed");
      else assert.deepEqual(afterMove[i], before[i], `widget ${i + 1} is untouched`);
    }
    assert.ok(afterMove[2].ranking.indexOf("CentOS Stream") < before[2].ranking.indexOf("CentOS Stream"), "widget 3 re-ranked");
    assert.ok((await events(page)).filter((e) => e.index !== 2).length === 9, "no event from the other widgets");
    // Sharing: only the widget the visitor changed writes its key (widget 3 is the first without an id).
    await page.waitForFunction(() => location.hash.length > 1);
    const keys = (await page.evaluate(() => location.hash)).slice(1).split("&").map((kv) => kv.split("=")[0]);
    assert.deepEqual(keys, ["elc"]);
    // Moving a slider of widget 1 adds its own key after it.
    await setWeight(page, "Cost", 9, "#prod");
    await page.waitForFunction(() => location.hash.split("&").length === 2);
    assert.deepEqual((await page.evaluate(() => location.hash)).slice(1).split("&").map((kv) => kv.split("=")[0]), ["elc", "elc-prod"]);
    // Themes: 5 and 10 dark, 6 light, on a light-scheme page.
    const bgs = await page.evaluate(() => [...document.querySelectorAll("el-compare")].map((el) =>
      getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).backgroundColor));
    assert.equal(bgs[4], bgs[9]);
    assert.notEqual(bgs[4], bgs[5]);
    assert.equal(bgs[5], bgs[0]);
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/ten.html", ...EMBED]);
    await context.close();
  });
});

test("custom dataset ranks its own options; a broken dataset lists its problems with paths", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/custom-dataset.html`);
    await ready(page, "#ssg");
    await eventCount(page, 1);
    const ev = (await events(page)).find((e) => e.id === "ssg");
    assert.equal(ev.detail.winner.id, "hugo");
    assert.deepEqual(ev.detail.ranking.map((r) => r.id), ["hugo", "eleventy", "astro", "jekyll"]);
    assert.deepEqual(ev.detail.weights, { "build-speed": 10, simplicity: 4, interactivity: 0, plugins: 2 });
    assert.deepEqual(await ranking(page, "#ssg"), ["Hugo", "Eleventy", "Astro", "Jekyll"]);
    assert.match(await page.locator("#ssg .elc-title").textContent(), /static site generator/);
    assert.doesNotMatch(await page.locator("#ssg").evaluate((el) => el.shadowRoot.textContent), /AlmaLinux|CentOS/);

    const problems = page.locator("#broken .elc-root .elc-error");
    await problems.waitFor();
    const text = await problems.textContent();
    // A schema-1 dataset gets path-precise messages from the browser build too (no publisher, a bare flag id).
    for (const line of ["The dataset has 13 problem(s)", "schema: schema 1 is not supported (expected 2)",
      "sources[0].publisher: missing: say who published it", "options[0].flags[0]: \"free\" is a bare flag id",
      "options[1].flags: no value for flag \"free\"", "title: must not be empty", "as_of: \"2026-13-01\" is not a date",
      "criteria[0].default_weight: weight 12 is outside 0..=10", "options[1].id: duplicate id \"one\"",
      "options[0].versions[0].sources", "unknown source \"nowhere\"", "options[0].ratings[0].value: 11 is outside 0..=10",
      "options[1].facts: no fact for dimension \"language\"", "presets[0].weights.speedy: unknown criterion \"speedy\"",
      "default_compare[1]: unknown option \"two\""]) {
      assert.ok(text.includes(line), `problem list has ${JSON.stringify(line)}:\n${text}`);
    }
    assert.equal((await events(page)).filter((e) => e.id === "broken").length, 0);
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/custom-dataset.html", ...EMBED]);
    await context.close();
  });
});

test("JS API: mount on a div, update, state, destroy, the event; invalid options reject readably and show", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/examples/api.html`);
    await ready(page, "#widget");
    const logList = page.locator("#log li");
    await logList.filter({ hasText: "elcompare-change: winner Red Hat Enterprise Linux" }).first().waitFor();
    // The page's own buttons.
    await page.click("#to-hosting");
    await page.click("#show-state");
    const state = JSON.parse((await logList.filter({ hasText: "state: " }).last().textContent()).slice("state: ".length));
    assert.equal(state.preset, "hosting");
    assert.deepEqual(state.detail.weights, presetWeights("hosting"));
    assert.equal(state.detail.winner.id, state.detail.ranking[0].id);
    await page.click("#bad-update");
    await logList.filter({ hasText: 'rejected: preset "nope" is not one of' }).waitFor();
    assert.match(await page.locator("#widget .elc-banner").textContent(), /preset "nope"/);
    await page.click("#to-dark");
    assert.equal(await page.locator("#widget").getAttribute("theme"), "dark");
    await page.click("#destroy");
    assert.equal(await page.locator("#widget .elc-app").count(), 0, "destroy removed the app");
    await page.click("#remount");
    await ready(page, "#widget");

    // The module itself, from a test script: a second widget and invalid options.
    const result = await page.evaluate(async () => {
      const { mount } = await import("/embed/elcompare.js");
      const out = {};
      const a = document.body.appendChild(document.createElement("div"));
      const got = [];
      a.addEventListener("elcompare-change", (e) => got.push(e.detail.winner.id));
      const h = await mount(a, { preset: "early-access", options: ["centos-stream", "rocky"], today: "2026-11-29" });
      out.state = h.state();
      await h.update({ preset: "production" });
      out.afterUpdate = h.state().preset;
      out.updateWinner = h.state().detail.winner.id;
      out.events = got.slice();
      try {
        await h.update({ preset: "nope" });
        out.badUpdate = "resolved";
      } catch (err) {
        out.badUpdate = err.message;
      }
      out.afterBadUpdate = h.state().preset;
      const tries = { badPreset: { preset: "nope" }, unknownKey: { colour: "red" }, badTheme: { theme: "purple" },
        badOptions: { options: "almalinux,nope" }, badCurrent: { current: "windows-95" }, badToday: { today: "tomorrow" },
        missingDataset: { dataset: "#nowhere" }, notAnObject: "production" };
      out.rejections = {};
      for (const [name, opts] of Object.entries(tries)) {
        const el = document.body.appendChild(document.createElement("div"));
        try {
          await mount(el, opts);
          out.rejections[name] = "resolved";
        } catch (err) {
          out.rejections[name] = { message: err.message, shown: el.shadowRoot.querySelector(".elc-root .elc-error")?.textContent };
        }
      }
      h.destroy();
      out.afterDestroy = { state: h.state(), app: a.shadowRoot.querySelectorAll(".elc-app").length };
      return out;
    });
    assert.equal(result.state.preset, "early-access");
    assert.deepEqual(result.state.compare, ["centos-stream", "rocky"]);
    assert.ok(result.state.detail.winner, "state() right after mount already has the result");
    assert.equal(result.state.detail.winner.id, result.state.detail.ranking[0].id);
    assert.equal(result.afterUpdate, "production");
    assert.equal(result.updateWinner, "rhel");
    assert.equal(result.events.at(-1), "rhel", "the update fired a change event before update() resolved");
    assert.match(result.badUpdate, /^preset "nope" is not one of: production/);
    assert.equal(result.afterBadUpdate, "production", "a rejected update changes nothing");
    const expect = { badPreset: /preset "nope" is not one of: production/, unknownKey: /unknown option "colour" \(known: preset, options/,
      badTheme: /theme "purple" is not one of: auto, light, dark/, badOptions: /options "almalinux,nope"/,
      badCurrent: /current "windows-95" is not a known version id/, badToday: /today "tomorrow" is not a date \(YYYY-MM-DD\)/,
      missingDataset: /dataset: no element matches "#nowhere"/, notAnObject: /options must be a plain object/ };
    for (const [name, re] of Object.entries(expect)) {
      const r = result.rejections[name];
      assert.notEqual(r, "resolved", `${name} should reject`);
      assert.match(r.message, re, name);
      assert.equal(r.shown, r.message, `${name}: the message is shown in the widget`);
      assert.doesNotMatch(r.message, /datasetJson|JsValue|undefined/, `${name}: no internals in the message`);
    }
    assert.deepEqual(result.afterDestroy, { state: null, app: 0 });
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/examples/api.html", ...EMBED]);
    await context.close();
  });
});

test("wasm blocked by CSP: the embed page says so in plain words", async () => {
  const csp = "default-src 'none'; script-src 'self'; connect-src 'self'";
  await withServer((p) => (p.endsWith(".html") ? { "Content-Security-Policy": csp } : {}), async (srv) => {
    const { page, context } = await visit(`${srv.url}/examples/basic.html`);
    const msg = page.locator("el-compare .elc-root .elc-error");
    await msg.waitFor();
    assert.match(await msg.textContent(), /^The interactive comparison could not start\. This page's security settings do not allow WebAssembly/);
    assert.equal(await page.locator("el-compare .elc-loading").count(), 0, "the loading note is gone");
    await context.close();
  });
});

test("single file: the static table shows before and without wasm; blocked wasm is explained", async () => {
  // Served as elcompare.html with a CSP that allows its inline script but not wasm.
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  await withServer((p) => (p === "/elcompare.html" ? { "Content-Security-Policy": csp } : {}), async (srv) => {
    const { page, context } = await visit(`${srv.url}/elcompare.html`);
    const msg = page.locator("el-compare .elc-root .elc-error");
    await msg.waitFor();
    assert.match(await msg.textContent(), /security settings do not allow WebAssembly/);
    const table = page.locator("el-compare .elc-static table").first();
    assert.ok(await table.isVisible(), "the prerendered table stays visible");
    assert.match(await table.textContent(), /AlmaLinux/);
    assert.equal(await page.locator("el-compare .elc-app").count(), 0);
    await context.close();

    // No JavaScript at all: the light-DOM table is the page.
    const off = await visit(`${srv.url}/elcompare.html`, { javaScriptEnabled: false });
    const staticTable = off.page.locator("el-compare .elc-static table").first();
    assert.ok(await staticTable.isVisible());
    assert.match(await staticTable.textContent(), /CentOS Stream/);
    await off.context.close();
  });
});

test("single file: the static table is in the light DOM and is replaced once the widget mounts", async () => {
  await withServer(undefined, async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/elcompare.html`);
    await ready(page);
    const slotted = await page.locator("el-compare").evaluate((el) => ({
      light: !!el.querySelector(".elc-static table"),
      slots: el.shadowRoot.querySelectorAll("slot").length,
    }));
    assert.deepEqual(slotted, { light: true, slots: 0 }, "static content stays in the light DOM, unslotted");
    assert.equal(await page.locator("el-compare .elc-static").isVisible(), false);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});

test("single file under a strict CSP with Trusted Types needs no connect-src: it loads nothing", async () => {
  const csp = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; " +
    "require-trusted-types-for 'script'; trusted-types 'none'";
  await withServer((p) => (p === "/elcompare.html" ? { "Content-Security-Policy": csp } : {}), async (srv) => {
    const { page, log, context } = await visit(`${srv.url}/elcompare.html`);
    await ready(page);
    await eventCount(page, 1);
    await assertQuiet(page, log);
    assertRequests(srv, log, ["/elcompare.html"]);
    await context.close();
  });
});
