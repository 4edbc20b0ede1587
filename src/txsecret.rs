//! The `txSecret` / `txTime` hotlink-protection scheme for stream URLs:
//! `txSecret = lowercase hex MD5(key + StreamName + txTime)`, where `txTime` is a Unix time
//! written in the query: the expiry itself, or the start to which a validity period is added
//! (Tencent's play URLs, Huawei's duration). Tencent CSS push/play authentication and Huawei
//! Cloud Live URL method B are byte-identical, so both providers share this core; each brings
//! its key rule, its validity period and its stream name (Tencent reads it from the URL path,
//! Huawei takes it as a parameter).
//!
//! The MD5 covers `txTime` exactly as written, so `5C271099` and `5c271099` give different
//! secrets for the same instant, and verification never re-formats what it read.
//!
//! `txTime` is hex in every documented example (both cases) and, per Tencent's docs from 2023
//! on, may also be decimal. The two overlap: `1735689600` is valid text in both. The rule here
//! is **exactly 10 decimal digits are decimal, anything else is hex** (1 to 16 digits, either
//! case). Every Unix time from 2001-09-09 to 2286-11-20 has 10 decimal digits, while hex needs
//! 10 digits only from year 4147 on, so no real hex expiry is 10 digits long; and should one
//! ever be, reading it as decimal gives an *earlier* expiry, failing closed instead of turning
//! a short-lived URL into a never-expiring one. Builders therefore refuse expiries whose hex
//! form would be 10 digits or longer ([`MAX_EXPIRY`]).

use crate::digest::md5::{self, md5};
use crate::limits::{self, Limits};
use crate::text::{Hex, HexU64, ct_eq_wipe, parse_hex_lower, parse_hex_u64};
use crate::url::{self, SignedQuery, Url};
use crate::{Error, expiry, keyring};

/// The query parameter carrying the secret.
pub(crate) const SECRET_PARAM: &[u8] = b"txSecret";
/// The query parameter carrying the expiry.
pub(crate) const TIME_PARAM: &[u8] = b"txTime";
/// Length of a `txSecret`: 32 lowercase hex characters.
pub(crate) const SECRET_LEN: usize = 2 * md5::LEN;
/// The one length at which an all-digit `txTime` is read as decimal.
const DECIMAL_LEN: usize = 10;
/// The largest expiry a builder writes: 9 hex digits (year 4147), so a built `txTime` can never
/// be mistaken for a decimal one.
pub(crate) const MAX_EXPIRY: u64 = (1 << 36) - 1;

/// The raw MD5 behind a `txSecret`.
pub(crate) fn digest(key: &[u8], stream: &[u8], tx_time: &[u8]) -> [u8; md5::LEN] {
    md5(&[key, stream, tx_time])
}

/// The `txSecret` text for a literal `txTime`.
pub(crate) fn secret(key: &[u8], stream: &[u8], tx_time: &[u8]) -> Hex<SECRET_LEN> {
    Hex::encode(&digest(key, stream, tx_time))
}

/// Reads a `txTime` as written in a URL (see the module documentation for the decimal/hex
/// rule); anything else is `Malformed`.
pub(crate) fn parse_tx_time(raw: &[u8]) -> Result<u64, Error> {
    // No leading zero in either form (see `parse_hex_u64`): a ten-digit decimal starting with
    // 0 would be before 1973 anyway.
    if raw.len() == DECIMAL_LEN && raw.iter().all(u8::is_ascii_digit) && raw[0] != b'0' {
        // Ten digits always fit in a u64.
        return Ok(raw.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0')));
    }
    parse_hex_u64(raw).ok_or(Error::Malformed)
}

/// Letter case of a hex `txTime` written by a builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `5C271099`: Tencent's console and documented example.
    Upper,
    /// `5eed5888`: Huawei's examples.
    Lower,
}

/// The `txTime` a builder writes for `expiry`: hex without leading zeros (as `%X` / `%x` print
/// it); `InvalidArgument` above [`MAX_EXPIRY`].
pub(crate) fn tx_time(expiry: u64, case: Case) -> Result<HexU64, Error> {
    if expiry > MAX_EXPIRY {
        return Err(Error::InvalidArgument);
    }
    Ok(match case {
        Case::Upper => HexU64::upper(expiry),
        Case::Lower => HexU64::new(expiry),
    })
}

