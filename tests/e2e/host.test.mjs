// Host pages that push on the widget (issue 14): right-to-left and German pages, a page
// that sets the internal variables, the reader's default font size, theme="inherit" on a
// site with its own dark theme, and a sticky site header.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, TODAY, browserAndServer, ready, record, serve } from "./lib.mjs";

const env = browserAndServer();

/**
 * Opens `path` on the test server. `html` (optional) is served at that path instead of a
 * file, so a test can write its own host page next to the real bundle.
 */
async function visit(path, { html, width = 1200, colorScheme = "light", fontSize } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  await context.clock.setFixedTime(new Date(`${TODAY}T12:00:00Z`));
  const page = await context.newPage();
  const log = record(page);
  if (fontSize) {
    // The reader's default font size (chrome://settings/fonts), as the browser setting sets it.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: fontSize, fixed: 13 } });
  }
  if (html) {
    await page.route(`${env.srv.url}${path}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  }
  await page.goto(`${env.srv.url}${path}`);
  await ready(page);
  return { page, log, context };
}

/** A minimal host page around `body`, with the bundle from /embed/. */
const hostPage = (body, { head = "", htmlAttrs = 'lang="en"' } = {}) =>
  `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}</head>` +
  `<body>${body}<script type="module" src="/embed/elcompare.js"></script></body></html>`;

/** Luminance (0–255) of an rgb()/rgba() colour. */
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/[\d.]+/g).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test("RTL and German host pages: the widget keeps its own direction; it speaks the page's language when it has it", async () => {
  // No Hebrew catalogue: English on the Hebrew page; German on the German one (issue 18).
  for (const [path, pageLang, shown] of [["/examples/rtl.html", "he", "en"], ["/examples/dark-de.html", "de", "de"]]) {
    const { page, log, context } = await visit(path);
    const look = await page.locator("el-compare").evaluate((host, [pageLang, shown]) => {
      const root = host.shadowRoot;
      const why = root.querySelector(".elc-why");
      const winner = root.querySelector(".elc-winner");
      const cs = getComputedStyle(why);
      return {
        hostDirection: getComputedStyle(host).direction,
        direction: [".elc-frame", ".elc-app", ".elc-winner", ".elc-why", "table"].map((s) => getComputedStyle(root.querySelector(s)).direction),
        padding: [cs.paddingLeft, cs.paddingRight],
        fontSize: cs.fontSize,
        shown: winner.matches(`:lang(${shown})`),
        hostLanguage: winner.matches(`:lang(${pageLang})`),
        textAlign: getComputedStyle(root.querySelector(".elc-title")).textAlign,
      };
    }, [pageLang, shown]);
    if (pageLang === "he") assert.equal(look.hostDirection, "rtl", "the page really is right-to-left");
    assert.deepEqual(look.direction, ["ltr", "ltr", "ltr", "ltr", "ltr"], `${path}: direction`);
    // Lists are indented on the left by the widget's own 1.25em, not by the page's RTL padding.
    assert.equal(look.padding[1], "0px", `${path}: no right padding on lists`);
    assert.equal(parseFloat(look.padding[0]), 1.25 * parseFloat(look.fontSize), `${path}: left list padding`);
    assert.equal(look.shown, true, `${path}: the widget's text is marked ${shown}`);
    assert.equal(look.hostLanguage, pageLang === shown, `${path}: the page's lang reaches in only when the widget speaks it`);
    assert.equal(look.textAlign, "left");
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test("only --elcompare-* properties reach in: the internal --elc-* variables are out of the page's reach", async () => {
  const html = hostPage('<el-compare preset="production" share="off"></el-compare>', {
    head: "<style>:root, body, el-compare { --elc-bg: rgb(255, 0, 0); --elc-fg: rgb(0, 255, 0); --elc-gap: 90px; --elc-c0: red; }" +
      " el-compare { --elcompare-accent: rgb(90, 45, 130); }</style>",
  });
  const { page, log, context } = await visit("/vars.html", { html });
  const look = await page.locator("el-compare").evaluate((host) => {
    const root = host.shadowRoot;
    const frame = root.querySelector(".elc-frame");
    const panel = root.querySelector(".elc-panel");
    return {
      bg: getComputedStyle(frame).backgroundColor,
      fg: getComputedStyle(frame).color,
      gap: getComputedStyle(panel).paddingTop,
      accent: getComputedStyle(frame).getPropertyValue("--elc-accent").trim(),
      link: getComputedStyle(root.querySelector("summary")).color,
    };
  });
  assert.equal(look.bg, "rgb(255, 255, 255)", "--elc-bg from the page is ignored");
  assert.notEqual(look.fg, "rgb(0, 255, 0)", "--elc-fg from the page is ignored");
  assert.notEqual(look.gap, "90px", "--elc-gap from the page is ignored");
  assert.equal(look.accent, "rgb(90, 45, 130)", "--elcompare-accent still themes it");
  assert.equal(look.link, "rgb(90, 45, 130)");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the widget follows the reader's default font size, not the page's root font size", async () => {
  const sizes = {};
  for (const [name, fontSize, head] of [["default", undefined, ""], ["reader 24px", 24, ""],
    ["reader 24px, html 62.5%", 24, "<style>html { font-size: 62.5%; } body { font-size: 1.6rem; }</style>"],
    ["page body 12px", undefined, "<style>body { font-size: 12px; }</style>"]]) {
    const html = hostPage('<el-compare preset="production" share="off"></el-compare>', { head });
    const { page, context } = await visit("/font.html", { html, fontSize });
    sizes[name] = await page.locator("el-compare").evaluate((host) => {
      const root = host.shadowRoot;
      return {
        frame: getComputedStyle(root.querySelector(".elc-frame")).fontSize,
        panelPadding: getComputedStyle(root.querySelector(".elc-panel")).paddingTop,
        width: Math.round(root.querySelector(".elc-app").getBoundingClientRect().width),
      };
    });
    await context.close();
  }
  assert.equal(sizes.default.frame, "16px", "the browser's default (16px), not a fixed 15px");
  assert.equal(sizes["reader 24px"].frame, "24px", "a reader who chose 24px gets a 24px widget");
  assert.equal(sizes["reader 24px"].panelPadding, "24px", "spacing scales with it (em)");
  assert.deepEqual(sizes["reader 24px, html 62.5%"], sizes["reader 24px"], "the page's root font size does not shrink it");
  assert.deepEqual(sizes["page body 12px"], sizes.default, "the page's own text size does not reach in");
});

test('theme="inherit" follows the host page\'s own dark/light theme, not the visitor\'s system', async () => {
  // The German blog is dark by a class on <html>; the visitor's system is light.
  const { page, log, context } = await visit("/examples/dark-de.html", { colorScheme: "light" });
  const host = page.locator("el-compare");
  const bg = () => host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).backgroundColor);
  assert.ok(luminance(await bg()) < 60, `dark site, dark widget: ${await bg()}`);
  // The site switches to its light theme: the widget follows without a reload.
  await page.evaluate(() => { document.documentElement.className = "light"; });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-frame")).backgroundColor === "rgb(255, 255, 255)");
  // theme="auto" on the same dark page follows the system (light) instead.
  await page.evaluate(() => { document.documentElement.className = "dark"; });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-frame")).backgroundColor !== "rgb(255, 255, 255)");
  await host.evaluate((el) => el.setAttribute("theme", "auto"));
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-frame")).backgroundColor === "rgb(255, 255, 255)");
  await host.evaluate((el) => el.setAttribute("theme", "inherit"));
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-frame")).backgroundColor !== "rgb(255, 255, 255)");
  assert.deepEqual(log.errors, []);
  await context.close();

  // A light page without a background but with color-scheme: light stays light on a dark system.
  const html = hostPage('<el-compare theme="inherit" share="off"></el-compare>', { head: "<style>:root { color-scheme: light; }</style>" });
  const light = await visit("/inherit-light.html", { html, colorScheme: "dark" });
  assert.equal(await light.page.locator("el-compare").evaluate((el) =>
    getComputedStyle(el.shadowRoot.querySelector(".elc-frame")).backgroundColor), "rgb(255, 255, 255)");
  await light.context.close();
});

