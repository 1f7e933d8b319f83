// ---- elcompare bootstrap: shared by dist/embed/elcompare.js and dist/elcompare.html ----
// It follows wasm-bindgen's glue in the same module, so `__wbg_init` and `mountWidget`
// are in scope. It never parses HTML or evaluates strings (text goes in via textContent),
// and requests nothing but the embed bundle's own .wasm file.

const ELC_CSS = __ELCOMPARE_CSS__;
/** The embed bundle's URL, for the embed code (null in the single file). */
const ELC_SCRIPT_URL = __ELCOMPARE_SCRIPT_URL__;
// The shell's own reset: `.elc-frame` is the one box everything renders in. Page rules
// cannot select it, and `all: initial` drops whatever the page pushed onto the host
// element (even with !important) before it is inherited inward. Custom properties
// (--elcompare-*) are not touched by `all`, so they still theme the widget.
// Its font, colours and variables are set in styles/elcompare.css (after this sheet).
const ELC_SHELL_CSS =
  ".elc-frame { all: initial; display: block; }" +
  " .elc-banner { margin: 0 0 .5em; padding: .5em .75em; white-space: pre-line; }";
/** The element's attributes; also the keys of mount/update (`heading-level` is `headingLevel` there). */
const ELC_KEYS = ["preset", "options", "current", "weights", "must", "view", "sections", "heading", "heading-level",
  "theme", "dataset", "share", "today", "lang"];
/** What `state()` returns that is not an attribute; mount/update accept it back. */
const ELC_STATE_KEYS = ["compare", "fragment", "detail", "countPaid"];
/** Keys the wasm side checks and applies (the setup and which parts show). */
const ELC_WIDGET_KEYS = ["fragment", "preset", "options", "current", "weights", "must", "view", "sections", "heading", "heading-level", "lang"];
const ELC_THEMES = ["auto", "light", "dark", "inherit"];
/** Options that need a fresh widget (new data or sharing), not just a new setup. */
const ELC_REMOUNT = ["dataset", "share", "today"];

/**
 * The start-up texts of every language, `boot.*` of data/i18n/<tag>.json (put in by
 * `xtask dist`): what the page shows before the wasm runs or when it cannot.
 */
const ELC_TEXTS = __ELCOMPARE_TEXTS__;

/** The catalogue language for a tag: exact, else its primary subtag ("de-AT" → de); null for none. */
function elcTag(tag) {
  const t = String(tag).trim().toLowerCase();
  const langs = Object.keys(ELC_TEXTS);
  return langs.find((l) => l.toLowerCase() === t) || langs.find((l) => l.toLowerCase() === t.split(/[-_]/)[0]) || null;
}

/**
 * The language of a widget's start-up texts, chosen as the wasm side chooses the widget's: the
 * `lang` option (English for one the widget does not speak), else the closest ancestor's `lang`
 * (up to <html lang>; the single file follows the browser), then the browser's languages, then English.
 */
function elcLang(element, lang) {
  if (lang !== undefined && lang !== null) return elcTag(lang) || "en";
  const tags = [];
  if (!document.getElementById("elc-wasm")) {
    for (let e = element && element.parentElement; e; e = e.parentElement) {
      const l = e.getAttribute("lang");
      if (l && l.trim()) tags.push(l);
    }
  }
  tags.push(...(navigator.languages || []));
  for (const t of tags) {
    const l = elcTag(t);
    if (l) return l;
  }
  return "en";
}

/** A start-up text in `lang` with its `{name}`s filled from `args`. */
function elcT(lang, key, args) {
  const text = (ELC_TEXTS[lang] || ELC_TEXTS.en)[key] || ELC_TEXTS.en[key];
  return text.replace(/\{([a-z_]+)\}/g, (m, n) => (args && n in args ? String(args[n]) : m));
}

