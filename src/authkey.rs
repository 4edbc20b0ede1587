//! The `auth_key` signed-URL scheme shared by Huawei Cloud Live (method A) and Alibaba Cloud
//! ApsaraVideo Live (type A), byte for byte:
//!
//! ```text
//! auth_key = {timestamp}-{rand}-{uid}-{md5hash}
//! md5hash  = lowercase hex MD5("{URI}-{timestamp}-{rand}-{uid}-{key}")
//! ```
//!
//! `URI` is the URL path (`/app/stream.flv`), `timestamp` the start of validity as written in
//! the URL (the CDN hashes the literal text, so a hex time is signed as hex), and the URL is
//! valid while `now <= timestamp + duration` ("valid until"), the duration being configured in
//! the cloud's console. `rand` and `uid` are caller inputs (livesign reads no random source).
//! Each cloud brings its own key rule, time formats and duration bounds ([`Policy`]).
//!
//! A hex time follows the `txTime` rule of [`crate::txsecret`], except for its width: exactly
//! 10 decimal digits are read as decimal, otherwise 1 to 8 hex digits. `1592639100` (Huawei's
//! own decimal example) would otherwise, read as hex, be valid until the year 4900: a URL made
//! in decimal for a verifier set to hex fails closed (its real, earlier expiry) instead of
//! open. Builders write hex times up to `ffffffff` ([`HEX_MAX_TIMESTAMP`], 2106), so no built
//! time is refused or read back differently. A `txTime` must have exactly 8 hex digits because
//! it is joined to the stream name; the `auth_key` time has a `-` on either side in the URL and
//! in the hash, so no character can move in or out of it and any width is safe.

use crate::digest::md5::{self, md5};
use crate::limits::{self, Limits};
use crate::text::{self, Decimal, Hex, HexU64, Out, ct_eq_wipe, parse_hex};
use crate::url::{self, SignedQuery};
use crate::{Error, expiry, json, keyring, txsecret};

/// How the `timestamp` of an `auth_key` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeFormat {
    /// Decimal Unix seconds (`1592639100`): Alibaba's only form, Huawei's usual one.
    Decimal,
    /// Hex Unix seconds (`5eedbe7c`; read in either case, written lowercase): Huawei only.
    /// Exactly 10 decimal digits are read as decimal (see the module documentation).
    Hex,
}

/// One cloud's rules for the scheme.
pub(crate) struct Policy {
    /// The key rule; a key it rejects is `InvalidKey`.
    pub key_valid: fn(&[u8]) -> bool,
    /// Whether the cloud documents hex times.
    pub hex_time: bool,
    /// The durations the cloud's console accepts, inclusive, in seconds.
    pub min_duration_s: u32,
    pub max_duration_s: u32,
}

/// Longest `rand` or `uid` the builder writes: a UUID without dashes is 32 characters.
pub(crate) const MAX_PART_LEN: usize = 64;

/// Longest query [`build`] writes: `auth_key=` + 20 digits + `-` + rand + `-` + uid + `-` + 32.
pub(crate) const QUERY_MAX_LEN: usize = 9 + Decimal::MAX_LEN + 1 + MAX_PART_LEN + 1 + MAX_PART_LEN + 1 + 2 * md5::LEN;
const _: () = assert!(QUERY_MAX_LEN <= SignedQuery::MAX_LEN);

/// Longest `uri` [`build`] signs: `{uri}?{query}` then fits the verifiers' bound,
/// [`crate::Limits::MAX_URL_LEN`], so every URL a builder makes can be verified as a bare path.
pub(crate) const MAX_URI_LEN: usize = Limits::MAX_URL_LEN - 1 - QUERY_MAX_LEN;

const PARAM: &[u8] = b"auth_key";

/// The largest timestamp a builder writes in hex: 8 digits (2106), like `txTime`.
pub(crate) const HEX_MAX_TIMESTAMP: u64 = txsecret::MAX_EXPIRY;

