//! The side-by-side table of the descriptive dimensions for 2–4 picked options.

use super::state::Data;
use crate::data::Status;
use crate::share::{COMPARE_MAX, COMPARE_MIN};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub data: Data,
    pub picked: Vec<String>,
    pub on_toggle: Callback<(String, bool)>,
}

/// Source links for a list of source ids, numbered, opening in a new tab.
pub fn source_links(d: &Data, ids: &[String]) -> Html {
    html! {
        <span class="elc-sources">
            { for ids.iter().filter_map(|id| d.sources.iter().position(|s| &s.id == id).map(|n| (n, &d.sources[n]))).map(|(n, s)| html! {
                <a href={s.url.clone()} target="_blank" rel="noopener noreferrer" title={s.title.clone()}
                    aria-label={format!("Source {}: {}", n + 1, s.title)}>{ format!("[{}]", n + 1) }</a>
            }) }
        </span>
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
            <h3 id="elc-compare-h">{ "Side by side" }</h3>
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
            </table>
        </section>
    }
}
