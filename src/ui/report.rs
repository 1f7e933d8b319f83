//! The printed report: the same [`Report`] the decision record is written from, laid out
//! for paper. The app builds it only while the page prints (or the visitor asked to
//! print); on screen it is `display: none` and the print stylesheet shows it alone, so it
//! costs nothing while the sliders move.

use super::state::Data;
use crate::data::Date;
use crate::engine::Evaluation;
use crate::num::{fixed0, fixed1, tenths_text};
use crate::report::{
    cite_text, extended_end, field_name, fmt_weight, headline, near_tie_line, option_name,
    score_text, sensitivity_line, status_text, Report, TOP_PRINTED,
};
use crate::setup::Setup;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub data: Data,
    pub setup: Setup,
    pub eval: Rc<Evaluation>,
    pub today: Date,
    /// Address that reopens the setup, or the setup's fragment text when not shared.
    pub link: AttrValue,
}

/// Bar geometry (SVG user units): the 0–100 score over 1000 units.
const BAR_W: f64 = 1000.0;
const BAR_H: f64 = 30.0;

#[function_component(PrintReport)]
pub fn print_report(p: &ReportProps) -> Html {
    let d = &*p.data;
    let e = &*p.eval;
    let r = Report {
        breakdowns: TOP_PRINTED,
        ..Report::new(d, &p.setup, e, p.today, &p.link)
    };
    let cites = |ids: &[String]| -> Html {
        let n = r.cite(ids);
        if n.is_empty() {
            html! {}
        } else {
            html! { <span class="elc-r-cite">{ " " }{ cite_text(&n) }</span> }
        }
    };
    let musts = r.must_texts();
    let ranked = &e.ranking;
    let steps = r.plan_steps();
    html! {
        <article class="elc-report" aria-label="Printable report">
            <header class="elc-r-head">
                <h2>{ "Decision report: " }{ &d.title }</h2>
                <p>{ format!("Prepared {} · facts as of {} · made with elcompare", p.today, d.as_of) }</p>
                <p class="elc-r-link">{ "Reopen this setup: " }
                    if p.link.starts_with("http") || p.link.starts_with("file:") {
                        <a href={p.link.clone()}>{ &p.link }</a>
                    } else {
                        <code>{ &p.link }</code>
                    }
                </p>
            </header>

            <section class="elc-r-sec">
                <h3>{ "Recommendation" }</h3>
                <p class="elc-r-headline">{ headline(d, e) }</p>
                if let Some(t) = near_tie_line(d, e) { <p>{ t }</p> }
                if r.winner().is_some() {
                    <ul>{ for e.why.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                }
                if let Some(s) = sensitivity_line(d, e, &p.setup.weights) { <p>{ s }</p> }
                if let Some(h) = &e.relax_hint { <p>{ h }</p> }
                if !e.excluded.is_empty() {
                    <p class="elc-r-label">{ "Not considered:" }</p>
                    <ul>{ for e.excluded.iter().map(|x| html! {
                        <li><strong>{ option_name(d, x.option) }</strong>{ ": " }{ x.reasons.join("; ") }</li>
                    }) }</ul>
                }
            </section>

            <section class="elc-r-sec">
                <h3>{ "What it is based on" }</h3>
                <table class="elc-r-kv"><tbody>
                    <tr><th scope="row">{ "Situation" }</th><td>{ r.situation() }</td></tr>
                    <tr><th scope="row">{ "Current system" }</th><td>{ r.current_text() }{ cites(r.current_sources()) }</td></tr>
                    <tr><th scope="row">{ "Must-haves" }</th><td>{ if musts.is_empty() { "none".to_string() } else { musts.join("; ") } }</td></tr>
                </tbody></table>
                <table class="elc-r-points">
                    <thead><tr>
                        <th scope="col">{ "#" }</th><th scope="col">{ "Criterion" }</th><th scope="col">{ "Weight (0–10)" }</th>
                        { for ranked.iter().map(|x| html! { <th scope="col">{ option_name(d, x.option) }</th> }) }
                    </tr></thead>
                    <tbody>{ for d.criteria.iter().enumerate().map(|(i, c)| html! {
                        <tr>
                            <td>{ i + 1 }</td><th scope="row">{ &c.name }</th><td>{ fmt_weight(r.weight(i)) }</td>
                            { for ranked.iter().map(|x| html! {
                                <td>{ x.points_tenths().get(i).map_or(String::new(), |t| tenths_text(*t)) }</td>
                            }) }
                        </tr>
                    }) }</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="3">{ "Score (of 100)" }</th>
                        { for ranked.iter().map(|x| html! { <td>{ score_text(x) }</td> }) }
                    </tr></tfoot>
                </table>
                <p class="elc-r-note">{ "Each option column gives the points a criterion adds to its score: the weight's share of all weights × how well the option does on it (to 0.1, rounded so that each column adds up to its score)." }</p>
            </section>

            if !ranked.is_empty() {
                <section class="elc-r-sec">
                    <h3>{ "Ranking" }</h3>
                    <ol class="elc-r-rank">{ for ranked.iter().map(|x| html! {
                        <li>
                            <span class="elc-r-rank-name">{ option_name(d, x.option) }</span>
                            <span class="elc-r-rank-score">{ format!("{} of 100", score_text(x)) }</span>
                            { bar(x) }
                        </li>
                    }) }</ol>
                    <p class="elc-r-note">{ "Legend: a bar is a score out of 100; each segment (alternately dark and light) is one criterion, as wide as its points and labelled with its number from the table above, if 3 points or more." }</p>
                </section>
            }

            if !r.top().is_empty() {
                <section class="elc-r-sec">
                    <h3>{ "Why the top options score as they do" }</h3>
                    <table class="elc-r-break">
                        <thead><tr>
                            <th scope="col">{ "Criterion" }</th>
                            { for r.top().iter().enumerate().map(|(rank, x)| html! {
                                <th scope="col">{ format!("{}. {} ({} of 100)", rank + 1, option_name(d, x.option), score_text(x)) }</th>
                            }) }
                        </tr></thead>
                        <tbody>{ for d.criteria.iter().enumerate().map(|(i, c)| html! {
                            <tr>
                                <th scope="row">{ format!("{}. {}", i + 1, c.name) }</th>
                                { for r.top().iter().map(|x| match r.rows(x).into_iter().find(|row| row.criterion == i) {
                                    Some(row) => html! {
                                        <td><strong>{ &row.c.detail }</strong>{ status(status_text(row.confidence)) }
                                            if let Some(why) = row.rationale { <span class="elc-r-line">{ why }{ cites(row.sources) }</span> }
                                            else { { cites(row.sources) } }
                                        </td>
                                    },
                                    None => html! { <td>{ "—" }</td> },
                                }) }
                            </tr>
                        }) }</tbody>
                    </table>
                </section>
            }

            <section class="elc-r-sec">
                <h3>{ "Side by side" }</h3>
                <table class="elc-r-compare">
                    <thead><tr>
                        <th scope="col">{ "Dimension" }</th>
                        { for r.compared().iter().map(|o| html! { <th scope="col">{ &o.name }</th> }) }
                    </tr></thead>
                    <tbody>{ for d.dimensions.iter().map(|dim| html! {
                        <tr>
                            <th scope="row">{ &dim.name }</th>
                            { for r.compared().iter().map(|o| match Report::fact(o, &dim.id) {
                                Some(f) => html! { <td>{ &f.text }{ status(status_text(f.status)) }{ cites(&f.sources) }</td> },
                                None => html! { <td>{ "—" }</td> },
                            }) }
                        </tr>
                    }) }</tbody>
                </table>
            </section>

            <section class="elc-r-sec">
                <h3>{ "Lifecycle" }</h3>
                <table class="elc-r-life">
                    <thead><tr>
                        <th scope="col">{ "Version" }</th><th scope="col">{ "Released" }</th><th scope="col">{ "Active support ends" }</th>
                        <th scope="col">{ "Security updates end" }</th><th scope="col">{ "Paid / extended" }</th>
                    </tr></thead>
                    <tbody>{ for r.lifecycle_versions().into_iter().map(|v| html! {
                        <tr>
                            <th scope="row">{ &v.name }{ status(status_text(v.status)) }{ cites(&v.sources) }</th>
                            <td>{ v.release.to_string() }</td>
                            <td>{ v.active_end.map_or("—".to_string(), |d| d.to_string()) }</td>
                            <td>{ v.security_end.map_or("not published".to_string(), |d| d.to_string()) }</td>
                            <td>
                                if v.extended.is_empty() { { "—" } }
                                { for v.extended.iter().map(|x| html! {
                                    <span class="elc-r-line">{ format!("{} {}: {}{}", x.vendor, x.name, x.until.map_or("no fixed end".to_string(), |d| d.to_string()), if x.paid { " (paid)" } else { "" }) }{ cites(&x.sources) }</span>
                                }) }
                                { for v.conflicts.iter().map(|c| html! {
                                    <span class="elc-r-line">{ format!("Also published: {} {}", field_name(v, &c.field), c.value) }{ cites(&c.sources) }</span>
                                }) }
                            </td>
                        </tr>
                    }) }</tbody>
                </table>
                <p class="elc-r-note">{ format!("Dates as of {}; today is {}.", d.as_of, p.today) }
                    { r.lifecycle_versions().iter().filter_map(|v| extended_end(v)).max().map(|e| format!(" The latest paid or extended end listed is {e}.")).unwrap_or_default() }</p>
            </section>

            <section class="elc-r-sec">
                <h3>{ "Migration plan" }</h3>
                <p>{ r.plan_text() }</p>
                if !steps.is_empty() {
                    <ol class="elc-r-steps">{ for steps.iter().map(|st| html! {
                        <li>{ &st.text }{ cites(st.sources) }
                            if !st.how.is_empty() || !st.risks.is_empty() {
                                <ul>
                                    { for st.how.iter().map(|n| html! { <li>{ &n.text }{ cites(&n.sources) }</li> }) }
                                    { for st.risks.iter().map(|n| html! { <li>{ "Risk: " }{ &n.text }{ cites(&n.sources) }</li> }) }
                                </ul>
                            }
                        </li>
                    }) }</ol>
                }
                if let Some(v) = r.landing() {
                    <p>{ format!("Landing version: {}, {}.", v.name, r.support_text(v)) }{ cites(&v.sources) }</p>
                }
            </section>

            <section class="elc-r-sec elc-r-sources">
                <h3>{ "Sources" }</h3>
                if let Some(common) = r.common_retrieved() {
                    <p class="elc-r-note">{ format!("Retrieved {common} unless another date is given.") }</p>
                }
                <ul>{ for r.cited().into_iter().filter_map(|n| d.sources.get(n - 1).map(|s| (n, s))).map(|(n, s)| html! {
                    <li><span class="elc-r-num">{ format!("[{n}]") }</span>{ " " }{ &s.title }{ ", " }
                        <a class="elc-r-url" href={s.url.clone()}>{ s.url.strip_prefix("https://").unwrap_or(&s.url) }</a>
                        if Some(s.retrieved) != r.common_retrieved() { { format!(" (retrieved {})", s.retrieved) } }</li>
                }) }</ul>
            </section>
        </article>
    }
}

fn status(text: &'static str) -> Html {
    if text.is_empty() {
        html! {}
    } else {
        html! { <span class="elc-r-status">{ format!(" ({text})") }</span> }
    }
}

/// The score as a bar of criterion segments, each labelled with its number.
fn bar(x: &crate::engine::Ranked) -> Html {
    let mut at = 0.0;
    let mut k = 0;
    html! {
        <svg class="elc-r-bar" viewBox={format!("0 0 {BAR_W} {BAR_H}")} role="img"
            aria-label={format!("{} of 100", score_text(x))}>
            <rect class="elc-r-bar-frame" x="0" y="0" width={fixed0(BAR_W)} height={fixed0(BAR_H)} />
            { for x.contributions.iter().filter(|c| c.points > 0.0).map(|c| {
                let (x0, w) = (at * 10.0, c.points * 10.0);
                at += c.points;
                k += 1;
                let dark = k % 2 == 1;
                html! {
                    <g>
                        <rect class={if dark { "elc-r-seg-dark" } else { "elc-r-seg-light" }}
                            x={fixed1(x0)} y="0" width={fixed1(w)} height={fixed0(BAR_H)} />
                        if w >= 30.0 {
                            <text class={if dark { "elc-r-seg-label-dark" } else { "elc-r-seg-label-light" }}
                                x={fixed1(x0 + w / 2.0)} y="21" text-anchor="middle">{ c.criterion + 1 }</text>
                        }
                    </g>
                }
            }) }
        </svg>
    }
}
