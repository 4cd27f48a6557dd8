//! Fuzz target: see `sdcoach_fuzz::transcript_loader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdcoach_fuzz::transcript_loader(data));
