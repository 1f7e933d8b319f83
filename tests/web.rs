//! Component tests that run in headless Chromium (wasm-bindgen-test).
//! `cargo xtask test` runs them; so does `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use elcompare::embed::mount_widget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const TODAY: &str = "2026-11-29";

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Mounts a widget with `options` (pairs of key, value) into a fresh host; returns (host, root, handle).
async fn mount(pairs: &[(&str, &str)]) -> (Element, Element, elcompare::embed::WidgetHandle) {
    let host = doc().create_element("div").unwrap();
    let root = doc().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"today".into(), &TODAY.into()).unwrap();
    js_sys::Reflect::set(&opts, &"share".into(), &"off".into()).unwrap();
    for (k, v) in pairs {
        js_sys::Reflect::set(&opts, &(*k).into(), &(*v).into()).unwrap();
    }
    let handle = mount_widget(host.clone(), root.clone(), opts.into())
        .map_err(JsValue::from)
        .expect("mounts");
    settle(&handle).await;
    (host, root, handle)
}

/// Waits until the widget has rendered every part: the ones after the ranking come in
/// later tasks (src/ui/mod.rs, `Stage`), and the widget reports only then.
async fn settle(handle: &elcompare::embed::WidgetHandle) {
    let shown = js_sys::Promise::new(&mut |resolve, _| handle.when_settled(resolve));
    wasm_bindgen_futures::JsFuture::from(shown).await.unwrap();
    yew::scheduler::flush().await;
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn live(root: &Element) -> String {
    texts(root, "[role=status].elc-winner").join("")
}

fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// The slider of the criterion named `name`.
fn slider(root: &Element, name: &str) -> HtmlInputElement {
    let rows = root.query_selector_all(".elc-weight").unwrap();
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|e| {
            e.query_selector("label")
                .ok()
                .flatten()
                .and_then(|l| l.text_content())
                == Some(name.into())
        })
        .and_then(|e| e.query_selector("input[type=range]").ok().flatten())
        .expect("slider")
        .unchecked_into()
}

async fn set_weight(root: &Element, name: &str, v: u32) {
    let s = slider(root, name);
    s.set_value(&v.to_string());
    fire(&s, "input");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn slider_reranks_and_updates_live_region() {
    let (_h, root, _handle) = mount(&[("preset", "production")]).await;
    let before = texts(&root, ".elc-rank-name");
    let status = live(&root);
    assert_eq!(
        before.first().map(String::as_str),
        Some("Red Hat Enterprise Linux"),
        "{before:?}"
    );
    assert!(
        status.starts_with("Recommended: Red Hat Enterprise Linux"),
        "{status}"
    );
    for (name, w) in [
        ("Stability", 0),
        ("Feature freshness", 10),
        ("Release lag", 10),
        ("Years of security updates", 0),
    ] {
        set_weight(&root, name, w).await;
    }
    let after = texts(&root, ".elc-rank-name");
    assert_ne!(before, after);
    assert_ne!(
        live(&root),
        status,
        "the live region announces the new result"
    );
    // Touching a slider leaves the preset: "Custom" is now the checked radio.
    let custom: HtmlInputElement = root
        .query_selector("input[value=custom]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(custom.checked());
}

#[wasm_bindgen_test]
async fn the_engine_runs_once_per_change() {
    use elcompare::ui::state::evaluations;
    let (_h, root, mut handle) = mount(&[("preset", "production")]).await;
    let n0 = evaluations();
    set_weight(&root, "Stability", 1).await;
    assert_eq!(evaluations(), n0 + 1, "one slider input, one evaluation");
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"preset".into(), &"hosting".into()).unwrap();
    handle
        .update(opts.clone().into())
        .map_err(JsValue::from)
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        evaluations(),
        n0 + 2,
        "a host update: one evaluation, none to predict it"
    );
    handle.update(opts.into()).map_err(JsValue::from).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        evaluations(),
        n0 + 2,
        "the same setup again: nothing to evaluate"
    );
}

