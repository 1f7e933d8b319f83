//! The static version of a setup and the embed code for it. Pure Rust: the build calls it
//! natively for the single file's fallback (xtask/src/prerender.rs), and the widget calls the
//! same code in the browser for "Copy embed code" and the snippet generator. The output is
//! HTML text for a host page to paste; the widget never renders it (text is escaped here).

use crate::data::{Dataset, Date};
use crate::fragment;
use crate::i18n::k;
use crate::setup::Setup;
use crate::view::{Presentation, View, HEADING_MIN};
use std::fmt::Write;

/// Text escaped for HTML content and double-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub use crate::setup::evaluate;

/// The value of field `key` in the fragment form of `s` (`w`, `o`, …), if present.
fn field(encoded: &str, key: &str) -> Option<String> {
    encoded
        .split(';')
        .find_map(|p| p.strip_prefix(key)?.strip_prefix(':').map(str::to_string))
}

/// The fewest attributes that give a fresh `<el-compare>` exactly setup `s`, in the
/// attributes' own syntax (the fragment's): preset, then what differs from it.
pub fn setup_attributes(d: &Dataset, s: &Setup) -> Vec<(&'static str, String)> {
    let defaults = Setup::defaults(d);
    let base = s
        .preset
        .as_deref()
        .and_then(|p| defaults.with_preset(d, p))
        .unwrap_or(defaults);
    let text = fragment::encode(s);
    let mut out = Vec::new();
    if let Some(p) = &s.preset {
        out.push(("preset", p.clone()));
    }
    if s.weights != base.weights {
        out.push(("weights", field(&text, "w").unwrap_or_default()));
    }
    if s.must != base.must {
        let parts: Vec<String> = ["f", "a", "y"]
            .iter()
            .filter_map(|k| field(&text, k).map(|v| format!("{k}:{v}")))
            .collect();
        out.push(("must", parts.join(";")));
    }
    // A mixed fleet is `current`'s "id:servers,…" form (found by the host fuzz target).
    if s.current != base.current || s.fleet != base.fleet {
        let text = crate::setup::fleet_text(s);
        out.push(("current", text.unwrap_or_else(|| "new".into())));
    }
    if s.compare != base.compare {
        out.push(("options", s.compare.join(",")));
    }
    if let Some(lang) = &s.lang {
        out.push(("lang", lang.clone()));
    }
    out
}

/// The presentation attributes that differ from the defaults.
pub fn presentation_attributes(p: &Presentation) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if p.view != View::Full {
        out.push(("view", p.view.id().to_string()));
    }
    if let Some(list) = &p.sections {
        let ids: Vec<&str> = list.iter().map(|s| s.id()).collect();
        out.push(("sections", ids.join(",")));
    }
    if let Some(h) = &p.heading {
        out.push(("heading", h.clone()));
    }
    if p.heading_level != HEADING_MIN {
        out.push(("heading-level", p.heading_level.to_string()));
    }
    out
}

