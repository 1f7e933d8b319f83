//! Migration plan: for the visitor's current system (or each group of a fleet), the route the
//! engine chose to every target option, with its numbered steps, the tools' cited steps and
//! known risks, the alternative, and "stay and buy extended support" where that exists.
//! Everything comes from [`Evaluation::plans`], the same routes the score uses.

use super::compare::source_links;
use super::controls::CurrentSelect;
use super::state::Data;
use super::SubHeading;
use crate::data::{Date, Migration, Note, OptionEntry, Upgrade};
use crate::engine::route::{self, stage_name, Plan, Step};
use crate::engine::{Evaluation, OptionPlans};
use crate::i18n::Tr;
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
            <p class="elc-fleet-head">{ "Several kinds of servers? Give each group its server count: migration ease and years left become the average weighted by servers, with one plan per group." }</p>
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
                                    _ => error.set(Some(format!("“{}” is not a server count: enter a whole number from 1 to {MAX_FLEET_SERVERS}.", v.trim()))),
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
                                <label class="elc-sr" for={sid.clone()}>{ format!("Group {}: system", k + 1) }</label>
                                <select id={sid} onchange={sel}>
                                    { for versions.iter().map(|(v, name)| html! {
                                        <option value={v.to_string()} selected={v == id}
                                            disabled={*v != id.as_str() && p.groups.iter().any(|(g, _)| g == v)}>{ *name }</option>
                                    }) }
                                </select>
                                <label class="elc-sr" for={nid.clone()}>{ format!("Group {}: servers", k + 1) }</label>
                                <input id={nid} type="number" min="1" max={MAX_FLEET_SERVERS.to_string()} step="1" inputmode="numeric"
                                    value={n.to_string()} onchange={count} />
                                <span aria-hidden="true">{ " servers " }</span>
                                <button type="button" onclick={remove}>{ format!("Remove group {}", k + 1) }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if let Some(e) = &*error { <p class="elc-fleet-error" role="alert">{ e }</p> }
            <button type="button" onclick={add} disabled={p.groups.len() >= MAX_FLEET_GROUPS}>{ "Add a group" }</button>
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

fn notes(d: &Data, list: &[Note]) -> Html {
    html! {
        { for list.iter().map(|n| html! { <li>{ &n.text }{ " " }{ source_links(d, &n.sources) }</li> }) }
    }
}

/// One in-place step of a route: what it does, then the tool's own steps and the risks
/// (`repeat`: the same tool ran in an earlier step, whose steps and risks are not repeated).
fn path_step(d: &Data, m: &Migration, repeat: bool) -> Html {
    let tool = m
        .tool
        .as_ref()
        .and_then(|t| d.tools.iter().find(|x| &x.id == t));
    let kind = match m.upgrade {
        Upgrade::SameMajor => "in place, same major version",
        Upgrade::Major => "in place, major-version upgrade",
    };
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
                    { " with " }<a href={t.url.clone()} target="_blank" rel="noopener noreferrer">{ &t.name }</a>{ format!(" ({})", t.owner) }
                }
                { format!(": {kind}, {}.", m.backing.label()) }
                if let Some(n) = &m.note { { " " }{ n } }
                { " " }{ source_links(d, &m.sources) }
            </p>
            if repeat {
                <p>{ "The same tool's steps and risks as above." }</p>
            } else if let Some(t) = tool.filter(|t| !t.steps.is_empty()) {
                <ol class="elc-substeps">{ notes(d, &t.steps) }</ol>
            }
            if !risks.is_empty() {
                <p class="elc-risk-head">{ "Known risks and limits:" }</p>
                <ul class="elc-risks">
                    { for risks.iter().map(|n| html! { <li>{ &n.text }{ " " }{ source_links(d, &n.sources) }</li> }) }
                </ul>
            }
        </li>
    }
}