#[wasm_bindgen_test]
async fn preset_sets_weights() {
    let (_h, root, _handle) = mount(&[]).await;
    let radio: HtmlInputElement = root
        .query_selector("input[value=early-access]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    radio.set_checked(true);
    fire(&radio, "change");
    yew::scheduler::flush().await;
    assert_eq!(
        texts(&root, ".elc-rank-name").first().map(String::as_str),
        Some("CentOS Stream")
    );
    assert_eq!(slider(&root, "Feature freshness").value(), "10");
}

#[wasm_bindgen_test]
async fn must_have_excludes_with_reason() {
    let (_h, root, _handle) = mount(&[]).await;
    let boxes = root.query_selector_all(".elc-musts .elc-check").unwrap();
    let fips = (0..boxes.length())
        .filter_map(|i| boxes.item(i))
        .find(|n| n.text_content().unwrap_or_default().contains("FIPS"))
        .and_then(|n| n.dyn_into::<Element>().ok())
        .and_then(|e| e.query_selector("input").ok().flatten())
        .expect("FIPS checkbox")
        .unchecked_into::<HtmlInputElement>();
    fips.set_checked(true);
    fire(&fips, "change");
    yew::scheduler::flush().await;
    let ranked = texts(&root, ".elc-rank-name");
    assert!(!ranked.iter().any(|n| n == "AlmaLinux OS"), "{ranked:?}");
    let excluded = texts(&root, ".elc-excluded li").join("\n");
    // Not verified is not "no": the reason says which of the two excluded it.
    assert!(
        excluded.contains("AlmaLinux OS: FIPS 140 validated modules: not verified"),
        "{excluded}"
    );
    assert!(
        excluded.contains("CentOS Stream: FIPS 140 validated modules: no"),
        "{excluded}"
    );
}

#[wasm_bindgen_test]
async fn side_by_side_shows_ratings_with_reasons_and_three_valued_flags() {
    let (_h, root, _handle) = mount(&[("options", "almalinux,rocky")]).await;
    let cells = texts(&root, ".elc-compare .elc-group td").join("\n");
    // AlmaLinux's RHEL compatibility is 8 and Rocky's 9, each with its reason in view.
    assert!(cells.contains("8/10"), "{cells}");
    assert!(
        cells.contains("ABI-compatible with RHEL since 2023-07-13"),
        "{cells}"
    );
    assert!(cells.contains("complete binary compatibility"), "{cells}");
    // A lowered confidence is shown next to the number.
    assert!(cells.contains("7/10 partly inferred"), "{cells}");
    assert!(cells.contains("Not verified"), "{cells}");
    let links = root
        .query_selector_all(".elc-compare .elc-group .elc-rationale a")
        .unwrap()
        .length();
    assert!(links > 10, "numbered sources with each reason: {links}");
}

#[wasm_bindgen_test]
async fn current_system_feeds_migration() {
    let (_h, root, _handle) = mount(&[]).await;
    let sel: HtmlSelectElement = root
        .query_selector("#elc-cur")
        .unwrap()
        .unwrap()
        .unchecked_into();
    sel.set_value("centos-linux-7");
    fire(&sel, "change");
    yew::scheduler::flush().await;
    let paths = texts(&root, ".elc-paths").join(" ");
    assert!(paths.contains("ELevate"), "{paths}");
}

#[wasm_bindgen_test]
async fn state_round_trips_through_the_fragment_text() {
    let (_h, root, handle) = mount(&[
        ("preset", "hosting"),
        ("current", "centos-linux-8"),
        ("options", "rocky,almalinux,rhel"),
    ])
    .await;
    let state = handle.state();
    let fragment = js_sys::Reflect::get(&state, &"fragment".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(fragment.starts_with("p:hosting;"), "{fragment}");
    assert!(
        fragment.contains("c:centos-linux-8") && fragment.ends_with("o:rocky,almalinux,rhel"),
        "{fragment}"
    );
    let headers = texts(&root, ".elc-compare thead th");
    assert_eq!(
        headers,
        [
            "Dimension",
            "Rocky Linux",
            "AlmaLinux OS",
            "Red Hat Enterprise Linux"
        ]
    );
}

/// Mounts a shared widget (host id `id`, fragment key `elc-<id>`) after setting the page's fragment.
async fn mount_from_fragment(
    id: &str,
    fragment: &str,
) -> (Element, elcompare::embed::WidgetHandle) {
    let w = web_sys::window().unwrap();
    w.history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(fragment))
        .unwrap();
    let host = doc().create_element("div").unwrap();
    host.set_id(id);
    let root = doc().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"today".into(), &TODAY.into()).unwrap();
    let handle = mount_widget(host, root.clone(), opts.into())
        .map_err(JsValue::from)
        .expect("mounts");
    settle(&handle).await;
    (root, handle)
}