/// The static version of what the widget shows for `s`: title, recommendation with its
/// reasons, ranking, the side-by-side table, lifecycle dates of the compared options and
/// the sources of every fact shown. Readable without JavaScript (search engines, feed
/// readers, a blocked script) and it reserves the widget's space until it starts.
pub fn static_html(d: &Dataset, s: &Setup, today: Date, p: &Presentation) -> String {
    let e = evaluate(d, s, today);
    let tr = e.tr;
    let name = |i: usize| d.options.get(i).map_or("?", |o| o.name.as_str());
    let (h, sub) = (p.heading_level, p.sub_level());
    let mut out = String::from("<div class=\"elc-static\">");
    let title = p.heading.as_deref().unwrap_or(&d.title);
    if !title.is_empty() {
        let _ = write!(out, "<h{h}>{}</h{h}>", esc(title));
    }
    let _ = write!(out, "<p>{}</p>", esc(tr.t(k::STATIC_INTRO)));
    // The recommendation for this setup, with its reasons.
    let _ = write!(out, "<h{sub}>{}</h{sub}>", esc(tr.t(k::RESULT_HEADING)));
    // The same sentences the widget shows (crate::report).
    let _ = write!(
        out,
        "<p><strong>{}</strong></p>",
        esc(&crate::report::headline(d, &e))
    );
    if let Some(t) = crate::report::near_tie_line(d, &e) {
        let _ = write!(out, "<p>{}</p>", esc(&t));
    }
    if !e.all_weights_zero && !e.ranking.is_empty() && !e.why.is_empty() {
        out.push_str("<ul>");
        for r in e.why.iter().take(4) {
            let _ = write!(out, "<li>{}</li>", esc(r));
        }
        out.push_str("</ul>");
    }
    if !e.ranking.is_empty() {
        let _ = write!(out, "<h{sub}>{}</h{sub}><ol>", esc(tr.t(k::RESULT_RANKING)));
        for r in &e.ranking {
            let score = crate::report::score_text(tr, r);
            let _ = write!(
                out,
                "<li>{}: {}</li>",
                esc(name(r.option)),
                esc(&tr.f(k::PRINT_OF_100, &[("score", &score)]))
            );
        }
        out.push_str("</ol>");
    }
    // The side-by-side table of the compared options.
    let picked: Vec<_> = s
        .compare
        .iter()
        .filter_map(|id| d.option(id).map(|(_, o)| o))
        .collect();
    let mut cited: Vec<String> = Vec::new();
    let mut cite = |ids: &[String]| {
        for id in ids {
            if !cited.contains(id) {
                cited.push(id.clone());
            }
        }
    };
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>",
        esc(tr.t(k::COMPARE_HEADING)),
        esc(tr.t(k::COMPARE_DIMENSION))
    );
    for o in &picked {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&o.name));
    }
    out.push_str("</tr></thead><tbody>");
    for dim in &d.dimensions {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&dim.name));
        for o in &picked {
            let fact = o.facts.iter().find(|f| f.dimension == dim.id);
            if let Some(f) = fact {
                cite(&f.sources);
            }
            let _ = write!(
                out,
                "<td>{}</td>",
                esc(fact.map_or(tr.t(k::STATIC_UNKNOWN), |f| f.text.as_str()))
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    // Lifecycle dates of the compared options' versions.
    let _ = write!(
        out,
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(tr.t(k::TIMELINE_HEADING)),
        esc(tr.t(k::TIMELINE_VERSION)),
        esc(tr.t(k::TIMELINE_RELEASED)),
        esc(tr.t(k::TIMELINE_ACTIVE_ENDS)),
        esc(tr.t(k::TIMELINE_SECURITY_ENDS))
    );
    for v in picked.iter().flat_map(|o| &o.versions) {
        cite(&v.sources);
        let date = |x: &Option<Date>| {
            x.map_or_else(|| tr.t(k::STATIC_UNKNOWN).to_string(), |d| tr.date(d))
        };
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&v.name),
            tr.date(v.release),
            date(&v.active_end),
            date(&v.security_end)
        );
    }
    let _ = write!(
        out,
        "</tbody></table><p>{}</p><ul>",
        esc(&tr.f(
            k::STATIC_FACTS_AS_OF,
            &[("as_of", &tr.date(d.as_of)), ("today", &tr.date(today))]
        ))
    );
    for src in d.sources.iter().filter(|x| cited.contains(&x.id)) {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a></li>",
            esc(&src.url),
            esc(&src.title)
        );
    }
    out.push_str("</ul></div>");
    out
}

/// Everything a host page pastes: the script tag and the element with the attributes for
/// `s` and `p` (plus `extra`, e.g. theme or id), with the static version as its content.
pub fn embed_code(
    d: &Dataset,
    s: &Setup,
    today: Date,
    p: &Presentation,
    script: &str,
    extra: &[(&str, String)],
) -> String {
    let mut attrs = String::new();
    let pairs = setup_attributes(d, s)
        .into_iter()
        .chain(presentation_attributes(p))
        .map(|(k, v)| (k.to_string(), v))
        .chain(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    for (k, v) in pairs {
        let _ = write!(attrs, " {k}=\"{}\"", esc(&v));
    }
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<el-compare{attrs}>\n{}\n</el-compare>\n",
        esc(script),
        static_html(d, s, today, p)
    )
}
