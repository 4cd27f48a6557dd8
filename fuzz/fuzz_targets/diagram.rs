//! Fuzz target: see `sdcoach_fuzz::diagram`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdcoach_fuzz::diagram(data));
