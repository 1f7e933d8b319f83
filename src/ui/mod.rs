//! Yew components. State lives in one reducer ([`state::State`]); components get
//! data and `Callback`s through props.

mod compare;
mod controls;
mod footer;
mod lazy;
mod migration;
mod result;
pub mod state;
mod timeline;

use crate::embed::{ChangeDetail, RankedOut};
use crate::fragment;
use crate::setup::{Change, Edit, Setup};
use state::{Action, Data, State};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::prelude::*;

/// The host element; equal by identity.
#[derive(Clone, Debug, PartialEq)]
pub struct Host(pub Element);

/// A setup pushed from outside (`handle.update`, attribute change); `generation` makes each push distinct.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushed {
    pub generation: u32,
    pub setup: Setup,
    /// Shown above the widget with the setup (e.g. why a shared link was not applied).
    pub notice: Option<String>,
}

/// What `handle.state()` reports; written by the app after every change.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub setup: Setup,
    pub ranking: Vec<RankedOut>,
    ids: Vec<String>,
}

impl Snapshot {
    pub fn new(data: &Data, setup: &Setup) -> Snapshot {
        let ids = data.criteria.iter().map(|c| c.id.clone()).collect();
        Snapshot {
            setup: setup.clone(),
            ranking: Vec::new(),
            ids,
        }
    }

    fn detail(&self) -> ChangeDetail {
        ChangeDetail {
            winner: self.ranking.first().cloned(),
            ranking: self.ranking.clone(),
            weights: self
                .ids
                .iter()
                .cloned()
                .zip(self.setup.weights.iter().copied())
                .collect(),
        }
    }

    pub fn to_js(&self) -> JsValue {
        let s = &self.setup;
        let state = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&state, &JsValue::from_str(k), v);
        };
        set("detail", &self.detail().to_js());
        set(
            "preset",
            &s.preset.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        set(
            "current",
            &s.current
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from_str),
        );
        set("compare", &crate::embed::str_array(&s.compare));
        set("must", &crate::embed::must_to_js(&s.must));
        set("fragment", &JsValue::from_str(&fragment::encode(s)));
        state.into()
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub data: Data,
    pub today: crate::data::Date,
    pub initial: Setup,
    pub notice: Option<String>,
    pub host: Host,
    /// Fragment key this widget keeps its setup under, if any.
    pub share_key: Option<String>,
    pub pushed: Option<Pushed>,
    pub snapshot: Shared,
}

/// The snapshot cell shared with the JS handle; equal by identity.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<RefCell<Snapshot>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A callback that turns its value into an action for the reducer.
fn to<T: 'static>(d: &UseReducerDispatcher<State>, f: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v| d.dispatch(f(v)))
}

/// Every callback the components get, made once per widget: stable identities let the
/// parts whose data did not change (table, planner, must-haves) skip re-rendering.
struct Handlers {
    preset: Callback<String>,
    weight: Callback<(usize, f64)>,
    reset_weight: Callback<usize>,
    reset_all: Callback<()>,
    flag: Callback<(String, bool)>,
    arch: Callback<Option<String>>,
    years: Callback<Option<f64>>,
    current: Callback<Option<String>>,
    compare: Callback<(String, bool)>,
}

impl Handlers {
    fn new(d: &UseReducerDispatcher<State>) -> Handlers {
        Handlers {
            preset: to(d, |id| Action::Edit(Edit::Change(Change::Preset(id)))),
            weight: to(d, |(i, w)| Action::Edit(Edit::Change(Change::Weight(i, w)))),
            reset_weight: to(d, |i| Action::Edit(Edit::ResetWeight(i))),
            reset_all: to(d, |()| Action::Edit(Edit::ResetAll)),
            flag: to(d, |(f, on)| Action::Edit(Edit::Change(Change::Flag(f, on)))),
            arch: to(d, |a| Action::Edit(Edit::Change(Change::Arch(a)))),
            years: to(d, |y| Action::Edit(Edit::Change(Change::MinYears(y)))),
            current: to(d, |c| Action::Edit(Edit::Change(Change::Current(c)))),
            compare: to(d, |(id, on)| {
                Action::Edit(Edit::Change(Change::Compare(id, on)))
            }),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || State::new(p.data, p.today, p.initial, p.notice))
    };
    let h = {
        let d = state.dispatcher();
        use_memo((), move |()| Handlers::new(&d))
    };

