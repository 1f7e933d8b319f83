//! The German texts of the shipped dataset (`translations.de` in data/distros.json) keep
//! every fact of their English key: each date of the English text appears in German form
//! ("31. Mai 2029", as the interface writes dates; month names in German), each number and each technical name (command,
//! package, host, architecture) appears unchanged, a quantity with decimals takes the decimal
//! comma (1,5 GB; version numbers such as 9.2 keep their dot), and the reader is addressed as
//! "Sie".
//! The validator checks that every text has a translation; this checks what it says.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::EMBEDDED_JSON;

const MONTHS: [(&str, &str); 12] = [
    ("January", "Januar"),
    ("February", "Februar"),
    ("March", "März"),
    ("April", "April"),
    ("May", "Mai"),
    ("June", "Juni"),
    ("July", "Juli"),
    ("August", "August"),
    ("September", "September"),
    ("October", "Oktober"),
    ("November", "November"),
    ("December", "Dezember"),
];

/// The German table of the embedded dataset, in file order.
fn german() -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).expect("dataset parses");
    let table = v["translations"]["de"]
        .as_object()
        .expect("data/distros.json has a translations.de table");
    table
        .iter()
        .map(|(en, de)| (en.clone(), de.as_str().expect("a text").to_string()))
        .collect()
}

/// (start, year, month, day) of each ISO date `YYYY-MM-DD` in `s`.
fn iso_dates(s: &str) -> Vec<(usize, &str, &str, &str)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(9) {
        let edge_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let edge_after = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if edge_before
            && edge_after
            && digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
            && b[i + 7] == b'-'
            && digits(i + 8..i + 10)
        {
            out.push((i, &s[i..i + 4], &s[i + 5..i + 7], &s[i + 8..i + 10]));
        }
    }
    out
}

/// An ISO date the German way, as the interface's catalogue writes it: "31. Mai 2029".
fn german_date(y: &str, m: &str, d: &str) -> String {
    let month = m
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = d.trim_start_matches('0');
    format!("{day}. {} {y}", month.map_or("?", |(_, de)| *de))
}

/// `s` with each ISO date written the German way.
fn german_dates(s: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (i, y, m, d) in iso_dates(s) {
        out.push_str(&s[at..i]);
        out.push_str(&german_date(y, m, d));
        at = i + 10;
    }
    out.push_str(&s[at..]);
    out
}

/// The numbers of `s` (digit runs joined by single dots, such as 9.2 or 1.5), sorted
/// and without repeats.
fn numbers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_dot =
            c == '.' && !cur.is_empty() && chars.peek().is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || inner_dot {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.extend((!cur.is_empty()).then_some(cur));
    out.sort();
    out.dedup();
    out
}

/// `s` with each comma between two digits read as a decimal point (German 1,5 is 1.5).
fn decimal_points(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    (0..c.len())
        .map(|i| {
            let between = i > 0 && c[i - 1].is_ascii_digit();
            let digit_next = c.get(i + 1).is_some_and(char::is_ascii_digit);
            if c[i] == ',' && between && digit_next {
                '.'
            } else {
                c[i]
            }
        })
        .collect()
}

/// The quantities with decimals in `en` (a number with one dot before a unit), as German
/// writes them: "1.5 GB" gives "1,5 GB".
fn decimal_quantities(en: &str) -> Vec<String> {
    const UNITS: [&str; 5] = [" KB", " MB", " GB", " TB", "%"];
    let mut out = Vec::new();
    for n in numbers(en) {
        if n.matches('.').count() != 1 {
            continue;
        }
        for (i, _) in en.match_indices(n.as_str()) {
            let edge = i == 0 || !en.as_bytes()[i - 1].is_ascii_digit();
            let rest = &en[i + n.len()..];
            if let Some(unit) = UNITS.iter().find(|u| rest.starts_with(*u)).filter(|_| edge) {
                let unit = if *unit == "%" { " %" } else { unit };
                out.push(format!("{}{unit}", n.replace('.', ",")));
            }
        }
    }
    out
}