/** A message of the JS side, written when shown (in the widget's language): [key, args]. */
const elcSay = (key, args) => [key, args];
const elcWrite = (lang, said) => elcT(lang, said[0], said[1]);

/**
 * The single file's page frame (`<title>`, description, heading; data/i18n `page.*`) and
 * `<html lang>` in `lang`. Nothing in the embed bundle, whose page is the host's.
 */
function elcPageFrame(lang) {
  const t = ELC_TEXTS[lang] || ELC_TEXTS.en;
  if (!t["page.title"]) return;
  document.documentElement.lang = lang;
  document.title = t["page.title"];
  const description = document.querySelector('meta[name="description"]');
  if (description) description.content = t["page.description"];
  for (const el of document.querySelectorAll("[data-elc-page]")) el.textContent = t[`page.${el.dataset.elcPage}`];
}

/** The single file's frame follows its widget's language (the switch, a shared link's `l:`). */
function elcFollowLang(host) {
  if (!ELC_TEXTS.en["page.title"] || host._elcFrameWatch) return;
  const follow = () => {
    const app = host.shadowRoot.querySelector(".elc-app[lang]");
    if (app && app.lang !== document.documentElement.lang) elcPageFrame(app.lang);
  };
  host._elcFrameWatch = new MutationObserver(follow);
  host._elcFrameWatch.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ["lang"] });
  follow();
}

let elcReady = null;
/** The .wasm URL the embed bundle loads (null in the single file, whose wasm is inline). */
let elcWasmUrl = null;
let elcSheets = null;
const elcHandles = new WeakMap();
/** Live handles, for the page's hashchange. */
const elcLive = new Set();

/** Base64 → bytes (the single file's inline wasm): the native decoder where there is one. */
function elcBase64(text) {
  const b64 = text.trim();
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * What this browser lacks of the features the widget needs (README, "Browsers"); empty when
 * it has them all. `light-dark()` is the newest of them (Chrome/Edge 123, Firefox 120,
 * Safari 17.5); the WebAssembly features the build enables all shipped years earlier.
 */
function elcMissing() {
  const css = (p, v) => typeof CSS !== "undefined" && CSS.supports(p, v);
  const missing = [];
  if (typeof WebAssembly !== "object") missing.push("WebAssembly");
  if (!css("color", "light-dark(#000, #fff)")) missing.push("CSS light-dark()");
  if (!css("container-type", "inline-size")) missing.push("CSS container queries");
  if (!("adoptedStyleSheets" in ShadowRoot.prototype)) missing.push("constructable stylesheets");
  if (document.getElementById("elc-wasm") && typeof DecompressionStream !== "function") missing.push("DecompressionStream");
  return missing;
}

/** Starts the wasm once per page; every widget shares the one compiled module. */
function elcStart() {
  if (!elcReady) {
    const missing = elcMissing();
    elcReady = Promise.resolve()
      .then(() => {
        if (missing.length) {
          const err = new Error(elcT("en", "too_old", { missing: missing.join(", ") }));
          err.elcUnsupported = missing;
          throw err;
        }
      })
      .then(() => __ELCOMPARE_WASM__)
      .then((module) => __wbg_init({ module_or_path: module }));
    // Once per page, for the site's author: why, and which file was tried.
    elcReady.catch((err) => console.error(`elcompare: ${elcExplain(err, "en")}`));
  }
  return elcReady;
}

/**
 * Compiles the embed bundle's wasm while it downloads (off the main thread). A server that
 * does not say application/wasm still works, compiled from the whole bytes.
 */
async function elcCompileUrl(url) {
  elcWasmUrl = url.href;
  const response = await fetch(url);
  const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
  if (!response.ok || type === "application/wasm") return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Compiles the single file's inline wasm (base64 of its gzip) as it is inflated. */
function elcCompileInline(id) {
  const bytes = elcBase64(document.getElementById(id).textContent);
  const wasm = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compileStreaming(new Response(wasm, { headers: { "Content-Type": "application/wasm" } }));
}

function elcStyles() {
  if (!elcSheets) {
    const shell = new CSSStyleSheet();
    shell.replaceSync(ELC_SHELL_CSS);
    const main = new CSSStyleSheet();
    main.replaceSync(ELC_CSS);
    elcSheets = [shell, main];
  }
  return elcSheets;
}

/**
 * Open shadow root: `.elc-frame` > (`.elc-banner` for rejected updates, `.elc-root` where the
 * app renders). Light-DOM content (a prerendered table) shows through a slot until mount.
 */
function elcShell(host, lang) {
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = elcStyles();
  if (!root.querySelector(".elc-root")) {
    const frame = document.createElement("div");
    frame.className = "elc-frame";
    // The widget's own language and direction: an RTL host page must not mirror it, and a
    // screen reader reads its text in the language it is written in (the app's own `lang`
    // follows the widget's language; this one is the start-up texts').
    frame.dir = "ltr";
    frame.lang = elcLang(host, lang);
    const banner = document.createElement("p");
    banner.className = "elc-error elc-banner";
    banner.setAttribute("role", "alert");
    banner.hidden = true;
    const box = document.createElement("div");
    box.className = "elc-root";
    const note = document.createElement("p");
    note.className = "elc-loading";
    note.setAttribute("role", "status");
    note.textContent = elcT(elcLang(host, lang), "loading");
    box.append(note, document.createElement("slot"));
    frame.append(banner, box);
    root.append(frame);
  }
  return root.querySelector(".elc-root");
}

// ---- theme="inherit": light or dark from the host page, not from the visitor's system ----

const elcInheriting = new Set();
let elcSchemeWatch = null;
let elcProbe = null;

/** [r, g, b, alpha] (0–255, alpha 0–1) of any CSS colour, through a 1×1 canvas. */
function elcRgba(color) {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  if (!elcProbe) {
    const c = document.createElement("canvas");
    c.width = c.height = 1;
    elcProbe = c.getContext("2d", { willReadFrequently: true });
  }
  if (!elcProbe) return [255, 255, 255, 0];
  elcProbe.clearRect(0, 0, 1, 1);
  elcProbe.fillStyle = color;
  elcProbe.fillRect(0, 0, 1, 1);
  const d = elcProbe.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3] / 255];
}

