//! Fuzz target: see `sdcoach_fuzz::quantities`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdcoach_fuzz::quantities(data));
