//! Build-time static HTML from the embedded dataset: readable before the wasm
//! starts and if it never does. Text is escaped here; nothing is parsed as HTML
//! at run time.

use crate::Result;
use elcompare::data::{self, Dataset};
use std::fmt::Write;

fn dataset() -> Result<Dataset> {
    data::from_json_str(data::EMBEDDED_JSON).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("embedded dataset is invalid:\n  {}", list.join("\n  "))
    })
}

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

/// The side-by-side table of the default comparison and the lifecycle dates.
pub fn table_html() -> Result<String> {
    let d = dataset()?;
    let picked: Vec<_> = d
        .options
        .iter()
        .filter(|o| d.default_compare.contains(&o.id))
        .collect();
    let mut h = String::new();
    let _ = write!(h, "<div class=\"elc-static\"><h2>{}</h2>", esc(&d.title));
    h.push_str("<p>This is the static version of the comparison, built from the same data; the interactive one replaces it once it has started.</p>");
    h.push_str("<table><caption>Side by side</caption><thead><tr><th scope=\"col\">Dimension</th>");
    for o in &picked {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&o.name));
    }
    h.push_str("</tr></thead><tbody>");
    for dim in &d.dimensions {
        let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&dim.name));
        for o in &picked {
            let text = o
                .facts
                .iter()
                .find(|f| f.dimension == dim.id)
                .map(|f| f.text.as_str())
                .unwrap_or("—");
            let _ = write!(h, "<td>{}</td>", esc(text));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table><table><caption>Lifecycle</caption><thead><tr><th scope=\"col\">Version</th>");
    h.push_str("<th scope=\"col\">Released</th><th scope=\"col\">Active support ends</th><th scope=\"col\">Security updates end</th></tr></thead><tbody>");
    for v in d.options.iter().flat_map(|o| &o.versions) {
        let opt = |s: &Option<String>| s.as_deref().map(esc).unwrap_or_else(|| "—".into());
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&v.name),
            esc(&v.release),
            opt(&v.active_end),
            opt(&v.security_end)
        );
    }
    let _ = write!(
        h,
        "</tbody></table><p>Data as of {}. Sources:</p><ul>",
        esc(&d.as_of)
    );
    for s in &d.sources {
        let _ = write!(
            h,
            "<li><a href=\"{}\">{}</a></li>",
            esc(&s.url),
            esc(&s.title)
        );
    }
    h.push_str("</ul></div>");
    Ok(h)
}

/// A plain page holding the same table: the start-up baseline for `cargo xtask bench`.
pub fn static_page(table: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>elcompare static baseline</title></head><body><main>{table}</main></body></html>\n"
    )
}
