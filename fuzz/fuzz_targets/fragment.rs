//! `cargo xtask fuzz fragment`: see `elcompare::fuzzing::fragment` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::fragment(data) {
        panic!("property failed: {e}");
    }
});
