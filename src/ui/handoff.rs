//! "Hand it on": print a report, download the decision record or the CSV files, and in
//! the single offline file save a copy that opens with this setup. The buttons only
//! send an [`Export`]; the app does the work and reports back in `status`.

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
            <h3 id="elc-handoff-h">{ "Hand it on" }</h3>
            <p class="elc-hint">{ "For people without this page: a printed report, the decision as a Markdown record, the numbers for a spreadsheet." }</p>
            <div class="elc-actions">
                { button(Export::Print, "Print report") }
                { button(Export::Record, "Download decision record (Markdown)") }
                { button(Export::RankingCsv, "Download ranking (CSV)") }
                { button(Export::TableCsv, "Download side-by-side table (CSV)") }
                if p.single_file { { button(Export::SaveCopy, "Save a copy with this setup") } }
            </div>
            if p.local {
                <p class="elc-local">{ "This page was opened from a file on this computer, so a link to it works only here. “Save a copy with this setup” gives you one file to mail or put on a share: it opens anywhere, offline, with exactly this setup." }</p>
            }
            <p class={classes!("elc-action-status", failed.then_some("elc-failed"))} role="status">{ text }</p>
        </section>
    }
}
