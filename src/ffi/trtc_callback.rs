//! TRTC event callback exports: `Sign` = standard base64 of HMAC-SHA256(callback key, raw
//! body), with raw keys, loaded keys and key rings, and the `CallbackTs` replay window.

use super::hmac_key::{self, Ring, livesign_hmac_key};
use super::slice::{Keys, livesign_slice, report_match};
use super::status::livesign_status;
use super::{boundary, input, output, write_fixed};
use crate::trtc::callback::{self, KEY_MAX_LEN, Sign};

/// Length of a TRTC callback `Sign`: 44 characters of standard base64, written without a NUL.
pub const LIVESIGN_TRTC_CALLBACK_SIGN_LEN: usize = 44;
const _: () = assert!(LIVESIGN_TRTC_CALLBACK_SIGN_LEN == Sign::LEN);

/// Longest TRTC callback key: the console allows up to 32 letters and digits.
pub const LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN: usize = 32;
const _: () = assert!(LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN == KEY_MAX_LEN);

/// Returns `LIVESIGN_TRTC_CALLBACK_SIGN_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_trtc_callback_sign_len() -> usize {
    LIVESIGN_TRTC_CALLBACK_SIGN_LEN
}

/// Checks a TRTC callback key against the console's rules: 1 to
/// `LIVESIGN_TRTC_CALLBACK_KEY_MAX_LEN` characters, each an ASCII letter or digit. Use it
/// before `livesign_hmac_key_init`: the `_keyed` functions can check only the length.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `key` is NULL with `key_len > 0`;
/// `LIVESIGN_INVALID_KEY` when the key breaks the rules. Never allocates.
#[must_use = "the status says whether the key is usable"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_key_check(key: *const u8, key_len: usize) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: a non-NULL key points to key_len readable bytes.
        callback::check_key(unsafe { input(key, key_len) }?)
    })
}

/// Computes the `Sign` header TRTC sends with a callback body: standard base64 (with `=`
/// padding) of HMAC-SHA256(key, body). For tests and rigs that play Tencent's part.
///
/// - `key`, `key_len`: the callback key from the TRTC console (1 to 32 letters and digits).
/// - `body`, `body_len`: the raw request body, byte for byte.
/// - `out`: receives exactly `LIVESIGN_TRTC_CALLBACK_SIGN_LEN` bytes (no NUL), only on
///   `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a non-zero length or `body` is longer than `LIVESIGN_MAX_BODY_LEN`;
/// `LIVESIGN_INVALID_KEY` when the key breaks the console's rules. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_sign(
    key: *const u8,
    key_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, body) = unsafe { (input(key, key_len)?, input(body, body_len)?) };
        let sign = callback::sign(key, body)?;
        // SAFETY: out is non-NULL and holds LIVESIGN_TRTC_CALLBACK_SIGN_LEN bytes by contract.
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// `livesign_trtc_callback_sign` with a key loaded by `livesign_hmac_key_init`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `key` is NULL, not initialised or
/// wiped, when `out` is NULL, or when `body` is NULL with a non-zero length or longer than
/// `LIVESIGN_MAX_BODY_LEN`; then `LIVESIGN_INVALID_KEY` when the loaded key is longer than 32 bytes (its characters cannot be
/// checked here: use `livesign_trtc_callback_key_check` before loading it). Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_sign_keyed(
    key: *const livesign_hmac_key,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: key is NULL or a readable context; a non-NULL body points to
        // body_len readable bytes.
        let (key, body) = unsafe { (hmac_key::loaded(key)?, input(body, body_len)?) };
        let sign = callback::sign_keyed(&key, body)?;
        // SAFETY: out is non-NULL and holds LIVESIGN_TRTC_CALLBACK_SIGN_LEN bytes by contract.
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// Verifies a TRTC event callback: `sign` (the `Sign` request header) must be the standard
/// base64 of HMAC-SHA256(key, body), computed over the raw body bytes exactly as received
/// (never parse and re-serialise the body first).
///
/// - `key`, `key_len`: the callback key from the TRTC console.
/// - `body`, `body_len`: the raw request body.
/// - `sign`, `sign_len`: the `Sign` header value, without surrounding whitespace.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: an input is NULL with a non-zero length, or `body` is longer
///   than `LIVESIGN_MAX_BODY_LEN`;
/// - `LIVESIGN_INVALID_KEY`: the key is empty, longer than 32 bytes, or has a character that
///   is not an ASCII letter or digit;
/// - `LIVESIGN_MALFORMED`: `sign` is not the canonical 44-character padded standard base64 of
///   32 bytes;
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time over the decoded bytes.
///
/// Returns `LIVESIGN_OK` when the body is authentic. Replays are a separate check:
/// `livesign_trtc_callback_check_time`. Never allocates.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_verify(
    key: *const u8,
    key_len: usize,
    body: *const u8,
    body_len: usize,
    sign: *const u8,
    sign_len: usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, body, sign) = unsafe { (input(key, key_len)?, input(body, body_len)?, input(sign, sign_len)?) };
        callback::verify(key, body, sign)
    })
}

