//! The recommendation (announced in a polite live region) and the ranking with
//! stacked contribution bars.

use super::compare::{rationale, status_badge};
use super::lazy::LazyDetails;
use super::state::Data;
use super::{use_tr, SubHeading};
use crate::data::Date;
use crate::engine::Evaluation;
use crate::i18n::{k, Tr};
use crate::num::{fixed0, fixed1, tenths_text};
use crate::report::{fmt_weight, headline, near_tie_line, score_text, sensitivity_line};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub data: Data,
    pub eval: Rc<Evaluation>,
    #[prop_or_default]
    pub weights: Vec<f64>,
    /// Today, for the stale-data warning next to the recommendation.
    #[prop_or_default]
    pub today: Option<Date>,
    /// Moves focus to "Hand it on" (a keyboard path past the tables and their citations).
    #[prop_or_default]
    pub on_skip: Option<Callback<()>>,
}

fn option_name(d: &Data, i: usize) -> &str {
    d.options.get(i).map_or("?", |o| o.name.as_str())
}

#[function_component(Recommendation)]
pub fn recommendation(p: &ResultProps) -> Html {
    let (d, e) = (&p.data, &*p.eval);
    let tr = e.tr;
    let summary = headline(d, e);
    html! {
        <div class="elc-reco">
            <SubHeading>{ tr.t(k::RESULT_HEADING) }</SubHeading>
            <p class="elc-winner" role="status" aria-live="polite" aria-atomic="true">{ summary }</p>
            if let Some(note) = p.today.and_then(|t| super::footer::stale_note(tr, d, t)) {
                <p class="elc-stale" role="note">{ note }</p>
            }
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
                    <summary>{ tr.f(k::RESULT_NOT_CONSIDERED, &[("n", &e.excluded.len().to_string())]) }</summary>
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
    let tr = use_tr();
    if e.ranking.is_empty() {
        // The recommendation already says nothing qualifies: no empty heading or legend.
        return html! {};
    }
    html! {
        <div class="elc-ranking">
            <SubHeading>{ tr.t(k::RESULT_RANKING) }</SubHeading>
            <ol class="elc-rank-list">
                { for e.ranking.iter().enumerate().map(|(rank, r)| {
                    let mut x = 0.0;
                    let name = option_name(d, r.option);
                    html! {
                        <li key={d.options.get(r.option).map_or(String::new(), |o| o.id.clone())} class="elc-rank">
                            <div class="elc-rank-head">
                                <span><span class="elc-rank-pos">{ format!("{}. ", rank + 1) }</span><span class="elc-rank-name">{ name }</span></span>
                                <span class="elc-rank-score">{ score_text(tr, r) }<span class="elc-sr">{ tr.t(k::RESULT_OF_100) }</span></span>
                            </div>
                            <svg class="elc-bar" viewBox="0 0 1000 6" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="elc-bar-bg" x="0" y="0" width="1000" height="6" />
                                { for r.contributions.iter().zip(r.points_tenths().iter().copied()).filter(|(c, _)| c.points > 0.0).map(|(c, t)| {
                                    let rect = html! {
                                        <rect class={classes!("elc-seg", format!("elc-c{}", c.criterion % 10))}
                                            x={fixed1(x * 10.0)} y="0" width={fixed1(c.points * 10.0)} height="6">
                                            <title>{ tr.f(k::RESULT_SEG, &[("criterion", criterion_name(d, c.criterion)), ("points", &tr.decimal(tenths_text(t)))]) }</title>
                                        </rect>
                                    };
                                    x += c.points;
                                    rect
                                }) }
                            </svg>
                            <LazyDetails class="elc-detail" summary={tr.f(k::RESULT_WHY, &[("name", name), ("score", &score_text(tr, r))])}
                                content={breakdown(tr, d, &p.eval, &p.weights, rank)} />
                        </li>
                    }
                }) }
            </ol>
            <ul class="elc-legend elc-bar-legend" aria-label={tr.t(k::RESULT_LEGEND)}>
                { for d.criteria.iter().enumerate().filter(|(i, _)| p.weights.get(*i).is_some_and(|w| *w > 0.0)).map(|(i, c)| html! {
                    <li key={c.id.clone()}><span class={classes!("elc-swatch", format!("elc-c{}", i % 10))} aria-hidden="true"></span>{ &c.name }</li>
                }) }
            </ul>
            if let Some(skip) = &p.on_skip {
                <button type="button" class="elc-skip" onclick={skip.reform(|_| ())}>{ tr.t(k::RESULT_SKIP) }</button>
            }
        </div>
    }
}

/// The per-criterion table (and "why not") of the option ranked `rank`, built on demand:
/// each criterion's weight, value, share of full marks and points, and a total row equal to
/// the score. Points are shown to 0.1, rounded by largest remainder so that the rows shown
/// add up to the total shown.
fn breakdown(
    tr: Tr,
    d: &Data,
    eval: &Rc<Evaluation>,
    weights: &[f64],
    rank: usize,
) -> Callback<(), Html> {
    let (d, eval, weights) = (d.clone(), eval.clone(), weights.to_vec());
    Callback::from(move |()| {
        let Some(r) = eval.ranking.get(rank) else {
            return html! {};
        };
        let shown = r.points_tenths();
        let sum: f64 = weights.iter().filter(|w| **w > 0.0).sum();
        html! {
            <>
            if !r.why_not.is_empty() {
                <ul class="elc-whynot">{ for r.why_not.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
            }
            <table class="elc-contrib">
                <thead><tr>
                    <th scope="col">{ tr.t(k::RESULT_CRITERION) }</th><th scope="col">{ tr.t(k::RESULT_WEIGHT) }</th>
                    <th scope="col">{ tr.t(k::RESULT_VALUE) }</th><th scope="col">{ tr.t(k::RESULT_SCORE) }</th><th scope="col">{ tr.t(k::RESULT_POINTS) }</th>
                </tr></thead>
                <tbody>{ for r.contributions.iter().zip(shown).map(|(c, t)| {
                    // A hand-given value shows its confidence, rationale and sources with it.
                    let rating = d.rating(r.option, c.criterion);
                    let w = weights.get(c.criterion).copied().unwrap_or(0.0);
                    html! {
                    <tr>
                        <th scope="row"><span class={classes!("elc-swatch", format!("elc-c{}", c.criterion % 10))} aria-hidden="true"></span>
                            { criterion_name(&d, c.criterion) }</th>
                        <td class="elc-num" data-label={tr.t(k::RESULT_WEIGHT)}>{ fmt_weight(tr, w) }</td>
                        <td>{ &c.detail }
                            if let Some(x) = rating {
                                { " " }{ status_badge(tr, x.confidence) }{ rationale(tr, &d, x) }
                            }
                        </td>
                        <td class="elc-num" data-label={tr.t(k::RESULT_SCORE)}>{ tr.f(k::NUM_PERCENT, &[("n", &fixed0(c.utility * 100.0))]) }</td>
                        <td class="elc-num elc-points">{ tr.decimal(tenths_text(*t)) }</td>
                    </tr>
                    }
                }) }</tbody>
                <tfoot><tr>
                    <th scope="row">{ tr.t(k::RESULT_TOTAL) }</th>
                    <td class="elc-num" data-label={tr.t(k::RESULT_WEIGHT)}>{ fmt_weight(tr, sum) }</td>
                    <td></td><td></td>
                    <td class="elc-num elc-points">{ score_text(tr, r) }</td>
                </tr></tfoot>
            </table>
            <p class="elc-contrib-note">{ tr.f(k::RESULT_POINTS_NOTE, &[("sum", &fmt_weight(tr, sum))]) }</p>
            </>
        }
    })
}

fn criterion_name(d: &Data, i: usize) -> &str {
    d.criteria.get(i).map_or("?", |c| c.name.as_str())
}
