//! The decision record: Markdown in the shape of an architecture decision record
//! (context, options considered, decision, consequences, sources). CommonMark with
//! GitHub-style tables; every text from the dataset is escaped, so nothing in it
//! becomes markup or raw HTML.

use super::{
    headline, near_tie_line, option_name, score_text, sensitivity_line, status_text, Report,
};
use crate::i18n::k;
use crate::num::tenths_text;

/// The decision record for this setup.
pub fn decision_record(r: &Report) -> String {
    let ds = r.ds;
    let e = r.eval;
    let mut out = String::with_capacity(8192);
    let o = &mut out;
    // Citation numbers written so far: the source list is exactly these.
    let mut used: Vec<usize> = Vec::new();
    let mut cites = |ids: &[String], space: bool| cite_links(r, &r.cite(ids), space, &mut used);
    let tr = r.tr();
    let title = match r.winner() {
        Some(w) => tr.f(
            k::MD_TITLE,
            &[
                ("name", option_name(ds, w.option)),
                ("subject", &ds.subject),
            ],
        ),
        None => tr.f(k::MD_TITLE_NONE, &[("subject", &ds.subject)]),
    };
    line(o, &format!("# {}", md(&title)));
    line(o, "");
    line(o, tr.t(k::MD_STATUS));
    line(o, &tr.f(k::MD_DATE, &[("date", &tr.date(r.today))]));
    line(o, &tr.f(k::MD_AS_OF, &[("date", &tr.date(ds.as_of))]));
    if r.link.starts_with("https://") || r.link.starts_with("http://") {
        line(o, &tr.f(k::MD_SETUP_LINK, &[("url", &url(r.link))]));
    } else if r.link.is_empty() {
        line(o, tr.t(k::MD_SETUP_NONE));
    } else {
        // A file:// address is no link for other readers (renderers drop it too).
        line(o, &tr.f(k::MD_SETUP_FILE, &[("file", &md(r.link))]));
    }
    line(o, &tr.f(k::MD_MADE_WITH, &[("title", &md(&ds.title))]));
    line(o, "");

    line(o, tr.t(k::MD_CONTEXT));
    line(o, "");
    line(o, &tr.f(k::MD_SITUATION, &[("text", &md(&r.situation()))]));
    line(
        o,
        &tr.f(
            k::MD_CURRENT,
            &[(
                "text",
                &format!(
                    "{}{}",
                    md(&r.current_text()),
                    cites(r.current_sources(), true)
                ),
            )],
        ),
    );
    let musts = r.must_texts();
    if musts.is_empty() {
        line(o, tr.t(k::MD_MUSTS_NONE));
    } else {
        line(o, tr.t(k::MD_MUSTS));
        for m in &musts {
            line(o, &format!("  - {}", md(m)));
        }
    }
    line(o, "");
    line(o, tr.t(k::MD_WEIGHTS_INTRO));
    line(o, "");
    line(o, tr.t(k::MD_WEIGHTS_HEAD));
    line(o, "| --- | ---: | --- |");
    for (i, c) in ds.criteria.iter().enumerate() {
        line(
            o,
            &format!(
                "| {} | {} | {} |",
                md(&c.name),
                super::fmt_weight(tr, r.weight(i)),
                md(&c.definition)
            ),
        );
    }
    line(o, "");

    line(o, tr.t(k::MD_OPTIONS));
    line(o, "");
    if e.ranking.is_empty() {
        line(o, tr.t(k::MD_NONE_LEFT));
    } else {
        line(o, tr.t(k::MD_RANK_HEAD));
        line(o, "| ---: | --- | ---: |");
        for (i, x) in e.ranking.iter().enumerate() {
            line(
                o,
                &format!(
                    "| {} | {} | {} |",
                    i + 1,
                    md(option_name(ds, x.option)),
                    score_text(tr, x)
                ),
            );
        }
    }
    line(o, "");
    if !e.excluded.is_empty() {
        line(o, tr.t(k::MD_NOT_CONSIDERED));
        line(o, "");
        for x in &e.excluded {
            line(
                o,
                &format!(
                    "- **{}:** {}",
                    md(option_name(ds, x.option)),
                    md(&x.reasons.join("; "))
                ),
            );
        }
        line(o, "");
    }

    line(o, tr.t(k::MD_DECISION));
    line(o, "");
    line(o, &md(&headline(ds, e)));
    line(o, "");
    if let Some(w) = r.winner() {
        line(
            o,
            &tr.f(k::MD_WE_CHOOSE, &[("name", &md(option_name(ds, w.option)))]),
        );
        line(o, "");
        for why in &e.why {
            line(o, &format!("- {}", md(why)));
        }
        line(o, "");
        for extra in [
            near_tie_line(ds, e),
            sensitivity_line(ds, e, &r.setup.weights),
        ]
        .into_iter()
        .flatten()
        {
            line(o, &md(&extra));
            line(o, "");
        }
    }
    if let Some(h) = &e.relax_hint {
        line(o, &md(h));
        line(o, "");
    }
    for (rank, x) in r.top().iter().enumerate() {
        line(
            o,
            &tr.f(
                k::MD_BREAKDOWN,
                &[
                    ("rank", &(rank + 1).to_string()),
                    ("name", &md(option_name(ds, x.option))),
                    ("score", &score_text(tr, x)),
                ],
            ),
        );
        line(o, "");
        for w in &x.why_not {
            line(o, &format!("- {}", md(w)));
        }
        if !x.why_not.is_empty() {
            line(o, "");
        }
        line(o, tr.t(k::MD_ROWS_HEAD));
        line(o, "| --- | ---: | --- | ---: | --- |");
        for row in r.rows(x) {
            let why = row.rationale.map_or(String::new(), md);
            line(
                o,
                &format!(
                    "| {} | {} | {} | {} | {}{} |",
                    md(row.name),
                    super::fmt_weight(tr, row.weight),
                    md(&match status_text(tr, row.confidence) {
                        "" => row.c.detail.clone(),
                        st => format!("{} ({st})", row.c.detail),
                    }),
                    tr.decimal(tenths_text(row.points)),
                    why,
                    cites(row.sources, !why.is_empty())
                ),
            );
        }
        let weights: f64 = r.setup.weights.iter().filter(|w| **w > 0.0).sum();
        line(
            o,
            &tr.f(
                k::MD_TOTAL,
                &[
                    ("weight", &super::fmt_weight(tr, weights)),
                    ("score", &score_text(tr, x)),
                ],
            ),
        );
        line(o, "");
        line(o, tr.t(k::MD_ROUNDING));
        line(o, "");
    }

    line(o, tr.t(k::MD_CONSEQUENCES));
    line(o, "");
    if let Some(v) = r.landing() {
        line(
            o,
            &tr.f(
                k::MD_LANDING,
                &[(
                    "version",
                    &format!("{}{}", md(&v.name), cites(&v.sources, true)),
                )],
            ),
        );
        line(
            o,
            &tr.f(k::MD_SUPPORT, &[("text", &md(&r.support_text(v)))]),
        );
        let status = status_text(tr, v.status);
        if !status.is_empty() {
            line(o, &tr.f(k::MD_CAUTION, &[("status", status)]));
        }
    }
    line(o, &tr.f(k::MD_MIGRATION, &[("text", &md(&r.plan_text()))]));
    for (n, st) in r.plan_steps().iter().enumerate() {
        line(
            o,
            &format!("  {}. {}{}", n + 1, md(&st.text), cites(st.sources, true)),
        );
        for n in &st.how {
            line(
                o,
                &format!("     - {}{}", md(&n.text), cites(&n.sources, true)),
            );
        }
        for n in &st.risks {
            line(
                o,
                &format!(
                    "     - {}",
                    tr.f(
                        k::MD_RISK,
                        &[(
                            "text",
                            &format!("{}{}", md(&n.text), cites(&n.sources, true))
                        )]
                    )
                ),
            );
        }
    }
    line(o, "");

    line(o, tr.t(k::MD_SOURCES));
    line(o, "");
    used.sort_unstable();
    used.dedup();
    for n in used {
        if let Some(s) = ds.sources.get(n - 1) {
            line(
                o,
                &tr.f(
                    k::MD_SOURCE,
                    &[
                        ("n", &n.to_string()),
                        ("title", &link(&md(&s.title), &s.url)),
                        ("date", &tr.date(s.retrieved)),
                    ],
                ),
            );
        }
    }
    line(o, "");
    out
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

/// Citations as links: " [[3]](url) [[12]](url)", with a leading space when `space`;
/// each number is added to `used`.
fn cite_links(r: &Report, numbers: &[usize], space: bool, used: &mut Vec<usize>) -> String {
    let mut s = String::new();
    for &n in numbers {
        if let Some(src) = r.ds.sources.get(n - 1) {
            used.push(n);
            if space || !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&link(&format!("\\[{n}\\]"), &src.url));
        }
    }
    s
}