/// Builds the query `auth_key={timestamp}-{rand}-{uid}-{md5hash}` for `uri`.
///
/// Errors, in this order: `InvalidArgument` when `format` is not allowed by the policy (or is
/// hex and `timestamp` is over [`HEX_MAX_TIMESTAMP`]), `uri`
/// is not a bare URL path (`/...`, visible ASCII `!` to `~`, no `?`, `#` or `\`, no `.` or `..` segment) of at most
/// [`MAX_URI_LEN`] bytes, or `rand` / `uid` are not
/// 1 to [`MAX_PART_LEN`] ASCII letters and digits; `InvalidKey` when the policy rejects `key`.
pub(crate) fn build(
    policy: &Policy,
    key: &[u8],
    uri: &str,
    timestamp: u64,
    format: TimeFormat,
    rand: &str,
    uid: &str,
) -> Result<SignedQuery, Error> {
    limits::check(uri.as_bytes(), MAX_URI_LEN)?;
    let hex_too_late = format == TimeFormat::Hex && timestamp > HEX_MAX_TIMESTAMP;
    if !format_allowed(policy, format)
        || hex_too_late
        || !is_bare_path(uri.as_bytes())
        || !is_part(rand)
        || !is_part(uid)
    {
        return Err(Error::InvalidArgument);
    }
    if !(policy.key_valid)(key) {
        return Err(Error::InvalidKey);
    }
    let (dec, hex) = (Decimal::new(timestamp), HexU64::new(timestamp));
    let time = match format {
        TimeFormat::Decimal => dec.as_bytes(),
        TimeFormat::Hex => hex.as_bytes(),
    };
    let parts = Parts { time, rand: rand.as_bytes(), uid: uid.as_bytes() };
    let hash: Hex<{ 2 * md5::LEN }> = Hex::encode(&digest(uri.as_bytes(), &parts, key));
    SignedQuery::write(|out: &mut Out<'_>| {
        for piece in [PARAM, b"=", time, b"-", parts.rand, b"-", parts.uid, b"-", hash.as_bytes()] {
            out.push(piece);
        }
    })
}

/// Verifies the `auth_key` of `url` (a full URL or a bare `/path?query`) against each of
/// `keys` (primary first) and returns the index of the key that matched.
///
/// Errors, in this order: `InvalidArgument` (a URL over [`crate::Limits::MAX_URL_LEN`], format
/// not allowed, duration outside the policy, no key or more than `MAX_KEYS`); `InvalidKey` (any key breaks the key rule); `Malformed`
/// (not a URL, see [`url::parse`]; no single `auth_key`, see [`url::lookup`]; not four `-`-separated parts, a time that is not a number
/// in `format`, a hash that is not 32 hex characters of either case); `SignatureMismatch` (no
/// key matches; every key is tried, each compared in constant time); `Expired`
/// (`now > timestamp + duration_s + leeway_s`, saturating).
pub(crate) fn verify(
    policy: &Policy,
    keys: &[&[u8]],
    url: &[u8],
    format: TimeFormat,
    now: u64,
    duration_s: u32,
    leeway_s: u32,
) -> Result<usize, Error> {
    limits::check(url, Limits::MAX_URL_LEN)?;
    if !format_allowed(policy, format) || !(policy.min_duration_s..=policy.max_duration_s).contains(&duration_s) {
        return Err(Error::InvalidArgument);
    }
    keyring::check(keys, |k| (policy.key_valid)(k))?;
    let u = url::parse(url)?;
    let [value] = url::lookup(u.query, [PARAM])?;
    let (parts, claimed, start) = split(value.ok_or(Error::Malformed)?, format)?;
    let matched =
        keyring::find(keys, |k| (policy.key_valid)(k), |k| ct_eq_wipe(&mut digest(u.path, &parts, k), &claimed))?;
    expiry::check(start.saturating_add(u64::from(duration_s)), now, leeway_s)?;
    Ok(matched)
}

