//! Huawei Cloud Live URL validation, methods A (`auth_key`), B (`txSecret` / `txTime`) and D
//! (`hwSecret` / `hwTime`).

use super::buffer::OutBuf;
use super::hmac_key::{self, Ring, livesign_hmac_key};
use super::slice::{Keys, livesign_slice, report_match};
use super::status::livesign_status;
use super::{boundary, input, text};
use crate::huawei::{self, TimeFormat, UrlAuth};
use crate::{Error, HmacKey};

/// `time_format` of the method-A functions: the `auth_key` time is decimal Unix seconds.
pub const LIVESIGN_HUAWEI_TIME_DECIMAL: u32 = 0;
/// `time_format` of the method-A functions: the `auth_key` time is hex Unix seconds (written
/// lowercase, read in either case, 1 to 8 digits). Exactly 10 decimal digits are read as
/// decimal, like `txTime`: a decimal URL checked in hex mode keeps its real expiry instead of
/// being refused or read as one in the year 4900.
pub const LIVESIGN_HUAWEI_TIME_HEX: u32 = 1;

/// Length of a Huawei URL validation key: 32 ASCII letters and digits, not all digits and
/// not all letters.
pub const LIVESIGN_HUAWEI_URL_KEY_LEN: usize = 32;
/// Shortest validity duration Huawei's URL validation accepts, in seconds.
pub const LIVESIGN_HUAWEI_URL_MIN_DURATION_S: u32 = 60;
/// Longest validity duration Huawei's URL validation accepts, in seconds (30 days).
pub const LIVESIGN_HUAWEI_URL_MAX_DURATION_S: u32 = 2_592_000;
/// Longest query `livesign_huawei_url_a_build` writes (20 time digits, 64-character `rand`
/// and `uid`).
pub const LIVESIGN_HUAWEI_URL_A_MAX_LEN: usize = 192;
/// Longest query `livesign_huawei_url_b_build` writes (an 8-digit `txTime`).
pub const LIVESIGN_HUAWEI_URL_B_MAX_LEN: usize = 57;
/// The largest `tx_time` `livesign_huawei_url_b_build` accepts, and the largest hex `txTime`
/// the verifier reads: `ffffffff` (2106-02-07), 8 hex digits as in Huawei's examples.
pub const LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME: u64 = 4_294_967_295;
/// The smallest `tx_time` `livesign_huawei_url_b_build` accepts, and the smallest `txTime` the
/// verifier reads: `10000000` (1978-07-04), the first time of 8 hex digits. A `txTime` has
/// exactly 8, so a character of it moved into the stream name (same `txSecret`) leaves a
/// malformed time rather than one before 1978, which a leeway of decades would still accept.
pub const LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME: u64 = 268_435_456;
/// The largest `hw_time` `livesign_huawei_url_d_build` accepts and the largest `hwTime` the
/// verifier reads: `ffffffff` (2106-02-07), 8 hex digits as in Huawei's examples.
pub const LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME: u64 = 4_294_967_295;
/// The smallest `hw_time` `livesign_huawei_url_d_build` accepts and the smallest `hwTime` the
/// verifier reads: `10000000` (1978-07-04), the first time of 8 hex digits, for the reason
/// given at `LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME`.
pub const LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME: u64 = 268_435_456;
/// The largest `timestamp` `livesign_huawei_url_a_build` accepts with
/// `LIVESIGN_HUAWEI_TIME_HEX`, and the largest hex one the verifier reads: `ffffffff`
/// (2106-02-07), 8 hex digits.
pub const LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP: u64 = 4_294_967_295;
/// Longest query `livesign_huawei_url_d_build` writes.
pub const LIVESIGN_HUAWEI_URL_D_MAX_LEN: usize = 89;
const _: () = {
    assert!(LIVESIGN_HUAWEI_URL_KEY_LEN == UrlAuth::KEY_LEN);
    assert!(LIVESIGN_HUAWEI_URL_MIN_DURATION_S == UrlAuth::MIN_DURATION_S);
    assert!(LIVESIGN_HUAWEI_URL_MAX_DURATION_S == UrlAuth::MAX_DURATION_S);
    assert!(LIVESIGN_HUAWEI_URL_A_MAX_LEN == crate::authkey::QUERY_MAX_LEN);
    assert!(LIVESIGN_HUAWEI_URL_B_MAX_LEN == huawei::URL_B_QUERY_MAX_LEN);
    assert!(LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME == UrlAuth::B_MAX_TX_TIME);
    assert!(LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME == UrlAuth::B_MIN_TX_TIME);
    assert!(LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP == UrlAuth::A_MAX_HEX_TIMESTAMP);
    assert!(LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME == UrlAuth::D_MAX_HW_TIME);
    assert!(LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME == UrlAuth::D_MIN_HW_TIME);
    assert!(LIVESIGN_HUAWEI_URL_D_MAX_LEN == huawei::URL_D_QUERY_MAX_LEN);
};

