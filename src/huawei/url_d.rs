//! Huawei URL validation method D (`hwSecret` / `hwTime`), the method Huawei recommends and,
//! on MediaLive, the only one playback (HLS) domains support (Cloud Live takes A, B and D for
//! ingest and playback):
//!
//! ```text
//! hwSecret = lowercase hex HMAC-SHA256(key, StreamName + hwTime)    hwTime = hex Unix seconds
//! ```
//!
//! `hwTime` is the start of validity and the URL is valid while `hwTime + duration > now`
//! (Huawei's words, a strict `>`): with a leeway, while `now < hwTime + duration + leeway_s`.
//! The MAC covers `hwTime` as written, so `5EED5888` and `5eed5888` are signed differently;
//! the builder writes lowercase, as Huawei's examples do. The stream name is a parameter
//! rather than read from the URL: HLS segment paths do not carry it reliably.
//!
//! The MAC joins the stream name and `hwTime` without a separator, so `hwTime` has exactly 8
//! hex digits without a leading zero ([`UrlAuth::D_MIN_HW_TIME`], 1978, to
//! [`UrlAuth::D_MAX_HW_TIME`], 2106): a stream character moved into a real time then makes 9
//! digits and one moved out leaves 7, both malformed, so no other split of a captured URL
//! verifies, whatever the leeway. (A 7-digit time lies before 1978, but `leeway_s` reaches 136
//! years: the width, not the time, refuses it.)
//!
//! Huawei MetaStudio's `MSS_A` live-event callback signature is the same computation with
//! the callback URL's path in place of the stream name ([`url_d_secret`]).

use super::UrlAuth;
use crate::digest::hmac;
use crate::text::{self, Hex, HexU64, ct_eq_wipe, parse_hex, parse_hex_time};
use crate::url::{self, SignedQuery};
use crate::{Error, HmacKey, expiry, keyring};

/// `hwSecret` for `stream` and `hw_time` (written as lowercase hex).
///
/// Errors: [`Error::InvalidArgument`] for an empty `stream` or one over
/// [`crate::Limits::MAX_ID_LEN`] or `hw_time` below [`UrlAuth::D_MIN_HW_TIME`] or above
/// [`UrlAuth::D_MAX_HW_TIME`] (not 8 hex digits), then
/// [`Error::InvalidKey`]
/// when the key is not 32 bytes (check the full rule with [`UrlAuth::key_valid`] on the raw
/// key).
pub fn url_d_secret(key: &HmacKey, stream: &str, hw_time: u64) -> Result<Hex<{ 2 * hmac::LEN }>, Error> {
    check(key, stream, hw_time)?;
    Ok(Hex::encode(&key.mac(&[stream.as_bytes(), HexU64::new(hw_time).as_bytes()])))
}

/// The query `hwSecret={hwSecret}&hwTime={hwTime}`; errors as [`url_d_secret`].
pub fn url_d_build(key: &HmacKey, stream: &str, hw_time: u64) -> Result<SignedQuery, Error> {
    let secret = url_d_secret(key, stream, hw_time)?;
    let time = HexU64::new(hw_time);
    SignedQuery::write(|out| {
        for piece in [&b"hwSecret="[..], secret.as_bytes(), b"&hwTime=", time.as_bytes()] {
            out.push(piece);
        }
    })
}

/// Longest query [`url_d_build`] writes.
pub(crate) const QUERY_MAX_LEN: usize = 9 + 2 * hmac::LEN + 8 + text::HEX_TIME_MAX_DIGITS;
const _: () = assert!(QUERY_MAX_LEN <= SignedQuery::MAX_LEN);

/// Verifies the `hwSecret` / `hwTime` of `url` (full, or a bare `/path?query`) for `stream` at
/// `now` against `keys` (primary first, at most 8) and returns the index of the key that
/// matched.
///
/// Errors, in order: [`Error::InvalidArgument`] (`stream` empty or over
/// [`crate::Limits::MAX_ID_LEN`], a URL over [`crate::Limits::MAX_URL_LEN`], `duration_s`
/// outside 60..=2592000, no key or more than 8); [`Error::InvalidKey`] (a key that is not 32 bytes);
/// [`Error::Malformed`] (not a URL, or an `rtmp` URL with a `#` or a `/` in its query;
/// `hwSecret` or `hwTime` missing or repeated, also in another spelling such as `HWTIME` or
/// `hw%54ime`; `hwTime` not
/// exactly 8 hex digits without a leading zero; `hwSecret` not 64 hex characters, either case);
/// [`Error::SignatureMismatch`] (every key tried, each compared in constant time);
/// [`Error::Expired`] (`now >= hwTime + duration_s + leeway_s`, saturating).
pub fn url_d_verify(
    keys: &[HmacKey],
    stream: &str,
    url: &[u8],
    now: u64,
    duration_s: u32,
    leeway_s: u32,
) -> Result<usize, Error> {
    UrlAuth::check_verify_args(stream, url, duration_s)?;
    keyring::check(keys, key_len_ok)?;
    let [secret, time] = url::lookup(url::parse(url)?.query, [b"hwSecret", b"hwTime"])?;
    let (secret, time) = (secret.ok_or(Error::Malformed)?, time.ok_or(Error::Malformed)?);
    let start = parse_hex_time(time).ok_or(Error::Malformed)?;
    let claimed: [u8; hmac::LEN] = parse_hex(secret).ok_or(Error::Malformed)?;
    let matched = keyring::find(keys, key_len_ok, |k| ct_eq_wipe(&mut k.mac(&[stream.as_bytes(), time]), &claimed))?;
    // Valid while now < start + duration: the last valid second is start + duration - 1
    // (duration >= 60; start has 32 bits, so the sum cannot overflow).
    expiry::check(start.saturating_add(u64::from(duration_s) - 1), now, leeway_s)?;
    Ok(matched)
}

fn key_len_ok(key: &HmacKey) -> bool {
    key.key_len() == UrlAuth::KEY_LEN
}

/// The builders' argument checks, which come before the key's.
pub(crate) fn check_build_args(stream: &str, hw_time: u64) -> Result<(), Error> {
    UrlAuth::check_stream(stream)?;
    let width_ok = (UrlAuth::D_MIN_HW_TIME..=UrlAuth::D_MAX_HW_TIME).contains(&hw_time);
    if width_ok { Ok(()) } else { Err(Error::InvalidArgument) }
}

fn check(key: &HmacKey, stream: &str, hw_time: u64) -> Result<(), Error> {
    check_build_args(stream, hw_time)?;
    if key_len_ok(key) { Ok(()) } else { Err(Error::InvalidKey) }
}
