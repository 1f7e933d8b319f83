//! Data footer: as-of date, stale-data notice, sources, and the share link.

use super::compare::publisher_text;
use super::lazy::LazyDetails;
use super::state::Data;
use super::use_tr;
use crate::data::Date;
use crate::i18n::{k, Tr};
use crate::setup::Setup;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub data: Data,
    pub today: Date,
    pub share_url: Option<String>,
    /// The page was opened from disk, so its link works on this computer only.
    #[prop_or_default]
    pub local: bool,
    /// "Save a copy with this setup" (the single file only).
    #[prop_or_default]
    pub on_save_copy: Option<Callback<()>>,
    /// Builds the embed code for a setup ("Copy embed code").
    pub embed_code: Callback<Setup, String>,
    pub setup: Setup,
}

/// Writes `text` to the clipboard; reports whether the browser allowed it.
fn copy_text(text: String, done: UseStateHandle<Option<bool>>) {
    spawn_local(async move {
        let ok = match web_sys::window().map(|w| w.navigator().clipboard()) {
            Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&text))
                .await
                .is_ok(),
            None => false,
        };
        done.set(Some(ok));
    });
}

/// Data older than this many days gets a notice.
const STALE_DAYS: i64 = 365;

/// The warning for facts more than a year old on `today` (shown next to the recommendation
/// it qualifies and in the footer).
pub fn stale_note(tr: Tr, d: &Data, today: Date) -> Option<String> {
    (today.days_since_epoch() - d.as_of.days_since_epoch() > STALE_DAYS)
        .then(|| tr.f(k::FOOTER_STALE, &[("date", &tr.date(d.as_of))]))
}

#[function_component(Footer)]
pub fn footer(p: &FooterProps) -> Html {
    let tr = use_tr();
    let d = &p.data;
    let copied = use_state(|| None::<bool>);
    let code_copied = use_state(|| None::<bool>);
    // The code is built on demand: it holds the static version of the whole setup.
    let code = use_state(|| None::<String>);
    let stale = stale_note(tr, d, p.today);
    let copy = p.share_url.clone().map(|url| {
        let copied = copied.clone();
        Callback::from(move |_| copy_text(url.clone(), copied.clone()))
    });
    let copy_code = {
        let (build, setup, code, done) = (
            p.embed_code.clone(),
            p.setup.clone(),
            code.clone(),
            code_copied.clone(),
        );
        Callback::from(move |_| {
            let text = build.emit(setup.clone());
            code.set(Some(text.clone()));
            copy_text(text, done.clone());
        })
    };
    html! {
        <footer class="elc-panel elc-footer">
            <p>{ tr.f(k::FOOTER_AS_OF, &[("date", &tr.date(d.as_of))]) }</p>
            if let Some(note) = stale {
                <p class="elc-stale" role="note">{ note }</p>
            }
            if let (Some(url), Some(onclick)) = (&p.share_url, copy) {
                <div class="elc-share">
                    <button type="button" {onclick}>{ tr.t(k::FOOTER_COPY_LINK) }</button>
                    <span role="status" class="elc-copied">{ match *copied {
                        Some(true) => tr.t(k::FOOTER_LINK_COPIED),
                        Some(false) => tr.t(k::FOOTER_LINK_BLOCKED),
                        None => "",
                    } }</span>
                    <label class="elc-sr" for="elc-link">{ tr.t(k::FOOTER_LINK) }</label>
                    <input id="elc-link" class="elc-link" type="text" readonly=true value={url.clone()} />
                    if p.local && copied.is_some() {
                        <p class="elc-local" role="note">{ tr.t(k::FOOTER_LOCAL) }</p>
                        if let Some(save) = &p.on_save_copy {
                            <button type="button" onclick={save.reform(|_| ())}>{ tr.t(k::HANDOFF_SAVE_COPY) }</button>
                        }
                    }
                </div>
            }
            <div class="elc-share">
                <button type="button" onclick={copy_code}>{ tr.t(k::FOOTER_COPY_CODE) }</button>
                <span role="status" class="elc-copied">{ match *code_copied {
                    Some(true) => tr.t(k::FOOTER_CODE_COPIED),
                    Some(false) => tr.t(k::FOOTER_CODE_BLOCKED),
                    None => "",
                } }</span>
                if let Some(text) = &*code {
                    <label class="elc-sr" for="elc-code">{ tr.t(k::FOOTER_CODE) }</label>
                    <textarea id="elc-code" class="elc-link elc-embed-code" readonly=true rows="4" value={text.clone()} />
                }
            </div>
            <LazyDetails class="elc-source-list" summary={tr.f(k::FOOTER_SOURCES, &[("n", &d.sources.len().to_string())])} content={{
                let d = d.clone();
                Callback::from(move |()| html! {
                <ol>{ for d.sources.iter().map(|s| html! {
                    <li key={s.id.clone()}><a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ &s.title }</a>{ tr.f(k::FOOTER_PUBLISHED, &[("publisher", &publisher_text(tr, &d, s)), ("date", &tr.date(s.retrieved)),
                        ("snapshot", &s.commit_date.as_deref().map_or(String::new(), |c| tr.f(k::FOOTER_SNAPSHOT, &[("date", &tr.date_str(c))])))]) }</li>
                }) }</ol>
                })
            }} />
        </footer>
    }
}
