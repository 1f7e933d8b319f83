//! Yew components. State lives in one reducer ([`state::State`]); components get
//! data and `Callback`s through props.

mod compare;
mod controls;
mod footer;
mod handoff;
mod lazy;
mod migration;
mod report;
mod result;
pub mod state;
mod timeline;

use crate::fragment;
use crate::i18n::{k, Tr};
use crate::setup::{Change, Edit, Setup};
use crate::summary::Summary;
use crate::view::{Presentation, Section};
use state::{Action, State};
pub use state::{Data, Texts};
use std::rc::Rc;
use web_sys::Element;
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
    /// The dataset and its per-language views.
    pub texts: Texts,
    /// The language the page and the browser ask for (a setup's own language wins).
    pub lang: Tr,
    pub today: crate::data::Date,
    pub initial: Setup,
    pub notice: Option<String>,
    pub pushed: Option<Pushed>,
    /// Told after every change (and once at start) what the widget now shows.
    pub on_change: Callback<Rc<Summary>>,
    /// The share link for a fragment value, when this widget is shared.
    pub share_link: Option<Callback<String, String>>,
    /// What "Hand it on" needs from the host page.
    pub hand_off: HandOffHost,
    /// Which parts show and the title (view, sections, heading, heading-level).
    pub presentation: Presentation,
    /// The embed code for a setup, for "Copy embed code" (built by the embedding layer,
    /// which knows the script's URL and the host's attributes).
    pub embed_code: Callback<Setup, String>,
}

/// The host page's side of "Hand it on" (downloads, the print dialog and its events, the
/// single file's copy of itself), given by the embedding layer as callbacks.
#[derive(Clone, PartialEq)]
pub struct HandOffHost {
    /// Offers a file: (name, MIME type, text); Err says why it could not be created.
    pub download: Callback<(String, &'static str, String), Result<(), String>>,
    /// Opens the browser's print dialog.
    pub print: Callback<()>,
    /// Registers the app's "printing now" switch: called with true before the page prints
    /// and false after.
    pub print_events: Callback<Callback<bool>>,
    /// Registers what to do when the window is resized (the results column measures again
    /// whether it fits).
    pub resize_events: Callback<Callback<()>>,
    /// The single file only: downloads the page again, (file name, fragment value) as its
    /// starting setup.
    pub save_copy: Option<Callback<(String, String), Result<(), String>>>,
    /// The page was opened from disk, so its links work on this computer only.
    pub local: bool,
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
    fleet: Callback<Vec<(String, u32)>>,
    paid: Callback<bool>,
    compare: Callback<(String, bool)>,
    lang: Callback<String>,
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
            fleet: to(d, |g| Action::Edit(Edit::Change(Change::Fleet(g)))),
            paid: to(d, |on| Action::Edit(Edit::Change(Change::CountPaid(on)))),
            compare: to(d, |(id, on)| {
                Action::Edit(Edit::Change(Change::Compare(id, on)))
            }),
            lang: to(d, |tag| Action::Edit(Edit::Change(Change::Lang(Some(tag))))),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let p = props.clone();
        use_reducer(move || State::new(p.texts, p.lang, p.today, p.initial, p.notice))
    };
    let h = {
        let d = state.dispatcher();
        use_memo((), move |()| Handlers::new(&d))
    };

    let stage = use_stage();

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
    // the reducer already made; nothing until every part is on screen (see `Stage`).
    {
        let (on_change, data) = (props.on_change.clone(), state.data.clone());
        use_effect_with(
            (
                state.setup().clone(),
                state.eval.clone(),
                state.generation,
                state.touched,
                stage == Stage::Rest,
            ),
            move |(setup, eval, generation, touched, whole)| {
                if !*whole {
                    return;
                }
                let mut summary = Summary::new(&data, setup, eval, *generation);
                summary.touched = *touched;
                on_change.emit(Rc::new(summary));
            },
        );
    }

