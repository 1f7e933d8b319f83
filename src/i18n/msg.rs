//! Messages in no language yet: a catalogue key and its arguments, written in a language
//! only when shown ([`Tr::msg`]). The validator, the setup's rules and the host options
//! return these, so that the pure core needs no language and a message reads in the
//! widget's; `Display` writes English (logs, tests, `cargo xtask check-dataset`).

use super::{fill, k, Tr, K};
use std::fmt;

/// A catalogue text to be filled: its key and each `{name}`'s value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    key: K,
    args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value: text as it is (ids, paths, values quoted from input) or another
/// message, written in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Msg(Msg),
}

impl Msg {
    pub fn new(key: K) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Text that is not the widget's (a parser's or the browser's message), shown as it is.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new(k::MSG_VERBATIM).with("text", text)
    }

    /// `{name}` is `value` in every language.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// `{name}` is another message, written in the same language as this one.
    #[must_use]
    pub fn with_msg(mut self, name: &'static str, value: Msg) -> Msg {
        self.args.push((name, Arg::Msg(value)));
        self
    }

    pub fn key(&self) -> K {
        self.key
    }

    /// The message in `tr`'s language.
    pub fn text(&self, tr: Tr) -> String {
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(n, a)| {
                let v = match a {
                    Arg::Text(t) => t.clone(),
                    Arg::Msg(m) => m.text(tr),
                };
                (*n, v)
            })
            .collect();
        let args: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(tr.t(self.key), &args)
    }
}

/// English.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Tr::english()))
    }
}

impl Tr {
    /// `m` in this language.
    pub fn msg(self, m: &Msg) -> String {
        m.text(self)
    }
}
