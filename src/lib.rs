//! # livesign
//!
//! Signs and verifies the requests, tokens and callbacks of live-streaming clouds, exactly as
//! the clouds compute them, without touching the heap.
//!
//! The safe Rust API lives in one module per provider ([`tencent`], [`trtc`], [`huawei`],
//! [`alibaba`]); the same operations are exported as a C ABI (`include/livesign.h`, generated
//! by cbindgen) for C, C++, Swift and Kotlin. Every function takes the current time as a
//! parameter: the library never reads a clock or a random source.
//!
//! ```
//! let sign = livesign::tencent::sign(b"5d41402abc4b2a76b9719d911017c592", 1471850187)?;
//! assert_eq!(sign.as_str(), "b17971b51ba0fe5916ddcd96692e9fb3");
//! livesign::tencent::verify(b"5d41402abc4b2a76b9719d911017c592", 1471850187,
//!                           sign.as_bytes(), 1471850127, 0)?;
//! # Ok::<(), livesign::Error>(())
//! ```

// Only `ffi` opts out (with a SAFETY line on every block); tests and benches may call the
// C functions, which are unsafe by nature.
#![deny(unsafe_code)]

pub mod alibaba;
mod authkey;
mod base64;
mod bytes;
mod digest;
mod error;
mod expiry;
pub mod ffi;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzz_api;
mod host;
pub mod huawei;
mod json;
mod keyring;
mod limits;
pub mod tencent;
mod text;
pub mod trtc;
mod txsecret;
mod url;

pub use digest::hmac::HmacKey;
pub use error::Error;
pub use json::{Str as JsonStr, Unescaped};
pub use limits::Limits;
pub use text::Hex;
pub use url::SignedQuery;

/// The crate version, as `livesign_version()` reports it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The static English message of a C status number (what `livesign_status_str` returns).
pub fn status_str(code: u32) -> &'static str {
    ffi::status::livesign_status::from_code(code)
        .map_or(ffi::status::UNKNOWN, ffi::status::livesign_status::message)
        .to_str()
        .unwrap_or_default()
}

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
