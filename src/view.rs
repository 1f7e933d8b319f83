//! Which parts of the widget show, and its title: the `view`, `sections`, `heading` and
//! `heading-level` host options. Pure Rust, tested natively.

use crate::i18n::{k, Msg, Tr};
use crate::setup::clip;

/// A part of the widget a host can show or leave out, in the order the full view shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Situation,
    Recommendation,
    Ranking,
    Priorities,
    MustHaves,
    Compare,
    Timeline,
    Migration,
    Sources,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Situation,
        Section::Recommendation,
        Section::Ranking,
        Section::Priorities,
        Section::MustHaves,
        Section::Compare,
        Section::Timeline,
        Section::Migration,
        Section::Sources,
    ];

    /// The name used in the `sections` attribute.
    pub fn id(self) -> &'static str {
        match self {
            Section::Situation => "situation",
            Section::Recommendation => "recommendation",
            Section::Ranking => "ranking",
            Section::Priorities => "priorities",
            Section::MustHaves => "must-haves",
            Section::Compare => "compare",
            Section::Timeline => "timeline",
            Section::Migration => "migration",
            Section::Sources => "sources",
        }
    }

    /// How the "more" box names it, in `tr`'s language.
    pub fn label(self, tr: Tr) -> &'static str {
        tr.t(match self {
            Section::Situation => k::SECTION_SITUATION,
            Section::Recommendation => k::SECTION_RECOMMENDATION,
            Section::Ranking => k::SECTION_RANKING,
            Section::Priorities => k::SECTION_PRIORITIES,
            Section::MustHaves => k::SECTION_MUST_HAVES,
            Section::Compare => k::SECTION_COMPARE,
            Section::Timeline => k::SECTION_TIMELINE,
            Section::Migration => k::SECTION_MIGRATION,
            Section::Sources => k::SECTION_SOURCES,
        })
    }
}

/// The preset layouts of the `view` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Everything.
    #[default]
    Full,
    /// The situation picker, the recommendation with its reasons and the ranking; the rest
    /// one click away.
    Compact,
    /// A card for a sidebar: the recommendation; the rest one click away.
    Recommendation,
}

impl View {
    pub const ALL: [View; 3] = [View::Full, View::Compact, View::Recommendation];

    pub fn id(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Compact => "compact",
            View::Recommendation => "recommendation",
        }
    }

    fn shown(self) -> &'static [Section] {
        match self {
            View::Full => &Section::ALL,
            View::Compact => &[
                Section::Situation,
                Section::Recommendation,
                Section::Ranking,
            ],
            View::Recommendation => &[Section::Recommendation],
        }
    }
}

/// Highest and lowest `heading-level`.
pub const HEADING_MIN: u8 = 2;
pub const HEADING_MAX: u8 = 6;

/// How the widget presents itself; the setup (what the visitor chose) is separate.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    pub view: View,
    /// Parts given explicitly by `sections` (in the widget's own order); None: the view's.
    pub sections: Option<Vec<Section>>,
    /// None: the dataset's title; Some(""): no title; otherwise the host's own title.
    pub heading: Option<String>,
    /// Level of the title's heading element (2–6); sub-headings are one below (at most 6).
    pub heading_level: u8,
}

impl Default for Presentation {
    fn default() -> Self {
        Presentation {
            view: View::Full,
            sections: None,
            heading: None,
            heading_level: HEADING_MIN,
        }
    }
}

impl Presentation {
    /// Whether `s` shows in the main body.
    pub fn shows(&self, s: Section) -> bool {
        match &self.sections {
            Some(list) => list.contains(&s),
            None => self.view.shown().contains(&s),
        }
    }

    /// Whether a part is in the widget at all: shown, or folded in the "more" box.
    pub fn includes(&self, x: Section) -> bool {
        self.shows(x) || self.folded().contains(&x)
    }

    /// Parts that sit folded in a "more" box: those a compact view leaves out. With an
    /// explicit `sections` list, the others are left out entirely.
    pub fn folded(&self) -> Vec<Section> {
        if self.sections.is_some() {
            return Vec::new();
        }
        Section::ALL
            .into_iter()
            .filter(|s| !self.shows(*s))
            .collect()
    }

    /// Level of the widget's sub-headings ("Recommendation", "Side by side", …).
    pub fn sub_level(&self) -> u8 {
        (self.heading_level + 1).min(HEADING_MAX)
    }

