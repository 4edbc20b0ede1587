//! Huawei URL validation method A (`auth_key`), for ingest and playback URLs: the shared
//! `auth_key` scheme (`crate::authkey`) with Huawei's rules: the URL key rule
//! ([`UrlAuth::key_valid`]), decimal or hex times, durations of 60 s to 30 days.
//!
//! Huawei's document prints the `.flv` example correctly, but its low-latency (`.sdp`, WebRTC)
//! example repeats the `.flv` hash (`dd1b5ffa…`): the right one is `4116c2c7…`, and this
//! implementation rejects the printed value for the `.sdp` URI.

use super::UrlAuth;
use crate::Error;
use crate::authkey::{self, Policy, TimeFormat};
use crate::url::SignedQuery;

const POLICY: Policy = Policy {
    key_valid: UrlAuth::key_valid,
    hex_time: true,
    min_duration_s: UrlAuth::MIN_DURATION_S,
    max_duration_s: UrlAuth::MAX_DURATION_S,
};

/// Builds `auth_key={timestamp}-{rand}-{uid}-{md5hash}` for `uri` (the URL path, e.g.
/// `/livetest/huawei1.flv`), with `timestamp` (the start of validity, Unix seconds) written in
/// `format`. Huawei's `rand` is a UUID without dashes and its `uid` is `0`.
///
/// Errors: [`Error::InvalidArgument`] (`uri` is not a bare path `/...` of visible ASCII (`!` to `~`)
/// without `?`, `#` or `\` or a `.` / `..` segment, at most 7999 bytes so that `{uri}?{query}`
/// fits [`crate::Limits::MAX_URL_LEN`]; `rand` or `uid` is not 1 to 64 ASCII letters and digits; a hex
/// `timestamp` over [`UrlAuth::A_MAX_HEX_TIMESTAMP`]), then
/// [`Error::InvalidKey`] (the key breaks [`UrlAuth::key_valid`]).
pub fn url_a_build(
    key: &[u8],
    uri: &str,
    timestamp: u64,
    format: TimeFormat,
    rand: &str,
    uid: &str,
) -> Result<SignedQuery, Error> {
    authkey::build(&POLICY, key, uri, timestamp, format, rand, uid)
}

/// Verifies the `auth_key` of `url` (full, or a bare `/path?query`; the path is the signed
/// URI) at `now` against `keys` (primary first, at most 8) and returns the index of the key
/// that matched. The URL is valid while `now <= timestamp + duration_s + leeway_s`.
///
/// Errors, in order: [`Error::InvalidArgument`] (`duration_s` outside 60..=2592000, no key or
/// more than 8); [`Error::InvalidKey`]; [`Error::Malformed`] (not a URL, or an `rtmp` URL
/// with a `#` or a `/` in its query, which RTMP clients read as another path; no single
/// `auth_key`, also counting other spellings such as `AUTH_KEY` or `auth%5Fkey`; not four
/// `-`-separated parts, a time not in `format`, a hash not 32 hex characters of either case);
/// [`Error::SignatureMismatch`]; [`Error::Expired`].
pub fn url_a_verify(
    keys: &[&[u8]],
    url: &[u8],
    format: TimeFormat,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
) -> Result<usize, Error> {
    authkey::verify(&POLICY, keys, url, format, now, duration_s, leeway_s)
}
