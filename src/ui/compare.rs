//! The side-by-side table of the descriptive dimensions for 2–4 picked options.

use super::state::Data;
use super::{use_tr, SubHeading};
use crate::data::{CriterionKind, FlagState, OptionEntry, Publisher, Rating, Source, Status};
use crate::i18n::{k, Tr};
use crate::report::{flag_value, status_text};
use crate::setup::{COMPARE_MAX, COMPARE_MIN};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub data: Data,
    pub picked: Vec<String>,
    pub on_toggle: Callback<(String, bool)>,
}

/// Source links for a list of source ids, numbered, opening in a new tab; each source once
/// (a list that names one twice shows it once), unknown ids left out.
pub fn source_links(tr: Tr, d: &Data, ids: &[String]) -> Html {
    let mut seen: Vec<usize> = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(n) = d.refs().source(id) {
            if !seen.contains(&n) {
                seen.push(n);
            }
        }
    }
    html! {
        <span class="elc-sources">
            { for seen.into_iter().filter_map(|n| d.sources.get(n).map(|s| (n, s))).map(|(n, s)| html! {
                <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" title={s.title.clone()}
                    aria-label={tr.f(k::COMPARE_SOURCE, &[("n", &(n + 1).to_string()), ("title", &s.title)])}>{ format!("[{}]", n + 1) }</a>
            }) }
        </span>
    }
}

/// Who published a source, in words: "AlmaLinux", "CIQ" or "independent".
pub fn publisher_text(tr: Tr, d: &Data, s: &Source) -> String {
    match s.publisher() {
        Some(Publisher::Option(id)) => d
            .option(id)
            .map_or(id, |(_, o)| o.name.as_str())
            .to_string(),
        Some(Publisher::Vendor(v)) => v.to_string(),
        Some(Publisher::Independent) => tr.t(k::COMPARE_INDEPENDENT).to_string(),
        None => tr.t(k::COMPARE_NO_PUBLISHER).to_string(),
    }
}

pub use crate::report::rating_value;

/// Why a rating is what it is: the rationale, then its numbered sources.
pub fn rationale(tr: Tr, d: &Data, r: &Rating) -> Html {
    html! {
        <span class="elc-rationale">{ &r.rationale }{ source_links(tr, d, &r.sources) }</span>
    }
}

/// One option's value for a flag: "Yes", "No" or "Not verified", with the note and sources.
fn flag_cell(tr: Tr, d: &Data, o: &OptionEntry, flag: &str) -> Html {
    let Some(f) = o.flag(flag) else {
        return html! { <><span class="elc-flag elc-flag-unknown">{ flag_value(tr, FlagState::NotVerified) }</span>
        <span class="elc-rationale">{ tr.t(k::COMPARE_NOT_STATED) }</span></> };
    };
    let class = match f.value {
        FlagState::Yes => "elc-flag-yes",
        FlagState::No => "elc-flag-no",
        FlagState::NotVerified => "elc-flag-unknown",
    };
    let text = flag_value(tr, f.value);
    html! {
        <>
            <span class={classes!("elc-flag", class)}>{ text }</span>
            if f.note.is_some() || !f.sources.is_empty() {
                <span class="elc-rationale">{ f.note.as_deref().unwrap_or("") }{ source_links(tr, d, &f.sources) }</span>
            }
        </>
    }
}

pub fn status_badge(tr: Tr, s: Status) -> Html {
    match status_text(tr, s) {
        "" => html! {},
        text => html! { <span class="elc-badge">{ text }</span> },
    }
}

#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let tr = use_tr();
    let d = &p.data;
    let cols: Vec<_> = p
        .picked
        .iter()
        .filter_map(|id| d.option(id).map(|(_, o)| o))
        .collect();
    html! {
        <section class="elc-panel elc-compare" aria-labelledby="elc-compare-h">
            <SubHeading id="elc-compare-h">{ tr.t(k::COMPARE_HEADING) }</SubHeading>
            <fieldset class="elc-pick">
                <legend>{ tr.f(k::COMPARE_PICK, &[("min", &COMPARE_MIN.to_string()), ("max", &COMPARE_MAX.to_string())]) }</legend>
                { for d.options.iter().map(|o| {
                    let checked = p.picked.contains(&o.id);
                    let disabled = (checked && p.picked.len() <= COMPARE_MIN) || (!checked && p.picked.len() >= COMPARE_MAX);
                    let (id, cb) = (o.id.clone(), p.on_toggle.clone());
                    html! {
                        <label class="elc-check" key={o.id.clone()}>
                            <input type="checkbox" {checked} {disabled} onchange={move |e: Event| {
                                let i: HtmlInputElement = e.target_unchecked_into();
                                cb.emit((id.clone(), i.checked()));
                            }} />
                            { &o.name }
                        </label>
                    }
                }) }
            </fieldset>
            <table class="elc-table">
                <thead><tr>
                    <th scope="col">{ tr.t(k::COMPARE_DIMENSION) }</th>
                    { for cols.iter().map(|o| html! { <th scope="col" key={o.id.clone()}>{ &o.name }</th> }) }
                </tr></thead>
                <tbody>
                    { for d.dimensions.iter().map(|dim| html! {
                        <tr key={dim.id.clone()}>
                            <th scope="row">{ &dim.name }</th>
                            { for cols.iter().map(|o| match o.facts.iter().find(|f| f.dimension == dim.id) {
                                Some(f) => html! {
                                    <td data-label={o.name.clone()}>{ &f.text }{ " " }{ status_badge(tr, f.status) }{ source_links(tr, d, &f.sources) }</td>
                                },
                                None => html! { <td data-label={o.name.clone()}>{ "—" }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                <tbody class="elc-group">
                    <tr><th scope="colgroup" colspan={(cols.len() + 1).to_string()}>{ tr.t(k::COMPARE_RATINGS) }</th></tr>
                    { for d.criteria.iter().filter(|c| matches!(c.scoring, CriterionKind::Scale { .. } | CriterionKind::Number { .. } | CriterionKind::YesNo)).map(|c| html! {
                        <tr key={format!("r-{}", c.id)}>
                            <th scope="row">{ &c.name }</th>
                            { for cols.iter().map(|o| match o.ratings.iter().find(|r| r.criterion == c.id) {
                                Some(r) => html! {
                                    <td data-label={o.name.clone()}>
                                        <strong class="elc-rating">{ rating_value(tr, &c.scoring, r) }</strong>{ " " }{ status_badge(tr, r.confidence) }
                                        { rationale(tr, d, r) }
                                    </td>
                                },
                                None => html! { <td data-label={o.name.clone()}>{ tr.t(k::COMPARE_NO_RATING) }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                if !d.flags.is_empty() {
                    <tbody class="elc-group">
                        <tr><th scope="colgroup" colspan={(cols.len() + 1).to_string()}>{ tr.t(k::COMPARE_MUST) }</th></tr>
                        { for d.flags.iter().map(|f| html! {
                            <tr key={format!("f-{}", f.id)}>
                                <th scope="row">{ &f.name }</th>
                                { for cols.iter().map(|o| html! { <td data-label={o.name.clone()}>{ flag_cell(tr, d, o, &f.id) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                }
            </table>
        </section>
    }
}
