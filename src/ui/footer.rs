//! Data footer: as-of date, stale-data notice, sources, and the share link.

use super::compare::publisher_text;
use super::lazy::LazyDetails;
use super::state::Data;
use crate::data::Date;
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
pub fn stale_note(d: &Data, today: Date) -> Option<String> {
    (today.days_since_epoch() - d.as_of.days_since_epoch() > STALE_DAYS).then(|| {
        format!(
            "These facts are from {}, more than a year ago, and may be out of date: check the \
             sources before deciding.",
            d.as_of
        )
    })
}

#[function_component(Footer)]
pub fn footer(p: &FooterProps) -> Html {
    let d = &p.data;
    let copied = use_state(|| None::<bool>);
    let code_copied = use_state(|| None::<bool>);
    // The code is built on demand: it holds the static version of the whole setup.
    let code = use_state(|| None::<String>);
    let stale = stale_note(d, p.today);
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
            <p>{ format!("Facts as of {}.", d.as_of) }</p>
            if let Some(note) = stale {
                <p class="elc-stale" role="note">{ note }</p>
            }
            if let (Some(url), Some(onclick)) = (&p.share_url, copy) {
                <div class="elc-share">
                    <button type="button" {onclick}>{ "Copy link to this setup" }</button>
                    <span role="status" class="elc-copied">{ match *copied {
                        Some(true) => "Link copied.",
                        Some(false) => "Copying was blocked: select the link and copy it by hand.",
                        None => "",
                    } }</span>
                    <label class="elc-sr" for="elc-link">{ "Link to this setup" }</label>
                    <input id="elc-link" class="elc-link" type="text" readonly=true value={url.clone()} />
                    if p.local && copied.is_some() {
                        <p class="elc-local" role="note">{ "This link points to a file on this computer, so it works only here. To hand this setup on, save a copy of this page with it: one file that opens anywhere, offline." }</p>
                        if let Some(save) = &p.on_save_copy {
                            <button type="button" onclick={save.reform(|_| ())}>{ "Save a copy with this setup" }</button>
                        }
                    }
                </div>
            }
            <div class="elc-share">
                <button type="button" onclick={copy_code}>{ "Copy embed code" }</button>
                <span role="status" class="elc-copied">{ match *code_copied {
                    Some(true) => "Embed code copied: paste it into your page.",
                    Some(false) => "Copying was blocked: select the code and copy it by hand.",
                    None => "",
                } }</span>
                if let Some(text) = &*code {
                    <label class="elc-sr" for="elc-code">{ "Embed code for this setup" }</label>
                    <textarea id="elc-code" class="elc-link elc-embed-code" readonly=true rows="4" value={text.clone()} />
                }
            </div>
            <LazyDetails class="elc-source-list" summary={format!("Sources ({})", d.sources.len())} content={{
                let d = d.clone();
                Callback::from(move |()| html! {
                <ol>{ for d.sources.iter().map(|s| html! {
                    <li key={s.id.clone()}><a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ &s.title }</a>{ format!(" (published by {}; retrieved {}{})", publisher_text(&d, s), s.retrieved,
                        s.commit_date.as_deref().map_or(String::new(), |c| format!("; snapshot of {c}"))) }</li>
                }) }</ol>
                })
            }} />
        </footer>
    }
}
