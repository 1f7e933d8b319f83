//! Migration plan: for the visitor's current system (or each group of a fleet), the route the
//! engine chose to every target option, with its numbered steps, the tools' cited steps and
//! known risks, the alternative, and "stay and buy extended support" where that exists.
//! Everything comes from [`Evaluation::plans`], the same routes the score uses.

use super::compare::source_links;
use super::controls::CurrentSelect;
use super::state::Data;
use super::{use_tr, SubHeading};
use crate::data::{Date, Migration, Note, OptionEntry, Upgrade};
use crate::engine::route::{self, stage_name, Plan, Step};
use crate::engine::{Evaluation, OptionPlans};
use crate::i18n::{k, Tr};
use crate::setup::{MAX_FLEET_GROUPS, MAX_FLEET_SERVERS};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct FleetProps {
    data: Data,
    /// The groups as shown: the fleet, or the single current system as one group.
    groups: Vec<(String, u32)>,
    on_fleet: Callback<Vec<(String, u32)>>,
}

/// "Several kinds of servers?": one row per group (system, servers, remove) and "Add a group".
/// A count that is not a whole number from 1 to the limit is not applied and says why.
#[function_component(FleetEditor)]
fn fleet_editor(p: &FleetProps) -> Html {
    let tr = use_tr();
    let error = use_state(|| None::<String>);
    let versions: Vec<(&str, &str)> = p
        .data
        .options
        .iter()
        .flat_map(|o| &o.versions)
        .map(|v| (v.id.as_str(), v.name.as_str()))
        .collect();
    let emit = {
        let (cb, error) = (p.on_fleet.clone(), error.clone());
        move |g: Vec<(String, u32)>| {
            error.set(None);
            cb.emit(g);
        }
    };
    let add = {
        let (groups, emit) = (p.groups.clone(), emit.clone());
        let next = versions
            .iter()
            .map(|(id, _)| id.to_string())
            .find(|id| !groups.iter().any(|(g, _)| g == id));
        move |_| {
            if let Some(id) = next.clone() {
                let mut g = groups.clone();
                g.push((id, 1));
                emit(g);
            }
        }
    };
    html! {
        <div class="elc-fleet">
            <p class="elc-fleet-head">{ tr.t(k::MIGRATION_FLEET_HEAD) }</p>
            if !p.groups.is_empty() {
                <ul class="elc-fleet-rows">
                    { for p.groups.iter().enumerate().map(|(k, (id, n))| {
                        let sel = {
                            let (groups, emit) = (p.groups.clone(), emit.clone());
                            move |e: Event| {
                                let s: HtmlSelectElement = e.target_unchecked_into();
                                let mut g = groups.clone();
                                if let Some(slot) = g.get_mut(k) { slot.0 = s.value(); }
                                emit(g);
                            }
                        };
                        let count = {
                            let (groups, emit, error) = (p.groups.clone(), emit.clone(), error.clone());
                            move |e: Event| {
                                let i: HtmlInputElement = e.target_unchecked_into();
                                let v = i.value();
                                match v.trim().parse::<u32>() {
                                    Ok(n) if (1..=MAX_FLEET_SERVERS).contains(&n) => {
                                        let mut g = groups.clone();
                                        if let Some(slot) = g.get_mut(k) { slot.1 = n; }
                                        emit(g);
                                    }
                                    _ => error.set(Some(tr.f(k::MIGRATION_BAD_COUNT, &[("value", v.trim()), ("max", &MAX_FLEET_SERVERS.to_string())]))),
                                }
                            }
                        };
                        let remove = {
                            let (groups, emit) = (p.groups.clone(), emit.clone());
                            move |_| {
                                let mut g = groups.clone();
                                if k < g.len() { g.remove(k); }
                                emit(g);
                            }
                        };
                        let sid = format!("elc-fleet-v{k}");
                        let nid = format!("elc-fleet-n{k}");
                        html! {
                            <li key={id.clone()}>
                                <label class="elc-sr" for={sid.clone()}>{ tr.f(k::MIGRATION_GROUP_SYSTEM, &[("n", &(k + 1).to_string())]) }</label>
                                <select id={sid} onchange={sel}>
                                    { for versions.iter().map(|(v, name)| html! {
                                        <option value={v.to_string()} selected={v == id}
                                            disabled={*v != id.as_str() && p.groups.iter().any(|(g, _)| g == v)}>{ *name }</option>
                                    }) }
                                </select>
                                <label class="elc-sr" for={nid.clone()}>{ tr.f(k::MIGRATION_GROUP_SERVERS, &[("n", &(k + 1).to_string())]) }</label>
                                <input id={nid} type="number" min="1" max={MAX_FLEET_SERVERS.to_string()} step="1" inputmode="numeric"
                                    value={n.to_string()} onchange={count} />
                                <span aria-hidden="true">{ tr.t(k::MIGRATION_SERVERS) }</span>
                                <button type="button" onclick={remove}>{ tr.f(k::MIGRATION_REMOVE, &[("n", &(k + 1).to_string())]) }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if let Some(e) = &*error { <p class="elc-fleet-error" role="alert">{ e }</p> }
            <button type="button" onclick={add} disabled={p.groups.len() >= MAX_FLEET_GROUPS}>{ tr.t(k::MIGRATION_ADD) }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlannerProps {
    pub data: Data,
    pub eval: Rc<Evaluation>,
    pub today: Date,
    pub current: Option<String>,
    /// The fleet's groups (version id, servers); empty for a single current system.
    #[prop_or_default]
    pub fleet: Vec<(String, u32)>,
    pub on_current: Callback<Option<String>>,
    pub on_fleet: Callback<Vec<(String, u32)>>,
    /// Show a current-system picker here (false when the "I run now" one is on the page:
    /// one control per value).
    #[prop_or(true)]
    pub picker: bool,
}

fn notes(tr: Tr, d: &Data, list: &[Note]) -> Html {
    html! {
        { for list.iter().map(|n| html! { <li>{ &n.text }{ " " }{ source_links(tr, d, &n.sources) }</li> }) }
    }
}

/// One in-place step of a route: what it does, then the tool's own steps and the risks
/// (`repeat`: the same tool ran in an earlier step, whose steps and risks are not repeated).
fn path_step(tr: Tr, d: &Data, m: &Migration, repeat: bool) -> Html {
    let tool = m
        .tool
        .as_ref()
        .and_then(|t| d.tools.iter().find(|x| &x.id == t));
    let kind = tr.t(match m.upgrade {
        Upgrade::SameMajor => k::MIGRATION_IN_PLACE_SAME,
        Upgrade::Major => k::MIGRATION_IN_PLACE_MAJOR,
    });
    let risks: Vec<&Note> = tool
        .filter(|_| !repeat)
        .map(|t| t.risks.iter())
        .into_iter()
        .flatten()
        .chain(m.risks.iter())
        .collect();
    html! {
        <li>
            <p class="elc-step-head">
                <strong>{ format!("{} → {}", stage_name(d, &m.from), stage_name(d, &m.to)) }</strong>
                if let Some(t) = tool {
                    { tr.t(k::MIGRATION_WITH) }<a href={t.url.clone()} target="_blank" rel="noopener noreferrer">{ &t.name }</a>{ format!(" ({})", t.owner) }
                }
                { format!(": {kind}, {}.", route::backing_label(tr, m.backing)) }
                if let Some(n) = &m.note { { " " }{ n } }
                { " " }{ source_links(tr, d, &m.sources) }
            </p>
            if repeat {
                <p>{ tr.t(k::MIGRATION_SAME_TOOL) }</p>
            } else if let Some(t) = tool.filter(|t| !t.steps.is_empty()) {
                <ol class="elc-substeps">{ notes(tr, d, &t.steps) }</ol>
            }
            if !risks.is_empty() {
                <p class="elc-risk-head">{ tr.t(k::MIGRATION_RISKS) }</p>
                <ul class="elc-risks">
                    { for risks.iter().map(|n| html! { <li>{ &n.text }{ " " }{ source_links(tr, d, &n.sources) }</li> }) }
                </ul>
            }
        </li>
    }
}

fn route_steps(tr: Tr, d: &Data, o: &OptionEntry, p: &Plan) -> Html {
    let r = &p.best;
    if r.steps.is_empty() {
        return html! {};
    }
    html! {
        <ol class="elc-steps">
            { for r.steps.iter().enumerate().map(|(k, s)| match s {
                Step::Path(mi) => d.migrations.get(*mi).map_or(html! {}, |m| {
                    let tool_of = |s: &Step| match s {
                        Step::Path(i) => d.migrations.get(*i).and_then(|x| x.tool.as_deref()),
                        Step::Reinstall => None,
                    };
                    let repeat = m.tool.is_some()
                        && r.steps.iter().take(k).any(|s| tool_of(s) == m.tool.as_deref());
                    path_step(tr, d, m, repeat)
                }),
                Step::Reinstall => html! {
                    <li><p class="elc-step-head">
                        <strong>{ tr.f(k::MIGRATION_REINSTALL_ON, &[("version", o.versions.get(r.version).map_or("?", |v| v.name.as_str()))]) }</strong>
                        { tr.t(k::MIGRATION_REINSTALL_HOW) }
                    </p></li>
                },
            }) }
        </ol>
    }
}

/// "Stay and buy extended support": the paid offers for the version run now, if any.
fn stay(tr: Tr, d: &Data, current: &str, today: Date) -> Html {
    let Some((_, v)) = d.version(current) else {
        return html! {};
    };
    let offers: Vec<_> = v.extended.iter().filter(|e| e.paid).collect();
    if offers.is_empty() {
        return html! {};
    }
    let ended = match v.security_end {
        Some(e) if e < today => tr.f(k::MIGRATION_OWN_ENDED, &[("date", &tr.date(e))]),
        Some(e) => tr.f(k::MIGRATION_OWN_UNTIL, &[("date", &tr.date(e))]),
        None => String::new(),
    };
    html! {
        <div class="elc-stay">
            <p><strong>{ tr.f(k::MIGRATION_STAY, &[("version", &v.name)]) }</strong>
               { tr.f(k::MIGRATION_STAY_WHY, &[("ended", &ended)]) }</p>
            <ul>
                { for offers.iter().map(|e| html! {
                    <li>
                        { tr.f(k::MIGRATION_PAID_FROM, &[("offer", &e.name), ("vendor", &e.vendor)]) }
                        { e.until.map_or_else(|| tr.t(k::MIGRATION_NO_END).to_string(), |u| tr.f(k::MIGRATION_UNTIL, &[("date", &tr.date(u))])) }
                        { " " }{ source_links(tr, d, &e.sources) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn option_plans(tr: Tr, d: &Data, op: &OptionPlans, group: usize, open: bool) -> Html {
    let Some(o) = d.options.get(op.option) else {
        return html! {};
    };
    let Some(plan) = op.groups.get(group).and_then(Option::as_ref) else {
        // Nothing to unfold: a plain line, not a disclosure that opens onto nothing.
        return html! {
            <li key={o.id.clone()}>
                <p class="elc-route-none"><strong>{ &o.name }</strong>{ ": " }{ tr.t(k::MIGRATION_NONE) }</p>
            </li>
        };
    };
    let mut sentence = String::new();
    route::describe(tr, d, op.option, plan, true, &mut sentence);
    html! {
        <li key={o.id.clone()}>
            <details class="elc-route" {open}>
                <summary><strong>{ &o.name }</strong>{ ": " }{ sentence }</summary>
                { route_steps(tr, d, o, plan) }
            </details>
        </li>
    }
}

#[function_component(Planner)]
pub fn planner(p: &PlannerProps) -> Html {
    let tr = p.eval.tr;
    let d = &p.data;
    let groups: Vec<(String, Option<u32>)> = if p.fleet.is_empty() {
        p.current.iter().map(|c| (c.clone(), None)).collect()
    } else {
        p.fleet.iter().map(|(v, n)| (v.clone(), Some(*n))).collect()
    };
    let winner = p.eval.ranking.first().map(|r| r.option);
    let body = if groups.is_empty() {
        let where_ = if p.picker {
            ""
        } else {
            tr.t(k::MIGRATION_UNDER_RUN_NOW)
        };
        html! { <p>{ tr.f(k::MIGRATION_PICK, &[("where", where_)]) }</p> }
    } else {
        html! {
            <>
            <p class="elc-route-rule">{ tr.t(k::MIGRATION_RULE) }</p>
            { for groups.iter().enumerate().map(|(g, (cur, n))| html! {
                <div class="elc-group" key={cur.clone()}>
                    if let Some(n) = n {
                        <h4>{ format!("{n} × {}", stage_name(d, cur)) }</h4>
                    }
                    <ul class="elc-paths">
                        { for p.eval.plans.iter().map(|op| option_plans(tr, d, op, g, Some(op.option) == winner)) }
                    </ul>
                    { stay(tr, d, cur, p.today) }
                </div>
            }) }
            </>
        }
    };
    html! {
        <section class="elc-panel elc-migration" aria-labelledby="elc-mig-h">
            <SubHeading id="elc-mig-h">{ tr.t(k::MIGRATION_HEADING) }</SubHeading>
            if p.picker {
                <CurrentSelect data={d.clone()} current={p.current.clone()} on_current={p.on_current.clone()} id="elc-cur2" mixed={!p.fleet.is_empty()} />
            } else if let Some(cur) = &p.current {
                <p class="elc-from">{ tr.f(k::MIGRATION_FROM, &[("current", stage_name(d, cur))]) }</p>
            }
            <FleetEditor data={d.clone()} on_fleet={p.on_fleet.clone()}
                groups={if p.fleet.is_empty() { p.current.iter().map(|c| (c.clone(), 1)).collect() } else { p.fleet.clone() }} />
            { body }
        </section>
    }
}
