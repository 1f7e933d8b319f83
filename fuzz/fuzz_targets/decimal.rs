//! `cargo xtask fuzz decimal`: see `elcompare::fuzzing::decimal` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::decimal(data) {
        panic!("property failed: {e}");
    }
});
