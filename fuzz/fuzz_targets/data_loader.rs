//! Fuzz target: see `sdcoach_fuzz::data_loader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdcoach_fuzz::data_loader(data));