fn format_of(v: u32) -> Result<TimeFormat, Error> {
    match v {
        LIVESIGN_HUAWEI_TIME_DECIMAL => Ok(TimeFormat::Decimal),
        LIVESIGN_HUAWEI_TIME_HEX => Ok(TimeFormat::Hex),
        _ => Err(Error::InvalidArgument),
    }
}

/// Huawei URL validation method A: writes the query `auth_key={timestamp}-{rand}-{uid}-{md5hash}`
/// with md5hash = lowercase hex MD5("{uri}-{timestamp}-{rand}-{uid}-{key}"). Append it to the
/// URL after `?` (or `&`).
///
/// - `key`: the URL validation key (`LIVESIGN_HUAWEI_URL_KEY_LEN` letters and digits, not all
///   digits and not all letters).
/// - `uri`: the URL path, e.g. `/livetest/huawei1.flv` (for WebRTC `/app/stream.sdp`), at most
///   `LIVESIGN_MAX_URL_LEN` - 1 - `LIVESIGN_HUAWEI_URL_A_MAX_LEN` bytes (7999), so that
///   `{uri}?{query}` is never too long for `livesign_huawei_url_a_verify`.
/// - `timestamp`: start of validity, Unix seconds, written as `time_format` says
///   (`LIVESIGN_HUAWEI_TIME_DECIMAL` or `LIVESIGN_HUAWEI_TIME_HEX`); in hex at most
///   `LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP`.
/// - `rand`: 1 to 64 ASCII letters and digits (Huawei: a UUID without dashes); livesign
///   reads no random source, so the caller provides it. `uid`: likewise (Huawei: `0`).
/// - `out`, `out_cap`, `out_len`: the query, ASCII, no NUL; `LIVESIGN_HUAWEI_URL_A_MAX_LEN`
///   always fits; `out` NULL with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK` (`*out_len` = length written); `LIVESIGN_INVALID_ARGUMENT` when
/// `out_len` is NULL, `out` is NULL with `out_cap > 0`, an input is NULL with a length, a text
/// is not UTF-8, `time_format` is unknown, a hex `timestamp` is above
/// `LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP`, `uri` is not a bare path (`/`, visible ASCII `!` to `~`, no
/// `?`, `#` or `\` (browsers read it as `/`), no `.` or `..` segment: URL resolvers remove those, also as `%2e`), or `rand` / `uid` break their rule; then `LIVESIGN_INVALID_KEY` (key rule);
/// then `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed, nothing written). `*out_len` is
/// 0 on other failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the query was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_a_build(
    key: *const u8,
    key_len: usize,
    uri: *const u8,
    uri_len: usize,
    timestamp: u64,
    time_format: u32,
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
            huawei::url_a_build(key, uri, timestamp, format_of(time_format)?, rand, uid)
        })();
        buf.report_query(query)
    })
}

