//! Huawei SparkRTC (Huawei's RTC service) recording callbacks: the request carries the headers
//! `X-Rtc-Rand`, `X-Rtc-Timestamp` and
//!
//! ```text
//! X-Rtc-Signature = lowercase hex HMAC-SHA256(key, X-Rtc-Rand + X-Rtc-Timestamp + raw body)
//! ```
//!
//! over the header texts and the body exactly as received (never re-serialised). The unit of
//! `X-Rtc-Timestamp` is not documented: it must be 10 digits, read as Unix seconds, or 13,
//! read as milliseconds (both September 2001 to 2286); any other length is malformed. (Read as
//! seconds, a millisecond value would lie thousands of years ahead and never expire.) It is a
//! send time: the callback is accepted while it lies within `leeway_s` of `now` on either side,
//! `timestamp - leeway_s <= now <= timestamp + leeway_s`.
//!
//! The lengths hold the boundary between `X-Rtc-Rand` and `X-Rtc-Timestamp`, which the MAC
//! joins without a separator: a captured callback with rand `8f1c21` and timestamp
//! `1700000000` also signs rand `8f1c2` with `11700000000`, or rand `8f1c211` with
//! `700000000`. Every such re-cut changes the timestamp's length; read as a time, a shorter one
//! (1992 here) falls inside a leeway of decades (`leeway_s` reaches 136 years), so it is the
//! length that refuses it. One cut keeps a valid length: Huawei calls `X-Rtc-Rand` a random
//! number, and its last three digits moved in front of a *seconds* timestamp make 13 digits,
//! read as milliseconds (`…170` + `1700000000` as `…` + `1701700000000`, 1701700000 s, about
//! 20 days after sending). At that instant the re-cut callback verifies: a replay. Likewise a
//! millisecond timestamp's first three digits moved into rand leave 10 (unless the fourth is a
//! 0), read as seconds: a time years from the send time, which only a leeway that large lets
//! through. The two readings differ only in the
//! unit, which Huawei does not document; a receiver that knows the unit it receives closes
//! both with [`sparkrtc_verify_unit`] and [`SparkRtcUnit::Seconds`] or
//! [`SparkRtcUnit::Milliseconds`]: with one length allowed, every re-cut is malformed,
//! whatever the leeway.
//!
//! The MAC joins the timestamp and the body without a separator too, and one cut keeps the
//! time: a millisecond timestamp's last three digits moved to the front of the body
//! (`1700000000123` + `{...}` as `1700000000` + `123{...}`) read as the same second, unless
//! the unit is pinned to milliseconds. Only the body's form refuses it otherwise (a JSON body
//! no longer parses), so parse the body strictly.

use crate::digest::hmac;
use crate::limits::{self, Limits};
use crate::text::{Hex, ct_eq_wipe, parse_hex};
use crate::{Error, HmacKey, expiry, json};

/// The unit `X-Rtc-Timestamp` is read in, which Huawei does not document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SparkRtcUnit {
    /// From its length: 10 digits seconds, 13 milliseconds, any other malformed
    /// ([`sparkrtc_verify`]). Leaves the replays the module documentation describes.
    Either,
    /// Unix seconds: exactly 10 digits, any other length malformed.
    Seconds,
    /// Unix milliseconds: exactly 13 digits, any other length malformed.
    Milliseconds,
}

/// `X-Rtc-Signature` for these header values and body.
///
/// Errors: [`Error::InvalidArgument`] when `rand` or `timestamp` is over
/// [`crate::Limits::MAX_ID_LEN`] bytes, the body over [`crate::Limits::MAX_BODY_LEN`], or
/// `timestamp` is not a plain decimal integer of 10 digits (seconds) or 13 (milliseconds).
pub fn sparkrtc_sign(key: &HmacKey, rand: &str, timestamp: &str, body: &[u8]) -> Result<Hex<{ 2 * hmac::LEN }>, Error> {
    check(rand, timestamp, body)?;
    seconds(timestamp).ok_or(Error::InvalidArgument)?;
    Ok(Hex::encode(&key.mac(&[rand.as_bytes(), timestamp.as_bytes(), body])))
}

