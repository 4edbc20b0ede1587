//! Huawei URL validation method B (`txSecret` / `txTime`), for ingest and playback URLs:
//!
//! ```text
//! txSecret = lowercase hex MD5(key + StreamName + txTime)    txTime = hex Unix seconds
//! ```
//!
//! This is Tencent's hotlink-protection scheme byte for byte, so it is the shared
//! [`crate::txsecret`] core with Huawei's rules on top:
//!
//! - **Key**: the URL validation key rule of methods A and D ([`UrlAuth::key_valid`]).
//! - **Validity**: `txTime` is where the validity starts and the console's duration (60 s to
//!   30 days) is added to it: valid while `txTime + duration > now`, strictly, as for method D
//!   (with a leeway: while `now < txTime + duration + leeway_s`). Huawei's table also says the
//!   URL plays "if txTime is greater than the request time", but its duration row and worked
//!   example ("txTime set to now, duration 1249 s: the URL expires at now + 1249 s") add the
//!   duration, which the console requires; a push URL meant to live for years carries a
//!   far-future `txTime` (Huawei's FAQ: `0xf3854988`, 2099) under either reading.
//! - **`txTime` text**: builders write lowercase hex, as Huawei's example does (`5eed5888`);
//!   the secret covers `txTime` as written. Verifiers read it as Huawei documents it, hex only:
//!   exactly 8 hex digits of either case, never with a leading zero, from
//!   [`UrlAuth::B_MIN_TX_TIME`] (`10000000`, 1978) to [`UrlAuth::B_MAX_TX_TIME`] (`ffffffff`,
//!   2106), where builders stop too. Tencent's decimal form is not read: the secret joins the
//!   stream and `txTime` without a separator, and with two forms two stream digits could
//!   re-read an all-digit hex time as decimal (see [`crate::txsecret`]); with one, a character
//!   moved into a real time makes 9 digits and one moved out leaves 7, both malformed, so no
//!   other split of a captured URL verifies, whatever the leeway. (A 7-digit time lies before
//!   1978, but `leeway_s` reaches 136 years: the width, not the time, refuses it.)
//! - **Stream name**: a parameter, as for method D, not read from the URL path. Huawei's
//!   pages never say how a path maps to the StreamName (Tencent strips `.flv`, `.m3u8` and
//!   `.sdp`; Huawei is silent), HLS playlist and segment paths do not carry it reliably, and a
//!   transcoded stream is played as `{stream}_{template}`: the caller, who routes the request,
//!   knows which stream it authorises. One rule for B and D keeps Huawei's URL API uniform.

use super::UrlAuth;
use crate::Error;
use crate::txsecret::{self, Case, StreamPath, TxTimeForm, Window};
use crate::url::SignedQuery;

/// Longest query [`url_b_build`] writes.
pub(crate) const QUERY_MAX_LEN: usize = txsecret::QUERY_MAX_LEN;

/// Builds the query `txSecret={txSecret}&txTime={txTime}` for `stream`, with `tx_time` (the
/// start of validity, Unix seconds) written as lowercase hex. Append it to the URL after `?`
/// (or `&`).
///
/// Errors, in this order: [`Error::InvalidArgument`] (`stream` empty or over
/// [`crate::Limits::MAX_ID_LEN`], `tx_time` below [`UrlAuth::B_MIN_TX_TIME`] or above
/// [`UrlAuth::B_MAX_TX_TIME`]); [`Error::InvalidKey`] (the key breaks [`UrlAuth::key_valid`]).
pub fn url_b_build(key: &[u8], stream: &str, tx_time: u64) -> Result<SignedQuery, Error> {
    UrlAuth::check_stream(stream)?;
    let time = txsecret::tx_time(tx_time, Case::Lower)?;
    if !UrlAuth::key_valid(key) {
        return Err(Error::InvalidKey);
    }
    txsecret::query(key, stream.as_bytes(), &time)
}

/// Verifies the `txSecret` / `txTime` of `url` (full, or a bare `/path?query`) for `stream` at
/// `now` against `keys` (primary first, at most 8) and returns the index of the key that
/// matched. The URL is valid while `now < txTime + duration_s + leeway_s`.
///
/// Errors, in order: [`Error::InvalidArgument`] (`stream` empty or over
/// [`crate::Limits::MAX_ID_LEN`], a URL over [`crate::Limits::MAX_URL_LEN`], `duration_s`
/// outside 60..=2592000, no key or more than 8); [`Error::InvalidKey`] (a key breaks
/// [`UrlAuth::key_valid`]); [`Error::Malformed`] (not a URL, or an `rtmp` URL with a `#` or a
/// `/` in its query; `txSecret` or `txTime` missing or repeated, also in another spelling such
/// as `TXTIME` or `tx%54ime`; `txTime` not exactly 8 hex digits, or with a leading zero;
/// `txSecret` not 32 lowercase hex characters); [`Error::SignatureMismatch`] (every key tried, each compared in
/// constant time); [`Error::Expired`] (saturating).
pub fn url_b_verify(
    keys: &[&[u8]],
    stream: &str,
    url: &[u8],
    now: u64,
    duration_s: u32,
    leeway_s: u32,
) -> Result<usize, Error> {
    UrlAuth::check_verify_args(stream, url, duration_s)?;
    // The path is not read (see the module documentation): no AppName to report.
    let given = |_path| Ok(StreamPath { app: &[], stream: stream.as_bytes() });
    // Valid while now < txTime + duration: the last valid second is txTime + duration - 1
    // (duration >= 60).
    let valid_for_s = duration_s - 1;
    let window = Window { valid_for_s, now, leeway_s };
    let verified = txsecret::verify(keys, |k| UrlAuth::key_valid(k), url, given, TxTimeForm::Hex, window)?;
    Ok(verified.key_index)
}
