//! Alibaba URL signing type A, the Live default: the shared `auth_key` scheme
//! (`crate::authkey`), which Alibaba and Huawei method A compute byte for byte, with Alibaba's
//! rules: decimal times only, and the URL valid while `now <= timestamp + validity`. Alibaba's
//! documents (as retrieved) give no key or validity rule beyond a primary and a secondary key
//! that are both valid, so any non-empty key (up to livesign's own bound,
//! [`crate::Limits::MAX_KEY_LEN`]) and any validity are accepted.

use crate::authkey::{self, Policy, TimeFormat};
use crate::url::SignedQuery;
use crate::{Error, limits};

const POLICY: Policy =
    Policy { key_valid: limits::key_len_ok, hex_time: false, min_duration_s: 0, max_duration_s: u32::MAX };

/// Builds `auth_key={timestamp}-{rand}-{uid}-{md5hash}` for `uri` (the URL path, e.g.
/// `/app/stream`), `timestamp` in decimal Unix seconds. Alibaba's usual `rand` and `uid` are
/// `0` (a UUID without dashes as `rand` makes every URL different).
///
/// Errors: [`Error::InvalidArgument`] (`uri` is not a bare path `/...` of visible ASCII (`!` to `~`)
/// without `?`, `#` or `\` or a `.` / `..` segment, at most 7999 bytes, so that `{uri}?{query}`
/// fits [`crate::Limits::MAX_URL_LEN`]; `rand` or `uid` is not 1
/// to 64 ASCII letters and digits), then [`Error::InvalidKey`] (empty key, or over
/// [`crate::Limits::MAX_KEY_LEN`]).
pub fn url_a_build(key: &[u8], uri: &str, timestamp: u64, rand: &str, uid: &str) -> Result<SignedQuery, Error> {
    authkey::build(&POLICY, key, uri, timestamp, TimeFormat::Decimal, rand, uid)
}

/// Verifies the `auth_key` of `url` (full, or a bare `/path?query`; the path is the signed
/// URI) at `now` against `keys` (primary and secondary, at most 8) and returns the index of
/// the key that matched. The URL is valid while `now <= timestamp + validity_s + leeway_s`.
///
/// Errors, in order: [`Error::InvalidArgument`] (a URL over [`crate::Limits::MAX_URL_LEN`], no
/// key or more than 8); [`Error::InvalidKey`] (an empty key, or one over
/// [`crate::Limits::MAX_KEY_LEN`]); [`Error::Malformed`] (not a URL, or an `rtmp` URL with a
/// `#` or a `/` in its query, which RTMP clients read as another path; no single `auth_key`,
/// also counting other spellings such as `AUTH_KEY` or `auth%5Fkey`; not four `-`-separated parts, a
/// time that is not a decimal number, a hash that is not 32 hex characters of either case);
/// [`Error::SignatureMismatch`]; [`Error::Expired`].
pub fn url_a_verify(keys: &[&[u8]], url: &[u8], now: u64, validity_s: u32, leeway_s: u32) -> Result<usize, Error> {
    authkey::verify(&POLICY, keys, url, TimeFormat::Decimal, now, validity_s, leeway_s)
}