    // Hand it on: the printed report is built only while the page prints.
    let printing = use_state_eq(|| Printing::No);
    {
        let (printing, events) = (printing.clone(), props.hand_off.print_events.clone());
        use_effect_with((), move |()| {
            events.emit(Callback::from(move |on| {
                printing.set(if on { Printing::Yes } else { Printing::No })
            }))
        });
    }
    {
        let print = props.hand_off.print.clone();
        use_effect_with(*printing, move |p| {
            // The report is in the DOM now: open the dialog ("Print report").
            if *p == Printing::Requested {
                print.emit(());
            }
        });
    }
    let status = use_state(|| None::<(AttrValue, bool)>);
    let latest = use_mut_ref(|| (*state).clone());
    *latest.borrow_mut() = (*state).clone();
    let export = {
        let (printing, status) = (printing.clone(), status.clone());
        let (host, link) = (props.hand_off.clone(), props.share_link.clone());
        use_memo((), move |()| {
            Callback::from(move |what| {
                let text = hand_off(&latest.borrow(), &host, link.as_ref(), what);
                if what == handoff::Export::Print {
                    printing.set(Printing::Requested);
                }
                status.set(Some(match text {
                    Ok(t) => (t.into(), false),
                    Err(e) => (e.into(), true),
                }));
            })
        })
    };
    let single_file = props.hand_off.save_copy.is_some();
    let local = props.hand_off.local;

