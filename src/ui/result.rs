//! The recommendation (announced in a polite live region) and the ranking with
//! stacked contribution bars.

use super::compare::{rationale, status_badge};
use super::lazy::LazyDetails;
use super::state::Data;
use super::SubHeading;
use crate::engine::Evaluation;
use crate::num::{fixed0, fixed1};
use crate::report::{headline, near_tie_line, sensitivity_line};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub data: Data,
    pub eval: Rc<Evaluation>,
    #[prop_or_default]
    pub weights: Vec<f64>,
}

fn option_name(d: &Data, i: usize) -> &str {
    d.options.get(i).map_or("?", |o| o.name.as_str())
}

#[function_component(Recommendation)]
pub fn recommendation(p: &ResultProps) -> Html {
    let (d, e) = (&p.data, &*p.eval);
    let summary = headline(d, e);
    html! {
        <div class="elc-reco">
            <SubHeading>{ "Recommendation" }</SubHeading>
            <p class="elc-winner" role="status" aria-live="polite" aria-atomic="true">{ summary }</p>
            if !e.all_weights_zero {
                if !e.ranking.is_empty() {
                    if let Some(t) = near_tie_line(d, e) {
                        <p class="elc-tie">{ t }</p>
                    }
                    <ul class="elc-why">{ for e.why.iter().take(4).map(|r| html! { <li>{ r }</li> }) }</ul>
                    if let Some(line) = sensitivity_line(d, e, &p.weights) {
                        <p class="elc-sens">{ line }</p>
                    }
                }
            }
            if let Some(h) = &e.relax_hint {
                <p class="elc-relax">{ h }</p>
            }
            if !e.excluded.is_empty() {
                <details class="elc-excluded">
                    <summary>{ format!("Not considered ({})", e.excluded.len()) }</summary>
                    <ul>{ for e.excluded.iter().map(|x| html! {
                        <li key={x.option}><strong>{ option_name(d, x.option) }</strong>{ ": " }{ x.reasons.join("; ") }</li>
                    }) }</ul>
                </details>
            }
        </div>
    }
}

#[function_component(Ranking)]
pub fn ranking(p: &ResultProps) -> Html {
    let (d, e) = (&p.data, &*p.eval);
    html! {
        <div class="elc-ranking">
            <SubHeading>{ "Ranking" }</SubHeading>
            <ol class="elc-rank-list">
                { for e.ranking.iter().enumerate().map(|(rank, r)| {
                    let mut x = 0.0;
                    let name = option_name(d, r.option);
                    html! {
                        <li key={d.options.get(r.option).map_or(String::new(), |o| o.id.clone())} class="elc-rank">
                            <div class="elc-rank-head">
                                <span><span class="elc-rank-pos">{ format!("{}. ", rank + 1) }</span><span class="elc-rank-name">{ name }</span></span>
                                <span class="elc-rank-score">{ fixed0(r.total) }<span class="elc-sr">{ " of 100" }</span></span>
                            </div>
                            <svg class="elc-bar" viewBox="0 0 1000 6" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="elc-bar-bg" x="0" y="0" width="1000" height="6" />
                                { for r.contributions.iter().filter(|c| c.points > 0.0).map(|c| {
                                    let rect = html! {
                                        <rect class={classes!("elc-seg", format!("elc-c{}", c.criterion % 10))}
                                            x={fixed1(x * 10.0)} y="0" width={fixed1(c.points * 10.0)} height="6">
                                            <title>{ format!("{}: {} points", criterion_name(d, c.criterion), fixed1(c.points)) }</title>
                                        </rect>
                                    };
                                    x += c.points;
                                    rect
                                }) }
                            </svg>
                            <LazyDetails class="elc-detail" summary={format!("Why {name} scores {}", fixed0(r.total))}
                                content={breakdown(d, &p.eval, rank)} />
                        </li>
                    }
                }) }
            </ol>
            <ul class="elc-legend elc-bar-legend" aria-label="Bar segments">
                { for d.criteria.iter().enumerate().filter(|(i, _)| p.weights.get(*i).is_some_and(|w| *w > 0.0)).map(|(i, c)| html! {
                    <li key={c.id.clone()}><span class={classes!("elc-swatch", format!("elc-c{}", i % 10))} aria-hidden="true"></span>{ &c.name }</li>
                }) }
            </ul>
        </div>
    }
}

/// The per-criterion table (and "why not") of the option ranked `rank`, built on demand.
fn breakdown(d: &Data, eval: &Rc<Evaluation>, rank: usize) -> Callback<(), Html> {
    let (d, eval) = (d.clone(), eval.clone());
    Callback::from(move |()| {
        let Some(r) = eval.ranking.get(rank) else {
            return html! {};
        };
        html! {
            <>
            if !r.why_not.is_empty() {
                <ul class="elc-whynot">{ for r.why_not.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
            }
            <table class="elc-contrib">
                <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "Value" }</th><th scope="col">{ "Points" }</th></tr></thead>
                <tbody>{ for r.contributions.iter().map(|c| {
                    // A hand-given value shows its confidence, rationale and sources with it.
                    let rating = d.criteria.get(c.criterion).and_then(|crit| {
                        d.options.get(r.option)?.ratings.iter().find(|x| x.criterion == crit.id)
                    });
                    html! {
                    <tr>
                        <th scope="row"><span class={classes!("elc-swatch", format!("elc-c{}", c.criterion % 10))} aria-hidden="true"></span>
                            { criterion_name(&d, c.criterion) }</th>
                        <td>{ &c.detail }
                            if let Some(x) = rating {
                                { " " }{ status_badge(x.confidence) }{ rationale(&d, x) }
                            }
                        </td>
                        <td>{ fixed1(c.points) }</td>
                    </tr>
                    }
                }) }</tbody>
            </table>
            </>
        }
    })
}

fn criterion_name(d: &Data, i: usize) -> &str {
    d.criteria.get(i).map_or("?", |c| c.name.as_str())
}
