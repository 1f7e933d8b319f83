//! elcompare: an embeddable comparison widget for enterprise Linux.
//!
//! See ARCHITECTURE.md for the module map and the invariants.

// Bad input never panics: the compiler holds the rule outside tests (a panic kills
// every widget on the page, since they share one wasm instance).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod attrs;
pub mod data;
pub mod engine;
pub mod fragment;
pub mod i18n;
pub mod num;
pub mod report;
pub mod setup;
pub mod snippet;
pub mod summary;
pub mod view;

/// Fuzz-target properties, shared by `fuzz/` and `tests/fuzz_replay.rs` (native only).
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
