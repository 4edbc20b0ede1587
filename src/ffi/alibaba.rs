//! Alibaba Cloud ApsaraVideo Live exports: URL signing type A and callback signatures.

use super::buffer::OutBuf;
use super::slice::{Keys, livesign_slice, report_match};
use super::status::livesign_status;
use super::{boundary, input, output, text, write_fixed};
use crate::alibaba;

/// Length of an Alibaba `ALI-LIVE-SIGNATURE`: 32 lowercase hex characters, without a NUL.
pub const LIVESIGN_ALIBABA_SIGN_LEN: usize = 32;
/// Longest query `livesign_alibaba_url_a_build` writes (20 time digits, 64-character `rand`
/// and `uid`).
pub const LIVESIGN_ALIBABA_URL_A_MAX_LEN: usize = 192;
/// The callback window (seconds) the wrappers pass by default to
/// `livesign_alibaba_callback_verify` (Alibaba suggests five minutes).
pub const LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S: u32 = 300;
const _: () = {
    assert!(LIVESIGN_ALIBABA_SIGN_LEN == 2 * crate::digest::md5::LEN);
    assert!(LIVESIGN_ALIBABA_URL_A_MAX_LEN == crate::authkey::QUERY_MAX_LEN);
};

/// Returns `LIVESIGN_ALIBABA_SIGN_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_alibaba_sign_len() -> usize {
    LIVESIGN_ALIBABA_SIGN_LEN
}

/// Alibaba URL signing type A (the ApsaraVideo Live default): writes the query
/// `auth_key={timestamp}-{rand}-{uid}-{md5hash}` with md5hash = lowercase hex
/// MD5("{uri}-{timestamp}-{rand}-{uid}-{key}"), `timestamp` in decimal. The same construction
/// as Huawei method A. Append it to the URL after `?` (or `&`).
///
/// - `key`: the primary (or secondary) URL signing key, 1 to `LIVESIGN_MAX_KEY_LEN` bytes.
/// - `uri`: the URL path, e.g. `/app/stream`, at most `LIVESIGN_MAX_URL_LEN` - 1 -
///   `LIVESIGN_ALIBABA_URL_A_MAX_LEN` bytes (7999), so that `{uri}?{query}` is never too long
///   for `livesign_alibaba_url_a_verify`.
/// - `timestamp`: Unix seconds; the URL expires at `timestamp` + the validity configured in
///   Alibaba's console.
/// - `rand`, `uid`: 1 to 64 ASCII letters and digits (Alibaba's usual values are `0`; a UUID
///   without dashes as `rand` makes every URL different). livesign reads no random source.
/// - `out`, `out_cap`, `out_len`: the query, ASCII, no NUL; `LIVESIGN_ALIBABA_URL_A_MAX_LEN`
///   always fits; `out` NULL with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK` (`*out_len` = length written); `LIVESIGN_INVALID_ARGUMENT` when
/// `out_len` is NULL, `out` is NULL with `out_cap > 0`, an input is NULL with a length, a text
/// is not UTF-8, `uri` is not a bare path (`/`, visible ASCII `!` to `~`, no `?`, `#` or `\` (browsers read it as `/`), no
/// `.` or `..` segment: URL resolvers remove those, also as `%2e`), or `rand` /
/// `uid` break their rule; then `LIVESIGN_INVALID_KEY` (empty key, or longer than
/// `LIVESIGN_MAX_KEY_LEN`); then
/// `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed, nothing written). `*out_len` is 0 on
/// other failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the query was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_alibaba_url_a_build(
    key: *const u8,
    key_len: usize,
    uri: *const u8,
    uri_len: usize,
    timestamp: u64,
    rand: *const u8,
    rand_len: usize,
    uid: *const u8,
    uid_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for (out, out_cap, out_len).
        let buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let query = (|| {
            // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
            let (key, uri, rand, uid) =
                unsafe { (input(key, key_len)?, text(uri, uri_len)?, text(rand, rand_len)?, text(uid, uid_len)?) };
            alibaba::url_a_build(key, uri, timestamp, rand, uid)
        })();
        buf.report_query(query)
    })
}