/**
 * "dark" or "light" for what surrounds `host`: the first opaque background among its
 * ancestors decides (a dark site has a dark background whatever the visitor's system
 * prefers); without one, the page's color-scheme, then the visitor's preference.
 */
function elcHostScheme(host) {
  for (let e = host.parentElement || host.getRootNode().host; e; e = e.parentElement || e.getRootNode().host) {
    const [r, g, b, a] = elcRgba(getComputedStyle(e).backgroundColor);
    if (a >= 0.5) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme || "";
  const dark = /\bdark\b/.test(scheme);
  const light = /\blight\b/.test(scheme);
  if (dark && !light) return "dark";
  if (dark && light) return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  return "light";
}

/** Applies the theme attribute's effect that CSS alone cannot: "inherit" (and undoes it). */
function elcTheme(host) {
  const frame = host.shadowRoot && host.shadowRoot.querySelector(".elc-frame");
  if (!frame) return;
  if (host.getAttribute("theme") !== "inherit") {
    delete frame.dataset.scheme;
    elcInheriting.delete(host);
    return;
  }
  frame.dataset.scheme = elcHostScheme(host);
  elcInheriting.add(host);
  if (!elcSchemeWatch) {
    // Sites switch themes by a class or attribute on <html>/<body>, or follow the system.
    const again = () => {
      for (const h of elcInheriting) {
        if (h.isConnected) elcTheme(h);
        else elcInheriting.delete(h);
      }
    };
    elcSchemeWatch = new MutationObserver(again);
    for (const el of [document.documentElement, document.body]) {
      if (el) elcSchemeWatch.observe(el, { attributes: true });
    }
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", again);
  }
}

/** Replaces the widget with a message; the slot keeps any static content readable. */
function elcMessage(box, text) {
  const p = document.createElement("p");
  p.className = "elc-error";
  p.setAttribute("role", "alert");
  p.textContent = text;
  box.replaceChildren(p, document.createElement("slot"));
}

/** Shows (or with null, hides) a message above a working widget. */
function elcBanner(host, text) {
  const banner = host.shadowRoot && host.shadowRoot.querySelector(".elc-banner");
  if (!banner) return;
  banner.textContent = text || "";
  banner.hidden = !text;
}

function elcText(err) {
  return String((err && err.message) || err);
}

/**
 * A start-up failure in plain words, in `lang`, with the file tried and the browser's own
 * text after it (in the browser's language).
 */
function elcExplain(err, lang) {
  const text = elcText(err);
  if (err && err.elcUnsupported) return elcT(lang, "too_old", { missing: err.elcUnsupported.join(", ") });
  const tried = elcWasmUrl ? elcT(lang, "tried", { url: elcWasmUrl }) : "";
  let why;
  if (/unsafe-eval|Content.Security.Policy/i.test(text)) why = elcT(lang, "csp");
  else if (/fetch|NetworkError|status|MIME/i.test(text)) why = elcT(lang, "not_loaded", { tried });
  else if (/magic word|expected magic/i.test(text)) why = elcT(lang, "not_wasm", { tried });
  else if (/WebAssembly|wasm|CompileError/i.test(text)) why = elcT(lang, "no_wasm");
  else why = elcT(lang, "error");
  return elcT(lang, "failed", { why, details: text });
}

/** `{ stability: 8, cost: 2 }` → "stability:8,cost:2" (the wasm side checks the ids and values). */
function elcPairs(obj) {
  return Object.entries(obj).map(([id, w]) => `${id}:${w}`).join(",");
}

/** `{ flags, arch, min_years }` (as `state().must`) → the fragment's "f:…;a:…;y:…" form. */
function elcMust(m) {
  const parts = [];
  if (Array.isArray(m.flags) && m.flags.length) parts.push(`f:${m.flags.join(",")}`);
  if (m.arch) parts.push(`a:${m.arch}`);
  if (m.min_years !== null && m.min_years !== undefined) parts.push(`y:${m.min_years}`);
  return parts.join(";");
}

const elcIsObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * One option value → its attribute (string) form in `o`, or a message saying what is wrong.
 * Accepts the attribute strings and the shapes `state()` returns (lists, objects, null).
 */
function elcValue(k, v, o) {
  const one = (name, list) => (list.includes(v) ? ((o[name] = v), null) : elcSay("not_one_of", { name, value: v, list: list.join(", ") }));
  switch (k) {
    case "theme": return one("theme", ELC_THEMES);
    case "share": return one("share", ["on", "off"]);
    case "options":
    case "compare":
      if (Array.isArray(v) && v.every((id) => typeof id === "string")) v = v.join(",");
      if (typeof v !== "string") return elcSay("options_type", { key: k });
      o.options = v;
      return null;
    case "current":
      if (Array.isArray(v)) {
        // A mixed fleet as a list: "id:servers" strings or { version, servers } objects.
        const parts = v.map((g) => (typeof g === "string" ? g
          : elcIsObject(g) && typeof g.version === "string" ? `${g.version}:${g.servers}` : null));
        if (parts.includes(null)) return elcSay("current_type");
        o.current = parts.join(",");
        return null;
      }
      o.current = v === null ? "new" : String(v);
      return null;
    case "weights":
    case "detail":
      if (k === "detail") {
        if (!elcIsObject(v) || !elcIsObject(v.weights)) return null; // winner and ranking are results
        v = v.weights;
      }
      if (elcIsObject(v)) v = elcPairs(v);
      if (typeof v !== "string") return elcSay("weights_type");
      if (k === "weights" || o.weights === undefined) o.weights = v;
      return null;
    case "must":
      if (elcIsObject(v)) v = elcMust(v);
      if (typeof v !== "string") return elcSay("must_type");
      o.must = v;
      return null;
    case "countPaid":
      if (typeof v !== "boolean") return elcSay("count_paid_type");
      o.countPaid = v;
      return null;
    case "sections":
      if (Array.isArray(v)) v = v.join(",");
      o.sections = String(v);
      return null;
    case "preset":
      if (v !== null) o.preset = String(v);
      return null;
    case "dataset":
      if (typeof v !== "string") return elcSay("dataset_type");
      o.dataset = v;
      return null;
    default:
      o[k] = String(v);
      return null;
  }
}

/**
 * Checks the keys and the JS-side values of `options`. Returns `{ o, problems }`: the valid
 * options in attribute form, and one message per invalid one (all of them, not the first),
 * each written in the widget's language when shown (`elcWrite`).
 */
function elcNormalize(options) {
  const o = {};
  const problems = [];
  if (options === undefined || options === null) return { o, problems };
  if (!elcIsObject(options)) {
    problems.push(elcSay("options_object"));
    return { o, problems };
  }
  const known = [...ELC_KEYS.map((k) => (k === "heading-level" ? "headingLevel" : k)), ...ELC_STATE_KEYS];
  for (const [key, v] of Object.entries(options)) {
    const k = key === "headingLevel" ? "heading-level" : key;
    if (!ELC_KEYS.includes(k) && !ELC_STATE_KEYS.includes(k)) {
      problems.push(elcSay("unknown_option", { key, known: known.join(", ") }));
    } else if (v !== undefined) {
      const bad = elcValue(k, v, o);
      if (bad) problems.push(bad);
    }
  }
  return { o, problems };
}

/** Like elcNormalize, but throws an Error listing every problem (in `lang`). */
function elcCheck(options, lang) {
  const { o, problems } = elcNormalize(options);
  if (problems.length) throw new Error(problems.map((p) => elcWrite(lang, p)).join("\n"));
  return o;
}

/** The banner text for problems found at start-up (texts): all of them, and that defaults are used. */
function elcProblems(problems, lang) {
  if (!problems.length) return null;
  const head = problems.length === 1 ? elcT(lang, "problems_one") : elcT(lang, "problems_many", { count: problems.length });
  return `${head}\n` + problems.map((p) => `• ${p}`).join("\n");
}

/** Options as the Rust side takes them: the dataset looked up, theme and share="on" removed. */
function elcPrepare(element, opts, lang) {
  const out = Object.assign({}, opts);
  delete out.theme;
  delete out.dataset;
  if (out.share === "on") delete out.share;
  if (ELC_SCRIPT_URL) out.scriptUrl = ELC_SCRIPT_URL;
  if ("heading-level" in out) {
    out.headingLevel = out["heading-level"];
    delete out["heading-level"];
  }
  if (opts.dataset) {
    const scope = typeof element.getRootNode().querySelector === "function" ? element.getRootNode() : document;
    let node;
    try {
      node = scope.querySelector(opts.dataset);
    } catch (err) {
      throw new Error(elcT(lang, "bad_selector", { selector: opts.dataset }));
    }
    if (!node) throw new Error(elcT(lang, "no_match", { selector: opts.dataset }));
    if (node.localName !== "script") {
      throw new Error(elcT(lang, "not_script", { selector: opts.dataset, name: node.localName }));
    }
    out.datasetJson = node.textContent;
  }
  return out;
}

/** What `mount` resolves to. */
class ElcHandle {
  /** `lenient`: invalid settings are listed in a banner and left at their defaults (the element). */
  constructor(element, box, lenient) {
    this._el = element;
    this._box = box;
    this._lenient = lenient;
    this._inner = null;
    this._opts = {};
  }

  /**
   * `problems`: what the JS side rejected, listed with what the wasm side rejects. Lenient:
   * shown in the banner over a working widget; otherwise the mount fails with all of them.
   */
  _mount(opts, problems) {
    const prepared = elcPrepare(this._el, opts, elcLang(this._el, opts.lang));
    prepared.lenient = true;
    if (opts.theme) this._el.setAttribute("theme", opts.theme);
    elcTheme(this._el);
    this._inner = mountWidget(this._el, this._box, prepared);
    this._opts = opts;
    elcFollowLang(this._el);
    const lang = this._lang();
    const frame = this._el.shadowRoot.querySelector(".elc-frame");
    if (frame) frame.lang = lang;
    const all = [...(problems || []).map((p) => elcWrite(lang, p)), ...this._inner.problems()];
    if (all.length && !this._lenient) {
      this._release();
      throw new Error(all.join("\n"));
    }
    elcBanner(this._el, elcProblems(all, lang));
  }

  /** The language the widget shows (before it runs: the one it is going to show). */
  _lang() {
    return this._inner ? this._inner.lang() : elcLang(this._el, this._opts.lang);
  }

  _release() {
    if (this._inner) {
      const inner = this._inner;
      this._inner = null;
      inner.destroy();
      inner.free();
    }
  }

  /** Builds the widget again from `opts`; a failure replaces it with the message. */
  _remount(opts, problems) {
    this._release();
    try {
      this._mount(opts, problems);
    } catch (err) {
      const text = elcText(err);
      elcMessage(this._box, text);
      throw new Error(text);
    }
  }

  /**
   * Applies options (same keys as `mount`); unspecified keys keep their value. Resolves once
   * the widget shows the result (so `state()` reflects it); rejects with a readable Error for
   * an invalid option, which is also shown above the widget.
   */
  async update(options) {
    if (this._destroyed) throw new Error(elcT(elcLang(this._el, this._opts.lang), "destroyed"));
    this._apply(options);
    await this._settle();
  }

  /**
   * Resolves when the app has rendered what it was last given (Yew renders asynchronously):
   * the widget calls back once its report includes the last push.
   */
  _settle() {
    return new Promise((resolve) => {
      if (!this._inner) resolve();
      else this._inner.whenSettled(resolve);
    });
  }

  _apply(options) {
    let o;
    try {
      o = elcCheck(options, this._lang());
    } catch (err) {
      elcBanner(this._el, elcText(err));
      throw err;
    }
    const merged = Object.assign({}, this._opts, o);
    if (!this._inner || ELC_REMOUNT.some((k) => k in o && o[k] !== this._opts[k])) {
      this._remount(merged);
      return;
    }
    if (o.theme) this._el.setAttribute("theme", o.theme);
    elcTheme(this._el);
    const widget = {};
    for (const k of ELC_WIDGET_KEYS) if (k in o) widget[k === "heading-level" ? "headingLevel" : k] = o[k];
    try {
      this._inner.update(widget);
    } catch (err) {
      const text = elcText(err);
      elcBanner(this._el, text);
      throw new Error(text);
    }
    this._opts = merged;
    elcBanner(this._el, null);
  }

  /**
   * The code a page pastes for this widget as it is now: the script tag (`script`, default
   * this bundle's URL), the element with its attributes and a static version as its content.
   */
  embedCode(script, id) {
    return this._inner ? this._inner.embedCode(script || null, id || null) : null;
  }

  /** The current setup and result ({ detail: { winner, ranking, weights }, preset, current, compare, must, fragment }). */
  state() {
    return this._inner ? this._inner.state() : null;
  }

  /** Removes the widget; the element keeps any static light-DOM content. */
  destroy() {
    if (this._inner) this._inner.removeFromUrl();
    this._destroyed = true;
    elcLive.delete(this);
    this._release();
    elcInheriting.delete(this._el);
    elcBanner(this._el, null);
    this._box.replaceChildren(document.createElement("slot"));
    if (elcHandles.get(this._el) === this) elcHandles.delete(this._el);
  }
}

/**
 * Mounts a widget into `element` (any element; it gets an open shadow root). Resolves to a
 * handle { update(options), state(), destroy() }; rejects with a readable Error (also shown
 * in the widget) when wasm cannot start or an option is invalid.
 */
export function mount(element, options = {}) {
  return elcMount(element, options, false);
}

/** `mount`; with `lenient` (the element's attributes) invalid settings do not stop it. */
async function elcMount(element, options, lenient) {
  const lang = elcIsObject(options) ? options.lang : undefined;
  if (!(element instanceof Element)) throw new Error(elcT(elcLang(null, lang), "not_element"));
  const box = elcShell(element, lang);
  try {
    const { o: opts, problems } = elcNormalize(options);
    try {
      await elcStart();
    } catch (err) {
      const text = elcExplain(err, elcLang(element, opts.lang));
      elcMessage(box, text);
      throw new Error(text);
    }
    while (await elcTurn(() => elcPrepareData(element, opts)));
    const handle = await elcTurn(() => {
      elcHold(element);
      const previous = elcHandles.get(element);
      if (previous) previous.destroy();
      const h = new ElcHandle(element, box, lenient);
      h._remount(opts, problems);
      elcHandles.set(element, h);
      elcLive.add(h);
      elcWatchHash();
      return h;
    }, elcDrawn);
    await handle._settle();
    return handle;
  } finally {
    elcRelease(element);
  }
}

// ---- Start-up without long tasks (issue 17) ----
// Each step is its own task: compiling (in the background), the dataset's parse and check
// (once per page), then each widget in turn, which renders its recommendation and ranking
// first and the rest in later tasks (src/ui/mod.rs). An element far below the viewport
// starts when it comes within a screen of it, or once the page is idle.

let elcQueue = Promise.resolve();

/**
 * Runs `fn` in a task of its own after the widgets queued before it; with `until`, what is
 * queued next also waits for `until(result)`.
 */
function elcTurn(fn, until) {
  const turn = elcQueue.then(elcYield).then(fn);
  elcQueue = turn.then(until).catch(() => null);
  return turn;
}

/**
 * Resolves once widget `h` has drawn all its parts (or after 5 s at most, should it never
 * report): the next widget starts only then, so that no task, and no layout, holds the
 * work of two widgets.
 */
function elcDrawn(h) {
  return Promise.race([h._settle(), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/**
 * One step of reading and checking the dataset a widget will use (JSON.parse, serde's read,
 * the validator), each in a task of its own; true while a step is left. The wasm keeps the
 * result for every widget on the page that uses the same one. Problems are reported by the
 * mount.
 */
function elcPrepareData(element, opts) {
  try {
    return prepareDataset(elcPrepare(element, opts, "en").datasetJson);
  } catch (err) {
    return false; // Shown by the mount that follows.
  }
}

/** Resolves in a later task, so that the page can paint and handle input in between. */
function elcYield() {
  if (globalThis.scheduler && typeof scheduler.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves when `el` comes within one viewport of the screen, or when the page is idle. */
function elcWhenNear(el) {
  if (typeof IntersectionObserver !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) done();
    }, { rootMargin: "100% 0px" });
    let idle = 0;
    const done = () => {
      io.disconnect();
      if (idle && typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
      removeEventListener("load", later);
      resolve();
    };
    const later = () => {
      idle = typeof requestIdleCallback === "function" ? requestIdleCallback(done, { timeout: 5000 }) : setTimeout(done, 1000);
    };
    io.observe(el);
    if (document.readyState === "complete") later();
    else addEventListener("load", later, { once: true });
  });
}

/**
 * Until its widget has rendered, the element keeps at least a sensible height, so that the
 * parts arriving one after the other, or a fallback giving way, do not move the page below:
 * one viewport for the views taller than a screen (`--elcompare-reserve` changes it), and
 * from the mount on whatever it held then (its light-DOM fallback, or the widget it had).
 * Before the script runs only the page can reserve the space (README: "Reserve its space").
 * It is the box's own `min-height`, not an inherited custom property: changing one of those
 * on the box would restyle every element of the widget when it is released (issue 17).
 */
function elcReserve(host, held = "0px") {
  const box = host.shadowRoot && host.shadowRoot.querySelector(".elc-root");
  if (!box) return;
  const short = host.getAttribute("view") === "recommendation" || host.hasAttribute("sections");
  box.style.minHeight = `max(var(--elcompare-reserve, ${short ? "0px" : "100vh"}), ${held})`;
}

/** Keeps the height the element has now until its widget is complete. */
function elcHold(host) {
  elcReserve(host);
  const box = host.shadowRoot.querySelector(".elc-root");
  elcReserve(host, `${Math.ceil(box.getBoundingClientRect().height)}px`);
}

function elcRelease(host) {
  const box = host.shadowRoot && host.shadowRoot.querySelector(".elc-root");
  if (box) box.style.removeProperty("min-height");
}

// ---- Sharing through the URL fragment, politely ----
// The widgets write their keys after the host's own fragment (`#verdict&elc=…`), and only
// once the visitor changes something (src/ui/mod.rs). A browser cannot scroll to
// `#verdict&elc=…`, so the host's anchor is scrolled to here.

/** Scrolls to the host page's own anchor when the fragment also holds widget keys. */
function elcHostAnchor() {
  const hash = location.hash.slice(1);
  const first = hash.split("&")[0];
  if (!first || first === hash || first.includes("=")) return; // no anchor, or the browser handled it
  let id;
  try {
    id = decodeURIComponent(first);
  } catch (err) {
    return;
  }
  const target = document.getElementById(id);
  if (target) target.scrollIntoView();
}

let elcHashWatched = false;
/** One listener per page: a shared link pasted into an open tab updates its widget. */
function elcWatchHash() {
  if (elcHashWatched) return;
  elcHashWatched = true;
  window.addEventListener("hashchange", () => {
    for (const h of elcLive) if (h._inner) h._inner.hashChanged();
    elcHostAnchor();
  });
}

elcHostAnchor();
// The single file speaks the browser's language from its first paint (before the wasm runs).
elcPageFrame(elcLang(null));

function elcAttrOptions(el) {
  const o = {};
  for (const name of ELC_KEYS) {
    const v = el.getAttribute(name);
    if (v !== null) o[name] = v;
  }
  return o;
}

class ElCompare extends HTMLElement {
  static get observedAttributes() {
    return ELC_KEYS;
  }
  connectedCallback() {
    if (this._elc) return;
    elcShell(this, this.getAttribute("lang"));
    elcReserve(this);
    elcStart().catch(() => null); // compiling starts now; the mount reports a failure
    this._elc = elcWhenNear(this)
      .then(() => (this.isConnected ? elcMount(this, elcAttrOptions(this), true) : null))
      .catch(() => null);
  }
  attributeChangedCallback(name, old, value) {
    if (!this._elc || old === value) return;
    const pending = this._elc;
    this._elc = pending.then((h) => {
      if (!h) return elcMount(this, elcAttrOptions(this), true).catch(() => null);
      try {
        // A removed attribute: build again from the remaining ones.
        if (value === null) {
          const { o, problems } = elcNormalize(elcAttrOptions(this));
          h._remount(o, problems);
        }
        else h._apply({ [name]: value });
      } catch (err) {
        // Already shown in the widget.
      }
      return h;
    });
  }
  disconnectedCallback() {
    const pending = this._elc;
    this._elc = null;
    if (pending) pending.then((h) => h && h.destroy());
  }
}

if (!customElements.get("el-compare")) customElements.define("el-compare", ElCompare);
