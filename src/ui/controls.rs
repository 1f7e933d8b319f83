//! Presets, weight sliders, must-haves and "I run now".

use super::lazy::LazyDetails;
use super::state::Data;
use super::use_tr;
use crate::data::MustHaves;
use crate::engine::{scoring_text, years_text};
use crate::i18n::k;
use crate::num::parse_decimal;
use crate::setup::{all_arches, MAX_MIN_YEARS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PresetsProps {
    pub data: Data,
    pub selected: Option<String>,
    pub on_select: Callback<String>,
    /// The visitor changed weights or must-haves away from every preset: "Custom" is shown
    /// (checked, not selectable). On a first open with the defaults nothing is checked.
    #[prop_or_default]
    pub custom: bool,
}

/// One situation: the radio named by its label, described by its description.
fn preset_choice(
    key: &str,
    name: &str,
    desc: &str,
    checked: bool,
    disabled: bool,
    onchange: Option<Callback<Event>>,
) -> Html {
    let (id, desc_id) = (format!("elc-p-{key}"), format!("elc-pd-{key}"));
    html! {
        <div class="elc-preset" key={key.to_string()}>
            <input type="radio" id={id.clone()} name="elc-preset" value={key.to_string()} {checked} {disabled}
                aria-describedby={desc_id.clone()} {onchange} />
            <label class="elc-preset-name" for={id}>{ name }</label>
            <span class="elc-preset-desc" id={desc_id}>{ desc }</span>
        </div>
    }
}

#[function_component(Presets)]
pub fn presets(p: &PresetsProps) -> Html {
    let tr = use_tr();
    html! {
        <fieldset class="elc-presets">
            <legend>{ tr.t(k::CONTROLS_SITUATION) }</legend>
            { for p.data.presets.iter().map(|pr| {
                let (id, cb) = (pr.id.clone(), p.on_select.clone());
                let checked = p.selected.as_deref() == Some(pr.id.as_str());
                preset_choice(&pr.id, &pr.name, &pr.description, checked, false,
                    Some(Callback::from(move |_| cb.emit(id.clone()))))
            }) }
            if p.custom && p.selected.is_none() {
                { preset_choice("custom", tr.t(k::CONTROLS_CUSTOM), tr.t(k::CONTROLS_CUSTOM_DESC), true, true, None) }
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct WeightsProps {
    pub data: Data,
    pub weights: Vec<f64>,
    pub base: Vec<f64>,
    pub on_change: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
    pub on_reset_all: Callback<()>,
    /// "Reset all" would change something.
    #[prop_or_default]
    pub can_reset: bool,
    /// The preset "reset all" returns to (weights and must-haves), if the weights came from one.
    #[prop_or_default]
    pub preset_name: Option<AttrValue>,
}

#[function_component(Weights)]
pub fn weights(p: &WeightsProps) -> Html {
    let tr = use_tr();
    html! {
        <fieldset class="elc-weights">
            <legend>{ tr.t(k::CONTROLS_WEIGHTS) }</legend>
            { for p.data.criteria.iter().enumerate().map(|(i, c)| html! {
                <WeightRow key={c.id.clone()} index={i} name={c.name.clone()} hint={c.hint.clone()}
                    weight={p.weights.get(i).copied().unwrap_or(0.0)} base={p.base.get(i).copied().unwrap_or(0.0)}
                    on_change={p.on_change.clone()} on_reset={p.on_reset.clone()} />
            }) }
            <button type="button" class="elc-reset-all" disabled={!p.can_reset}
                onclick={let cb = p.on_reset_all.clone(); move |_| cb.emit(())}>{ match &p.preset_name {
                    Some(n) => tr.f(k::CONTROLS_RESET_TO, &[("name", n)]),
                    None => tr.t(k::CONTROLS_RESET_ALL).to_string(),
                } }</button>
            <Scoring data={p.data.clone()} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct WeightRowProps {
    pub index: usize,
    pub name: AttrValue,
    pub hint: AttrValue,
    pub weight: f64,
    pub base: f64,
    pub on_change: Callback<(usize, f64)>,
    pub on_reset: Callback<usize>,
}

/// One slider: its own component, so moving it re-renders this row only.
#[function_component(WeightRow)]
fn weight_row(p: &WeightRowProps) -> Html {
    let tr = use_tr();
    let i = p.index;
    let (on_change, on_reset) = (p.on_change.clone(), p.on_reset.clone());
    let oninput = move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(v) = parse_decimal(&input.value()) {
            on_change.emit((i, v));
        }
    };
    html! {
        <div class="elc-weight">
            <label for={format!("elc-w-{i}")} class="elc-weight-label">{ &p.name }</label>
            <output for={format!("elc-w-{i}")} class="elc-weight-value">{ fmt_weight(tr, p.weight) }</output>
            <input type="range" id={format!("elc-w-{i}")} min="0" max="10" step="1"
                value={crate::num::trimmed(p.weight, 1)} aria-describedby={format!("elc-wh-{i}")} {oninput} />
            <button type="button" class="elc-reset" disabled={p.weight == p.base}
                aria-label={tr.f(k::CONTROLS_RESET_ONE, &[("criterion", &p.name), ("weight", &fmt_weight(tr, p.base))])}
                onclick={move |_| on_reset.emit(i)}>{ tr.t(k::CONTROLS_RESET) }</button>
            <p class="elc-hint" id={format!("elc-wh-{i}")}>{ &p.hint }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ScoringProps {
    pub data: Data,
}

/// "How each criterion is scored": each scoring rule once, then the criteria it applies to
/// with their definitions. Its own component so slider input does not rebuild it.
#[function_component(Scoring)]
fn scoring(p: &ScoringProps) -> Html {
    let tr = use_tr();
    html! {
        <LazyDetails class="elc-scoring" summary={tr.t(k::CONTROLS_SCORING)} content={{
            let data = p.data.clone();
            Callback::from(move |()| {
                // Criteria grouped by their rule, in order of first appearance.
                let mut groups: Vec<(String, Vec<&crate::data::Criterion>)> = Vec::new();
                for c in &data.criteria {
                    let rule = scoring_text(tr, c);
                    match groups.iter_mut().find(|(r, _)| *r == rule) {
                        Some((_, list)) => list.push(c),
                        None => groups.push((rule, vec![c])),
                    }
                }
                html! {
                    <>
                    <p>{ tr.t(k::CONTROLS_POINTS_RULE) }</p>
                    { for groups.iter().map(|(rule, list)| html! {
                        <div class="elc-rule">
                            <p class="elc-rule-text">{ rule }</p>
                            <dl>
                                { for list.iter().map(|c| html! {
                                    <><dt>{ &c.name }</dt><dd>{ &c.definition }</dd></>
                                }) }
                            </dl>
                        </div>
                    }) }
                    </>
                }
            })
        }} />
    }
}
pub use crate::report::fmt_weight;

#[derive(Properties, PartialEq)]
pub struct MustsProps {
    pub data: Data,
    pub must: MustHaves,
    pub current: Option<String>,
    pub on_flag: Callback<(String, bool)>,
    pub on_arch: Callback<Option<String>>,
    pub on_years: Callback<Option<f64>>,
    pub on_current: Callback<Option<String>>,
    pub count_paid: bool,
    pub on_paid: Callback<bool>,
    /// The visitor described a mixed fleet (edited in the migration plan).
    #[prop_or_default]
    pub mixed: bool,
}

fn select_value(e: &Event) -> Option<String> {
    let s: HtmlSelectElement = e.target_unchecked_into();
    Some(s.value()).filter(|v| !v.is_empty())
}

#[function_component(Musts)]
pub fn musts(p: &MustsProps) -> Html {
    let tr = use_tr();
    let on_arch = p.on_arch.clone();
    let on_years = p.on_years.clone();
    html! {
        <>
        <fieldset class="elc-musts">
            <legend>{ tr.t(k::CONTROLS_MUST) }</legend>
            { for p.data.flags.iter().map(|f| {
                let checked = p.must.flags.contains(&f.id);
                let (id, cb) = (f.id.clone(), p.on_flag.clone());
                html! {
                    <label class="elc-check" key={f.id.clone()}>
                        <input type="checkbox" {checked} onchange={move |e: Event| {
                            let i: HtmlInputElement = e.target_unchecked_into();
                            cb.emit((id.clone(), i.checked()));
                        }} />
                        { &f.name }
                    </label>
                }
            }) }
            <label class="elc-field" for="elc-arch">{ tr.t(k::CONTROLS_ARCH) }</label>
            <select id="elc-arch" onchange={move |e: Event| on_arch.emit(select_value(&e))}>
                <option value="" selected={p.must.arch.is_none()}>{ tr.t(k::CONTROLS_ANY) }</option>
                { for all_arches(&p.data).into_iter().map(|a| html! {
                    <option selected={p.must.arch.as_deref() == Some(a.as_str())} value={a.clone()}>{ a }</option>
                }) }
            </select>
            <label class="elc-field" for="elc-years">{ tr.t(k::CONTROLS_YEARS) }</label>
            <select id="elc-years" onchange={move |e: Event| on_years.emit(select_value(&e).and_then(|v| parse_decimal(&v)))}>
                <option value="" selected={p.must.min_years.is_none()}>{ tr.t(k::CONTROLS_NO_MINIMUM) }</option>
                { for [1.0, 2.0, 3.0, 5.0, 7.0, 10.0].into_iter().filter(|y| *y <= MAX_MIN_YEARS).map(|y| html! {
                    <option selected={p.must.min_years == Some(y)} value={y.to_string()}>{ years_text(tr, y) }</option>
                }) }
            </select>
            <label class="elc-check elc-paid">
                <input type="checkbox" checked={p.count_paid} onchange={let cb = p.on_paid.clone(); move |e: Event| {
                    let i: HtmlInputElement = e.target_unchecked_into();
                    cb.emit(i.checked());
                }} />
                { tr.t(k::CONTROLS_COUNT_PAID) }
            </label>
        </fieldset>
        <fieldset class="elc-current">
            <legend>{ tr.t(k::CONTROLS_RUN_NOW) }</legend>
            <CurrentSelect data={p.data.clone()} current={p.current.clone()} on_current={p.on_current.clone()} id="elc-cur" mixed={p.mixed} />
        </fieldset>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CurrentProps {
    pub data: Data,
    pub current: Option<String>,
    pub on_current: Callback<Option<String>>,
    pub id: AttrValue,
    /// A mixed fleet is set: shown as its own (unselectable) choice.
    #[prop_or_default]
    pub mixed: bool,
}

/// The current-system picker, grouped by option; also used by the migration planner.
#[function_component(CurrentSelect)]
pub fn current_select(p: &CurrentProps) -> Html {
    let tr = use_tr();
    let cb = p.on_current.clone();
    // The select shows the setup's value even after the visitor picked another option by
    // hand (an option the visitor chose ignores later `selected` attribute changes).
    let node = use_node_ref();
    {
        let node = node.clone();
        let value = if p.mixed {
            "mixed".to_string()
        } else {
            p.current.clone().unwrap_or_default()
        };
        use_effect_with(value, move |v| {
            if let Some(s) = node.cast::<HtmlSelectElement>() {
                if s.value() != *v {
                    s.set_value(v);
                }
            }
        });
    }
    html! {
        <>
        <label class="elc-field" for={p.id.clone()}>{ tr.t(k::CONTROLS_CURRENT) }</label>
        <select id={p.id.clone()} ref={node} onchange={move |e: Event| cb.emit(select_value(&e))}>
            <option value="" selected={p.current.is_none() && !p.mixed}>{ tr.t(k::CONTROLS_NEW_INSTALL) }</option>
            if p.mixed {
                <option value="mixed" selected=true disabled=true>{ tr.t(k::CONTROLS_MIXED) }</option>
            }
            { for p.data.options.iter().map(|o| html! {
                <optgroup label={o.name.clone()} key={o.id.clone()}>
                    { for o.versions.iter().map(|v| html! {
                        <option value={v.id.clone()} selected={p.current.as_deref() == Some(v.id.as_str())}>{ &v.name }</option>
                    }) }
                </optgroup>
            }) }
        </select>
        </>
    }
}
