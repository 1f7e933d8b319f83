// ---- elcompare bootstrap: shared by dist/embed/elcompare.js and dist/elcompare.html ----
// It follows wasm-bindgen's glue in the same module, so `__wbg_init` and `mountWidget`
// are in scope. No innerHTML, eval or network access: text goes in via textContent.

const ELC_CSS = __ELCOMPARE_CSS__;
let elcReady = null;
let elcSheet = null;

/** Starts the wasm once per page; every widget shares the one compiled module. */
function elcStart() {
  if (!elcReady) {
    elcReady = Promise.resolve()
      .then(() => __ELCOMPARE_WASM__)
      .then((source) => __wbg_init({ module_or_path: source }));
  }
  return elcReady;
}

function elcStyles() {
  if (!elcSheet) {
    elcSheet = new CSSStyleSheet();
    elcSheet.replaceSync(ELC_CSS);
  }
  return elcSheet;
}

/** Open shadow root with our sheet; light-DOM content (a prerendered table) shows through a slot until mount. */
function elcShell(host) {
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = [elcStyles()];
  if (!root.querySelector(".elc-root")) {
    const box = document.createElement("div");
    box.className = "elc-root";
    const note = document.createElement("p");
    note.className = "elc-loading";
    note.setAttribute("role", "status");
    note.textContent = "Loading the comparison…";
    box.append(note, document.createElement("slot"));
    root.append(box);
  }
  return root.querySelector(".elc-root");
}

function elcMessage(box, text) {
  const p = document.createElement("p");
  p.className = "elc-error";
  p.setAttribute("role", "alert");
  p.textContent = text;
  box.replaceChildren(p, document.createElement("slot"));
}

function elcExplain(err) {
  const text = String((err && err.message) || err);
  if (/WebAssembly|wasm|CompileError|Content Security Policy|unsafe-eval/i.test(text)) {
    return "This comparison needs WebAssembly, which this page does not allow or this browser cannot run " +
      "(a host page's Content-Security-Policy must include 'wasm-unsafe-eval'). Details: " + text;
  }
  return "The comparison could not start: " + text;
}

function elcAttrOptions(el) {
  const o = {};
  for (const name of ["preset", "options", "current", "dataset", "share", "today"]) {
    const v = el.getAttribute(name);
    if (v !== null) o[name] = v;
  }
  return o;
}

/** Mounts a widget into `element`; resolves to a handle { update(options), state(), destroy() }. */
export async function mount(element, options = {}) {
  const box = elcShell(element);
  try {
    await elcStart();
  } catch (err) {
    elcMessage(box, elcExplain(err));
    throw new Error(elcExplain(err));
  }
  const opts = Object.assign({}, options);
  if (typeof opts.theme === "string") element.setAttribute("theme", opts.theme);
  if (typeof opts.dataset === "string" && opts.dataset) {
    const node = document.querySelector(opts.dataset);
    opts.datasetJson = node ? node.textContent : null;
    if (!node) opts.datasetMissing = opts.dataset;
  }
  delete opts.theme;
  delete opts.dataset;
  try {
    return mountWidget(element, box, opts);
  } catch (err) {
    const text = String((err && err.message) || err);
    elcMessage(box, text);
    throw new Error(text);
  }
}

class ElCompare extends HTMLElement {
  static get observedAttributes() {
    return ["preset", "options", "current", "dataset", "share"];
  }
  connectedCallback() {
    if (this._elc) return;
    this._elc = mount(this, elcAttrOptions(this)).catch(() => null);
  }
  attributeChangedCallback() {
    if (!this._elc) return;
    this._elc.then((h) => h && h.update(elcAttrOptions(this)));
  }
  disconnectedCallback() {
    const pending = this._elc;
    this._elc = null;
    if (pending) pending.then((h) => h && h.destroy());
  }
}

if (!customElements.get("el-compare")) customElements.define("el-compare", ElCompare);
