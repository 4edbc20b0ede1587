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
//! `txTime` is hex in every documented example (both cases, always 8 digits) and, per
//! Tencent's docs from 2023 on, may also be decimal. The rule here: **exactly 10 decimal digits
//! are decimal; otherwise exactly 8 hex digits** of either case, no leading zero
//! ([`parse_hex_time`]). The two forms never have the same length, so no text reads both ways;
//! every Unix time from 2001-09-09 to 2286-11-20 has 10 decimal digits, and every one from
//! 1978-07-04 ([`MIN_EXPIRY`]) to 2106-02-07 ([`MAX_EXPIRY`]) 8 hex digits.
//!
//! The MD5 joins the stream name and `txTime` without a separator, so a captured URL's secret
//! also covers every other split of the same bytes. Fixed widths refuse them whatever the
//! window: a character moved into a time makes it 9 or 11 characters long (or gives it a
//! leading zero), one moved out leaves 7 or 9. (The time alone would not: a hex time cut to 7
//! digits lies before 1978, but `valid_for_s` and `leeway_s` reach 136 years each.) One split
//! is left, between the two forms: a stream ending in two digits before an all-digit hex time
//! (`room17` + `67812345`, January 2025) re-reads as a prefix stream with a decimal time
//! (`room` + `1767812345`, January 2026), and a decimal time re-reads from its third digit as
//! hex for a longer stream (`room` + `1796000000` as `room17` + `96000000`, year 2049).
//! Verifiers that know which form their URLs carry read only that one ([`TxTimeForm`]), which
//! closes it.

use crate::digest::md5::{self, md5};
use crate::limits::{self, Limits};
use crate::text::{self, Hex, HexU64, ct_eq_wipe, parse_hex_lower, parse_hex_time};
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
/// The largest expiry a builder writes and a hex `txTime` can say: `FFFFFFFF`, 2106-02-07.
pub(crate) const MAX_EXPIRY: u64 = text::HEX_TIME_MAX;
/// The smallest expiry a builder writes and a hex `txTime` can say: `10000000`, 1978-07-04, the
/// first time of 8 hex digits.
pub(crate) const MIN_EXPIRY: u64 = text::HEX_TIME_MIN;

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
    parse_decimal_time(raw).or_else(|| parse_hex_time(raw)).ok_or(Error::Malformed)
}

/// Exactly 10 decimal digits, the first not `0` (one would be before 2001-09-09, and would let a
/// `0` move between the stream name and the time).
pub(crate) fn parse_decimal_time(raw: &[u8]) -> Option<u64> {
    if raw.len() == DECIMAL_LEN && raw.iter().all(u8::is_ascii_digit) && raw[0] != b'0' {
        // Ten digits always fit in a u64.
        return Some(raw.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d - b'0')));
    }
    None
}

/// The `txTime` texts a verifier reads.
///
/// With one form, every other split of the signed bytes between the stream name and `txTime`
/// is malformed, whatever the window (see the module documentation); with both, the split
/// between the forms is left, so a verifier that knows which form its URLs carry should say
/// so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TxTimeForm {
    /// Exactly 10 decimal digits are decimal, otherwise exactly 8 hex digits: what Tencent's
    /// docs allow, and what Tencent's verifier reads by default.
    HexOrDecimal,
    /// Exactly 8 hex digits of either case, no leading zero (1978 to 2106): what livesign's
    /// builders write (Tencent's console and every documented example too; Huawei method B
    /// reads only this).
    Hex,
    /// Exactly 10 decimal digits, no leading zero (every Unix time from 2001 to 2286).
    Decimal,
}

impl TxTimeForm {
    pub(crate) fn parse(self, raw: &[u8]) -> Result<u64, Error> {
        match self {
            TxTimeForm::HexOrDecimal => parse_tx_time(raw),
            TxTimeForm::Hex => parse_hex_time(raw).ok_or(Error::Malformed),
            TxTimeForm::Decimal => parse_decimal_time(raw).ok_or(Error::Malformed),
        }
    }
}

/// Letter case of a hex `txTime` written by a builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `5C271099`: Tencent's console and documented example.
    Upper,
    /// `5eed5888`: Huawei's examples.
    Lower,
}

