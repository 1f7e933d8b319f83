// The cross-engine suite: the same checks in Firefox ESR (puppeteer-core over WebDriver BiDi)
// and WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb). Chromium runs the full suite in
// tests/e2e/; this subset covers what differs between engines: both outputs start (file:// and
// http), the strict-CSP + Trusted Types page, ten widgets on one page, a re-rank by real keyboard
// input, the share-link round trip, and no error in any engine's console.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HOOK, firefox, webkit } from "./drivers.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist");
const TODAY = "2026-11-29";
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; require-trusted-types-for 'script'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".json": "application/json" };

/** Puts the error hook first in an HTML page (inline for file:// copies, by URL when served). */
function hooked(html, tag) {
  const at = html.indexOf("<head>");
  if (at < 0) throw new Error("page has no <head>");
  return html.slice(0, at + 6) + tag + html.slice(at + 6);
}

/** Serves dist/ on loopback with the hook in every page; `csp(path)` may add a policy. */
async function serve(csp = () => null) {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (p === "/__hook.js") { res.writeHead(200, { "Content-Type": "text/javascript" }).end(HOOK); return; }
    const file = path.join(DIST, p);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
    const headers = { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" };
    const policy = csp(p);
    if (policy) headers["Content-Security-Policy"] = policy;
    let body = fs.readFileSync(file);
    if (file.endsWith(".html")) body = hooked(body.toString("utf8"), '<script src="/__hook.js"></script>');
    res.writeHead(200, headers).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The single file, copied to a fresh folder with a fixed date, `attrs` and the hook; its file:// URL. */
function singleCopy(extraHead = "", attrs = "") {
  const html = fs.readFileSync(path.join(DIST, "elcompare.html"), "utf8")
    .replace("<el-compare>", `<el-compare today="${TODAY}"${attrs}>`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "elc-x-"));
  const file = path.join(dir, "elcompare.html");
  fs.writeFileSync(file, hooked(html, `<script>${HOOK}</script>${extraHead}`));
  return pathToFileURL(file).href;
}

// ---- In-page helpers (serialised into the page; they see only their arguments) ----

/**
 * Waits until `n` widgets show a ranking and all their other parts (drawn in later tasks;
 * the app is aria-busy until then); returns each widget's ranked names.
 */
const rankings = (n, timeout = 30000) => new Promise((resolve, reject) => {
  const t0 = Date.now();
  const tick = () => {
    const hosts = [...document.querySelectorAll("el-compare")];
    const drawn = (h) => h.shadowRoot?.querySelector(".elc-app:not([aria-busy])");
    const lists = hosts.map((h) => (drawn(h) ? [...h.shadowRoot.querySelectorAll(".elc-rank-name")].map((e) => e.textContent) : []));
    if (lists.filter((l) => l.length > 0).length >= n) return resolve(lists);
    if (Date.now() - t0 > timeout) {
      const text = hosts.map((h) => (h.shadowRoot ? h.shadowRoot.textContent : h.textContent).slice(0, 300));
      return reject(new Error(`only ${lists.filter((l) => l.length).length} of ${n} widgets ranked; ${JSON.stringify(text)}`));
    }
    setTimeout(tick, 50);
  };
  tick();
});

/** Focuses the weight slider of criterion `name` in the first widget; returns its value. */
const focusSlider = (name) => {
  const root = document.querySelector("el-compare").shadowRoot;
  const row = [...root.querySelectorAll(".elc-weight")].find((r) => r.textContent.includes(name));
  const input = row.querySelector("input[type=range]");
  input.focus();
  return input.value;
};
const sliderValue = (name) => {
  const root = document.querySelector("el-compare").shadowRoot;
  const row = [...root.querySelectorAll(".elc-weight")].find((r) => r.textContent.includes(name));
  return row.querySelector("input[type=range]").value;
};
const firstRanking = () => [...document.querySelector("el-compare").shadowRoot.querySelectorAll(".elc-rank-name")].map((e) => e.textContent);
const presetChecked = (id) => new Promise((resolve, reject) => {
  const t0 = Date.now();
  const tick = () => {
    const v = document.querySelector("el-compare").shadowRoot.querySelector("input[type=radio]:checked")?.value;
    if (v === id) return resolve(true);
    if (Date.now() - t0 > 10000) return reject(new Error(`preset ${id} not checked (is ${v})`));
    setTimeout(tick, 50);
  };
  tick();
});
const hashHas = (text) => new Promise((resolve, reject) => {
  const t0 = Date.now();
  const tick = () => {
    if (location.hash.includes(text)) return resolve(location.href);
    if (Date.now() - t0 > 10000) return reject(new Error(`fragment never held ${text}: ${location.hash}`));
    setTimeout(tick, 50);
  };
  tick();
});
/** Centre of the preset radio whose label contains `text`, in viewport coordinates (scrolled into view). */
const radioCentre = (text) => {
  const root = document.querySelector("el-compare").shadowRoot;
  const label = [...root.querySelectorAll("label")].find((l) => l.textContent.includes(text));
  label.scrollIntoView({ block: "center" });
  const r = label.getBoundingClientRect();
  return { x: r.left + Math.min(12, r.width / 2), y: r.top + r.height / 2 };
};
/** How the first must-have checkbox and the first radio are drawn (computed style). */
const controlLook = () => {
  const root = document.querySelector("el-compare").shadowRoot;
  return [root.querySelector(".elc-musts input[type=checkbox]"), root.querySelector("input[type=radio]")].map((el) => {
    const cs = getComputedStyle(el);
    return { appearance: cs.appearance || cs.webkitAppearance, bg: cs.backgroundColor };
  });
};
const checkedPreset = () => document.querySelector("el-compare").shadowRoot.querySelector("input[type=radio]:checked")?.value ?? null;

/** The widget's language and texts, and the page frame's (the single file's title follows it). */
const languageLook = () => {
  const app = document.querySelector("el-compare").shadowRoot.querySelector(".elc-app");
  return {
    lang: app.getAttribute("lang"),
    timeline: app.querySelector("#elc-tl-h")?.textContent,
    score: app.querySelector(".elc-rank-score")?.textContent,
    text: app.textContent,
    page: document.documentElement.lang,
    title: document.title,
  };
};

const DE = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/de.json"), "utf8"));
const EN = JSON.parse(fs.readFileSync(path.join(ROOT, "data/i18n/en.json"), "utf8"));

// ---- The suite, once per engine ----

for (const [label, start] of [["Firefox ESR", firefox], ["WebKitGTK", webkit]]) {
  test(label, { concurrency: false }, async (t) => {
    const engine = await start();
    t.diagnostic(`${engine.name} ${engine.version}`);
    const srv = await serve((p) => (p === "/examples/intranet-csp.html" ? CSP : null));
    t.after(async () => { await srv.close(); await engine.close(); });
    const visit = async (url, opts) => {
      const page = await engine.newPage(opts);
      await page.goto(url);
      return page;
    };

    await t.test("the error capture works (a page that logs an error is caught)", async () => {
      const page = await visit(singleCopy('<script>console.error("deliberate test error"); setTimeout(() => { throw new Error("deliberate uncaught"); });</script>'));
      await page.evaluate(rankings, 1);
      const errors = await page.errors();
      assert.ok(errors.some((e) => e.includes("deliberate test error")), `console.error captured: ${errors}`);
      // WebKit reports an uncaught error of a file:// page's own script as "Script error." (no
      // detail across its file origin); either way it is captured, which is what a check needs.
      assert.ok(errors.some((e) => e.startsWith("uncaught: ") && /deliberate uncaught|Script error/.test(e)), `uncaught error captured: ${errors}`);
      await page.close();
    });

    await t.test("single file from file://: ranks, re-ranks by keyboard, no errors", async () => {
      const page = await visit(singleCopy());
      const [before] = await page.evaluate(rankings, 1);
      assert.ok(before.length >= 3, `ranking: ${before}`);
      // Real key input on a focused slider: Home/End/Arrow keys move it and the ranking follows.
      await page.evaluate(focusSlider, "Feature freshness");
      await page.press("Home");
      assert.equal(await page.evaluate(sliderValue, "Feature freshness"), "0");
      await page.press("ArrowRight");
      assert.equal(await page.evaluate(sliderValue, "Feature freshness"), "1");
      await page.press("End");
      assert.equal(await page.evaluate(sliderValue, "Feature freshness"), "10");
      for (const [name, key] of [["Release lag", "End"], ["Stability", "Home"], ["Years of security updates", "Home"]]) {
        await page.evaluate(focusSlider, name);
        await page.press(key);
      }
      const after = await page.evaluate(firstRanking);
      assert.notDeepEqual(after, before, "the keyboard changed the ranking");
      assert.ok(after.indexOf("CentOS Stream") < before.indexOf("CentOS Stream"), `before ${before}; after ${after}`);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    await t.test("a preset chosen by a real click (by coordinates), and the share link round trip", async () => {
      const page = await visit(`${srv.url}/examples/basic.html`);
      await page.evaluate(rankings, 1);
      const at = await page.evaluate(radioCentre, "Early access");
      await page.clickAt(at.x, at.y);
      await page.evaluate(presetChecked, "early-access");
      const chosen = await page.evaluate(firstRanking);
      assert.equal(chosen[0], "CentOS Stream", `early access ranking: ${chosen}`);
      // The fragment follows once input pauses; a new page opened at that address shows the same setup.
      const link = await page.evaluate(hashHas, "p:early-access");
      await page.close();
      const again = await visit(link);
      const [restored] = await again.evaluate(rankings, 1);
      assert.deepEqual(restored, chosen);
      assert.equal(await again.evaluate(checkedPreset), "early-access");
      assert.deepEqual(await again.errors(), []);
      await again.close();
    });

    await t.test("dark theme: checkboxes and radios are drawn in the theme's colours (WebKit drew them white)", async () => {
      const page = await visit(singleCopy());
      await page.evaluate(rankings, 1);
      await page.evaluate(() => document.querySelector("el-compare").setAttribute("theme", "dark"));
      const look = await page.evaluate(controlLook);
      for (const c of look) {
        assert.equal(c.appearance, "none", JSON.stringify(look));
        assert.equal(c.bg, "rgb(20, 24, 29)", `the dark theme's background: ${JSON.stringify(look)}`);
      }
      await page.close();
    });

    await t.test("German: the single file with lang=de starts in German, its page frame too, no errors", async () => {
      const page = await visit(singleCopy("", ' lang="de"'));
      await page.evaluate(rankings, 1);
      const got = await page.evaluate(languageLook);
      assert.equal(got.lang, "de");
      assert.equal(got.timeline, DE["timeline.heading"]);
      assert.match(got.score, /^\d+,\d/, `a score with a decimal comma: ${got.score}`);
      for (const key of ["result.heading", "controls.must", "handoff.heading"]) {
        if (DE[key] !== EN[key]) assert.ok(got.text.includes(DE[key]), `${key}: ${DE[key]}`);
      }
      assert.ok(!got.text.includes(EN["handoff.heading"]), "no English heading");
      assert.equal(got.page, "de");
      assert.equal(got.title, DE["page.title"]);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    await t.test("strict CSP + Trusted Types page over http: starts, no violation", async () => {
      const page = await visit(`${srv.url}/examples/intranet-csp.html`);
      const [names] = await page.evaluate(rankings, 1);
      assert.ok(names.length >= 2, `ranking: ${names}`);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });

    await t.test("ten widgets on one page all start, no errors", async () => {
      const page = await visit(`${srv.url}/examples/ten.html`, { width: 1200, height: 900 });
      const lists = await page.evaluate(rankings, 10, 60000);
      assert.equal(lists.filter((l) => l.length > 0).length, 10);
      assert.deepEqual(await page.errors(), []);
      await page.close();
    });
  });
}
