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

use crate::fragment;
use crate::setup::{Change, Edit, Setup};
use crate::summary::Summary;
use state::{Action, Data, State};
use std::rc::Rc;
use yew::prelude::*;

/// A setup pushed from outside (`handle.update`, attribute change); `generation` makes each push distinct.
#[derive(Clone, Debug, PartialEq)]
pub struct Pushed {
    pub generation: u32,
    pub setup: Setup,
    /// Shown above the widget with the setup (e.g. why a shared link was not applied).
    pub notice: Option<String>,
}

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub data: Data,
    pub today: crate::data::Date,
    pub initial: Setup,
    pub notice: Option<String>,
    pub pushed: Option<Pushed>,
    /// Told after every change (and once at start) what the widget now shows.
    pub on_change: Callback<Rc<Summary>>,
    /// The share link for a fragment value, when this widget is shared.
    pub share_link: Option<Callback<String, String>>,
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
                s.dispatch(Action::Replace(
                    p.setup.clone(),
                    p.notice.clone(),
                    p.generation,
                ));
            }
        });
    }
    // Tell the host layer what the widget shows now: once per change, from the evaluation
    // the reducer already made.
    {
        let (on_change, data) = (props.on_change.clone(), state.data.clone());
        use_effect_with(
            (
                state.setup().clone(),
                state.eval.clone(),
                state.generation,
                state.touched,
            ),
            move |(setup, eval, generation, touched)| {
                let mut summary = Summary::new(&data, setup, eval, *generation);
                summary.touched = *touched;
                on_change.emit(Rc::new(summary));
            },
        );
    }

    let s = &*state;
    let share_url = props
        .share_link
        .as_ref()
        .map(|link| link.emit(fragment::encode(s.setup())));
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
            <migration::Planner data={s.data.clone()} eval={s.eval.clone()} today={s.today} current={s.setup().current.clone()} on_current={h.current.clone()} />
            <footer::Footer data={s.data.clone()} today={s.today} share_url={share_url} />
        </div>
    }
}
