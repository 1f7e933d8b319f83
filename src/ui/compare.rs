//! The side-by-side table of the descriptive dimensions for 2–4 picked options.

use super::state::Data;
use super::SubHeading;
use crate::data::{CriterionKind, FlagState, OptionEntry, Publisher, Rating, Source, Status};
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
pub fn source_links(d: &Data, ids: &[String]) -> Html {
    let mut seen: Vec<usize> = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(n) = d.sources.iter().position(|s| &s.id == id) {
            if !seen.contains(&n) {
                seen.push(n);
            }
        }
    }
    html! {
        <span class="elc-sources">
            { for seen.into_iter().filter_map(|n| d.sources.get(n).map(|s| (n, s))).map(|(n, s)| html! {
                <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" title={s.title.clone()}
                    aria-label={format!("Source {}: {}", n + 1, s.title)}>{ format!("[{}]", n + 1) }</a>
            }) }
        </span>
    }
}

/// Who published a source, in words: "AlmaLinux", "CIQ" or "independent".
pub fn publisher_text(d: &Data, s: &Source) -> String {
    match s.publisher() {
        Some(Publisher::Option(id)) => d
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or(id, |o| o.name.as_str())
            .to_string(),
        Some(Publisher::Vendor(v)) => v.to_string(),
        Some(Publisher::Independent) => "independent".to_string(),
        None => "publisher not given".to_string(),
    }
}

pub use crate::report::rating_value;

/// Why a rating is what it is: the rationale, then its numbered sources.
pub fn rationale(d: &Data, r: &Rating) -> Html {
    html! {
        <span class="elc-rationale">{ &r.rationale }{ source_links(d, &r.sources) }</span>
    }
}

/// One option's value for a flag: "Yes", "No" or "Not verified", with the note and sources.
fn flag_cell(d: &Data, o: &OptionEntry, flag: &str) -> Html {
    let Some(f) = o.flag(flag) else {
        return html! { <><span class="elc-flag elc-flag-unknown">{ "Not verified" }</span>
        <span class="elc-rationale">{ "Not stated in this dataset." }</span></> };
    };
    let (text, class) = match f.value {
        FlagState::Yes => ("Yes", "elc-flag-yes"),
        FlagState::No => ("No", "elc-flag-no"),
        FlagState::NotVerified => ("Not verified", "elc-flag-unknown"),
    };
    html! {
        <>
            <span class={classes!("elc-flag", class)}>{ text }</span>
            if f.note.is_some() || !f.sources.is_empty() {
                <span class="elc-rationale">{ f.note.as_deref().unwrap_or("") }{ source_links(d, &f.sources) }</span>
            }
        </>
    }
}

pub fn status_badge(s: Status) -> Html {
    let text = match s {
        Status::Verified => return html! {},
        Status::Partial => "partly inferred",
        Status::Secondary => "secondary sources only",
        Status::Conflict => "sources disagree",
        Status::Unverified => "unverified",
    };
    html! { <span class="elc-badge">{ text }</span> }
}

#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let d = &p.data;
    let cols: Vec<_> = p
        .picked
        .iter()
        .filter_map(|id| d.options.iter().find(|o| &o.id == id))
        .collect();
    html! {
        <section class="elc-panel elc-compare" aria-labelledby="elc-compare-h">
            <SubHeading id="elc-compare-h">{ "Side by side" }</SubHeading>
            <fieldset class="elc-pick">
                <legend>{ format!("Compare {COMPARE_MIN} to {COMPARE_MAX}") }</legend>
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
                    <th scope="col">{ "Dimension" }</th>
                    { for cols.iter().map(|o| html! { <th scope="col" key={o.id.clone()}>{ &o.name }</th> }) }
                </tr></thead>
                <tbody>
                    { for d.dimensions.iter().map(|dim| html! {
                        <tr key={dim.id.clone()}>
                            <th scope="row">{ &dim.name }</th>
                            { for cols.iter().map(|o| match o.facts.iter().find(|f| f.dimension == dim.id) {
                                Some(f) => html! {
                                    <td data-label={o.name.clone()}>{ &f.text }{ " " }{ status_badge(f.status) }{ source_links(d, &f.sources) }</td>
                                },
                                None => html! { <td data-label={o.name.clone()}>{ "—" }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                <tbody class="elc-group">
                    <tr><th scope="colgroup" colspan={(cols.len() + 1).to_string()}>{ "Ratings used in the score, with their reasons" }</th></tr>
                    { for d.criteria.iter().filter(|c| matches!(c.scoring, CriterionKind::Scale { .. } | CriterionKind::Number { .. } | CriterionKind::YesNo)).map(|c| html! {
                        <tr key={format!("r-{}", c.id)}>
                            <th scope="row">{ &c.name }</th>
                            { for cols.iter().map(|o| match o.ratings.iter().find(|r| r.criterion == c.id) {
                                Some(r) => html! {
                                    <td data-label={o.name.clone()}>
                                        <strong class="elc-rating">{ rating_value(&c.scoring, r) }</strong>{ " " }{ status_badge(r.confidence) }
                                        { rationale(d, r) }
                                    </td>
                                },
                                None => html! { <td data-label={o.name.clone()}>{ "no rating (scores 0)" }</td> },
                            }) }
                        </tr>
                    }) }
                </tbody>
                if !d.flags.is_empty() {
                    <tbody class="elc-group">
                        <tr><th scope="colgroup" colspan={(cols.len() + 1).to_string()}>{ "Must-have features" }</th></tr>
                        { for d.flags.iter().map(|f| html! {
                            <tr key={format!("f-{}", f.id)}>
                                <th scope="row">{ &f.name }</th>
                                { for cols.iter().map(|o| html! { <td data-label={o.name.clone()}>{ flag_cell(d, o, &f.id) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                }
            </table>
        </section>
    }
}
