// Two more browser engines for the cross-engine suite, behind one small interface:
//   Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi;
//   WebKitGTK (Debian's webkit2gtk-driver + MiniBrowser, Safari's engine) over W3C WebDriver
//   classic, spoken here with Node's fetch (no client library), on an Xvfb display.
// Nothing is downloaded: both browsers come from Debian packages that `cargo xtask setup` installs.
//
// A page handle offers: goto(url), evaluate(fn, ...args) (fn runs in the page; JSON in and out),
// press(key) (real key input to the focused element), clickAt(x, y) (real pointer input at page
// coordinates), errors() (console errors, uncaught exceptions, unhandled rejections and CSP
// violations seen so far), close().
//
// Console capture differs by engine: Firefox reports console and page errors over BiDi; WebKit's
// WebDriver classic has no log endpoint, so `hook.js` is put first in every page under test
// (served into http pages by the test server, written into file:// copies) and records them in
// the page. `errors()` reads both, so a test asserts the same thing in either engine.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const HOOK = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "hook.js"), "utf8");

export const FIREFOX = "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
export const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Reads what hook.js recorded in the page. */
const HOOKED = () => (window.__elcErrors || []).slice();

// ---- Firefox over WebDriver BiDi ----------------------------------------------------------

export async function firefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "elc-ff-"));
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // No network beyond loopback: no update checks, telemetry or captive-portal probes.
    extraPrefsFirefox: {
      "network.captive-portal-service.enabled": false,
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "network.connectivity-service.enabled": false,
    },
  });
  const version = await browser.version();
  return {
    name: "Firefox",
    version,
    async newPage({ width = 1200, height = 900 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      const seen = [];
      page.on("console", (m) => { if (m.type() === "error") seen.push(`console.error: ${m.text()}`); });
      page.on("pageerror", (e) => seen.push(`uncaught: ${e.message ?? e}`));
      return {
        goto: (url) => page.goto(url, { waitUntil: "load" }),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        press: (key) => page.keyboard.press(key),
        clickAt: (x, y) => page.mouse.click(x, y),
        async errors() {
          const hooked = await page.evaluate(HOOKED).catch(() => []);
          return [...new Set([...seen, ...hooked])];
        },
        close: () => page.close(),
      };
    },
    async close() {
      await browser.close();
      // Firefox may still be writing to its profile as it exits.
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

// ---- WebKitGTK over W3C WebDriver classic ------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts Xvfb on a free display number unless DISPLAY is already set. */
async function display() {
  if (process.env.DISPLAY) return { env: process.env.DISPLAY, stop: () => {} };
  for (let n = 90; n < 130; n++) {
    if (fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn("Xvfb", [`:${n}`, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: "ignore" });
    for (let i = 0; i < 50; i++) {
      if (fs.existsSync(`/tmp/.X11-unix/X${n}`)) return { env: `:${n}`, stop: () => xvfb.kill() };
      if (xvfb.exitCode !== null) break;
      await sleep(100);
    }
    xvfb.kill();
  }
  throw new Error("could not start Xvfb");
}

// W3C key codes for the keys the tests press.
const KEYS = { ArrowRight: "\uE014", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowDown: "\uE015",
  Home: "\uE011", End: "\uE010", Tab: "\uE004", Enter: "\uE007", Space: " " };

export async function webkit() {
  const x = await display();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: x.env } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, p, body) => {
    const res = await fetch(base + p, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebDriver ${method} ${p}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  let session;
  for (let i = 0; ; i++) {
    try {
      session = await call("POST", "/session", { capabilities: { alwaysMatch: {
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } } });
      break;
    } catch (e) {
      if (i > 50) { driver.kill(); x.stop(); throw e; }
      await sleep(200);
    }
  }
  const s = `/session/${session.sessionId}`;
  const version = session.capabilities?.browserVersion ?? "?";
  const run = (fn, args) => call("POST", `${s}/execute/async`, {
    script: `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ err: String(e && e.stack || e) }));`,
    args,
  }).then((r) => { if (r && "err" in r) throw new Error(r.err); return r?.ok; });
  // One window per session: each new page reuses it (the previous page is navigated away).
  return {
    name: "WebKitGTK",
    version,
    async newPage({ width = 1200, height = 900 } = {}) {
      await call("POST", `${s}/window/rect`, { width, height }).catch(() => {});
      return {
        async goto(url) {
          await call("POST", `${s}/url`, { url });
        },
        evaluate: (fn, ...args) => run(fn.toString(), args),
        press: (key) => call("POST", `${s}/actions`, { actions: [{ type: "key", id: "kb", actions: [
          { type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }] }),
        // WebKitWebDriver refuses element clicks inside a shadow root: click where it is drawn.
        clickAt: (cx, cy) => call("POST", `${s}/actions`, { actions: [{ type: "pointer", id: "mouse",
          parameters: { pointerType: "mouse" }, actions: [
            { type: "pointerMove", x: Math.round(cx), y: Math.round(cy), origin: "viewport" },
            { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }] }] }),
        errors: () => run(HOOKED.toString(), []).catch(() => []),
        close: () => call("POST", `${s}/url`, { url: "about:blank" }).catch(() => {}),
      };
    },
    async close() {
      await call("DELETE", s).catch(() => {});
      driver.kill();
      x.stop();
    },
  };
}