    let more_open = use_state(|| false);
    // On wide layouts the whole results column sticks only while it fits in the window;
    // otherwise only the recommendation does, and the ranking scrolls with the page (never
    // inside it). Measured after each render once every part is drawn, and on resize; not
    // while the parts arrive, where reading a height would force a layout into each part's
    // task (issue 17).
    let results_ref = use_node_ref();
    {
        let (r, whole) = (results_ref.clone(), stage == Stage::Rest);
        use_effect(move || {
            if whole {
                mark_fits(&r);
            }
        });
    }
    {
        let (r, events) = (results_ref.clone(), props.hand_off.resize_events.clone());
        use_effect_with((), move |()| {
            events.emit(Callback::from(move |()| mark_fits(&r)))
        });
    }
    // "Skip to Hand it on" at the end of the ranking moves focus past the tables' citations.
    let hand_on = use_node_ref();
    let skip = {
        let hand_on = hand_on.clone();
        use_memo((), move |()| {
            Callback::from(move |()| {
                if let Some(b) = hand_on
                    .cast::<Element>()
                    .and_then(|el| el.query_selector("button").ok().flatten())
                    .and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
                {
                    b.scroll_into_view();
                    let _ = b.focus();
                }
            })
        })
    };
    let s = &*state;
    let tr = s.tr;
    let share_url = props
        .share_link
        .as_ref()
        .map(|link| link.emit(fragment::encode(s.setup())));
    let pres = &props.presentation;
    let shows = |x: Section| pres.shows(x);
    let title = pres.heading.as_deref().unwrap_or(&s.data.title);
    let part = |x: Section| -> Html {
        if stage < Stage::of(x) {
            return Html::default();
        }
        match x {
            Section::Situation => html! {
                <section class="elc-panel elc-start" aria-label={tr.t(k::APP_SITUATION)}>
                    <controls::Presets data={s.data.clone()} selected={s.setup().preset.clone()} on_select={h.preset.clone()} custom={s.setup().customised(&s.data)} />
                </section>
            },
            Section::Recommendation => html! {
                <result::Recommendation data={s.data.clone()} eval={s.eval.clone()} weights={s.setup().weights.clone()} today={s.today} />
            },
            Section::Ranking => html! {
                <result::Ranking data={s.data.clone()} eval={s.eval.clone()} weights={s.setup().weights.clone()}
                    on_skip={shows(Section::Sources).then(|| (*skip).clone())} />
            },
            Section::Priorities => html! {
                <controls::Weights
                    data={s.data.clone()}
                    weights={s.setup().weights.clone()}
                    base={s.visitor.base_weights.clone()}
                    on_change={h.weight.clone()}
                    on_reset={h.reset_weight.clone()}
                    on_reset_all={h.reset_all.clone()}
                    can_reset={s.visitor.can_reset_all(&s.data)}
                    preset_name={s.visitor.base_preset_name(&s.data).map(AttrValue::from)}
                />
            },
            Section::MustHaves => html! {
                <controls::Musts
                    data={s.data.clone()}
                    must={s.setup().must.clone()}
                    current={s.setup().current.clone()}
                    on_flag={h.flag.clone()}
                    on_arch={h.arch.clone()}
                    on_years={h.years.clone()}
                    on_current={h.current.clone()}
                    count_paid={s.setup().count_paid}
                    on_paid={h.paid.clone()}
                    mixed={!s.setup().fleet.is_empty()}
                />
            },
            Section::Compare => html! {
                <compare::Compare data={s.data.clone()} picked={s.setup().compare.clone()} on_toggle={h.compare.clone()} />
            },
            Section::Timeline => {
                html! { <timeline::Timeline data={s.data.clone()} today={s.today} /> }
            }
            Section::Migration => html! {
                <migration::Planner data={s.data.clone()} eval={s.eval.clone()} today={s.today} current={s.setup().current.clone()} fleet={s.setup().fleet.clone()} on_current={h.current.clone()} on_fleet={h.fleet.clone()} picker={!pres.includes(Section::MustHaves)} />
            },
            Section::Sources => html! {
                <div class="elc-hand-on" ref={hand_on.clone()}>
                <handoff::HandOff on_export={(*export).clone()} {single_file} {local} status={(*status).clone()} />
                <footer::Footer data={s.data.clone()} today={s.today} share_url={share_url.clone()} {local}
                    on_save_copy={single_file.then(|| export.reform(|()| handoff::Export::SaveCopy))}
                    embed_code={props.embed_code.clone()} setup={s.setup().clone()} />
                </div>
            },
        }
    };
    // The situation, the results and the fine-tuning share a grid (side by side on wide
    // layouts, the results sticky); the other parts follow below it.
    let results = shows(Section::Recommendation) || shows(Section::Ranking);
    let tune = shows(Section::Priorities) || shows(Section::MustHaves);
    let split = results && (shows(Section::Situation) || tune);
    // A panel appears with its first part, never empty ahead of it: a part drawn above an
    // empty panel would move it down, a layout shift on the host page (issue 17).
    let drawn = |x: Section| shows(x) && stage >= Stage::of(x);
    let results_drawn = drawn(Section::Recommendation) || drawn(Section::Ranking);
    let tune_drawn = drawn(Section::Priorities) || drawn(Section::MustHaves);
    let folded = pres.folded();
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |e: Event| {
            let el: Element = e.target_unchecked_into();
            more_open.set(el.has_attribute("open"));
        })
    };
    let more_summary = {
        let names: Vec<&str> = folded.iter().map(|x| x.label(tr)).collect();
        tr.f(k::APP_MORE, &[("parts", &names.join(", "))])
    };
    html! {
        <ContextProvider<Tr> context={tr}>
        <ContextProvider<SubLevel> context={SubLevel(pres.sub_level())}>
        <div class="elc-app" lang={tr.lang()} aria-busy={(stage != Stage::Rest).then_some("true")}>
            if !title.is_empty() || single_file {
                <header class="elc-head">
                    if !title.is_empty() {
                        <@{format!("h{}", pres.heading_level)} class="elc-title">{ title }</@>
                    }
                    if single_file { { language_switch(tr, &h.lang) } }
                </header>
            }
            if !s.data_in_lang {
                <p class="elc-data-lang">{ tr.t(k::APP_DATA_ENGLISH) }</p>
            }
            if let Some(n) = &s.notice {
                <div class="elc-notice" role="alert">
                    <p>{ n }</p>
                    <button type="button" onclick={let st = state.clone(); move |_| st.dispatch(Action::DismissNotice)}>{ tr.t(k::APP_DISMISS) }</button>
                </div>
            }
            if shows(Section::Situation) || results || tune {
                <div class={classes!("elc-layout", split.then_some("elc-split"))}>
                    if shows(Section::Situation) { { part(Section::Situation) } }
                    if results_drawn {
                        <section class="elc-panel elc-results" aria-label={tr.t(k::RESULT_HEADING)} ref={results_ref.clone()}>
                            if shows(Section::Recommendation) { { part(Section::Recommendation) } }
                            if shows(Section::Ranking) { { part(Section::Ranking) } }
                        </section>
                    }
                    if tune_drawn {
                        <section class="elc-panel elc-controls" aria-label={tr.t(k::APP_PRIORITIES)}>
                            if shows(Section::Priorities) { { part(Section::Priorities) } }
                            if shows(Section::MustHaves) { { part(Section::MustHaves) } }
                        </section>
                    }
                </div>
            }
            { for [Section::Compare, Section::Timeline, Section::Migration, Section::Sources]
                .into_iter().filter(|x| shows(*x)).map(part) }
            if !folded.is_empty() {
                // One click away; built only while open.
                <details class="elc-panel elc-more" ontoggle={toggle_more}>
                    <summary>{ more_summary }</summary>
                    if *more_open {
                        { for folded.iter().map(|x| match x {
                            Section::Situation | Section::Recommendation | Section::Ranking => html! {
                                <div class="elc-panel">{ part(*x) }</div>
                            },
                            Section::Priorities | Section::MustHaves => html! {
                                <div class="elc-panel elc-controls">{ part(*x) }</div>
                            },
                            _ => part(*x),
                        }) }
                    }
                </details>
            }
            if *printing != Printing::No {
                <report::PrintReport data={s.data.clone()} setup={s.setup().clone()} eval={s.eval.clone()} today={s.today}
                    link={share_url.clone().unwrap_or_else(|| format!("elc={}", fragment::encode(s.setup())))} />
            }
        </div>
        </ContextProvider<SubLevel>>
        </ContextProvider<Tr>>
    }
}

