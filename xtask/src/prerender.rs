//! Build-time static HTML from the embedded dataset: readable before the wasm starts and
//! if it never does. It is `elcompare::snippet::static_html`, the same code the widget runs
//! for "Copy embed code" and the snippet generator, here for the default setup, scored for
//! the dataset's as-of date (so a build does not depend on the day it runs).

use crate::Result;
use elcompare::data;
use elcompare::setup::Setup;
use elcompare::view::Presentation;

/// The static version of the default setup.
pub fn table_html() -> Result<String> {
    let d = data::from_json_str(data::EMBEDDED_JSON).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("embedded dataset is invalid:\n  {}", list.join("\n  "))
    })?;
    Ok(elcompare::snippet::static_html(
        &d,
        &Setup::defaults(&d),
        d.as_of,
        &Presentation::default(),
    ))
}

/// A plain page holding the same table: the start-up baseline for `cargo xtask bench`.
pub fn static_page(table: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>elcompare static baseline</title></head><body><main>{table}</main></body></html>\n"
    )
}
