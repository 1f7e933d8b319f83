//! Migration planner: from the visitor's current system to each option.

use super::compare::source_links;
use super::controls::CurrentSelect;
use super::state::Data;
use crate::data::{Method, Migration, Role, Upgrade};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlannerProps {
    pub data: Data,
    pub current: Option<String>,
    pub on_current: Callback<Option<String>>,
}

fn describe(m: &Migration) -> String {
    let how = match m.method {
        Method::InPlace => "in place",
        Method::Reinstall => "reinstall",
    };
    let up = match m.upgrade {
        Upgrade::SameMajor => "same major version",
        Upgrade::Major => "major-version upgrade",
    };
    let who = m.backing.label();
    format!("{how}, {up}, {who}")
}

#[function_component(Planner)]
pub fn planner(p: &PlannerProps) -> Html {
    let d = &p.data;
    let body = match &p.current {
        None => html! { <p>{ "Pick the system you run now to see how to reach each option." }</p> },
        Some(cur) => html! {
            <ul class="elc-paths">
                { for d.options.iter().filter(|o| o.role == Role::Target).map(|o| {
                    let paths: Vec<&Migration> = d.migrations.iter()
                        .filter(|m| &m.from == cur && o.versions.iter().any(|v| v.id == m.to))
                        .collect();
                    let runs_it = o.versions.iter().any(|v| &v.id == cur);
                    html! {
                        <li key={o.id.clone()}>
                            <strong>{ &o.name }</strong>
                            if paths.is_empty() {
                                <p>{ if runs_it { "You already run it: update within the release, or reinstall for a newer major version." }
                                     else { "No in-place tool is listed for this path: plan a fresh install and move data and configuration." } }</p>
                            } else {
                                <ul>{ for paths.iter().map(|m| {
                                    let tool = m.tool.as_ref().and_then(|t| d.tools.iter().find(|x| &x.id == t));
                                    let to = d.options.iter().flat_map(|o| &o.versions).find(|v| v.id == m.to).map_or(m.to.as_str(), |v| v.name.as_str());
                                    html! {
                                        <li>
                                            { format!("To {to}: ") }
                                            if let Some(t) = tool {
                                                <a href={t.url.clone()} target="_blank" rel="noopener noreferrer">{ &t.name }</a>{ format!(" ({}) — ", t.owner) }
                                            }
                                            { describe(m) }
                                            if let Some(n) = &m.note { { ". " }{ n } }
                                            { " " }{ source_links(d, &m.sources) }
                                        </li>
                                    }
                                }) }</ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="elc-panel elc-migration" aria-labelledby="elc-mig-h">
            <h3 id="elc-mig-h">{ "Migration paths" }</h3>
            <CurrentSelect data={d.clone()} current={p.current.clone()} on_current={p.on_current.clone()} id="elc-cur2" />
            { body }
        </section>
    }
}
