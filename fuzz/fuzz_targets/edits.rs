//! `cargo xtask fuzz edits`: see `elcompare::fuzzing::edits` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::edits(data) {
        panic!("property failed: {e}");
    }
});
