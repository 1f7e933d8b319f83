//! Pure scoring: see ARCHITECTURE.md.
