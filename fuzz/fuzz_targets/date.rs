//! `cargo xtask fuzz date`: see `elcompare::fuzzing::date` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::date(data) {
        panic!("property failed: {e}");
    }
});