/// Verifies `X-Rtc-Signature` (`signature`) of a callback received at `now`.
///
/// Errors, in order: [`Error::InvalidArgument`] (`rand` or `timestamp` over
/// [`crate::Limits::MAX_ID_LEN`] bytes, the body over [`crate::Limits::MAX_BODY_LEN`]);
/// [`Error::Malformed`] (`timestamp` is not a plain decimal integer of 10 digits or 13,
/// `signature` is not 64 hex characters of either case); [`Error::SignatureMismatch`]
/// (constant time); [`Error::Expired`] (`now > timestamp + leeway_s`, or `now < timestamp -
/// leeway_s`: the timestamp in seconds as the module documentation says).
///
/// The unit is read from the timestamp's length ([`SparkRtcUnit::Either`]); when you know the
/// unit Huawei sends you, [`sparkrtc_verify_unit`] with it also refuses the re-cuts that keep
/// a valid length (see the module documentation).
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
/// order (with [`SparkRtcUnit::Seconds`] only 10 digits are well-formed, with
/// [`SparkRtcUnit::Milliseconds`] only 13).
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

/// `X-Rtc-Timestamp`, read in `unit`, in Unix seconds; `None` unless it has exactly the
/// digits of its unit. The length, not the time, is what refuses a re-cut: moving digits
/// between rand and timestamp changes it, and a time read from it could still fall inside a
/// leeway of decades.
fn seconds_in(timestamp: &str, unit: SparkRtcUnit) -> Option<u64> {
    let t = json::parse_u64(timestamp.as_bytes())?;
    // Seconds have exactly 10 digits (September 2001 to 2286), milliseconds exactly 13: the
    // same years, so their whole seconds have 10.
    let seconds = matches!(unit, SparkRtcUnit::Seconds | SparkRtcUnit::Either) && expiry::is_ten_digit_time(t);
    let millis =
        matches!(unit, SparkRtcUnit::Milliseconds | SparkRtcUnit::Either) && expiry::is_ten_digit_time(t / 1000);
    match (seconds, millis) {
        (true, _) => Some(t),
        (_, true) => Some(t / 1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::SparkRtcUnit::{Either, Milliseconds, Seconds};
    use super::{seconds, seconds_in};

    #[test]
    fn a_pinned_unit_takes_only_its_length() {
        for (ts, secs) in [("1700000000", 1_700_000_000), ("1000000000", 1_000_000_000), ("9999999999", 9_999_999_999)]
        {
            assert_eq!(seconds_in(ts, Seconds), Some(secs), "{ts}");
            assert_eq!(seconds_in(ts, Milliseconds), None, "{ts}");
        }
        for (ts, secs) in
            [("1700000000123", 1_700_000_000), ("1000000000000", 1_000_000_000), ("9999999999999", 9_999_999_999)]
        {
            assert_eq!(seconds_in(ts, Milliseconds), Some(secs), "{ts}");
            assert_eq!(seconds_in(ts, Seconds), None, "{ts}");
        }
        for unit in [Seconds, Milliseconds] {
            for bad in ["01", "1", "999999999", "0700000000", "10000000000", "170000000012", "17000000001234"] {
                assert_eq!(seconds_in(bad, unit), None, "{unit:?} {bad}");
            }
        }
    }

    #[test]
    fn timestamp_units() {
        assert_eq!(seconds("1700000000"), Some(1_700_000_000));
        assert_eq!(seconds("9999999999"), Some(9_999_999_999));
        assert_eq!(seconds("1700000000123"), Some(1_700_000_000));
        assert_eq!(seconds("1000000000000"), Some(1_000_000_000));
        assert_eq!(seconds_in("1700000000123", Either), seconds("1700000000123"));
        // Any length but 10 and 13: 11 and 12 digits are neither unit, and a re-cut changes
        // the length.
        for bad in ["", "-1", "1.5", "01", " 1", "18446744073709551616", "1", "100", "999999999", "99999999999"] {
            assert_eq!(seconds(bad), None, "{bad:?}");
        }
        for bad in ["100000000000", "0100000000", "10000000000000", "17000000001234"] {
            assert_eq!(seconds(bad), None, "{bad:?}");
        }
    }
}