/// Verifies the `auth_key` (Alibaba URL signing type A) of a URL received at `now` against the
/// primary and secondary keys (both are valid in Alibaba's console) and reports which matched.
///
/// - `keys`, `keys_len`: 1 to `LIVESIGN_MAX_KEYS` keys, primary first.
/// - `url`: the full URL or a bare `/path?query`; its path is the signed URI. Parameters are
///   read raw (no percent-decoding).
/// - `validity_s`: the validity configured in Alibaba's console; the URL is valid while
///   `now <= timestamp + validity_s + leeway_s`.
/// - `matched`: NULL, or receives the index of the matching key on `LIVESIGN_OK`.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: NULL rules, `url` longer than `LIVESIGN_MAX_URL_LEN`, `keys`
///   NULL or `keys_len` 0 or above `LIVESIGN_MAX_KEYS`;
/// - `LIVESIGN_INVALID_KEY`: a key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: not a URL (an `rtmp` URL with a `#` or a `/` in its query is
///   not: RTMP clients read another path from it), `auth_key` missing or repeated (also as
///   another spelling: `auth%5Fkey`, `AUTH_KEY`), not four `-`-separated parts, the time not a
///   decimal number, the hash not 32 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: no key matches (all are tried; constant-time compares);
/// - `LIVESIGN_EXPIRED`: the hash matches but the validity has ended (saturating).
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_alibaba_url_a_verify(
    keys: *const livesign_slice,
    keys_len: usize,
    url: *const u8,
    url_len: usize,
    now: u64,
    validity_s: u32,
    leeway_s: u32,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys points to keys_len valid slices; url to url_len bytes.
        let (keys, url) = unsafe { (Keys::read(keys, keys_len)?, input(url, url_len)?) };
        let index = alibaba::url_a_verify(keys.as_slice(), url, now, validity_s, leeway_s)?;
        // SAFETY: matched is NULL or writable (C contract).
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// Alibaba callback signature: writes `ALI-LIVE-SIGNATURE` = lowercase hex
/// MD5("{domain}|{timestamp}|{key}") for the `ALI-LIVE-TIMESTAMP` header `timestamp` (decimal).
///
/// - `key`: the callback authentication key (NotifyAuthKey), 1 to `LIVESIGN_MAX_KEY_LEN` bytes.
/// - `domain`: the ingest domain for stream callbacks; the callback URL's host for recording
///   and snapshot callbacks. UTF-8, at most `LIVESIGN_MAX_ID_LEN` bytes.
/// - `out`: receives exactly `LIVESIGN_ALIBABA_SIGN_LEN` bytes (no NUL), only on `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a length or `domain` is not UTF-8 or too long; then `LIVESIGN_INVALID_KEY` for an empty
/// key (or one longer than `LIVESIGN_MAX_KEY_LEN`). Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_alibaba_callback_sign(
    key: *const u8,
    key_len: usize,
    domain: *const u8,
    domain_len: usize,
    timestamp: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, domain) = unsafe { (input(key, key_len)?, text(domain, domain_len)?) };
        let sign = alibaba::callback_sign(key, domain, timestamp)?;
        // SAFETY: out is non-NULL and holds LIVESIGN_ALIBABA_SIGN_LEN bytes (C contract).
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// Verifies the headers of an Alibaba callback received at `now`: `timestamp` is the
/// `ALI-LIVE-TIMESTAMP` header and `signature` the `ALI-LIVE-SIGNATURE` header, as received.
/// The signature covers no body byte, so the time window is checked on both sides: valid while
/// `now - leeway_s <= timestamp <= now + leeway_s` (`LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S` is the
/// usual window).
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: an input is NULL with a length, `domain` or `timestamp` is
///   not UTF-8 or longer than `LIVESIGN_MAX_ID_LEN`;
/// - `LIVESIGN_INVALID_KEY`: the key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: `timestamp` is not a plain decimal integer (`0` or digits without
///   a leading zero, sign or space, at most `UINT64_MAX`), `signature` is not 32 hex
///   characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time;
/// - `LIVESIGN_EXPIRED`: `timestamp` is outside `now ± leeway_s` (too old, or too far ahead).
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_alibaba_callback_verify(
    key: *const u8,
    key_len: usize,
    domain: *const u8,
    domain_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    signature: *const u8,
    signature_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, domain, timestamp, signature) = unsafe {
            (
                input(key, key_len)?,
                text(domain, domain_len)?,
                text(timestamp, timestamp_len)?,
                input(signature, signature_len)?,
            )
        };
        alibaba::callback_verify(key, domain, timestamp, signature, now, leeway_s)
    })
}