/// The single file's language switch: every language the widget speaks, each named in itself.
fn language_switch(tr: Tr, on_lang: &Callback<String>) -> Html {
    let onchange = on_lang.reform(|e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        el.value()
    });
    html! {
        <label class="elc-lang">
            <span>{ tr.t(k::APP_LANGUAGE) }</span>
            <select {onchange}>
                { for Tr::all().map(|l| html! {
                    <option value={l.lang()} lang={l.lang()} selected={l == tr}>{ l.t(k::LANG_NAME) }</option>
                }) }
            </select>
        </label>
    }
}

/// The widget's language, for every component (given by the `App` as a context).
#[hook]
pub fn use_tr() -> Tr {
    use_context::<Tr>().unwrap_or_default()
}

/// Sets `data-fits` on the results column when it fits in the window below its sticky offset
/// (`--elcompare-sticky-top`, its computed `top`) with a margin.
fn mark_fits(r: &NodeRef) {
    let (Some(el), Some(win)) = (r.cast::<web_sys::HtmlElement>(), web_sys::window()) else {
        return;
    };
    let window = win
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let top = win
        .get_computed_style(&el)
        .ok()
        .flatten()
        .and_then(|s| s.get_property_value("top").ok())
        .and_then(|t| crate::num::parse_decimal(t.trim_end_matches("px")))
        .unwrap_or(0.0);
    // Its content's height (a stretched column is taller than what it holds).
    let mut content = 0.0;
    let mut child = el.first_element_child();
    while let Some(c) = child {
        if let Some(h) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&c) {
            content += f64::from(h.offset_height());
        }
        child = c.next_element_sibling();
    }
    let fits = content + 2.0 * 16.0 + top + 16.0 <= window;
    let _ = if fits {
        el.set_attribute("data-fits", "")
    } else {
        el.remove_attribute("data-fits")
    };
}

/// Level of the widget's sub-headings (from `heading-level`), for [`SubHeading`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SubLevel(pub u8);