/// Verifies the `auth_key` (Huawei URL validation method A) of a URL received at `now`, against
/// a primary key and backups, and reports which key matched.
///
/// - `keys`, `keys_len`: 1 to `LIVESIGN_MAX_KEYS` keys, primary first.
/// - `url`: the full URL (`rtmp://host/app/stream?auth_key=...`) or a bare `/path?query`; its
///   path is the signed URI. Parameters are read raw (no percent-decoding).
/// - `time_format`: how the `auth_key` time is written (`LIVESIGN_HUAWEI_TIME_DECIMAL` or
///   `_HEX`, where exactly 10 decimal digits are decimal); it is hashed as written.
/// - `duration_s`: the duration configured in Huawei's console, 60 to 2592000; the URL is
///   valid while `now <= timestamp + duration_s + leeway_s`.
/// - `matched`: NULL, or receives the index of the matching key on `LIVESIGN_OK`.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: NULL rules, `url` longer than `LIVESIGN_MAX_URL_LEN`, `keys`
///   NULL or `keys_len` 0 or above `LIVESIGN_MAX_KEYS`, unknown `time_format`, `duration_s` out
///   of range;
/// - `LIVESIGN_INVALID_KEY`: a key breaks the key rule;
/// - `LIVESIGN_MALFORMED`: not a URL (an `rtmp` URL with a `#` or a `/` in its query is
///   not: RTMP clients read another path from it), `auth_key` missing or repeated (also as
///   another spelling: `auth%5Fkey`, `AUTH_KEY`), not four `-`-separated parts, the time not a
///   number in `time_format`, the hash not 32 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: no key matches (all are tried; constant-time compares);
/// - `LIVESIGN_EXPIRED`: the hash matches but the validity has ended (saturating).
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_a_verify(
    keys: *const livesign_slice,
    keys_len: usize,
    url: *const u8,
    url_len: usize,
    time_format: u32,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys points to keys_len valid slices; url to url_len bytes.
        let (keys, url) = unsafe { (Keys::read(keys, keys_len)?, input(url, url_len)?) };
        let index = huawei::url_a_verify(keys.as_slice(), url, format_of(time_format)?, now, duration_s, leeway_s)?;
        // SAFETY: matched is NULL or writable (C contract).
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// Huawei URL validation method B: writes the query `txSecret={txSecret}&txTime={txTime}` with
/// txTime = lowercase hex of `tx_time` (start of validity, Unix seconds) and txSecret =
/// lowercase hex MD5(key + stream + txTime), Tencent's push URL scheme byte for byte. Append it
/// to the URL after `?` (or `&`).
///
/// - `key`: the URL validation key (`LIVESIGN_HUAWEI_URL_KEY_LEN` letters and digits, not all
///   digits and not all letters).
/// - `stream`: the stream name (`huawei1` in `http://host/livetest/huawei1.flv`; a transcoded
///   stream is `{stream}_{template}`), UTF-8, 1 to `LIVESIGN_MAX_ID_LEN` bytes.
/// - `tx_time`: Unix seconds, from `LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME` to
///   `LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME` (8 hex digits); the URL is valid
///   until `tx_time` + the duration configured in Huawei's console.
/// - `out`, `out_cap`, `out_len`: the query, ASCII, no NUL; `LIVESIGN_HUAWEI_URL_B_MAX_LEN`
///   always fits; `out` NULL with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out_len` is NULL, `out` is NULL
/// with `out_cap > 0`, an input is NULL with a length, `stream` is empty, too long or not
/// UTF-8, or `tx_time` is outside `LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME` to
/// `LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME`; then `LIVESIGN_INVALID_KEY` (key
/// rule); then `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed, nothing written).
/// `*out_len` is 0 on other failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the query was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_b_build(
    key: *const u8,
    key_len: usize,
    stream: *const u8,
    stream_len: usize,
    tx_time: u64,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for (out, out_cap, out_len).
        let buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let query = (|| {
            // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
            let (key, stream) = unsafe { (input(key, key_len)?, text(stream, stream_len)?) };
            huawei::url_b_build(key, stream, tx_time)
        })();
        buf.report_query(query)
    })
}

