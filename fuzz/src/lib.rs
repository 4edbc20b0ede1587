//! The invariants behind livesign's fuzz targets, shared with the main crate's tests.
//!
//! Each target is one function from input bytes to nothing that panics when livesign breaks a
//! rule: a parser disagreeing with a reference implementation (serde_json, the base64 crate,
//! the RustCrypto crates), a verifier accepting what it must refuse, a round trip that does not
//! come back, a C entry point crashing, writing past a capacity or reporting
//! `LIVESIGN_INTERNAL`. `fuzz/fuzz_targets/<name>.rs` hands libFuzzer's input to [`run`];
//! `tests/fuzz_regressions.rs` (in the main crate, which includes this file with `#[path]`)
//! replays every saved crash in `tests/fuzz_regressions/<name>/` and every seed through the
//! same functions on each `cargo test`.
//!
//! Adding a target: a module here with `pub fn check(data: &[u8])`, a line in [`TARGETS`], a
//! three-line `fuzz/fuzz_targets/<name>.rs`, a `[[bin]]` in `fuzz/Cargo.toml`, and seeds in
//! [`seeds`]. `tests/fuzz_regressions.rs` fails until all of them exist.

pub mod base64;
pub mod callback_signs;
pub mod ffi;
pub mod ffi_more;
pub mod huawei_notify;
pub mod inflate;
pub mod input;
pub mod json;
pub mod reference;
pub mod rest;
pub mod seeds;
pub mod tencent;
pub mod tencent_api;
pub mod tencent_callback;
pub mod tencent_url;
pub mod trtc_callback;
pub mod url;
pub mod url_auth;
pub mod usersig;

/// A target's invariants: panics when `data` makes livesign break a rule.
pub type Check = fn(data: &[u8]);

/// Every fuzz target: its name (the file `fuzz/fuzz_targets/<name>.rs`) and its invariants.
pub const TARGETS: &[(&str, Check)] = &[
    ("json", json::check),
    ("base64", base64::check),
    ("url", url::check),
    ("tencent_verify", tencent::check),
    ("trtc_callback", trtc_callback::check),
    ("rest_response", rest::check_response),
    ("rest_url", rest::check_url),
    ("tencent_callback", tencent_callback::check),
    ("tencent_url", tencent_url::check),
    ("tencent_api", tencent_api::check),
    ("usersig", usersig::check),
    ("inflate", inflate::check),
    ("huawei_notify", huawei_notify::check),
    ("url_auth", url_auth::check),
    ("callback_signs", callback_signs::check),
    ("ffi", ffi::check),
];

/// Runs the invariants of `target` on `data`; panics on a violation (or an unknown target).
pub fn run(target: &str, data: &[u8]) {
    let (_, check) =
        TARGETS.iter().find(|(name, _)| *name == target).unwrap_or_else(|| panic!("no fuzz target {target}"));
    check(data);
}
