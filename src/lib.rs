//! elcompare: an embeddable comparison widget for enterprise Linux.
//!
//! See ARCHITECTURE.md for the module map and the invariants.

pub mod data;
pub mod engine;
pub mod num;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
