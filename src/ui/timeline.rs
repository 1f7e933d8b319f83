//! Lifecycle timeline: one SVG bar strip per version on a shared year axis, a
//! "today" line, and the same facts as a table for screen readers and print.

use super::compare::source_links;
use super::lazy::LazyDetails;
use super::state::Data;
use super::{use_tr, SubHeading};
use crate::data::{Date, Version};
use crate::i18n::{k, Tr};
use crate::num::fixed1;
use crate::report::extended_end;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub data: Data,
    pub today: Date,
}

const W: f64 = 1000.0;

fn year(d: Date) -> f64 {
    d.as_year_fraction()
}

/// A date in the widget's language, or `missing` when there is none.
fn or(tr: Tr, d: Option<Date>, missing: &str) -> String {
    d.map_or_else(|| missing.to_string(), |d| tr.date(d))
}

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let tr = use_tr();
    let d = &p.data;
    let versions: Vec<&Version> = d.options.iter().flat_map(|o| &o.versions).collect();
    let starts = versions.iter().map(|v| year(v.release));
    let ends = versions
        .iter()
        .flat_map(|v| [v.security_end, extended_end(v)])
        .flatten()
        .map(year);
    let today = p.today.as_year_fraction();
    let lo = (starts.fold(today, f64::min) / 5.0).floor() * 5.0;
    let hi = (ends.fold(today + 1.0, f64::max) / 5.0).ceil() * 5.0;
    let span = (hi - lo).max(1.0);
    let x = |y: f64| ((y - lo) / span * W).clamp(0.0, W);
    let ticks: Vec<i32> = (0..=((span / 5.0).round() as i32))
        .map(|i| lo as i32 + 5 * i)
        .collect();
    // `label` names the bar's end date, so it is there exactly when the end is.
    let bar = |from: Option<f64>, to: Option<f64>, class: &'static str, label: Option<String>| {
        match (from, to, label) {
            // Shape as well as colour tells the phases apart: security-only bars are thinner.
            (Some(a), Some(b), Some(label)) if b > a => {
                let (y, h) = if class == "elc-tl-security" || class == "elc-tl-open" {
                    ("6", "8")
                } else {
                    ("3", "14")
                };
                html! {
                    <rect class={class} x={fixed1(x(a))} y={y} width={fixed1(x(b) - x(a))} height={h}><title>{ label }</title></rect>
                }
            }
            _ => html! {},
        }
    };
    html! {
        <section class="elc-panel elc-timeline" aria-labelledby="elc-tl-h">
            <SubHeading id="elc-tl-h">{ tr.t(k::TIMELINE_HEADING) }</SubHeading>
            <ul class="elc-legend" aria-hidden="true">
                <li><span class="elc-key elc-tl-active"></span>{ tr.t(k::TIMELINE_ACTIVE) }</li>
                <li><span class="elc-key elc-tl-security"></span>{ tr.t(k::TIMELINE_SECURITY_ONLY) }</li>
                <li><span class="elc-key elc-tl-ext"></span>{ tr.t(k::TIMELINE_PAID_EXTENDED) }</li>
                <li><span class="elc-key elc-tl-open"></span>{ tr.t(k::TIMELINE_OPEN) }</li>
                <li><span class="elc-key elc-tl-today"></span>{ tr.f(k::TIMELINE_TODAY, &[("date", &tr.date(p.today))]) }</li>
            </ul>
            <div class="elc-tl" aria-hidden="true">
                { for versions.iter().map(|v| {
                    let rel = Some(year(v.release));
                    let act = v.active_end.map(year);
                    let sec = v.security_end.map(year);
                    let ext = extended_end(v).map(year);
                    html! {
                        <div class="elc-tl-row" key={v.id.clone()}>
                            <span class="elc-tl-label">{ &v.name }
                                if v.security_end.is_none() { <span class="elc-tl-unknown">{ tr.t(k::TIMELINE_END_NOT_PUBLISHED) }</span> }
                            </span>
                            <svg class="elc-tl-bars" viewBox={format!("0 0 {W} 20")} preserveAspectRatio="none">
                                { for ticks.iter().map(|t| html! {
                                    <line class="elc-tl-grid" x1={fixed1(x(f64::from(*t)))} x2={fixed1(x(f64::from(*t)))} y1="0" y2="20" />
                                }) }
                                { bar(rel, act, "elc-tl-active", v.active_end.map(|e| tr.f(k::TIMELINE_BAR_ACTIVE, &[("name", &v.name), ("from", &tr.date(v.release)), ("to", &tr.date(e))]))) }
                                { bar(act.or(rel), sec, "elc-tl-security", v.security_end.map(|e| tr.f(k::TIMELINE_BAR_SECURITY, &[("name", &v.name), ("to", &tr.date(e))]))) }
                                { bar(sec, ext, "elc-tl-ext", extended_end(v).map(|e| tr.f(k::TIMELINE_BAR_EXTENDED, &[("name", &v.name), ("to", &tr.date(e))]))) }
                                if sec.is_none() {
                                    { bar(act.or(rel), Some(hi), "elc-tl-open", Some(tr.f(k::TIMELINE_BAR_OPEN, &[("name", &v.name), ("from", &tr.date(v.release))]))) }
                                }
                                <line class="elc-tl-now" x1={fixed1(x(today))} x2={fixed1(x(today))} y1="0" y2="20" />
                            </svg>
                        </div>
                    }
                }) }
                <div class="elc-tl-row elc-tl-axis">
                    <span class="elc-tl-label"></span>
                    <span class="elc-tl-years">{ for ticks.iter().map(|t| html! { <span>{ t }</span> }) }</span>
                </div>
            </div>
            <LazyDetails class="elc-tl-table" summary={tr.t(k::TIMELINE_TABLE)} content={{
                let d = d.clone();
                Callback::from(move |()| {
                    let versions: Vec<&Version> = d.options.iter().flat_map(|o| &o.versions).collect();
                    html! {
                <table class="elc-table">
                    <thead><tr>
                        <th scope="col">{ tr.t(k::TIMELINE_VERSION) }</th><th scope="col">{ tr.t(k::TIMELINE_RELEASED) }</th><th scope="col">{ tr.t(k::TIMELINE_ACTIVE_ENDS) }</th>
                        <th scope="col">{ tr.t(k::TIMELINE_SECURITY_ENDS) }</th><th scope="col">{ tr.t(k::TIMELINE_PAID_EXTENDED) }</th><th scope="col">{ tr.t(k::TIMELINE_ARCHES) }</th>
                    </tr></thead>
                    <tbody>{ for versions.iter().map(|v| html! {
                        <tr key={v.id.clone()}>
                            <th scope="row">{ &v.name }{ source_links(tr, &d, &v.sources) }</th>
                            <td data-label={tr.t(k::TIMELINE_RELEASED)}>{ tr.date(v.release) }</td>
                            <td data-label={tr.t(k::TIMELINE_ACTIVE_ENDS)}>{ or(tr, v.active_end, if v.security_end.is_none() { tr.t(k::TIMELINE_NOT_PUBLISHED) } else { "—" }) }</td>
                            <td data-label={tr.t(k::TIMELINE_SECURITY_ENDS)}>{ or(tr, v.security_end, tr.t(k::TIMELINE_NOT_PUBLISHED)) }</td>
                            <td data-label={tr.t(k::TIMELINE_PAID_EXTENDED)}>{ for v.extended.iter().map(|e| html! {
                                <span class="elc-ext">{ format!("{} {}: {}{}", e.vendor, e.name, or(tr, e.until, tr.t(k::TIMELINE_NO_FIXED_END)), if e.paid { tr.t(k::TIMELINE_PAID) } else { "" }) }</span>
                            }) }</td>
                            <td data-label={tr.t(k::TIMELINE_ARCHES)}>{ v.arches.join(", ") }
                                { for v.conflicts.iter().map(|c| html! {
                                    <span class="elc-conflict">{ tr.f(k::TIMELINE_ALSO_PUBLISHED, &[("field", &crate::report::field_name(tr, v, &c.field)), ("value", &tr.date_str(&c.value))]) }{ source_links(tr, &d, &c.sources) }</span>
                                }) }
                                if let Some(n) = &v.note { <span class="elc-note">{ n }</span> }
                            </td>
                        </tr>
                    }) }</tbody>
                </table>
                    }
                })
            }} />
        </section>
    }
}
