//! The widget's effects on its host page: the `elcompare-change` event, the setup in the
//! URL fragment and the share link. The only place that writes to the host.

use super::js;
use crate::fragment;
use crate::summary::Summary;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Quiet time before the setup is written to the URL fragment: a dragged slider fires
/// dozens of changes, and browsers throttle history updates.
const FRAGMENT_DELAY_MS: u32 = 250;

/// What one widget last reported, its pending fragment write, and who waits for a push
/// to be shown (`update()` resolves from here, not by polling).
#[derive(Default)]
pub struct Reported {
    pub last: Option<Rc<Summary>>,
    pending: Option<Timeout>,
    waiting: Vec<(u32, js_sys::Function)>,
}

impl Reported {
    /// Calls `done` once a report includes push `generation` (now, if one already does).
    pub fn when_shown(&mut self, generation: u32, done: js_sys::Function) {
        if self
            .last
            .as_ref()
            .is_some_and(|s| s.generation >= generation)
        {
            let _ = done.call0(&JsValue::NULL);
        } else {
            self.waiting.push((generation, done));
        }
    }

    /// Releases every waiter (the widget is gone).
    pub fn release(&mut self) {
        for (_, done) in self.waiting.drain(..) {
            let _ = done.call0(&JsValue::NULL);
        }
    }
}

/// Handles a widget's report: remembers it for `state()`, wakes `whenSettled` waiters, fires the change
/// event when the ranking changed (and on the first report), and schedules the fragment
/// once the visitor has changed something (a page load or a host's update writes nothing).
pub fn report(host: &Element, key: Option<&str>, cell: &RefCell<Reported>, s: Rc<Summary>) {
    let changed = cell
        .borrow()
        .last
        .as_ref()
        .is_none_or(|l| l.ranking != s.ranking);
    if changed {
        emit_change(host, &s);
    }
    let pending = key.filter(|_| s.touched).map(|key| {
        let (key, value) = (key.to_string(), fragment::encode(&s.setup));
        Timeout::new(FRAGMENT_DELAY_MS, move || write_fragment(&key, &value))
    });
    let generation = s.generation;
    let ready: Vec<js_sys::Function> = {
        let mut r = cell.borrow_mut();
        // Replacing the pending write cancels it (dropping a Timeout clears it).
        r.pending = pending;
        r.last = Some(s);
        let (ready, still) = r.waiting.drain(..).partition(|(g, _)| *g <= generation);
        r.waiting = still;
        ready.into_iter().map(|(_, f)| f).collect()
    };
    // Called with no borrow held: a waiter may call back into the handle.
    for done in ready {
        let _ = done.call0(&JsValue::NULL);
    }
}

fn emit_change(host: &Element, s: &Summary) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js::detail(s));
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("elcompare-change", &init) {
        let _ = host.dispatch_event(&ev);
    }
}

pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn write_fragment(key: &str, value: &str) {
    let hash = location_hash();
    replace_hash(&hash, &fragment::fragment_set(&hash, key, value));
}

/// Removes this widget's key from the host's URL (when the widget is destroyed).
pub fn remove_fragment(key: &str) {
    let hash = location_hash();
    replace_hash(&hash, &fragment::fragment_remove(&hash, key));
}

/// Replaces the URL's fragment (no history entry, no scroll, no hashchange event).
fn replace_hash(old: &str, next: &str) {
    let Some(w) = web_sys::window() else { return };
    if next == old {
        return;
    }
    // An empty fragment: the URL without its `#`.
    let url = if next.is_empty() {
        let l = w.location();
        format!(
            "{}{}",
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default()
        )
    } else {
        next.to_string()
    };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// This page's address with `key` set to `value` in its fragment.
pub fn share_link(key: &str, value: &str) -> String {
    let Some(w) = web_sys::window() else {
        return String::new();
    };
    let loc = w.location();
    let href = loc.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default().to_string();
    format!(
        "{base}{}",
        fragment::fragment_set(&loc.hash().unwrap_or_default(), key, value)
    )
}