/// The public parts of an `auth_key`, as written.
struct Parts<'a> {
    time: &'a [u8],
    rand: &'a [u8],
    uid: &'a [u8],
}

fn digest(uri: &[u8], p: &Parts<'_>, key: &[u8]) -> [u8; md5::LEN] {
    md5(&[uri, b"-", p.time, b"-", p.rand, b"-", p.uid, b"-", key])
}

/// `{timestamp}-{rand}-{uid}-{md5hash}`: exactly four non-empty parts.
fn split(value: &[u8], format: TimeFormat) -> Result<(Parts<'_>, [u8; md5::LEN], u64), Error> {
    let mut it = value.split(|&b| b == b'-');
    let mut next = || it.next().filter(|p| !p.is_empty()).ok_or(Error::Malformed);
    let (time, rand, uid, hash) = (next()?, next()?, next()?, next()?);
    if it.next().is_some() {
        return Err(Error::Malformed);
    }
    let start = match format {
        TimeFormat::Decimal => json::parse_u64(time),
        TimeFormat::Hex => txsecret::parse_decimal_time(time).or_else(|| text::parse_hex_time_any_width(time)),
    }
    .ok_or(Error::Malformed)?;
    let claimed = parse_hex::<{ md5::LEN }>(hash).ok_or(Error::Malformed)?;
    Ok((Parts { time, rand, uid }, claimed, start))
}

fn format_allowed(policy: &Policy, format: TimeFormat) -> bool {
    format == TimeFormat::Decimal || policy.hex_time
}

/// A `\` is refused too: WHATWG URL (browsers, `fetch`, hls.js) reads it in an http(s) path as
/// `/`, so `/live\s.flv` is requested as `/live/s.flv` and `/live\..\s.flv` as `/s.flv`.
fn is_bare_path(uri: &[u8]) -> bool {
    url::parse(uri).is_ok_and(|u| u.scheme.is_empty() && u.query.is_empty() && u.path == uri)
        && !uri.contains(&b'\\')
        && !uri.split(|&b| b == b'/').any(is_dot_segment)
}

/// `.` or `..`, dots also written `%2e` / `%2E` (WHATWG URL reads those as dots): URL
/// resolvers remove such segments (RFC 3986 §5.2.4), so `/live/../s.flv` is requested as
/// `/s.flv` and the URI hashed would not be the URI the CDN hashes.
fn is_dot_segment(seg: &[u8]) -> bool {
    let dot = |s: &[u8]| s == b"." || s.eq_ignore_ascii_case(b"%2e");
    dot(seg) || (1..seg.len()).any(|i| seg.split_at_checked(i).is_some_and(|(a, b)| dot(a) && dot(b)))
}