/// The `txTime` a builder writes for `expiry`: 8 hex digits (as `%X` / `%x` print it);
/// `InvalidArgument` below [`MIN_EXPIRY`] or above [`MAX_EXPIRY`], a time a verifier would
/// refuse.
pub(crate) fn tx_time(expiry: u64, case: Case) -> Result<HexU64, Error> {
    if !(MIN_EXPIRY..=MAX_EXPIRY).contains(&expiry) {
        return Err(Error::InvalidArgument);
    }
    Ok(match case {
        Case::Upper => HexU64::upper(expiry),
        Case::Lower => HexU64::new(expiry),
    })
}

/// Length of the query [`query`] writes for `expiry` ([`MIN_EXPIRY`] to [`MAX_EXPIRY`]: always
/// [`QUERY_MAX_LEN`]).
pub(crate) const fn query_len(expiry: u64) -> usize {
    // `=`, `&`, `=`.
    SECRET_PARAM.len() + SECRET_LEN + TIME_PARAM.len() + 3 + HexU64::digits(expiry)
}

/// The length of every query [`query`] writes: an 8-digit `txTime`.
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

/// When a URL is checked: valid through `txTime + valid_for_s`, tolerating `leeway_s` after.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    pub valid_for_s: u32,
    pub now: u64,
    pub leeway_s: u32,
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
/// URL does not parse (see [`url::parse`]), `stream_path` rejects its path, `txSecret` or
/// `txTime` is missing, repeated (see [`url::lookup`]) or not in its format; `txSecret` must be 32 lowercase hex characters);
/// `SignatureMismatch` (no key gives the secret, every key tried, constant-time compare);
/// `Expired` (`now > txTime + valid_for_s + leeway_s`, saturating).
pub(crate) fn verify<'a>(
    keys: &[&[u8]],
    valid_key: impl Fn(&&[u8]) -> bool + Copy,
    url: &'a [u8],
    stream_path: impl FnOnce(&'a [u8]) -> Result<StreamPath<'a>, Error>,
    form: TxTimeForm,
    Window { valid_for_s, now, leeway_s }: Window,
) -> Result<Verified<'a>, Error> {
    limits::check(url, Limits::MAX_URL_LEN)?;
    keyring::check(keys, valid_key)?;
    let Url { path, query, .. } = url::parse(url)?;
    let path = stream_path(path)?;
    let [secret, tx_time] = url::lookup(query, [SECRET_PARAM, TIME_PARAM])?;
    let (secret, tx_time) = (secret.ok_or(Error::Malformed)?, tx_time.ok_or(Error::Malformed)?);
    let expiry = form.parse(tx_time)?;
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
        assert_eq!(parse_tx_time(b"9999999999"), Ok(9999999999));
        // No leading zero in either form: it would let a `0` move into the stream name.
        assert_eq!(parse_tx_time(b"0000000001"), Err(Error::Malformed));
        assert_eq!(parse_tx_time(b"05C27109"), Err(Error::Malformed));
        // Exactly 8 digits are hex; 9, 11 or more are refused in both readings: a ninth hex
        // digit would be a stream character moved into the time.
        assert_eq!(parse_tx_time(b"17356896"), Ok(0x1735_6896));
        assert_eq!(parse_tx_time(b"ffffffff"), Ok(MAX_EXPIRY));
        assert_eq!(parse_tx_time(b"10000000"), Ok(MIN_EXPIRY));
        for bad in [&b"173568960"[..], b"15C271099", b"17356896000", b"173568960a", b"ffffffffffffffff"] {
            assert_eq!(parse_tx_time(bad), Err(Error::Malformed), "{bad:?}");
        }
        // 7 or fewer, 9 decimal digits: a time character moved out into the stream name.
        for bad in [&b"0"[..], b"1", b"5C27109", b"fffffff", b"6000000", b"173568960"] {
            assert_eq!(parse_tx_time(bad), Err(Error::Malformed), "{bad:?}");
        }
        for bad in [&b""[..], b"5C27109G", b"+5C27109", b" 5C27109", b"0x5C2710", b"-1"] {
            assert_eq!(parse_tx_time(bad), Err(Error::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn time_forms() {
        const BAD: Result<u64, Error> = Err(Error::Malformed);
        for (raw, either, hex, decimal) in [
            (&b"5C271099"[..], Ok(0x5C27_1099), Ok(0x5C27_1099), BAD),
            (b"1735689600", Ok(1_735_689_600), BAD, Ok(1_735_689_600)),
            // All digits, 8 of them: hex in both readings that take hex.
            (b"67812345", Ok(0x6781_2345), Ok(0x6781_2345), BAD),
            (b"9999999999", Ok(9_999_999_999), BAD, Ok(9_999_999_999)),
            (b"0123456789", BAD, BAD, BAD),
            (b"173568960", BAD, BAD, BAD),
            (b"17356896000", BAD, BAD, BAD),
            (b"10000000", Ok(MIN_EXPIRY), Ok(MIN_EXPIRY), BAD),
            (b"6000000", BAD, BAD, BAD),
            (b"0", BAD, BAD, BAD),
            (b"", BAD, BAD, BAD),
        ] {
            assert_eq!(TxTimeForm::HexOrDecimal.parse(raw), either, "{raw:?}");
            assert_eq!(TxTimeForm::Hex.parse(raw), hex, "{raw:?}");
            assert_eq!(TxTimeForm::Decimal.parse(raw), decimal, "{raw:?}");
        }
    }

    #[test]
    fn hex_writer() {
        for (v, upper, lower) in [(0x1abc_def0, "1ABCDEF0", "1abcdef0"), (1546064025, "5C271099", "5c271099")] {
            assert_eq!(tx_time(v, Case::Upper).unwrap().as_bytes(), upper.as_bytes());
            assert_eq!(tx_time(v, Case::Lower).unwrap().as_bytes(), lower.as_bytes());
        }
        let max = tx_time(MAX_EXPIRY, Case::Upper).unwrap();
        assert_eq!(max.as_bytes(), b"FFFFFFFF");
        assert_eq!(parse_tx_time(max.as_bytes()), Ok(MAX_EXPIRY));
        assert!(tx_time(MAX_EXPIRY + 1, Case::Upper).is_err());
        let min = tx_time(MIN_EXPIRY, Case::Upper).unwrap();
        assert_eq!(min.as_bytes(), b"10000000");
        // Below, fewer than 8 digits: a time the verifiers refuse.
        for v in [0, 1, 0xa, 0x05c2_7109, MIN_EXPIRY - 1] {
            assert_eq!(tx_time(v, Case::Upper).map(|t| t.as_bytes().len()), Err(Error::InvalidArgument), "{v}");
        }
        for v in [MIN_EXPIRY, MIN_EXPIRY + 1, 0x5eed_5888, MAX_EXPIRY] {
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
        let shortest = query(key, b"test", &tx_time(MIN_EXPIRY, Case::Lower).unwrap()).unwrap();
        assert_eq!((longest.as_bytes().len(), shortest.as_bytes().len()), (QUERY_MAX_LEN, QUERY_MAX_LEN));
        assert_eq!(query_len(MIN_EXPIRY), QUERY_MAX_LEN);
    }

    fn split(path: &[u8]) -> Result<StreamPath<'_>, Error> {
        let i = path.iter().rposition(|&b| b == b'/').ok_or(Error::Malformed)?;
        Ok(StreamPath { app: &path[1..i], stream: &path[i + 1..] })
    }

    #[test]
    fn order_of_checks() {
        let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
        let url: &[u8] = b"rtmp://h/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
        let ok = |k: &&[u8]| !k.is_empty();
        let check = |keys: &[&[u8]], url: &'static [u8], valid_for_s, now, leeway_s| {
            verify(keys, ok, url, split, TxTimeForm::HexOrDecimal, Window { valid_for_s, now, leeway_s })
        };
        let v = check(&[b"other", key], url, 0, 1546064025, 0).unwrap();
        assert_eq!((v.key_index, v.expiry, v.tx_time, v.path.stream), (1, 1546064025, &b"5C271099"[..], &b"test"[..]));
        let status =
            |keys: &[&[u8]], url, valid_for_s, now, leeway_s| check(keys, url, valid_for_s, now, leeway_s).map(|_| ());
        assert_eq!(status(&[b"", key], b"bad", 0, 0, 0), Err(Error::InvalidKey));
        assert_eq!(status(&[key], b"bad", 0, 0, 0), Err(Error::Malformed));
        assert_eq!(status(&[b"x"], url, 0, u64::MAX, 0), Err(Error::SignatureMismatch));
        assert_eq!(status(&[key], url, 0, 1546064026, 0), Err(Error::Expired));
        assert_eq!(status(&[key], url, 1, 1546064026, 0), Ok(()));
        assert_eq!(status(&[key], url, 0, 1546064026, 1), Ok(()));
    }
}