test("the sticky results column keeps clear of a sticky site header (--elcompare-sticky-top)", async () => {
  const { page, context } = await visit("/examples/dark-de.html");
  // Tall enough for the whole results column to fit below the header: only then does it stick
  // whole (measured again on resize).
  await page.setViewportSize({ width: 1200, height: 1600 });
  const results = page.locator("el-compare .elc-results");
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-results")).position === "sticky");
  const top = await results.evaluate((el) => getComputedStyle(el).top);
  assert.equal(top, `${64 + 8}px`, "64 px header + .5em");
  // Scrolled into the widget, the results column sits below the header, not under it.
  await page.evaluate(() => window.scrollTo(0, document.querySelector("el-compare").offsetTop + 600));
  const box = await results.boundingBox();
  assert.ok(box.y >= 64, `results column top ${box.y} is below the 64 px header`);
  // Too short a window for the whole column: the recommendation alone sticks, below the header too.
  await page.setViewportSize({ width: 1200, height: 600 });
  await page.waitForFunction(() => getComputedStyle(document.querySelector("el-compare").shadowRoot.querySelector(".elc-results")).position === "static");
  await page.evaluate(() => window.scrollTo(0, document.querySelector("el-compare").offsetTop + 1200));
  const reco = await page.locator("el-compare .elc-reco").boundingBox();
  assert.ok(reco.y >= 64 && reco.y < 100, `recommendation top ${reco.y} is just below the 64 px header`);
  await context.close();
});