/// Length of the query [`query`] writes for `expiry` (at most [`MAX_EXPIRY`]).
pub(crate) const fn query_len(expiry: u64) -> usize {
    // `=`, `&`, `=`.
    SECRET_PARAM.len() + SECRET_LEN + TIME_PARAM.len() + 3 + HexU64::digits(expiry)
}

/// Longest query [`query`] writes: a 9-digit `txTime`.
pub(crate) const QUERY_MAX_LEN: usize = query_len(MAX_EXPIRY);
const _: () = assert!(QUERY_MAX_LEN <= SignedQuery::MAX_LEN);

/// The query `txSecret={secret}&txTime={tx_time}` for `stream`, signed with `key` (which the
/// provider has already checked). Every builder of the scheme writes its query here.
pub(crate) fn query(key: &[u8], stream: &[u8], tx_time: &HexU64) -> Result<SignedQuery, Error> {
    let secret = secret(key, stream, tx_time.as_bytes());
    SignedQuery::write(|out| {
        for piece in [SECRET_PARAM, b"=", secret.as_bytes(), b"&", TIME_PARAM, b"=", tx_time.as_bytes()] {
            out.push(piece);
        }
    })
}

/// Where the stream sits in a URL path, as the provider's rule finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StreamPath<'a> {
    /// The application path (Tencent's and Huawei's AppName), without slashes around it.
    pub app: &'a [u8],
    /// The stream name the secret covers.
    pub stream: &'a [u8],
}

/// A verified URL: where its parts are, what it says, and which key signed it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verified<'a> {
    pub path: StreamPath<'a>,
    /// `txTime` exactly as written.
    pub tx_time: &'a [u8],
    /// `txTime` read as a Unix time.
    pub expiry: u64,
    /// `expiry + valid_for_s` (saturating): the last second the URL is honoured, before leeway.
    pub valid_until: u64,
    /// Index of the key that matched.
    pub key_index: usize,
}