#[wasm_bindgen_test]
async fn a_fragment_restores_the_setup_exactly() {
    let (_h, a_root, a) = mount(&[
        ("preset", "regulated"),
        ("current", "centos-stream-8"),
        ("options", "oracle,rhel"),
    ])
    .await;
    set_weight(&a_root, "Cost", 9).await;
    let fragment = js_sys::Reflect::get(&a.state(), &"fragment".into())
        .unwrap()
        .as_string()
        .unwrap();
    let (b_root, b) = mount_from_fragment("rt", &format!("#elc-rt={fragment}")).await;
    let field = |h: &elcompare::embed::WidgetHandle, k: &str| {
        js_sys::JSON::stringify(&js_sys::Reflect::get(&h.state(), &k.into()).unwrap())
            .unwrap()
            .as_string()
            .unwrap()
    };
    for k in ["fragment", "preset", "current", "compare", "must", "detail"] {
        assert_eq!(field(&a, k), field(&b, k), "{k}");
    }
    assert_eq!(
        texts(&a_root, ".elc-rank-name"),
        texts(&b_root, ".elc-rank-name")
    );
    assert_eq!(slider(&b_root, "Cost").value(), "9");
}

#[wasm_bindgen_test]
async fn bad_fragment_falls_back_with_notice() {
    let (root, _handle) = mount_from_fragment("bad", "#elc-bad=w:99,1;o:nope").await;
    let notice = texts(&root, ".elc-notice").join("");
    assert!(notice.contains("could not be applied"), "{notice}");
    assert!(
        !texts(&root, ".elc-rank-name").is_empty(),
        "defaults still rank"
    );
}

#[wasm_bindgen_test]
async fn invalid_options_are_rejected_with_a_message() {
    let host = doc().create_element("div").unwrap();
    let root = doc().create_element("div").unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"preset".into(), &"nonsense".into()).unwrap();
    let err = mount_widget(host, root, opts.into())
        .err()
        .map(JsValue::from)
        .expect("rejected");
    let msg = js_sys::Reflect::get(&err, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(msg.contains("preset \"nonsense\" is not one of"), "{msg}");
}

#[wasm_bindgen_test]
fn dataset_is_prepared_in_three_steps() {
    use elcompare::embed::prepare_dataset;
    // A text no other test uses, so nothing is kept for it yet.
    let text = format!("{} ", include_str!("fixtures/minimal.json"));
    let steps: Vec<bool> = (0..4)
        .map(|_| prepare_dataset(Some(text.clone())))
        .collect();
    assert_eq!(
        steps,
        [true, true, false, false],
        "parse, read, check; then kept"
    );
}

#[wasm_bindgen_test]
fn two_datasets_prepared_side_by_side_both_finish() {
    use elcompare::embed::prepare_dataset;
    let text = format!("{}  ", include_str!("fixtures/minimal.json"));
    let (mut builtin, mut host) = (true, true);
    for _ in 0..4 {
        if builtin {
            builtin = prepare_dataset(None);
        }
        if host {
            host = prepare_dataset(Some(text.clone()));
        }
    }
    assert!(!builtin && !host, "neither keeps asking for more steps");
    assert!(
        !prepare_dataset(None) && !prepare_dataset(Some(text)),
        "both are kept"
    );
}
