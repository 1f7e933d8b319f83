//! CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, fields with the separator,
//! a quote or a line break quoted and their quotes doubled. The separator is the report
//! language's list separator ([`crate::i18n::Tr::csv_separator`]): `,`, or `;` where the
//! decimal separator is a comma (German), as spreadsheet programs in that locale expect. The
//! text starts with a UTF-8 byte order mark so that spreadsheet programs read "–" and "ü" as
//! written. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or
//! `@`) is prefixed with `'`; numbers are written with the report language's decimal
//! separator and no grouping.

use super::{flag_text, option_name, rating_value, status_text, Report};
use crate::data::{CriterionKind, Dataset, Status};
use crate::i18n::k;
use crate::num::tenths_text;

const BOM: &str = "\u{feff}";

/// The ranking: one row per option in the running (best first) with every criterion's
/// value and points, then the options out of the running with the reasons.
pub fn ranking_csv(r: &Report) -> String {
    let (ds, tr) = (r.ds, r.tr());
    let sep = tr.csv_separator();
    let text = |s: &str| field(s, sep);
    let mut header = vec![
        tr.t(k::CSV_RANK).to_string(),
        tr.t(k::CSV_OPTION).to_string(),
        tr.t(k::CSV_SCORE).to_string(),
    ];
    for (i, c) in ds.criteria.iter().enumerate() {
        header.push(tr.f(k::CSV_VALUE, &[("criterion", &c.name)]));
        header.push(tr.f(
            k::CSV_POINTS,
            &[
                ("criterion", &c.name),
                ("weight", &super::fmt_weight(tr, r.weight(i))),
            ],
        ));
    }
    header.push(tr.t(k::CSV_EXCLUDED).to_string());
    let mut rows = vec![header.iter().map(|h| text(h)).collect::<Vec<_>>()];
    for (rank, x) in r.eval.ranking.iter().enumerate() {
        let mut row = vec![
            (rank + 1).to_string(),
            text(option_name(ds, x.option)),
            text(&super::score_text(tr, x)),
        ];
        for (c, t) in x
            .contributions
            .iter()
            .zip(x.points_tenths().iter().copied())
        {
            row.push(text(&c.detail));
            row.push(text(&tr.decimal(tenths_text(t))));
        }
        row.push(String::new());
        rows.push(row);
    }
    for x in &r.eval.excluded {
        let mut row = vec![
            String::new(),
            text(option_name(ds, x.option)),
            String::new(),
        ];
        row.extend(std::iter::repeat_n(String::new(), 2 * ds.criteria.len()));
        row.push(text(&x.reasons.join("; ")));
        rows.push(row);
    }
    join(&rows, sep)
}

/// The side-by-side table as the widget shows it: the facts, the ratings used in the score
/// with their reasons, the must-have features; for each compared option its text (with
/// its status when not verified) and the addresses of its sources.
pub fn table_csv(r: &Report) -> String {
    let (ds, tr): (&Dataset, _) = (r.ds, r.tr());
    let sep = tr.csv_separator();
    let text = |s: &str| field(s, sep);
    let cols = r.compared();
    let mut header = vec![text(tr.t(k::CSV_SECTION)), text(tr.t(k::CSV_ROW))];
    for o in &cols {
        header.push(text(&o.name));
        header.push(text(&tr.f(k::CSV_SOURCES, &[("name", &o.name)])));
    }
    let urls = |ids: &[String]| {
        let list: Vec<&str> = ids
            .iter()
            .filter_map(|id| ds.source(id))
            .map(|s| s.url.as_str())
            .collect();
        text(&list.join(" "))
    };
    let with_status = |t: &str, s: Status| match status_text(tr, s) {
        "" => t.to_string(),
        st => format!("{t} ({st})"),
    };
    let mut rows = vec![header];
    let mut push = |section: &str, name: &str, cells: Vec<(String, String)>| {
        let mut row = vec![text(section), text(name)];
        for (t, u) in cells {
            row.push(text(&t));
            row.push(u);
        }
        rows.push(row);
    };
    for d in &ds.dimensions {
        let cells = cols
            .iter()
            .map(|o| match Report::fact(o, &d.id) {
                Some(f) => (with_status(&f.text, f.status), urls(&f.sources)),
                None => (String::new(), String::new()),
            })
            .collect();
        push(tr.t(k::CSV_FACT), &d.name, cells);
    }
    for c in &ds.criteria {
        if !matches!(
            c.scoring,
            CriterionKind::Scale { .. } | CriterionKind::Number { .. } | CriterionKind::YesNo
        ) {
            continue;
        }
        let cells = cols
            .iter()
            .map(|o| match o.ratings.iter().find(|x| x.criterion == c.id) {
                Some(x) => (
                    format!(
                        "{}: {}",
                        with_status(&rating_value(tr, &c.scoring, x), x.confidence),
                        x.rationale
                    ),
                    urls(&x.sources),
                ),
                None => (tr.t(k::COMPARE_NO_RATING).to_string(), String::new()),
            })
            .collect();
        push(tr.t(k::CSV_RATING), &c.name, cells);
    }
    for f in &ds.flags {
        let cells = cols
            .iter()
            .map(|o| {
                let (t, s) = flag_text(tr, o, &f.id);
                (t, urls(s))
            })
            .collect();
        push(tr.t(k::CSV_FEATURE), &f.name, cells);
    }
    join(&rows, sep)
}

fn join(rows: &[Vec<String>], sep: char) -> String {
    let mut out = String::from(BOM);
    let sep = sep.to_string();
    for row in rows {
        out.push_str(&row.join(&sep));
        out.push_str("\r\n");
    }
    out
}

/// One text field for a file separated by `sep`, quoted when it must be.
pub(crate) fn field(s: &str, sep: char) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([sep, '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_as_rfc_4180_says() {
        let text = |s: &str| field(s, ',');
        assert_eq!(text("plain"), "plain");
        assert_eq!(text("a, b"), "\"a, b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("two\nlines"), "\"two\nlines\"");
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("-x, y"), "\"'-x, y\"");
    }

    #[test]
    fn with_a_semicolon_quotes_the_semicolon_not_the_comma() {
        let text = |s: &str| field(s, ';');
        assert_eq!(text("72,6"), "72,6");
        assert_eq!(text("a; b"), "\"a; b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("-x; y"), "\"'-x; y\"");
    }
}
