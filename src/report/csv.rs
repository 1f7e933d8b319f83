//! CSV for spreadsheets (RFC 4180): a header row, CRLF line ends, fields with a comma,
//! quote or line break quoted and their quotes doubled. The text starts with a UTF-8 byte
//! order mark so that spreadsheet programs read "–" and "ü" as written. Text that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`) is prefixed
//! with `'`; numbers are written with a decimal point and no grouping.

use super::{option_name, status_text, Report};
use crate::data::Dataset;
use crate::num::fixed1;

const BOM: &str = "\u{feff}";

/// The ranking: one row per option in the running (best first) with every criterion's
/// value and points, then the options out of the running with the reasons.
pub fn ranking_csv(r: &Report) -> String {
    let ds = r.ds;
    let mut header = vec![
        "Rank".to_string(),
        "Option".to_string(),
        "Score (of 100)".to_string(),
    ];
    for (i, c) in ds.criteria.iter().enumerate() {
        header.push(format!("{}: value", c.name));
        header.push(format!(
            "{}: points (weight {})",
            c.name,
            super::fmt_weight(r.weight(i))
        ));
    }
    header.push("Not considered because".to_string());
    let mut rows = vec![header.iter().map(|h| text(h)).collect::<Vec<_>>()];
    for (rank, x) in r.eval.ranking.iter().enumerate() {
        let mut row = vec![
            (rank + 1).to_string(),
            text(option_name(ds, x.option)),
            fixed1(x.total),
        ];
        for c in &x.contributions {
            row.push(text(&c.detail));
            row.push(fixed1(c.points));
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
    join(&rows)
}

/// The side-by-side table: one row per dimension, for each compared option its text
/// (with its status when not verified) and the addresses of its sources.
pub fn table_csv(r: &Report) -> String {
    let ds: &Dataset = r.ds;
    let cols = r.compared();
    let mut header = vec![text("Dimension")];
    for o in &cols {
        header.push(text(&o.name));
        header.push(text(&format!("{} sources", o.name)));
    }
    let mut rows = vec![header];
    for d in &ds.dimensions {
        let mut row = vec![text(&d.name)];
        for o in &cols {
            match Report::fact(o, &d.id) {
                Some(f) => {
                    let status = status_text(f.status);
                    row.push(text(&if status.is_empty() {
                        f.text.clone()
                    } else {
                        format!("{} ({status})", f.text)
                    }));
                    let urls: Vec<&str> = f
                        .sources
                        .iter()
                        .filter_map(|id| ds.sources.iter().find(|s| &s.id == id))
                        .map(|s| s.url.as_str())
                        .collect();
                    row.push(text(&urls.join(" ")));
                }
                None => {
                    row.push(String::new());
                    row.push(String::new());
                }
            }
        }
        rows.push(row);
    }
    join(&rows)
}

fn join(rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One text field, quoted when it must be.
pub(crate) fn text(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn quotes_as_rfc_4180_says() {
        assert_eq!(text("plain"), "plain");
        assert_eq!(text("a, b"), "\"a, b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("two\nlines"), "\"two\nlines\"");
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("-x, y"), "\"'-x, y\"");
    }
}