#[derive(Properties, PartialEq)]
pub struct SubHeadingProps {
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// A sub-heading at the level the host's outline needs (h3 by default).
#[function_component(SubHeading)]
pub fn sub_heading(p: &SubHeadingProps) -> Html {
    let level = use_context::<SubLevel>().map_or(3, |l| l.0);
    html! { <@{format!("h{level}")} id={p.id.clone()}>{ p.children.clone() }</@> }
}

/// Whether the printed report is in the DOM: while the page prints, or from "Print
/// report" until the dialog closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Printing {
    No,
    Requested,
    Yes,
}

/// Carries out one "Hand it on" action; the message for the live region, or why it failed.
fn hand_off(
    s: &State,
    host: &HandOffHost,
    link: Option<&Callback<String, String>>,
    what: handoff::Export,
) -> Result<String, String> {
    use crate::report::{decision_record, file_stem, ranking_csv, table_csv, Report};
    use handoff::Export;
    let tr = s.tr;
    let value = fragment::encode(s.setup());
    let link = link.map_or(String::new(), |l| l.emit(value.clone()));
    let r = Report::new(&s.data, s.setup(), &s.eval, s.today, &link);
    let file = |kind: &str, ext: &str| format!("{}.{ext}", file_stem(kind, s.today));
    let (name, done) = match what {
        Export::Print => return Ok(tr.t(k::HANDOFF_PRINTING).into()),
        Export::Record => {
            let name = file("decision", "md");
            let text = decision_record(&r);
            (
                name.clone(),
                host.download
                    .emit((name, "text/markdown;charset=utf-8", text)),
            )
        }
        Export::RankingCsv => {
            let name = file("ranking", "csv");
            (
                name.clone(),
                host.download
                    .emit((name, "text/csv;charset=utf-8", ranking_csv(&r))),
            )
        }
        Export::TableCsv => {
            let name = file("side-by-side", "csv");
            (
                name.clone(),
                host.download
                    .emit((name, "text/csv;charset=utf-8", table_csv(&r))),
            )
        }
        Export::SaveCopy => {
            let name = file("setup", "html");
            let done = match &host.save_copy {
                Some(save) => save.emit((name.clone(), value)),
                None => Err("only the single offline file can save a copy of itself".into()),
            };
            (name, done)
        }
    };
    match done {
        Ok(()) if what == Export::SaveCopy => Ok(tr.f(k::HANDOFF_SAVED, &[("name", &name)])),
        Ok(()) => Ok(tr.f(k::HANDOFF_DOWNLOADED, &[("name", &name)])),
        Err(e) => Err(tr.f(k::HANDOFF_FAILED, &[("error", &e)])),
    }
}

/// The widget's parts in the order they are first rendered, each in a task of its own so
/// that starting never blocks the host page for long (issue 17): the frame alone (the
/// mount's task already reads the options and evaluates), then one section after the other
/// in their order (the situation, the recommendation, the ranking, the controls, …), the
/// sources last. Later renders have all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Frame,
    Section(Section),
    Rest,
}

impl Stage {
    /// The stage from which a section is drawn.
    fn of(x: Section) -> Stage {
        match x {
            Section::Sources => Stage::Rest,
            x => Stage::Section(x),
        }
    }

    fn next(self) -> Option<Stage> {
        let i = match self {
            Stage::Frame => 0,
            Stage::Section(x) => Section::ALL.iter().position(|s| *s == x)? + 1,
            Stage::Rest => return None,
        };
        Some(Section::ALL.get(i).map_or(Stage::Rest, |x| Stage::of(*x)))
    }
}

/// The stage rendered so far; each render schedules the next one in a new task (a zero
/// timeout).
#[hook]
fn use_stage() -> Stage {
    let stage = use_state(|| Stage::Frame);
    let handle = stage.clone();
    use_effect_with(*stage, move |now| {
        let pending = now
            .next()
            .map(|next| gloo_timers::callback::Timeout::new(0, move || handle.set(next)));
        move || drop(pending)
    });
    *stage
}
