//! Huawei SparkRTC (Huawei's RTC service) recording callbacks: the request carries the headers
//! `X-Rtc-Rand`, `X-Rtc-Timestamp` and
//!
//! ```text
//! X-Rtc-Signature = lowercase hex HMAC-SHA256(key, X-Rtc-Rand + X-Rtc-Timestamp + raw body)
//! ```
//!
//! over the header texts and the body exactly as received (never re-serialised). The unit of
//! `X-Rtc-Timestamp` is not documented: a value of at most 11 digits is read as Unix seconds,
//! a longer one as milliseconds. (Read as seconds, a millisecond value would lie thousands of
//! years ahead and never expire.) It is a send time: the callback is accepted while it lies
//! within `leeway_s` of `now` on either side, `timestamp - leeway_s <= now <= timestamp +
//! leeway_s`.
//!
//! The future bound is what holds the boundary between `X-Rtc-Rand` and `X-Rtc-Timestamp`,
//! which the MAC joins without a separator: a captured callback with rand `8f1c21` and
//! timestamp `1700000000` verifies as rand `8f1c2` with `11700000000` (year 2340), or, sent in
//! milliseconds, as rand `…179` with the rest of the digits; read one-sided, such a re-cut
//! callback would be accepted forever. Re-cut timestamps land far from the send time, so near
//! it they expire or lie in the future. One cut comes round later: Huawei calls `X-Rtc-Rand` a
//! random number, and its last three digits moved in front of a *seconds* timestamp make 13
//! digits, read as milliseconds (`…170` + `1700000000` as `…` + `1701700000000`, 1701700000 s,
//! about 20 days after sending). At that instant the re-cut callback verifies: a replay. The
//! two readings differ only in the unit, which Huawei does not document; a receiver that
//! knows the unit it receives closes this with [`sparkrtc_verify_unit`] and
//! [`SparkRtcUnit::Seconds`] or [`SparkRtcUnit::Milliseconds`]: read in one unit, a re-cut
//! timestamp has more or fewer digits than the real one, so it reads as a time after 2286 or
//! before September 2001, never one a receiver's clock shows.
//!
//! The MAC joins the timestamp and the body without a separator too, and one cut keeps the
//! time: a millisecond timestamp's last three digits moved to the front of the body
//! (`1700000000123` + `{...}` as `1700000000` + `123{...}`) read as the same second. Only the
//! body's form refuses it (a JSON body no longer parses), so parse the body strictly.

use crate::digest::hmac;
use crate::limits::{self, Limits};
use crate::text::{Hex, ct_eq_wipe, parse_hex};
use crate::{Error, HmacKey, expiry, json};

/// Largest `X-Rtc-Timestamp` read as seconds (11 digits: year 5138).
const MAX_SECONDS: u64 = 99_999_999_999;

/// The unit `X-Rtc-Timestamp` is read in, which Huawei does not document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SparkRtcUnit {
    /// From its length: seconds up to 11 digits, milliseconds above ([`sparkrtc_verify`]).
    /// Leaves the replay the module documentation describes.
    Either,
    /// Unix seconds, whatever the length.
    Seconds,
    /// Unix milliseconds, whatever the length.
    Milliseconds,
}

/// `X-Rtc-Signature` for these header values and body.
///
/// Errors: [`Error::InvalidArgument`] when `rand` or `timestamp` is over
/// [`crate::Limits::MAX_ID_LEN`] bytes, the body over [`crate::Limits::MAX_BODY_LEN`], or
/// `timestamp` is not a plain decimal integer.
pub fn sparkrtc_sign(key: &HmacKey, rand: &str, timestamp: &str, body: &[u8]) -> Result<Hex<{ 2 * hmac::LEN }>, Error> {
    check(rand, timestamp, body)?;
    seconds(timestamp).ok_or(Error::InvalidArgument)?;
    Ok(Hex::encode(&key.mac(&[rand.as_bytes(), timestamp.as_bytes(), body])))
}

