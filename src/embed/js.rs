//! Every JS object the widget hands its host, built with js_sys (less wasm than
//! serde_wasm_bindgen's serializer; same shapes and key order as before).

use crate::data::MustHaves;
use crate::fragment;
use crate::summary::{RankedOut, Summary};
use wasm_bindgen::JsValue;

fn set(o: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(o, &JsValue::from_str(key), value);
}

fn str_or_null(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// `["a", "b"]`.
fn str_array(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<js_sys::Array>()
        .into()
}

/// `{ flags: [...], arch: "x86_64" | null, min_years: 5 | null }`.
fn must(m: &MustHaves) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "flags", &str_array(&m.flags));
    set(&o, "arch", &str_or_null(m.arch.as_deref()));
    set(
        &o,
        "min_years",
        &m.min_years.map_or(JsValue::NULL, JsValue::from_f64),
    );
    o.into()
}

/// `{ id, name, score }`.
fn ranked(r: &RankedOut) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "id", &JsValue::from_str(&r.id));
    set(&o, "name", &JsValue::from_str(&r.name));
    set(&o, "score", &JsValue::from_f64(r.score));
    o.into()
}

/// The `elcompare-change` event's detail:
/// `{ winner: {id, name, score} | null, ranking: [...], weights: { criterion id: weight } }`.
pub fn detail(s: &Summary) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "winner", &s.winner().map_or(JsValue::NULL, ranked));
    let ranking: js_sys::Array = s.ranking.iter().map(ranked).collect();
    set(&o, "ranking", &ranking);
    // Keys in sorted order, as the BTreeMap this used to be gave them.
    let mut sorted: Vec<&(String, f64)> = Vec::with_capacity(s.weights.len());
    for e in &s.weights {
        let at = sorted.partition_point(|x| x.0 <= e.0);
        sorted.insert(at, e);
    }
    let weights = js_sys::Object::new();
    for (id, w) in sorted {
        set(&weights, id, &JsValue::from_f64(*w));
    }
    set(&o, "weights", &weights);
    o.into()
}

/// `handle.state()`: `{ detail, preset, current, countPaid, compare, must, fragment }` (a chosen
/// language is in the fragment's `l:`)
/// (`current`: a version id, "id:servers,…" for a mixed fleet, or null).
pub fn state(s: &Summary) -> JsValue {
    let setup = &s.setup;
    let o = js_sys::Object::new();
    set(&o, "detail", &detail(s));
    set(&o, "preset", &str_or_null(setup.preset.as_deref()));
    set(
        &o,
        "current",
        &str_or_null(crate::setup::fleet_text(setup).as_deref()),
    );
    set(&o, "countPaid", &JsValue::from_bool(setup.count_paid));
    set(&o, "compare", &str_array(&setup.compare));
    set(&o, "must", &must(&setup.must));
    set(&o, "fragment", &JsValue::from_str(&fragment::encode(setup)));
    o.into()
}