fn is_part(s: &str) -> bool {
    (1..=MAX_PART_LEN).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANY: Policy = Policy { key_valid: |k| !k.is_empty(), hex_time: true, min_duration_s: 1, max_duration_s: 100 };
    const DEC_ONLY: Policy = Policy { hex_time: false, ..ANY };

    #[test]
    fn builder_checks_its_inputs() {
        let ok = |uri: &str, rand: &str, uid: &str| build(&ANY, b"k", uri, 1, TimeFormat::Decimal, rand, uid);
        assert!(ok("/a/b.flv", "0", "0").is_ok());
        for bad_uri in ["", "a/b", "/a?x=1", "/a#f", "/a b", "rtmp://h/a", "/é", "/a\\b"] {
            assert_eq!(ok(bad_uri, "0", "0"), Err(Error::InvalidArgument), "{bad_uri:?}");
        }
        for bad in ["", "a-b", "a b", "é", &"x".repeat(MAX_PART_LEN + 1)] {
            assert_eq!(ok("/a", bad, "0"), Err(Error::InvalidArgument), "rand {bad:?}");
            assert_eq!(ok("/a", "0", bad), Err(Error::InvalidArgument), "uid {bad:?}");
        }
        assert!(ok("/a", &"x".repeat(MAX_PART_LEN), &"y".repeat(MAX_PART_LEN)).is_ok());
        assert_eq!(build(&DEC_ONLY, b"k", "/a", 1, TimeFormat::Hex, "0", "0"), Err(Error::InvalidArgument));
        assert_eq!(build(&ANY, b"", "/a", 1, TimeFormat::Hex, "0", "0"), Err(Error::InvalidKey));
    }

    #[test]
    fn longest_query_fits() {
        let q = build(&ANY, b"k", "/a", u64::MAX, TimeFormat::Decimal, &"r".repeat(64), &"u".repeat(64)).unwrap();
        assert_eq!(q.as_bytes().len(), QUERY_MAX_LEN);
    }

    #[test]
    fn every_built_url_is_within_the_verifiers_bound() {
        let (rand, uid) = ("r".repeat(MAX_PART_LEN), "u".repeat(MAX_PART_LEN));
        let longest = |len: usize| format!("/{}", "a".repeat(len - 1));
        let uri = longest(MAX_URI_LEN);
        let q = build(&ANY, b"k", &uri, u64::MAX, TimeFormat::Decimal, &rand, &uid).unwrap();
        let url = format!("{uri}?{}", q.as_str());
        assert_eq!(url.len(), Limits::MAX_URL_LEN);
        assert_eq!(verify(&ANY, &[b"k"], url.as_bytes(), TimeFormat::Decimal, 0, 1, 0), Ok(0));
        let too_long = build(&ANY, b"k", &longest(MAX_URI_LEN + 1), 1, TimeFormat::Decimal, "0", "0");
        assert_eq!(too_long, Err(Error::InvalidArgument));
    }

    #[test]
    fn split_needs_four_parts() {
        let h = "0123456789abcdef0123456789ABCDEF";
        assert!(split(format!("1-r-u-{h}").as_bytes(), TimeFormat::Decimal).is_ok());
        for bad in [
            format!("1-r-{h}"),
            format!("1-r-u-v-{h}"),
            format!("-r-u-{h}"),
            format!("1--u-{h}"),
            format!("1-r--{h}"),
            "1-r-u-".to_owned(),
            format!("1-r-u-{h}0"),
            format!("x-r-u-{h}"),
            format!("01-r-u-{h}"),
        ] {
            assert!(split(bad.as_bytes(), TimeFormat::Decimal).is_err(), "{bad}");
        }
        assert_eq!(split(format!("5EEDbe7c-r-u-{h}").as_bytes(), TimeFormat::Hex).unwrap().2, 0x5eedbe7c);
        assert!(split(format!("5eedbe7c-r-u-{h}").as_bytes(), TimeFormat::Decimal).is_err());
        // In hex mode, exactly ten decimal digits are decimal, otherwise 1 to 8 hex digits.
        let hex = |t: &str| split(format!("{t}-r-u-{h}").as_bytes(), TimeFormat::Hex).map(|s| s.2);
        assert_eq!(hex("1592639100"), Ok(1_592_639_100));
        assert_eq!(hex("15926391"), Ok(0x1592_6391));
        assert_eq!(hex("ffffffff"), Ok(HEX_MAX_TIMESTAMP));
        for neither in ["159263910", "15926391000", "159263910a", "12345678901234567"] {
            assert_eq!(hex(neither), Err(Error::Malformed), "{neither}");
        }
    }

    #[test]
    fn hex_builds_stop_at_eight_digits() {
        let q = build(&ANY, b"k", "/a", HEX_MAX_TIMESTAMP, TimeFormat::Hex, "0", "0").unwrap();
        assert!(q.as_str().starts_with("auth_key=ffffffff-"), "{}", q.as_str());
        assert_eq!(
            build(&ANY, b"k", "/a", HEX_MAX_TIMESTAMP + 1, TimeFormat::Hex, "0", "0"),
            Err(Error::InvalidArgument)
        );
        assert!(build(&ANY, b"k", "/a", HEX_MAX_TIMESTAMP + 1, TimeFormat::Decimal, "0", "0").is_ok());
    }
}