fn route_steps(d: &Data, o: &OptionEntry, p: &Plan) -> Html {
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
                    path_step(d, m, repeat)
                }),
                Step::Reinstall => html! {
                    <li><p class="elc-step-head">
                        <strong>{ format!("Reinstall on {}", o.versions.get(r.version).map_or("?", |v| v.name.as_str())) }</strong>
                        { ": install it on new or wiped servers, then move applications, data and configuration across. No documented tool converts this system in place." }
                    </p></li>
                },
            }) }
        </ol>
    }
}

/// "Stay and buy extended support": the paid offers for the version run now, if any.
fn stay(d: &Data, current: &str, today: Date) -> Html {
    let Some(v) = d
        .options
        .iter()
        .flat_map(|o| &o.versions)
        .find(|v| v.id == current)
    else {
        return html! {};
    };
    let offers: Vec<_> = v.extended.iter().filter(|e| e.paid).collect();
    if offers.is_empty() {
        return html! {};
    }
    let ended = match v.security_end {
        Some(e) if e < today => format!(" Its own security updates ended {e}."),
        Some(e) => format!(" Its own security updates run to {e}."),
        None => String::new(),
    };
    html! {
        <div class="elc-stay">
            <p><strong>{ format!("Or stay on {} and buy extended support", v.name) }</strong>
               { format!(" (for servers that must wait).{ended}") }</p>
            <ul>
                { for offers.iter().map(|e| html! {
                    <li>
                        { format!("{} from {}: paid, ", e.name, e.vendor) }
                        { e.until.map_or("end date not published".to_string(), |u| format!("until {u}")) }
                        { " " }{ source_links(d, &e.sources) }
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
    let plan = op.groups.get(group).and_then(Option::as_ref);
    let sentence = match plan {
        Some(p) => {
            let mut s = String::new();
            route::describe(tr, d, op.option, p, true, &mut s);
            s
        }
        None => "no version of it meets your must-haves from here.".to_string(),
    };
    html! {
        <li key={o.id.clone()}>
            <details class="elc-route" {open}>
                <summary><strong>{ &o.name }</strong>{ ": " }{ sentence }</summary>
                if let Some(p) = plan { { route_steps(d, o, p) } }
            </details>
        </li>
    }
}

#[function_component(Planner)]
pub fn planner(p: &PlannerProps) -> Html {
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
            " under “I run now”"
        };
        html! { <p>{ format!("Pick the system you run now{where_} to see the route to each option.") }</p> }
    } else {
        html! {
            <>
            <p class="elc-route-rule">{ "Each option's route is the one with the fewest unsupported steps, in place before a reinstall, then the fewest steps (at most three), then the longest support where it lands; it is the route the score uses. Open an option for its steps; steps and risks are those the cited tool documentation gives. The recommended option is open." }</p>
            { for groups.iter().enumerate().map(|(g, (cur, n))| html! {
                <div class="elc-group" key={cur.clone()}>
                    if let Some(n) = n {
                        <h4>{ format!("{n} × {}", stage_name(d, cur)) }</h4>
                    }
                    <ul class="elc-paths">
                        { for p.eval.plans.iter().map(|op| option_plans(p.eval.tr, d, op, g, Some(op.option) == winner)) }
                    </ul>
                    { stay(d, cur, p.today) }
                </div>
            }) }
            </>
        }
    };
    html! {
        <section class="elc-panel elc-migration" aria-labelledby="elc-mig-h">
            <SubHeading id="elc-mig-h">{ "Migration plan" }</SubHeading>
            if p.picker {
                <CurrentSelect data={d.clone()} current={p.current.clone()} on_current={p.on_current.clone()} id="elc-cur2" mixed={!p.fleet.is_empty()} />
            } else if let Some(cur) = &p.current {
                <p class="elc-from">{ format!("From {}, as set under “I run now”.", stage_name(d, cur)) }</p>
            }
            <FleetEditor data={d.clone()} on_fleet={p.on_fleet.clone()}
                groups={if p.fleet.is_empty() { p.current.iter().map(|c| (c.clone(), 1)).collect() } else { p.fleet.clone() }} />
            { body }
        </section>
    }
}