/// `[text](url)` for a web address, the text alone otherwise (a dataset URL that is not
/// http(s) is never made a link).
fn link(text: &str, u: &str) -> String {
    if u.starts_with("https://") || u.starts_with("http://") {
        format!("[{text}]({})", url(u))
    } else {
        text.to_string()
    }
}

/// A link destination as written: plain, or in `<…>` when it holds a space or
/// unbalanced parentheses (`<`, `>` and control characters are percent-encoded).
fn url(u: &str) -> String {
    let mut s = String::with_capacity(u.len());
    let mut depth: i32 = 0;
    let mut plain = true;
    for c in u.chars() {
        match c {
            '<' => s.push_str("%3C"),
            '>' => s.push_str("%3E"),
            c if c.is_control() => {}
            c => {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    ' ' => plain = false,
                    _ => {}
                }
                plain &= depth >= 0;
                s.push(c);
            }
        }
    }
    if plain && depth == 0 {
        s
    } else {
        format!("<{s}>")
    }
}

/// Dataset text as Markdown text: inline markup characters are backslash-escaped, `|`
/// too (table cells), `&` where it could start an entity, and line breaks become spaces.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{md, url};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            md("a*b_c [d](e) <x> | #1 & &amp;"),
            "a\\*b\\_c \\[d\\](e) \\<x\\> \\| \\#1 & \\&amp;"
        );
        assert_eq!(md("two\nlines"), "two lines");
        assert_eq!(url("https://x/a_(b)"), "https://x/a_(b)");
        assert_eq!(url("https://x/a b)"), "<https://x/a b)>");
    }
}
