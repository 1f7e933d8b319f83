//! The printed report: the same [`Report`] the decision record is written from, laid out
//! for paper. The app builds it only while the page prints (or the visitor asked to
//! print); on screen it is `display: none` and the print stylesheet shows it alone, so it
//! costs nothing while the sliders move.

use super::state::Data;
use crate::data::Date;
use crate::engine::Evaluation;
use crate::i18n::{k, Tr};
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
    let tr = e.tr;
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
        <article class="elc-report" aria-label={tr.t(k::PRINT_LABEL)}>
            <header class="elc-r-head">
                <h2>{ tr.t(k::PRINT_TITLE) }{ &d.title }</h2>
                <p>{ tr.f(k::PRINT_PREPARED, &[("today", &tr.date(p.today)), ("as_of", &tr.date(d.as_of))]) }</p>
                <p class="elc-r-link">{ tr.t(k::PRINT_REOPEN) }
                    if p.link.starts_with("http") || p.link.starts_with("file:") {
                        <a href={p.link.clone()}>{ &p.link }</a>
                    } else {
                        <code>{ &p.link }</code>
                    }
                </p>
            </header>

            <section class="elc-r-sec">
                <h3>{ tr.t(k::RESULT_HEADING) }</h3>
                <p class="elc-r-headline">{ headline(d, e) }</p>
                if let Some(t) = near_tie_line(d, e) { <p>{ t }</p> }
                if r.winner().is_some() {
                    <ul>{ for e.why.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                }
                if let Some(s) = sensitivity_line(d, e, &p.setup.weights) { <p>{ s }</p> }
                if let Some(h) = &e.relax_hint { <p>{ h }</p> }
                if !e.excluded.is_empty() {
                    <p class="elc-r-label">{ tr.t(k::PRINT_NOT_CONSIDERED) }</p>
                    <ul>{ for e.excluded.iter().map(|x| html! {
                        <li><strong>{ option_name(d, x.option) }</strong>{ ": " }{ x.reasons.join("; ") }</li>
                    }) }</ul>
                }
            </section>

            <section class="elc-r-sec">
                <h3>{ tr.t(k::PRINT_BASED_ON) }</h3>
                <table class="elc-r-kv"><tbody>
                    <tr><th scope="row">{ tr.t(k::PRINT_SITUATION) }</th><td>{ r.situation() }</td></tr>
                    <tr><th scope="row">{ tr.t(k::CONTROLS_CURRENT) }</th><td>{ r.current_text() }{ cites(r.current_sources()) }</td></tr>
                    <tr><th scope="row">{ tr.t(k::CONTROLS_MUST) }</th><td>{ if musts.is_empty() { tr.t(k::PRINT_NONE).to_string() } else { musts.join("; ") } }</td></tr>
                </tbody></table>
                <table class="elc-r-points">
                    <thead><tr>
                        <th scope="col">{ "#" }</th><th scope="col">{ tr.t(k::RESULT_CRITERION) }</th><th scope="col">{ tr.t(k::PRINT_WEIGHT) }</th>
                        { for ranked.iter().map(|x| html! { <th scope="col">{ option_name(d, x.option) }</th> }) }
                    </tr></thead>
                    <tbody>{ for d.criteria.iter().enumerate().map(|(i, c)| html! {
                        <tr>
                            <td>{ i + 1 }</td><th scope="row">{ &c.name }</th><td>{ fmt_weight(tr, r.weight(i)) }</td>
                            { for ranked.iter().map(|x| html! {
                                <td>{ x.points_tenths().get(i).map_or(String::new(), |t| tenths_text(*t)) }</td>
                            }) }
                        </tr>
                    }) }</tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="3">{ tr.t(k::PRINT_SCORE) }</th>
                        { for ranked.iter().map(|x| html! { <td>{ score_text(tr, x) }</td> }) }
                    </tr></tfoot>
                </table>
                <p class="elc-r-note">{ tr.t(k::PRINT_COLUMNS_NOTE) }</p>
            </section>

            if !ranked.is_empty() {
                <section class="elc-r-sec">
                    <h3>{ tr.t(k::RESULT_RANKING) }</h3>
                    <ol class="elc-r-rank">{ for ranked.iter().map(|x| html! {
                        <li>
                            <span class="elc-r-rank-name">{ option_name(d, x.option) }</span>
                            <span class="elc-r-rank-score">{ tr.f(k::PRINT_OF_100, &[("score", &score_text(tr, x))]) }</span>
                            { bar(tr, x) }
                        </li>
                    }) }</ol>
                    <p class="elc-r-note">{ tr.t(k::PRINT_LEGEND) }</p>
                </section>
            }

            if !r.top().is_empty() {
                <section class="elc-r-sec">
                    <h3>{ tr.t(k::PRINT_WHY_TOP) }</h3>
                    <table class="elc-r-break">
                        <thead><tr>
                            <th scope="col">{ tr.t(k::RESULT_CRITERION) }</th>
                            { for r.top().iter().enumerate().map(|(rank, x)| html! {
                                <th scope="col">{ tr.f(k::PRINT_BREAKDOWN_COL, &[("rank", &(rank + 1).to_string()), ("name", option_name(d, x.option)), ("score", &score_text(tr, x))]) }</th>
                            }) }
                        </tr></thead>
                        <tbody>{ for d.criteria.iter().enumerate().map(|(i, c)| html! {
                            <tr>
                                <th scope="row">{ format!("{}. {}", i + 1, c.name) }</th>
                                { for r.top().iter().map(|x| match r.rows(x).into_iter().find(|row| row.criterion == i) {
                                    Some(row) => html! {
                                        <td><strong>{ &row.c.detail }</strong>{ status(status_text(tr, row.confidence)) }
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
                <h3>{ tr.t(k::COMPARE_HEADING) }</h3>
                <table class="elc-r-compare">
                    <thead><tr>
                        <th scope="col">{ tr.t(k::COMPARE_DIMENSION) }</th>
                        { for r.compared().iter().map(|o| html! { <th scope="col">{ &o.name }</th> }) }
                    </tr></thead>
                    <tbody>{ for d.dimensions.iter().map(|dim| html! {
                        <tr>
                            <th scope="row">{ &dim.name }</th>
                            { for r.compared().iter().map(|o| match Report::fact(o, &dim.id) {
                                Some(f) => html! { <td>{ &f.text }{ status(status_text(tr, f.status)) }{ cites(&f.sources) }</td> },
                                None => html! { <td>{ "—" }</td> },
                            }) }
                        </tr>
                    }) }</tbody>
                </table>
            </section>

            <section class="elc-r-sec">
                <h3>{ tr.t(k::TIMELINE_HEADING) }</h3>
                <table class="elc-r-life">
                    <thead><tr>
                        <th scope="col">{ tr.t(k::TIMELINE_VERSION) }</th><th scope="col">{ tr.t(k::TIMELINE_RELEASED) }</th><th scope="col">{ tr.t(k::TIMELINE_ACTIVE_ENDS) }</th>
                        <th scope="col">{ tr.t(k::TIMELINE_SECURITY_ENDS) }</th><th scope="col">{ tr.t(k::TIMELINE_PAID_EXTENDED) }</th>
                    </tr></thead>
                    <tbody>{ for r.lifecycle_versions().into_iter().map(|v| html! {
                        <tr>
                            <th scope="row">{ &v.name }{ status(status_text(tr, v.status)) }{ cites(&v.sources) }</th>
                            <td>{ tr.date(v.release) }</td>
                            <td>{ v.active_end.map_or("—".to_string(), |d| tr.date(d)) }</td>
                            <td>{ v.security_end.map_or_else(|| tr.t(k::TIMELINE_NOT_PUBLISHED).to_string(), |d| tr.date(d)) }</td>
                            <td>
                                if v.extended.is_empty() { { "—" } }
                                { for v.extended.iter().map(|x| html! {
                                    <span class="elc-r-line">{ format!("{} {}: {}{}", x.vendor, x.name, x.until.map_or_else(|| tr.t(k::TIMELINE_NO_FIXED_END).to_string(), |d| tr.date(d)), if x.paid { tr.t(k::TIMELINE_PAID) } else { "" }) }{ cites(&x.sources) }</span>
                                }) }
                                { for v.conflicts.iter().map(|c| html! {
                                    <span class="elc-r-line">{ tr.f(k::PRINT_ALSO_PUBLISHED, &[("field", &field_name(tr, v, &c.field)), ("value", &tr.date_str(&c.value))]) }{ cites(&c.sources) }</span>
                                }) }
                            </td>
                        </tr>
                    }) }</tbody>
                </table>
                <p class="elc-r-note">{ tr.f(k::PRINT_DATES_AS_OF, &[("as_of", &tr.date(d.as_of)), ("today", &tr.date(p.today))]) }
                    { r.lifecycle_versions().iter().filter_map(|v| extended_end(v)).max().map(|e| tr.f(k::PRINT_LATEST_EXT, &[("date", &tr.date(e))])).unwrap_or_default() }</p>
            </section>

            <section class="elc-r-sec">
                <h3>{ tr.t(k::MIGRATION_HEADING) }</h3>
                <p>{ r.plan_text() }</p>
                if !steps.is_empty() {
                    <ol class="elc-r-steps">{ for steps.iter().map(|st| html! {
                        <li>{ &st.text }{ cites(st.sources) }
                            if !st.how.is_empty() || !st.risks.is_empty() {
                                <ul>
                                    { for st.how.iter().map(|n| html! { <li>{ &n.text }{ cites(&n.sources) }</li> }) }
                                    { for st.risks.iter().map(|n| html! { <li>{ tr.t(k::PRINT_RISK) }{ &n.text }{ cites(&n.sources) }</li> }) }
                                </ul>
                            }
                        </li>
                    }) }</ol>
                }
                if let Some(v) = r.landing() {
                    <p>{ tr.f(k::PRINT_LANDING, &[("version", &v.name), ("support", &r.support_text(v))]) }{ cites(&v.sources) }</p>
                }
            </section>

            <section class="elc-r-sec elc-r-sources">
                <h3>{ tr.t(k::PRINT_SOURCES) }</h3>
                if let Some(common) = r.common_retrieved() {
                    <p class="elc-r-note">{ tr.f(k::PRINT_RETRIEVED_COMMON, &[("date", &tr.date(common))]) }</p>
                }
                <ul>{ for r.cited().into_iter().filter_map(|n| d.sources.get(n - 1).map(|s| (n, s))).map(|(n, s)| html! {
                    <li><span class="elc-r-num">{ format!("[{n}]") }</span>{ " " }{ &s.title }{ ", " }
                        <a class="elc-r-url" href={s.url.clone()}>{ s.url.strip_prefix("https://").unwrap_or(&s.url) }</a>
                        if Some(s.retrieved) != r.common_retrieved() { { tr.f(k::PRINT_RETRIEVED, &[("date", &tr.date(s.retrieved))]) } }</li>
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
fn bar(tr: Tr, x: &crate::engine::Ranked) -> Html {
    let mut at = 0.0;
    let mut k = 0;
    html! {
        <svg class="elc-r-bar" viewBox={format!("0 0 {BAR_W} {BAR_H}")} role="img"
            aria-label={tr.f(k::PRINT_OF_100, &[("score", &score_text(tr, x))])}>
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
