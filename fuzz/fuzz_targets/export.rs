//! `cargo xtask fuzz export`: see `elcompare::fuzzing::export` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::export(data) {
        panic!("property failed: {e}");
    }
});