/// Technical names in `s` that a translation must keep verbatim: words with a lowercase
/// letter next to a digit or an underscore, or a dot between letters (x86_64, s390x,
/// migrate2rocky9.sh, git.centos.org), without a possessive 's.
fn technical(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || ",;:()\"/„“".contains(c))
        .map(|w| w.trim_end_matches("'s").trim_end_matches('.'))
        .filter(|w| {
            w.as_bytes().windows(2).any(|p| {
                let (a, b) = (p[0], p[1]);
                (a.is_ascii_lowercase() && (b.is_ascii_digit() || b == b'_'))
                    || ((a.is_ascii_digit() || a == b'_') && b.is_ascii_lowercase())
            }) || w
                .as_bytes()
                .windows(3)
                .any(|p| p[0].is_ascii_lowercase() && p[1] == b'.' && p[2].is_ascii_lowercase())
        })
        .collect()
}

/// What the German text `de` gets wrong against its English key `en` (empty when sound).
fn problems(en: &str, de: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !iso_dates(de).is_empty() {
        out.push("has an ISO date: write \"31. Mai 2029\"".to_string());
    }
    for (_, y, m, d) in iso_dates(en) {
        let want = german_date(y, m, d);
        if !de.contains(&want) {
            out.push(format!("lacks the date {want}"));
        }
    }
    let (want, got) = (numbers(&german_dates(en)), numbers(&decimal_points(de)));
    if want != got {
        out.push(format!("numbers {got:?} where the English has {want:?}"));
    }
    for q in decimal_quantities(en) {
        if !de.contains(&q) {
            out.push(format!("lacks \"{q}\" (decimal comma)"));
        }
    }
    for t in technical(en) {
        if !de.contains(t) {
            out.push(format!("lacks `{t}`"));
        }
    }
    for (en_month, de_month) in MONTHS {
        for (i, _) in en.match_indices(en_month) {
            let year = en[i + en_month.len()..]
                .strip_prefix(' ')
                .and_then(|r| r.get(..4));
            if let Some(y) = year.filter(|y| y.bytes().all(|b| b.is_ascii_digit())) {
                if !de.contains(&format!("{de_month} {y}")) {
                    out.push(format!("lacks \"{de_month} {y}\""));
                }
            }
        }
    }
    let informal = [
        "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner",
    ];
    if de
        .split(|c: char| !c.is_alphabetic())
        .any(|w| informal.contains(&w.to_lowercase().as_str()))
    {
        out.push("addresses the reader as \"du\": use \"Sie\"".to_string());
    }
    out
}

#[test]
fn german_texts_keep_dates_numbers_and_names() {
    let table = german();
    assert!(
        table.len() > 100,
        "translations.de has only {} entries",
        table.len()
    );
    let bad: Vec<String> = table
        .iter()
        .flat_map(|(en, de)| {
            problems(en, de)
                .into_iter()
                .map(move |p| format!("{en:?}: {p}"))
        })
        .collect();
    assert!(bad.is_empty(), "German dataset texts:\n{}", bad.join("\n"));
}

#[test]
fn the_checks_catch_each_kind_of_slip() {
    let en = "Ended on 2021-12-31 after 8.4 in June 2029; run migrate2rocky9.sh on x86_64 with \
              1.5 GB free.";
    let good =
        "Endete am 31. Dezember 2021 nach 8.4 im Juni 2029; führen Sie migrate2rocky9.sh unter \
                x86_64 mit 1,5 GB freiem Platz aus.";
    assert_eq!(problems(en, good), Vec::<String>::new());
    let slips = [
        ("am 2021-12-31 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86_64, 1,5 GB", "ISO date"),
        ("am 31.12.2021 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86_64, 1,5 GB", "31. Dezember 2021"),
        ("am 31. Dezember 2022 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86_64, 1,5 GB", "31. Dezember 2021"),
        ("am 31. Dezember 2021 nach 8.5 im Juni 2029; migrate2rocky9.sh, x86_64, 1,5 GB", "numbers"),
        ("am 31. Dezember 2021 nach 8.4 im June 2029; migrate2rocky9.sh, x86_64, 1,5 GB", "Juni 2029"),
        ("am 31. Dezember 2021 nach 8.4 im Juni 2029; migrate2rocky9, x86_64, 1,5 GB", "migrate2rocky9.sh"),
        ("am 31. Dezember 2021 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86-64, 1,5 GB", "x86_64"),
        ("am 31. Dezember 2021 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86_64, 1.5 GB", "1,5 GB"),
        ("am 31. Dezember 2021 nach 8.4 im Juni 2029; migrate2rocky9.sh, x86_64, 1,5 GB, wenn du willst", "du"),
    ];
    for (de, expect) in slips {
        let found = problems(en, de);
        assert!(
            found.iter().any(|p| p.contains(expect)),
            "{de:?} should be reported for {expect:?}, got {found:?}"
        );
    }
}