/// `livesign_trtc_callback_verify` with a key loaded by `livesign_hmac_key_init`.
///
/// Checks run in this order: `LIVESIGN_INVALID_ARGUMENT` (`key` NULL, not initialised or
/// wiped; an input NULL with a non-zero length; `body` longer than `LIVESIGN_MAX_BODY_LEN`),
/// `LIVESIGN_INVALID_KEY` (the loaded key is
/// longer than 32 bytes; its characters cannot be checked here: use
/// `livesign_trtc_callback_key_check` before loading it), `LIVESIGN_MALFORMED`,
/// `LIVESIGN_SIGNATURE_MISMATCH`, as for `livesign_trtc_callback_verify`. Returns `LIVESIGN_OK`
/// when the body is authentic. Never allocates.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_verify_keyed(
    key: *const livesign_hmac_key,
    body: *const u8,
    body_len: usize,
    sign: *const u8,
    sign_len: usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: key is NULL or a readable context; non-NULL inputs point to
        // their lengths in bytes.
        let (key, body, sign) = unsafe { (hmac_key::loaded(key)?, input(body, body_len)?, input(sign, sign_len)?) };
        callback::verify_keyed(&key, body, sign)
    })
}

/// `livesign_trtc_callback_verify` against a key ring: the current callback key and the ones
/// it replaced (Tencent keeps retrying a callback for a minute, so callbacks signed with the
/// old key still arrive just after a change).
///
/// - `keys`, `keys_len`: 1 to `LIVESIGN_MAX_KEYS` keys.
/// - `matched`: nullable; on `LIVESIGN_OK` receives the index of the first key that matched,
///   and is left untouched otherwise.
///
/// Every key is checked against the rules first and every key is tried, so the time taken
/// does not depend on which key matched. Checks run in this order and the first failure is
/// returned: `LIVESIGN_INVALID_ARGUMENT` (`keys` NULL, `keys_len` 0 or above
/// `LIVESIGN_MAX_KEYS`, a key or input NULL with a non-zero length, `body` longer than
/// `LIVESIGN_MAX_BODY_LEN`), `LIVESIGN_INVALID_KEY`
/// (any key breaks the console's rules), `LIVESIGN_MALFORMED` (`sign` as for
/// `livesign_trtc_callback_verify`), `LIVESIGN_SIGNATURE_MISMATCH` (no key matches). Never
/// allocates.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_verify_ring(
    keys: *const livesign_slice,
    keys_len: usize,
    body: *const u8,
    body_len: usize,
    sign: *const u8,
    sign_len: usize,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys is NULL or keys_len slices, each valid for its length;
        // non-NULL inputs point to their lengths in bytes.
        let (keys, body, sign) =
            unsafe { (Keys::read(keys, keys_len)?, input(body, body_len)?, input(sign, sign_len)?) };
        let index = callback::verify_ring(keys.as_slice(), body, sign)?;
        // SAFETY: the C contract: matched is NULL or a writable size_t.
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// `livesign_trtc_callback_verify_ring` with keys loaded once into contexts
/// (`livesign_hmac_key_init`): `keys` points to `keys_len` of them (1 to `LIVESIGN_MAX_KEYS`),
/// current key first. As for `livesign_trtc_callback_verify_keyed`, only each key's length can
/// be checked here (check its characters with `livesign_trtc_callback_key_check` before
/// loading it).
///
/// Returns as `livesign_trtc_callback_verify_ring`: `LIVESIGN_INVALID_ARGUMENT` also when a
/// context was never initialised or was wiped, `LIVESIGN_INVALID_KEY` when a loaded key is
/// longer than 32 bytes. `matched` (nullable) receives the index of the first
/// key that matched on `LIVESIGN_OK`. Never allocates.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_verify_ring_keyed(
    keys: *const livesign_hmac_key,
    keys_len: usize,
    body: *const u8,
    body_len: usize,
    sign: *const u8,
    sign_len: usize,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys is NULL or keys_len contexts; non-NULL inputs point to
        // their lengths in bytes.
        let (ring, body, sign) =
            unsafe { (Ring::read(keys, keys_len)?, input(body, body_len)?, input(sign, sign_len)?) };
        let index = callback::verify_ring_keyed(ring.as_slice(), body, sign)?;
        // SAFETY: the C contract: matched is NULL or a writable size_t.
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// The replay window of a verified TRTC callback: reads the body's `CallbackTs` (the send
/// time, Unix milliseconds) and refuses a callback sent more than `max_age_s` seconds before
/// `now` (Unix seconds): `LIVESIGN_EXPIRED` when `now > CallbackTs / 1000 + max_age_s`
/// (saturating). `max_age_s` covers the clock skew too; Tencent retries for one minute, so
/// keep it above 60 (300 is the usual webhook window). A future `CallbackTs` is accepted.
/// Call it after `livesign_trtc_callback_verify` succeeded: before that, `CallbackTs` is
/// whatever a forger wrote.
///
/// - `callback_ts_ms`: nullable; receives `CallbackTs` whenever it was read (on `LIVESIGN_OK`
///   and `LIVESIGN_EXPIRED`), 0 otherwise.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `body` is NULL with a non-zero
/// length or longer than `LIVESIGN_MAX_BODY_LEN`; `LIVESIGN_MALFORMED` when the body is not
/// one strict JSON object or `CallbackTs` is
/// missing, present twice, or not a non-negative integer within uint64_t; `LIVESIGN_EXPIRED`.
/// Never allocates.
#[must_use = "the status says whether the callback is fresh"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_trtc_callback_check_time(
    body: *const u8,
    body_len: usize,
    now: u64,
    max_age_s: u32,
    callback_ts_ms: *mut u64,
) -> livesign_status {
    boundary(|| {
        let report = |ts: u64| {
            if !callback_ts_ms.is_null() {
                // SAFETY: non-NULL, and the C contract makes it a writable uint64_t.
                unsafe { callback_ts_ms.write(ts) };
            }
        };
        report(0);
        // SAFETY: the C contract: a non-NULL body points to body_len readable bytes.
        let ts = callback::callback_ts(unsafe { input(body, body_len) }?)?;
        report(ts);
        callback::check_age(ts, now, max_age_s)
    })
}
