//! Fuzz target: see `sdcoach_fuzz::answer_grader`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| sdcoach_fuzz::answer_grader(data));