/// Verifies the `txSecret` / `txTime` (Huawei URL validation method B) of a URL received at
/// `now` for `stream`, against a primary key and backups, and reports which key matched.
///
/// - `keys`, `keys_len`: 1 to `LIVESIGN_MAX_KEYS` keys, primary first.
/// - `stream`: the stream name the URL is for (a parameter, as for method D: Huawei does not
///   say how a URL path maps to it, and HLS paths do not carry it reliably), UTF-8, 1 to
///   `LIVESIGN_MAX_ID_LEN` bytes.
/// - `url`: the full URL or a bare `/path?query` (at most `LIVESIGN_MAX_URL_LEN` bytes);
///   parameters are read raw, `txTime` hashed as written. `txTime` is hex only, as Huawei
///   documents it: exactly 8 hex digits (either case, no leading zero,
///   `LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME` to `LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME`). Tencent's
///   decimal form is not read.
/// - `duration_s`: the duration configured in Huawei's console, 60 to 2592000. Huawei: the URL
///   expires at `txTime` + duration; here it is valid while `now < txTime + duration_s +
///   leeway_s` (strict, as for method D).
/// - `matched`: NULL, or receives the index of the matching key on `LIVESIGN_OK`.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: NULL rules, `stream` empty, too long or not UTF-8, `url`
///   longer than `LIVESIGN_MAX_URL_LEN`, `duration_s` out of range, `keys` NULL or `keys_len` 0
///   or above `LIVESIGN_MAX_KEYS`;
/// - `LIVESIGN_INVALID_KEY`: a key breaks the key rule;
/// - `LIVESIGN_MALFORMED`: not a URL (also an `rtmp` URL with a `#` or a `/` in its query),
///   `txSecret` or `txTime` missing or repeated (also as another spelling: `tx%54ime`,
///   `TXTIME`), `txTime` not in the form above, `txSecret` not 32 lowercase hex characters;
/// - `LIVESIGN_SIGNATURE_MISMATCH`: no key matches (all are tried; constant-time compares);
/// - `LIVESIGN_EXPIRED`: the secret matches but the validity has ended (saturating).
///
/// Never allocates; safe from any thread.
///
/// The MD5 joins `stream` and `txTime` without a separator; the one `txTime` form is what keeps
/// a secret from covering another split of the same bytes, whatever `leeway_s`: a character
/// moved into a real 8-digit time makes 9 digits, a `0` moved in makes a leading zero, and a
/// character moved out leaves 7 digits (all `LIVESIGN_MALFORMED`; a 7-digit time lies before
/// 1978, which a leeway of decades would still reach). (A decimal form, as Tencent's, would let
/// two stream digits re-read an all-digit hex time: `room17` + `67812345` as `room` +
/// `1767812345`.)
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_b_verify(
    keys: *const livesign_slice,
    keys_len: usize,
    stream: *const u8,
    stream_len: usize,
    url: *const u8,
    url_len: usize,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys points to keys_len valid slices; the inputs to their lengths.
        let (keys, stream, url) =
            unsafe { (Keys::read(keys, keys_len)?, text(stream, stream_len)?, input(url, url_len)?) };
        let index = huawei::url_b_verify(keys.as_slice(), stream, url, now, duration_s, leeway_s)?;
        // SAFETY: matched is NULL or writable (C contract).
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// Huawei URL validation method D: writes the query `hwSecret={hwSecret}&hwTime={hwTime}` with
/// hwTime = lowercase hex of `hw_time` (start of validity, Unix seconds,
/// `LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME` to `LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME`: 8 hex digits)
/// and hwSecret =
/// lowercase hex HMAC-SHA256(key, stream + hwTime). (Huawei MetaStudio's `MSS_A` callback
/// signature is the same value with the callback URL's path as `stream`.)
///
/// - `key`: the URL validation key (`LIVESIGN_HUAWEI_URL_KEY_LEN` letters and digits, not all
///   digits and not all letters).
/// - `stream`: the stream name (`huawei1` in `rtmp://host/app/huawei1`), UTF-8, 1 to
///   `LIVESIGN_MAX_ID_LEN` bytes.
/// - `out`, `out_cap`, `out_len`: the query, ASCII, no NUL; `LIVESIGN_HUAWEI_URL_D_MAX_LEN`
///   always fits; `out` NULL with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out_len` is NULL, `out` is NULL
/// with `out_cap > 0`, an input is NULL with a length, `stream` is empty, too long or not
/// UTF-8, or `hw_time` is outside `LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME` to
/// `LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME`; then
/// `LIVESIGN_INVALID_KEY` (key rule); then `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size
/// needed). `*out_len` is 0 on other failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the query was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_d_build(
    key: *const u8,
    key_len: usize,
    stream: *const u8,
    stream_len: usize,
    hw_time: u64,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for (out, out_cap, out_len).
        let buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let query = (|| {
            // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
            let (key, stream) = unsafe { (input(key, key_len)?, text(stream, stream_len)?) };
            huawei::url_d_check_build_args(stream, hw_time)?;
            huawei::url_d_build(&url_key(key)?, stream, hw_time)
        })();
        buf.report_query(query)
    })
}

/// `livesign_huawei_url_d_build` with a key loaded once into `key` (`livesign_hmac_key_init`).
/// Only the key's length (32 bytes) can be checked here: a loaded context no longer shows its
/// characters.
///
/// Returns as `livesign_huawei_url_d_build`; `LIVESIGN_INVALID_ARGUMENT` also when `key` is NULL
/// or not initialised. Never allocates; safe from any thread.
#[must_use = "the status says whether the query was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_d_build_keyed(
    key: *const livesign_hmac_key,
    stream: *const u8,
    stream_len: usize,
    hw_time: u64,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for (out, out_cap, out_len).
        let buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
        let query = (|| {
            // SAFETY: the C contract: a non-NULL stream points to stream_len bytes.
            let stream = unsafe { text(stream, stream_len) }?;
            huawei::url_d_check_build_args(stream, hw_time)?;
            // SAFETY: a non-NULL key points to a readable livesign_hmac_key.
            huawei::url_d_build(&unsafe { hmac_key::loaded(key) }?, stream, hw_time)
        })();
        buf.report_query(query)
    })
}

