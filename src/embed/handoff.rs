//! The browser side of "Hand it on": downloads through a Blob URL and an `<a download>`
//! (no network, no HTML parsing), the single file's copy of itself with the setup inside,
//! and the print events. Everything that can fail returns a message for the widget.

use crate::ui::HandOffHost;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement};
use yew::Callback;

/// `<meta name="elcompare-setup" content="elc=…">`: the setup a saved copy starts with, in
/// the URL fragment's own `key=value&…` form.
pub const SAVED_SETUP_META: &str = "meta[name=\"elcompare-setup\"]";

/// How long a download's Blob URL stays valid (the browser reads it after the click).
const REVOKE_AFTER_MS: u32 = 60_000;

fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Offers `text` as a file called `name`. The anchor is put beside the widget (inside
/// its shadow root when it has one) for the click and removed at once.
fn download(host: &Element, name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(js_text)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_text)?;
    let result = click_link(host, name, &url);
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    result
}

fn click_link(host: &Element, name: &str, url: &str) -> Result<(), String> {
    let doc = host
        .owner_document()
        .ok_or("the widget is not in a document")?;
    let a: HtmlAnchorElement = doc
        .create_element("a")
        .map_err(js_text)?
        .dyn_into()
        .map_err(|_| "no anchor element".to_string())?;
    a.set_href(url);
    a.set_download(name);
    a.set_hidden(true);
    let parent: web_sys::Node = match host.shadow_root() {
        Some(r) => r.into(),
        None => host.clone().into(),
    };
    parent.append_child(&a).map_err(js_text)?;
    a.click();
    a.remove();
    Ok(())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The page is the single offline file (it carries its wasm inline).
pub(super) fn is_single_file() -> bool {
    document().is_some_and(|d| d.get_element_by_id("elc-wasm").is_some())
}

/// The page was opened from disk.
fn is_local() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

/// The setup a saved copy carries (`key=value&…`), or "".
pub fn saved_setup() -> String {
    document()
        .and_then(|d| d.query_selector(SAVED_SETUP_META).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// Downloads this page again with `key=value` as its starting setup. The page is cloned
/// as a DOM tree, the setup set as an attribute of a `<meta>` in the clone, and the clone
/// serialized: nothing is parsed from a string, no script text is written, so it works
/// under Trusted Types. The widgets' shadow roots are not part of the copy; the static
/// table in the light DOM is.
fn save_copy(host: &Element, name: &str, key: &str, value: &str) -> Result<(), String> {
    let doc = document().ok_or("no document")?;
    let root = doc.document_element().ok_or("no document element")?;
    let clone: Element = root
        .clone_node_with_deep(true)
        .map_err(js_text)?
        .dyn_into()
        .map_err(|_| "the page could not be copied".to_string())?;
    let head = clone
        .query_selector("head")
        .map_err(js_text)?
        .ok_or("the page has no head")?;
    while let Some(old) = clone.query_selector(SAVED_SETUP_META).map_err(js_text)? {
        old.remove();
    }
    let meta = doc.create_element("meta").map_err(js_text)?;
    meta.set_attribute("name", "elcompare-setup")
        .map_err(js_text)?;
    meta.set_attribute("content", &format!("{key}={value}"))
        .map_err(js_text)?;
    head.append_child(&meta).map_err(js_text)?;
    let page = format!("<!doctype html>\n{}\n", clone.outer_html());
    download(host, name, "text/html;charset=utf-8", &page)
}

/// Opens the browser's print dialog.
fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The app's "Hand it on" callbacks for a widget in `host` (`key`: its fragment key, if
/// shared). The print-event listeners live as long as the callbacks (the widget's props).
pub fn host_for(host: &Element, key: Option<String>) -> HandOffHost {
    let h = host.clone();
    let download = Callback::from(move |(name, mime, text): (String, &'static str, String)| {
        download(&h, &name, mime, &text)
    });
    let save_copy = key.filter(|_| is_single_file()).map(|key| {
        let h = host.clone();
        Callback::from(move |(name, value): (String, String)| save_copy(&h, &name, &key, &value))
    });
    let slot: Rc<RefCell<Option<PrintEvents>>> = Rc::default();
    let print_events = Callback::from(move |on: Callback<bool>| {
        *slot.borrow_mut() = PrintEvents::listen(move |b| on.emit(b));
    });
    let resized: Rc<RefCell<Option<Resize>>> = Rc::default();
    let resize_events = Callback::from(move |on: Callback<()>| {
        *resized.borrow_mut() = Resize::listen(on);
    });
    HandOffHost {
        download,
        print: Callback::from(|()| print()),
        print_events,
        resize_events,
        save_copy,
        local: is_local(),
    }
}

/// A `resize` listener on the window, removed when dropped.
struct Resize(Closure<dyn FnMut()>);

impl Resize {
    fn listen(on: Callback<()>) -> Option<Resize> {
        let w = web_sys::window()?;
        let r = Resize(Closure::new(move || on.emit(())));
        let _ = w.add_event_listener_with_callback("resize", r.0.as_ref().unchecked_ref());
        Some(r)
    }
}

impl Drop for Resize {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ =
                w.remove_event_listener_with_callback("resize", self.0.as_ref().unchecked_ref());
        }
    }
}

/// `beforeprint` / `afterprint` listeners on the window, removed when dropped.
struct PrintEvents {
    before: Closure<dyn FnMut()>,
    after: Closure<dyn FnMut()>,
}

impl PrintEvents {
    /// Calls `on(true)` before the page prints and `on(false)` after.
    fn listen(on: impl Fn(bool) + 'static) -> Option<PrintEvents> {
        let w = web_sys::window()?;
        let on = std::rc::Rc::new(on);
        let (a, b) = (on.clone(), on);
        let ev = PrintEvents {
            before: Closure::new(move || a(true)),
            after: Closure::new(move || b(false)),
        };
        let _ =
            w.add_event_listener_with_callback("beforeprint", ev.before.as_ref().unchecked_ref());
        let _ = w.add_event_listener_with_callback("afterprint", ev.after.as_ref().unchecked_ref());
        Some(ev)
    }
}

impl Drop for PrintEvents {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "beforeprint",
                self.before.as_ref().unchecked_ref(),
            );
            let _ = w.remove_event_listener_with_callback(
                "afterprint",
                self.after.as_ref().unchecked_ref(),
            );
        }
    }
}