// ---- When the bundle cannot load: the element's fallback content stays, the console says why ----

const FALLBACK = '<el-compare preset="production"><p id="fallback">AlmaLinux, Rocky Linux and RHEL compared (static version).</p></el-compare>';

/** Opens a host page whose bundle or wasm is served wrongly by `routes` ({ path: fulfil options }). */
async function broken(name, routes, { script = "/embed/elcompare.js" } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const log = record(page);
  const located = [];
  page.on("console", (m) => located.push(`${m.type()}: ${m.text()} @ ${m.location().url}`));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>` +
    `${FALLBACK}<script type="module" src="${script}"></script></body></html>`;
  await page.route(`${env.srv.url}/${name}.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  for (const [path, reply] of Object.entries(routes)) await page.route(`${env.srv.url}${path}`, (route) => route.fulfill(reply));
  await page.goto(`${env.srv.url}/${name}.html`);
  return { page, log, located, context };
}

test("wasm missing (404) or replaced by an error page: the fallback stays and the message names the file tried", async () => {
  const wasm = `${env.srv.url}/embed/elcompare_bg.wasm`;
  for (const [name, reply, why] of [
    ["wasm-404", { status: 404, contentType: "text/html", body: "<h1>Not found</h1>" }, /Its WebAssembly file could not be loaded \(tried [^)]+\)/],
    ["wasm-html", { status: 200, contentType: "text/html", body: "<!doctype html><title>Home</title>" }, /is something else, probably an error page/],
  ]) {
    const { page, located, context } = await broken(name, { "/embed/elcompare_bg.wasm": reply });
    const msg = page.locator("el-compare .elc-root .elc-error");
    await msg.waitFor();
    const text = await msg.textContent();
    assert.match(text, why, name);
    assert.ok(text.includes(`(tried ${wasm})`), `${name}: the exact URL tried is in the message: ${text}`);
    assert.ok(await page.locator("#fallback").isVisible(), `${name}: the element's own fallback content stays visible`);
    const errors = located.filter((m) => m.startsWith("error: elcompare:"));
    assert.equal(errors.length, 1, `${name}: one console error for the author: ${located.join("\n")}`);
    assert.ok(errors[0].includes(wasm), errors[0]);
    await context.close();
  }
});

test("script path wrong (404) or served with the wrong MIME type: the fallback stays, the console names the path", async () => {
  for (const [name, routes, script] of [
    ["js-404", {}, "/assets/elcompare/elcompare.js"],
    ["js-mime", { "/embed/elcompare.js": { status: 200, contentType: "text/plain", body: "export {}" } }, "/embed/elcompare.js"],
  ]) {
    const { page, located, context } = await broken(name, routes, { script });
    await page.waitForLoadState("networkidle");
    assert.ok(await page.locator("#fallback").isVisible(), `${name}: fallback visible`);
    assert.equal(await page.evaluate(() => Boolean(customElements.get("el-compare"))), false);
    const said = located.filter((m) => m.startsWith("error:") && m.includes(`${env.srv.url}${script}`));
    assert.ok(said.length >= 1, `${name}: the browser's console names ${script}:\n${located.join("\n")}`);
    await context.close();
  }
});

test("README's embed steps, followed literally on a fresh site, show a working widget", async () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Embed it"), readme.indexOf("### Attributes"));
  // Step 1: "copy the folder `dist/embed/` into your site as `assets/elcompare/`".
  const copy = /copy the folder `([^`]+)` into your site as\s+`([^`]+)`/.exec(section);
  assert.ok(copy, "step 1 names the folder and where it goes");
  // Step 2: the snippet.
  const snippet = /```html\n([\s\S]*?)```/.exec(section)[1];
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "elc-readme-"));
  fs.cpSync(path.join(ROOT, copy[1]), path.join(site, copy[2]), { recursive: true });
  fs.writeFileSync(path.join(site, "index.html"), `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>My post</title>` +
    `<link rel="icon" href="data:,"></head><body><h1>My post</h1>\n${snippet}</body></html>\n`);
  const local = await serve(site);
  try {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const log = record(page);
    await page.goto(`${local.url}/`);
    await ready(page);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.startsWith("error")), []);
    assert.deepEqual([...new Set(local.requests)].sort(), ["/", "/assets/elcompare/elcompare.js", "/assets/elcompare/elcompare_bg.wasm"]);
    await context.close();
  } finally {
    await local.close();
  }
});