/// Verifies a signed URL (`scheme://host/path?query` or a bare `/path?query`) against a key
/// ring; `stream_path` gives the stream name from the URL path (or ignores the path when the
/// provider knows the name). The checks run in this order and the first failure is returned:
/// `InvalidArgument` (a URL over [`crate::Limits::MAX_URL_LEN`]), then `InvalidArgument` /
/// `InvalidKey` (the key ring, see [`keyring::check`]); `Malformed` (the
/// URL does not parse, `stream_path` rejects its path, `txSecret` or `txTime` is missing,
/// repeated or not in its format; `txSecret` must be 32 lowercase hex characters);
/// `SignatureMismatch` (no key gives the secret, every key tried, constant-time compare);
/// `Expired` (`now > txTime + valid_for_s + leeway_s`, saturating).
pub(crate) fn verify<'a>(
    keys: &[&[u8]],
    valid_key: impl Fn(&&[u8]) -> bool + Copy,
    url: &'a [u8],
    stream_path: impl FnOnce(&'a [u8]) -> Result<StreamPath<'a>, Error>,
    valid_for_s: u32,
    now: u64,
    leeway_s: u32,
) -> Result<Verified<'a>, Error> {
    limits::check(url, Limits::MAX_URL_LEN)?;
    keyring::check(keys, valid_key)?;
    let Url { path, query, .. } = url::parse(url)?;
    let path = stream_path(path)?;
    let [secret, tx_time] = url::lookup(query, [SECRET_PARAM, TIME_PARAM])?;
    let (secret, tx_time) = (secret.ok_or(Error::Malformed)?, tx_time.ok_or(Error::Malformed)?);
    let expiry = parse_tx_time(tx_time)?;
    // The claimed secret is public: decode it rather than encode our secret-derived digest.
    let claimed: [u8; md5::LEN] = parse_hex_lower(secret).ok_or(Error::Malformed)?;
    let key_index = keyring::find(keys, valid_key, |key| ct_eq_wipe(&mut digest(key, path.stream, tx_time), &claimed))?;
    let valid_until = expiry.saturating_add(u64::from(valid_for_s));
    expiry::check(valid_until, now, leeway_s)?;
    Ok(Verified { path, tx_time, expiry, valid_until, key_index })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example() {
        // Tencent CSS "Hotlink Protection URL Calculation" (267/31560).
        let s = secret(b"e12c46f2612d5106e2034781ab261ca3", b"test", b"5C271099");
        assert_eq!(s.as_str(), "f85a2ab363fe4deaffef9754d79da6fe");
    }

    #[test]
    fn tx_time_rule() {
        assert_eq!(parse_tx_time(b"5C271099"), Ok(1546064025));
        assert_eq!(parse_tx_time(b"5c271099"), Ok(1546064025));
        assert_eq!(parse_tx_time(b"1735689600"), Ok(1735689600));
        // No leading zero in either form: it would let a `0` move into the stream name.
        assert_eq!(parse_tx_time(b"0000000001"), Err(Error::Malformed));
        assert_eq!(parse_tx_time(b"05C271099"), Err(Error::Malformed));
        // Nine or eleven digits are hex.
        assert_eq!(parse_tx_time(b"173568960"), Ok(0x1_7356_8960));
        assert_eq!(parse_tx_time(b"17356896000"), Ok(0x173_5689_6000));
        // Ten characters with a letter are hex.
        assert_eq!(parse_tx_time(b"173568960a"), Ok(0x17_3568_960a));
        assert_eq!(parse_tx_time(b"0"), Ok(0));
        assert_eq!(parse_tx_time(b"ffffffffffffffff"), Ok(u64::MAX));
        for bad in [&b""[..], b"fffffffffffffffff", b"5C27109G", b"+5C27109", b" 5C27109", b"0x5C2710", b"-1"] {
            assert_eq!(parse_tx_time(bad), Err(Error::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn hex_writer() {
        for (v, upper, lower) in [(0, "0", "0"), (0xa, "A", "a"), (1546064025, "5C271099", "5c271099")] {
            assert_eq!(tx_time(v, Case::Upper).unwrap().as_bytes(), upper.as_bytes());
            assert_eq!(tx_time(v, Case::Lower).unwrap().as_bytes(), lower.as_bytes());
        }
        let max = tx_time(MAX_EXPIRY, Case::Upper).unwrap();
        assert_eq!(max.as_bytes(), b"FFFFFFFFF");
        assert_eq!(parse_tx_time(max.as_bytes()), Ok(MAX_EXPIRY));
        assert!(tx_time(MAX_EXPIRY + 1, Case::Upper).is_err());
        for v in [0, 1, 15, 16, 255, 256, u64::from(u32::MAX), MAX_EXPIRY] {
            let t = tx_time(v, Case::Lower).unwrap();
            assert_eq!(parse_tx_time(t.as_bytes()), Ok(v));
        }
    }

    #[test]
    fn query_writer() {
        let key = b"e12c46f2612d5106e2034781ab261ca3";
        let q = query(key, b"test", &tx_time(1546064025, Case::Upper).unwrap()).unwrap();
        assert_eq!(q.as_str(), "txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099");
        assert_eq!(q.as_bytes().len(), query_len(1546064025));
        let longest = query(key, b"test", &tx_time(MAX_EXPIRY, Case::Lower).unwrap()).unwrap();
        assert_eq!((longest.as_bytes().len(), query_len(0)), (QUERY_MAX_LEN, QUERY_MAX_LEN - 8));
    }

    fn split(path: &[u8]) -> Result<StreamPath<'_>, Error> {
        let i = path.iter().rposition(|&b| b == b'/').ok_or(Error::Malformed)?;
        Ok(StreamPath { app: &path[1..i], stream: &path[i + 1..] })
    }

    #[test]
    fn order_of_checks() {
        let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
        let url = b"rtmp://h/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
        let ok = |k: &&[u8]| !k.is_empty();
        let v = verify(&[b"other", key], ok, url, split, 0, 1546064025, 0).unwrap();
        assert_eq!((v.key_index, v.expiry, v.tx_time, v.path.stream), (1, 1546064025, &b"5C271099"[..], &b"test"[..]));
        assert_eq!(verify(&[b"", key], ok, b"bad", split, 0, 0, 0).map(|_| ()), Err(Error::InvalidKey));
        assert_eq!(verify(&[key], ok, b"bad", split, 0, 0, 0).map(|_| ()), Err(Error::Malformed));
        assert_eq!(verify(&[b"x"], ok, url, split, 0, u64::MAX, 0).map(|_| ()), Err(Error::SignatureMismatch));
        assert_eq!(verify(&[key], ok, url, split, 0, 1546064026, 0).map(|_| ()), Err(Error::Expired));
        assert_eq!(verify(&[key], ok, url, split, 1, 1546064026, 0).map(|_| ()), Ok(()));
        assert_eq!(verify(&[key], ok, url, split, 0, 1546064026, 1).map(|_| ()), Ok(()));
    }
}
