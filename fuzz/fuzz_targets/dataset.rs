//! `cargo xtask fuzz dataset`: see `elcompare::fuzzing::dataset` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::dataset(data) {
        panic!("property failed: {e}");
    }
});