    /// Sets `view`; the error lists the valid values.
    pub fn set_view(&mut self, text: &str) -> Result<(), Msg> {
        self.view = View::ALL
            .into_iter()
            .find(|v| v.id() == text.trim())
            .ok_or_else(|| {
                let ids: Vec<&str> = View::ALL.iter().map(|v| v.id()).collect();
                Msg::new(k::OPTION_VIEW)
                    .with("value", clip(text))
                    .with("ids", ids.join(", "))
            })?;
        Ok(())
    }

    /// Sets `sections` from a comma-separated list (empty: back to the view's parts).
    pub fn set_sections(&mut self, text: &str) -> Result<(), Msg> {
        let mut picked = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Section::ALL.into_iter().find(|s| s.id() == name) {
                Some(s) => picked.push(s),
                None => {
                    let ids: Vec<&str> = Section::ALL.iter().map(|s| s.id()).collect();
                    return Err(Msg::new(k::OPTION_SECTIONS)
                        .with("value", clip(text))
                        .with("name", clip(name))
                        .with("ids", ids.join(", ")));
                }
            }
        }
        self.sections = if picked.is_empty() {
            None
        } else {
            Some(
                Section::ALL
                    .into_iter()
                    .filter(|s| picked.contains(s))
                    .collect(),
            )
        };
        Ok(())
    }

    pub fn set_heading(&mut self, text: &str) {
        self.heading = Some(text.trim().to_string());
    }

    /// Sets `heading-level` (2–6).
    pub fn set_heading_level(&mut self, text: &str) -> Result<(), Msg> {
        match text.trim().parse::<u8>() {
            Ok(n) if (HEADING_MIN..=HEADING_MAX).contains(&n) => {
                self.heading_level = n;
                Ok(())
            }
            _ => Err(Msg::new(k::OPTION_HEADING_LEVEL).with("value", clip(text))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_show_and_fold() {
        let mut p = Presentation::default();
        assert!(Section::ALL.iter().all(|s| p.shows(*s)));
        assert!(p.folded().is_empty());
        p.set_view("compact").unwrap();
        assert!(p.shows(Section::Situation) && p.shows(Section::Ranking));
        assert!(!p.shows(Section::Priorities));
        assert_eq!(p.folded().first(), Some(&Section::Priorities));
        assert_eq!(p.folded().len(), 6);
        // Folded parts are still part of the widget (the planner then needs no picker of its own).
        assert!(!p.shows(Section::MustHaves) && p.includes(Section::MustHaves));
        p.set_view("recommendation").unwrap();
        assert_eq!(p.folded().len(), 8);
        let err = p.set_view("tiny").unwrap_err().to_string();
        assert_eq!(
            err,
            "view \"tiny\" is not one of: full, compact, recommendation"
        );
        assert_eq!(p.view, View::Recommendation, "a bad value changes nothing");
    }

    #[test]
    fn sections_are_explicit_and_in_the_widgets_order() {
        let mut p = Presentation::default();
        p.set_sections("timeline, recommendation").unwrap();
        assert_eq!(
            p.sections,
            Some(vec![Section::Recommendation, Section::Timeline])
        );
        assert!(p.folded().is_empty());
        assert!(!p.shows(Section::Situation));
        assert!(!p.includes(Section::Situation) && p.includes(Section::Timeline));
        assert!(p
            .set_sections("ranking,charts")
            .unwrap_err()
            .to_string()
            .starts_with(
                "sections \"ranking,charts\": \"charts\" is not one of: situation, recommendation"
            ));
        // Untrusted text is quoted clipped (found by the host fuzz target).
        let long = "x".repeat(5000);
        for e in [
            p.set_view(&long),
            p.set_sections(&long),
            p.set_heading_level(&long),
        ] {
            let e = e.unwrap_err();
            for tr in crate::i18n::Tr::all() {
                assert!(e.text(tr).chars().count() < 400);
            }
        }
        p.set_sections("").unwrap();
        assert_eq!(p.sections, None);
    }

    #[test]
    fn heading_levels() {
        let mut p = Presentation::default();
        assert_eq!((p.heading_level, p.sub_level()), (2, 3));
        p.set_heading_level("6").unwrap();
        assert_eq!(p.sub_level(), 6);
        assert!(p.set_heading_level("1").is_err());
        assert!(p.set_heading_level("h3").is_err());
        p.set_heading("");
        assert_eq!(p.heading.as_deref(), Some(""));
    }
}