    // Setups pushed by the host page.
    {
        let s = state.clone();
        use_effect_with(props.pushed.clone(), move |p| {
            if let Some(p) = p {
                s.dispatch(Action::Replace(p.setup.clone(), p.notice.clone()));
            }
        });
    }
    // Keep the URL fragment, the snapshot and the change event in step with the state.
    {
        let (host, key, snap) = (
            props.host.clone(),
            props.share_key.clone(),
            props.snapshot.0.clone(),
        );
        let data = state.data.clone();
        use_effect_with(
            (state.setup().clone(), state.eval.clone(), state.touched),
            move |(setup, eval, touched)| {
                // Nothing is written to the host's URL until the visitor changes something.
                // Then the address bar follows once input pauses: a dragged slider fires
                // dozens of changes, and browsers throttle history updates.
                let pending = key.filter(|_| *touched).map(|key| {
                    let value = fragment::encode(setup);
                    gloo_timers::callback::Timeout::new(FRAGMENT_DELAY_MS, move || {
                        write_fragment(&key, &value)
                    })
                });
                let ranking: Vec<RankedOut> = eval
                    .ranking
                    .iter()
                    .filter_map(|r| {
                        let o = data.options.get(r.option)?;
                        Some(RankedOut {
                            id: o.id.clone(),
                            name: o.name.clone(),
                            score: (r.total * 10.0).round() / 10.0,
                        })
                    })
                    .collect();
                let changed = snap.borrow().ranking != ranking;
                {
                    let mut s = snap.borrow_mut();
                    s.setup = setup.clone();
                    s.ranking = ranking;
                }
                let detail = snap.borrow().detail();
                if changed {
                    emit_change(&host.0, &detail);
                }
                // A newer change cancels the pending write (dropping a Timeout clears it).
                move || drop(pending)
            },
        );
    }

    let s = &*state;
    let share_url = props
        .share_key
        .as_ref()
        .map(|k| share_link(k, &fragment::encode(s.setup())));
    html! {
        <div class="elc-app">
            <header class="elc-head">
                <h2 class="elc-title">{ &s.data.title }</h2>
            </header>
            if let Some(n) = &s.notice {
                <div class="elc-notice" role="alert">
                    <p>{ n }</p>
                    <button type="button" onclick={let st = state.clone(); move |_| st.dispatch(Action::DismissNotice)}>{ "Dismiss" }</button>
                </div>
            }
            <div class="elc-layout">
                <section class="elc-panel elc-start" aria-label="Your situation">
                    <controls::Presets data={s.data.clone()} selected={s.setup().preset.clone()} on_select={h.preset.clone()} />
                </section>
                <section class="elc-panel elc-results" aria-label="Recommendation">
                    <result::Recommendation data={s.data.clone()} eval={s.eval.clone()} weights={s.setup().weights.clone()} />
                    <result::Ranking data={s.data.clone()} eval={s.eval.clone()} weights={s.setup().weights.clone()} />
                </section>
                <section class="elc-panel elc-controls" aria-label="Your priorities">
                    <controls::Weights
                        data={s.data.clone()}
                        weights={s.setup().weights.clone()}
                        base={s.visitor.base_weights.clone()}
                        on_change={h.weight.clone()}
                        on_reset={h.reset_weight.clone()}
                        on_reset_all={h.reset_all.clone()}
                    />
                    <controls::Musts
                        data={s.data.clone()}
                        must={s.setup().must.clone()}
                        current={s.setup().current.clone()}
                        on_flag={h.flag.clone()}
                        on_arch={h.arch.clone()}
                        on_years={h.years.clone()}
                        on_current={h.current.clone()}
                    />
                </section>
            </div>
            <compare::Compare data={s.data.clone()} picked={s.setup().compare.clone()} on_toggle={h.compare.clone()} />
            <timeline::Timeline data={s.data.clone()} today={s.today} />
            <migration::Planner data={s.data.clone()} current={s.setup().current.clone()} on_current={h.current.clone()} />
            <footer::Footer data={s.data.clone()} today={s.today} share_url={share_url} />
        </div>
    }
}

/// Quiet time before the setup is written to the URL fragment.
const FRAGMENT_DELAY_MS: u32 = 250;

fn write_fragment(key: &str, value: &str) {
    let Some(w) = web_sys::window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    replace_hash(&hash, &fragment::fragment_set(&hash, key, value));
}

/// Removes this widget's key from the host's URL (when the widget is destroyed).
pub fn remove_fragment(key: &str) {
    let Some(w) = web_sys::window() else { return };
    let hash = w.location().hash().unwrap_or_default();
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

fn share_link(key: &str, value: &str) -> String {
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

fn emit_change(host: &Element, detail: &ChangeDetail) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail.to_js());
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("elcompare-change", &init) {
        let _ = host.dispatch_event(&ev);
    }
}
