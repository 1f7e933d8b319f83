//! The dataset's references, resolved once: which option and version a version or waypoint id
//! names, each option's ratings in criterion order, each migration's ends and tool, sources
//! and flags by id.
//!
//! [`super::from_deserializer`] resolves them right after validation, in the same place the
//! dates become days, so the embedded dataset and a host's share them; a dataset built in code
//! (tests) resolves on first use. Consumers ask [`Dataset::refs`] instead of searching the
//! lists by id again. A lookup that can legitimately find nothing (a host's unknown current
//! version, an option without a rating for a criterion) is an `Option`; nothing here has a
//! fallback for a reference the validator has already checked.

use super::{Dataset, OptionEntry, Rating, Source, Version};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What a version or waypoint id names: its option and its place in that option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    /// Index into `dataset.options`.
    pub option: usize,
    pub at: At,
}

/// A stage's place in its option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    /// Index into the option's `versions`.
    Version(usize),
    /// Index into `dataset.waypoints` (a stage routes pass through, never land on).
    Waypoint(usize),
}

impl Stage {
    /// The version index, for a version.
    pub fn version(self) -> Option<usize> {
        match self.at {
            At::Version(v) => Some(v),
            At::Waypoint(_) => None,
        }
    }
}

/// One migration's ends and tool, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MigrationRefs {
    pub from: Option<Stage>,
    pub to: Option<Stage>,
    /// Index into `dataset.tools`.
    pub tool: Option<usize>,
}

/// The resolved references of one dataset (see the module documentation).
#[derive(Debug, Default, PartialEq)]
pub struct Refs {
    stages: BTreeMap<String, Stage>,
    /// Per option, per criterion (in criteria order): index into the option's `ratings`.
    ratings: Vec<Vec<Option<usize>>>,
    migrations: Vec<MigrationRefs>,
    options: BTreeMap<String, usize>,
    sources: BTreeMap<String, usize>,
    flags: BTreeMap<String, usize>,
}

impl Refs {
    fn new<D>(d: &Dataset<D>) -> Refs {
        let mut stages = BTreeMap::new();
        for (oi, o) in d.options.iter().enumerate() {
            for (vi, v) in o.versions.iter().enumerate() {
                stages.entry(v.id.clone()).or_insert(Stage {
                    option: oi,
                    at: At::Version(vi),
                });
            }
        }
        for (wi, w) in d.waypoints.iter().enumerate() {
            if let Some(oi) = d.options.iter().position(|o| o.id == w.option) {
                stages.entry(w.id.clone()).or_insert(Stage {
                    option: oi,
                    at: At::Waypoint(wi),
                });
            }
        }
        let ratings = d
            .options
            .iter()
            .map(|o| {
                d.criteria
                    .iter()
                    .map(|c| o.ratings.iter().position(|r| r.criterion == c.id))
                    .collect()
            })
            .collect();
        let migrations = d
            .migrations
            .iter()
            .map(|m| MigrationRefs {
                from: stages.get(&m.from).copied(),
                to: stages.get(&m.to).copied(),
                tool: m
                    .tool
                    .as_ref()
                    .and_then(|t| d.tools.iter().position(|x| &x.id == t)),
            })
            .collect();
        let index = |ids: &mut dyn Iterator<Item = &String>| {
            let mut map = BTreeMap::new();
            for (i, id) in ids.enumerate() {
                map.entry(id.clone()).or_insert(i);
            }
            map
        };
        Refs {
            stages,
            ratings,
            migrations,
            options: index(&mut d.options.iter().map(|o| &o.id)),
            sources: index(&mut d.sources.iter().map(|s| &s.id)),
            flags: index(&mut d.flags.iter().map(|f| &f.id)),
        }
    }

    /// The option and place of a version or waypoint id (None: no such stage).
    pub fn stage(&self, id: &str) -> Option<Stage> {
        self.stages.get(id).copied()
    }

    /// The resolved ends and tool of migration `mi` (index into `dataset.migrations`).
    pub fn migration(&self, mi: usize) -> Option<MigrationRefs> {
        self.migrations.get(mi).copied()
    }

    /// Index into `dataset.options` of an option id.
    pub fn option(&self, id: &str) -> Option<usize> {
        self.options.get(id).copied()
    }

    /// Index into `dataset.sources` of a source id.
    pub fn source(&self, id: &str) -> Option<usize> {
        self.sources.get(id).copied()
    }

    /// Index into `dataset.flags` of a flag id.
    pub fn flag(&self, id: &str) -> Option<usize> {
        self.flags.get(id).copied()
    }
}

/// The cell holding a dataset's [`Refs`]. A clone starts empty (a copy may be edited before
/// it is used); it compares equal to every other (it is derived from the dataset).
#[derive(Default)]
pub struct Resolved(OnceLock<Refs>);

impl Clone for Resolved {
    fn clone(&self) -> Self {
        Resolved::default()
    }
}

impl PartialEq for Resolved {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Resolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Resolved")
    }
}

impl<D> Dataset<D> {
    /// The resolved references (made once: by the loader, or on first use).
    pub fn refs(&self) -> &Refs {
        self.resolved.0.get_or_init(|| Refs::new(self))
    }

    /// Option `oi`'s rating on criterion `ci` (None: it has none).
    pub fn rating(&self, oi: usize, ci: usize) -> Option<&Rating> {
        let ri = self.refs().ratings.get(oi)?.get(ci).copied()??;
        self.options.get(oi)?.ratings.get(ri)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source<D>> {
        self.sources.get(self.refs().source(id)?)
    }

    /// The option with this id, with its index.
    pub fn option(&self, id: &str) -> Option<(usize, &OptionEntry<D>)> {
        let oi = self.refs().option(id)?;
        Some((oi, self.options.get(oi)?))
    }

    /// The version with this id, with its option's index.
    pub fn version(&self, id: &str) -> Option<(usize, &Version<D>)> {
        let s = self.refs().stage(id)?;
        Some((
            s.option,
            self.options.get(s.option)?.versions.get(s.version()?)?,
        ))
    }
}
