//! Tencent Cloud Live (CSS) exports.

use super::status::livesign_status;
use super::{boundary, input, output, write_fixed};
use crate::tencent::{self, Sign};

/// Length of a Tencent `sign`: 32 lowercase hex characters, written without a NUL.
pub const LIVESIGN_TENCENT_SIGN_LEN: usize = 32;
const _: () = assert!(LIVESIGN_TENCENT_SIGN_LEN == Sign::LEN);

/// Returns `LIVESIGN_TENCENT_SIGN_LEN`, for bindings that cannot read macros.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_sign_len() -> usize {
    LIVESIGN_TENCENT_SIGN_LEN
}

/// Tencent Cloud Live (CSS) `t + sign`: writes `sign` = lowercase hex MD5(key + decimal t)
/// for API calls and event callbacks.
///
/// - `key`, `key_len`: the CGI or callback key from the CSS console, used as raw bytes.
/// - `t`: the expiry time, Unix seconds.
/// - `out`: receives exactly `LIVESIGN_TENCENT_SIGN_LEN` bytes (no NUL); it is written only
///   on `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL or `key` is NULL
/// with `key_len > 0`; `LIVESIGN_INVALID_KEY` when the key is empty.
/// Never allocates; safe to call from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_sign(
    key: *const u8,
    key_len: usize,
    t: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: a non-NULL key points to key_len readable bytes.
        let key = unsafe { input(key, key_len) }?;
        let sign = tencent::sign(key, t)?;
        // SAFETY: out is non-NULL and the C contract gives it LIVESIGN_TENCENT_SIGN_LEN bytes.
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// Verifies a Tencent `t` + `sign` pair received at `now` (Unix seconds), tolerating
/// `leeway_s` seconds of clock skew on the expiry.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `key` or `sign` is NULL with a non-zero length;
/// - `LIVESIGN_INVALID_KEY`: the key is empty;
/// - `LIVESIGN_MALFORMED`: `sign` is not exactly 32 lowercase hex characters;
/// - `LIVESIGN_SIGNATURE_MISMATCH` ("sign invalid"): compared in constant time; a forged
///   sign is reported as this even when `t` has also passed;
/// - `LIVESIGN_EXPIRED` ("time expired"): the sign is right but `now > t + leeway_s`
///   (saturating, so no overflow at `UINT64_MAX`).
///
/// Returns `LIVESIGN_OK` when the pair is valid. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_verify(
    key: *const u8,
    key_len: usize,
    t: u64,
    sign: *const u8,
    sign_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL key and sign point to their lengths in bytes.
        let (key, sign) = unsafe { (input(key, key_len)?, input(sign, sign_len)?) };
        tencent::verify(key, t, sign, now, leeway_s)
    })
}