/// Verifies `X-Rtc-Signature` (`signature`) of a callback received at `now`.
///
/// Errors, in order: [`Error::InvalidArgument`] (`rand` or `timestamp` over
/// [`crate::Limits::MAX_ID_LEN`] bytes, the body over [`crate::Limits::MAX_BODY_LEN`]);
/// [`Error::Malformed`] (`timestamp` is not a plain decimal integer,
/// `signature` is not 64 hex characters of either case); [`Error::SignatureMismatch`]
/// (constant time); [`Error::Expired`] (`now > timestamp + leeway_s`, or `now < timestamp -
/// leeway_s`: the timestamp in seconds as the module documentation says).
///
/// The unit is read from the timestamp's length ([`SparkRtcUnit::Either`]); when you know the
/// unit Huawei sends you, [`sparkrtc_verify_unit`] with it also refuses the one re-cut that
/// comes round later (see the module documentation).
pub fn sparkrtc_verify(
    key: &HmacKey,
    rand: &str,
    timestamp: &str,
    body: &[u8],
    signature: &[u8],
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    sparkrtc_verify_unit(key, rand, timestamp, body, signature, SparkRtcUnit::Either, now, leeway_s)
}

/// [`sparkrtc_verify`] with `X-Rtc-Timestamp` read in `unit`; the same errors, in the same
/// order.
#[allow(clippy::too_many_arguments)]
pub fn sparkrtc_verify_unit(
    key: &HmacKey,
    rand: &str,
    timestamp: &str,
    body: &[u8],
    signature: &[u8],
    unit: SparkRtcUnit,
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    check(rand, timestamp, body)?;
    let sent = seconds_in(timestamp, unit).ok_or(Error::Malformed)?;
    let claimed: [u8; hmac::LEN] = parse_hex(signature).ok_or(Error::Malformed)?;
    if !ct_eq_wipe(&mut key.mac(&[rand.as_bytes(), timestamp.as_bytes(), body]), &claimed) {
        return Err(Error::SignatureMismatch);
    }
    expiry::check_sent(sent, now, leeway_s)
}

/// The input limits: the header values at most [`crate::Limits::MAX_ID_LEN`] bytes, the body
/// at most [`crate::Limits::MAX_BODY_LEN`]; `InvalidArgument` otherwise.
pub(crate) fn check(rand: &str, timestamp: &str, body: &[u8]) -> Result<(), Error> {
    let id = Limits::MAX_ID_LEN;
    limits::check_all([(rand.as_bytes(), id), (timestamp.as_bytes(), id), (body, Limits::MAX_BODY_LEN)])
}

/// `X-Rtc-Timestamp` in Unix seconds, its unit read from its length.
pub(crate) fn seconds(timestamp: &str) -> Option<u64> {
    seconds_in(timestamp, SparkRtcUnit::Either)
}

/// `X-Rtc-Timestamp`, read in `unit`, in Unix seconds.
fn seconds_in(timestamp: &str, unit: SparkRtcUnit) -> Option<u64> {
    let t = json::parse_u64(timestamp.as_bytes())?;
    let millis = match unit {
        SparkRtcUnit::Either => t > MAX_SECONDS,
        SparkRtcUnit::Seconds => false,
        SparkRtcUnit::Milliseconds => true,
    };
    Some(if millis { t / 1000 } else { t })
}

#[cfg(test)]
mod tests {
    use super::{SparkRtcUnit, seconds, seconds_in};

    #[test]
    fn a_pinned_unit_ignores_the_length() {
        for (ts, secs, millis) in
            [("1700000000", 1_700_000_000, 1_700_000), ("1700000000123", 1_700_000_000_123, 1_700_000_000)]
        {
            assert_eq!(seconds_in(ts, SparkRtcUnit::Seconds), Some(secs));
            assert_eq!(seconds_in(ts, SparkRtcUnit::Milliseconds), Some(millis));
        }
        for unit in [SparkRtcUnit::Seconds, SparkRtcUnit::Milliseconds] {
            assert_eq!(seconds_in("01", unit), None);
        }
    }

    #[test]
    fn timestamp_units() {
        assert_eq!(seconds("1700000000"), Some(1_700_000_000));
        assert_eq!(seconds("99999999999"), Some(99_999_999_999));
        assert_eq!(seconds("1700000000123"), Some(1_700_000_000));
        assert_eq!(seconds("100000000000"), Some(100_000_000));
        for bad in ["", "-1", "1.5", "01", " 1", "18446744073709551616"] {
            assert_eq!(seconds(bad), None, "{bad:?}");
        }
    }
}