/// Verifies the `hwSecret` / `hwTime` (Huawei URL validation method D) of a URL received at
/// `now` for `stream`, against a primary key and backups, and reports which key matched.
///
/// - `keys`, `keys_len`: 1 to `LIVESIGN_MAX_KEYS` keys, primary first.
/// - `stream`: the stream name the URL is for (a parameter because HLS segment paths do not
///   carry it reliably), UTF-8, 1 to `LIVESIGN_MAX_ID_LEN` bytes.
/// - `url`: the full URL or a bare `/path?query` (at most `LIVESIGN_MAX_URL_LEN` bytes);
///   parameters are read raw, `hwTime` hashed as written (exactly 8 hex digits, either case, no
///   leading zero, `LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME` to `LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME`).
/// - `duration_s`: the duration configured in Huawei's console, 60 to 2592000. Huawei: valid
///   while `hwTime + duration > now` (strict); here while `now < hwTime + duration_s + leeway_s`.
/// - `matched`: NULL, or receives the index of the matching key on `LIVESIGN_OK`.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: NULL rules, `stream` empty, too long or not UTF-8, `url`
///   longer than `LIVESIGN_MAX_URL_LEN`, `duration_s` out of range, `keys` NULL or `keys_len` 0
///   or above `LIVESIGN_MAX_KEYS`;
/// - `LIVESIGN_INVALID_KEY`: a key breaks the key rule;
/// - `LIVESIGN_MALFORMED`: not a URL (also an `rtmp` URL with a `#` or a `/` in its query),
///   `hwSecret` or `hwTime` missing or repeated (also as another spelling: `hw%54ime`,
///   `HWTIME`), `hwTime` not in the form above, `hwSecret` not 64 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: no key matches (all are tried; constant-time compares);
/// - `LIVESIGN_EXPIRED`: the secret matches but the validity has ended (saturating).
///
/// Never allocates; safe from any thread.
///
/// The HMAC joins `stream` and `hwTime` without a separator; the `hwTime` form is what keeps a
/// secret from covering another split of the same bytes, whatever `leeway_s`: a character moved
/// into a real 8-digit `hwTime` makes 9 digits, a `0` moved in makes a leading zero, and a
/// character moved out leaves 7 digits (all `LIVESIGN_MALFORMED`; a 7-digit time lies before
/// 1978, which a leeway of decades would still reach).
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_d_verify(
    keys: *const livesign_slice,
    keys_len: usize,
    stream: *const u8,
    stream_len: usize,
    url: *const u8,
    url_len: usize,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: keys points to keys_len valid slices; the inputs to their lengths.
        let (raw, stream, url) =
            unsafe { (Keys::read(keys, keys_len)?, text(stream, stream_len)?, input(url, url_len)?) };
        // The argument checks come before the key rule, as in the core.
        UrlAuth::check_verify_args(stream, url, duration_s)?;
        let ring = Ring::load(raw.as_slice(), url_key)?;
        let index = huawei::url_d_verify(ring.as_slice(), stream, url, now, duration_s, leeway_s)?;
        // SAFETY: matched is NULL or writable (C contract).
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// `livesign_huawei_url_d_verify` with keys loaded once into contexts
/// (`livesign_hmac_key_init`): `keys` points to `keys_len` of them (1 to `LIVESIGN_MAX_KEYS`),
/// primary first. Only each key's length (32 bytes) can be checked here.
///
/// Returns as `livesign_huawei_url_d_verify`; `LIVESIGN_INVALID_ARGUMENT` also when a context is
/// not initialised. Never allocates; safe from any thread.
#[must_use = "the status says whether the URL is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_url_d_verify_keyed(
    keys: *const livesign_hmac_key,
    keys_len: usize,
    stream: *const u8,
    stream_len: usize,
    url: *const u8,
    url_len: usize,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
    matched: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: the inputs point to their lengths in bytes.
        let (stream, url) = unsafe { (text(stream, stream_len)?, input(url, url_len)?) };
        // SAFETY: the C contract: keys points to keys_len contexts.
        let ring = unsafe { Ring::read(keys, keys_len) }?;
        let index = huawei::url_d_verify(ring.as_slice(), stream, url, now, duration_s, leeway_s)?;
        // SAFETY: matched is NULL or writable (C contract).
        unsafe { report_match(matched, index) };
        Ok(())
    })
}

/// A raw URL key, checked against Huawei's full rule, loaded.
fn url_key(key: &[u8]) -> Result<HmacKey, Error> {
    if !UrlAuth::key_valid(key) {
        return Err(Error::InvalidKey);
    }
    HmacKey::new(key)
}
