#![no_main]
// The invariants live in fuzz/src (shared with tests/fuzz_regressions.rs).
libfuzzer_sys::fuzz_target!(|data: &[u8]| livesign_fuzz::run("callback_signs", data));
