//! Lifecycle timeline: one SVG bar strip per version on a shared year axis, a
//! "today" line, and the same facts as a table for screen readers and print.

use super::compare::source_links;
use super::lazy::LazyDetails;
use super::state::Data;
use super::SubHeading;
use crate::data::{Date, Version};
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

/// A date, or `missing` when there is none.
fn or(d: Option<Date>, missing: &str) -> String {
    d.map_or_else(|| missing.to_string(), |d| d.to_string())
}

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
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
            <SubHeading id="elc-tl-h">{ "Lifecycle" }</SubHeading>
            <ul class="elc-legend" aria-hidden="true">
                <li><span class="elc-key elc-tl-active"></span>{ "Active support" }</li>
                <li><span class="elc-key elc-tl-security"></span>{ "Security updates only" }</li>
                <li><span class="elc-key elc-tl-ext"></span>{ "Paid / extended" }</li>
                <li><span class="elc-key elc-tl-open"></span>{ "Released, end not published" }</li>
                <li><span class="elc-key elc-tl-today"></span>{ format!("Today ({})", p.today) }</li>
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
                                if v.security_end.is_none() { <span class="elc-tl-unknown">{ " (end not published)" }</span> }
                            </span>
                            <svg class="elc-tl-bars" viewBox={format!("0 0 {W} 20")} preserveAspectRatio="none">
                                { for ticks.iter().map(|t| html! {
                                    <line class="elc-tl-grid" x1={fixed1(x(f64::from(*t)))} x2={fixed1(x(f64::from(*t)))} y1="0" y2="20" />
                                }) }
                                { bar(rel, act, "elc-tl-active", v.active_end.map(|e| format!("{}: active support {} to {e}", v.name, v.release))) }
                                { bar(act.or(rel), sec, "elc-tl-security", v.security_end.map(|e| format!("{}: security updates to {e}", v.name))) }
                                { bar(sec, ext, "elc-tl-ext", extended_end(v).map(|e| format!("{}: paid/extended to {e}", v.name))) }
                                if sec.is_none() {
                                    { bar(act.or(rel), Some(hi), "elc-tl-open", Some(format!("{}: released {}, end of security updates not published", v.name, v.release))) }
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
            <LazyDetails class="elc-tl-table" summary="Lifecycle dates as a table" content={{
                let d = d.clone();
                Callback::from(move |()| {
                    let versions: Vec<&Version> = d.options.iter().flat_map(|o| &o.versions).collect();
                    html! {
                <table class="elc-table">
                    <thead><tr>
                        <th scope="col">{ "Version" }</th><th scope="col">{ "Released" }</th><th scope="col">{ "Active support ends" }</th>
                        <th scope="col">{ "Security updates end" }</th><th scope="col">{ "Paid / extended" }</th><th scope="col">{ "Architectures" }</th>
                    </tr></thead>
                    <tbody>{ for versions.iter().map(|v| html! {
                        <tr key={v.id.clone()}>
                            <th scope="row">{ &v.name }{ source_links(&d, &v.sources) }</th>
                            <td data-label="Released">{ v.release.to_string() }</td>
                            <td data-label="Active support ends">{ or(v.active_end, if v.security_end.is_none() { "not published" } else { "—" }) }</td>
                            <td data-label="Security updates end">{ or(v.security_end, "not published") }</td>
                            <td data-label="Paid / extended">{ for v.extended.iter().map(|e| html! {
                                <span class="elc-ext">{ format!("{} {}: {}{}", e.vendor, e.name, or(e.until, "no fixed end"), if e.paid { " (paid)" } else { "" }) }</span>
                            }) }</td>
                            <td data-label="Architectures">{ v.arches.join(", ") }
                                { for v.conflicts.iter().map(|c| html! {
                                    <span class="elc-conflict">{ format!("Also published: {} = {}", c.field, c.value) }{ source_links(&d, &c.sources) }</span>
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
