//! "Hand it on": print a report, download the decision record or the CSV files, and in
//! the single offline file save a copy that opens with this setup. The buttons only
//! send an [`Export`]; the app does the work and reports back in `status`.

use super::use_tr;
use crate::i18n::k;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Print,
    Record,
    RankingCsv,
    TableCsv,
    SaveCopy,
}

#[derive(Properties, PartialEq)]
pub struct HandOffProps {
    pub on_export: Callback<Export>,
    /// The page is the single offline file, which can save a copy of itself.
    pub single_file: bool,
    /// The page was opened from disk: its links work on this computer only.
    pub local: bool,
    /// What the last action did (announced politely), and whether it failed.
    pub status: Option<(AttrValue, bool)>,
}

#[function_component(HandOff)]
pub fn hand_off(p: &HandOffProps) -> Html {
    let tr = use_tr();
    let button = |what: Export, label: &'static str| {
        let cb = p.on_export.clone();
        html! { <button type="button" onclick={move |_| cb.emit(what)}>{ label }</button> }
    };
    let (text, failed) = p
        .status
        .clone()
        .map_or((AttrValue::default(), false), |(t, f)| (t, f));
    html! {
        <section class="elc-panel elc-handoff" aria-labelledby="elc-handoff-h">
            <h3 id="elc-handoff-h">{ tr.t(k::HANDOFF_HEADING) }</h3>
            <p class="elc-hint">{ tr.t(k::HANDOFF_HINT) }</p>
            <div class="elc-actions">
                { button(Export::Print, tr.t(k::HANDOFF_PRINT)) }
                { button(Export::Record, tr.t(k::HANDOFF_RECORD)) }
                { button(Export::RankingCsv, tr.t(k::HANDOFF_RANKING_CSV)) }
                { button(Export::TableCsv, tr.t(k::HANDOFF_TABLE_CSV)) }
                if p.single_file { { button(Export::SaveCopy, tr.t(k::HANDOFF_SAVE_COPY)) } }
            </div>
            if p.local {
                <p class="elc-local">{ tr.t(k::HANDOFF_LOCAL) }</p>
            }
            <p class={classes!("elc-action-status", failed.then_some("elc-failed"))} role="status">{ text }</p>
        </section>
    }
}
