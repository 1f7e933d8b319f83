//! `cargo xtask fuzz host`: see `elcompare::fuzzing::host` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = elcompare::fuzzing::host(data) {
        panic!("property failed: {e}");
    }
});
