//! Alibaba callback authentication: every callback (stream ingest, recording, snapshot, ...)
//! carries the headers `ALI-LIVE-TIMESTAMP` (decimal Unix seconds) and
//!
//! ```text
//! ALI-LIVE-SIGNATURE = lowercase hex MD5("{domain}|{ALI-LIVE-TIMESTAMP}|{NotifyAuthKey}")
//! ```
//!
//! where `domain` is the ingest domain for stream callbacks and the callback URL's host for
//! recording and snapshot callbacks. The signature covers no body byte: whoever captures one
//! callback can send any body with its headers until the time window closes, so the window
//! is checked on both sides: the callback is accepted while
//! `now - leeway_s <= timestamp <= now + leeway_s`. A timestamp further ahead than the leeway
//! is reported as `Expired` too: it is outside the window, and accepting it would extend the
//! replay window by however far ahead it lies.

use crate::digest::md5::{self, md5};
use crate::limits::{self, Limits};
use crate::text::{Decimal, Hex, ct_eq_wipe, parse_hex};
use crate::{Error, expiry, json};

/// `ALI-LIVE-SIGNATURE` for `domain` at `timestamp`.
///
/// Errors: [`Error::InvalidArgument`] for a domain over [`crate::Limits::MAX_ID_LEN`], then
/// [`Error::InvalidKey`] for an empty key (or one over [`crate::Limits::MAX_KEY_LEN`]).
pub fn callback_sign(key: &[u8], domain: &str, timestamp: u64) -> Result<Hex<{ 2 * md5::LEN }>, Error> {
    limits::check(domain.as_bytes(), Limits::MAX_ID_LEN)?;
    check_key(key)?;
    Ok(Hex::encode(&digest(key, domain, Decimal::new(timestamp).as_bytes())))
}

/// Verifies the headers of a callback received at `now`: `timestamp` is `ALI-LIVE-TIMESTAMP`
/// and `signature` is `ALI-LIVE-SIGNATURE`, as received.
///
/// Errors, in order: [`Error::InvalidArgument`] (a domain or timestamp over
/// [`crate::Limits::MAX_ID_LEN`]); [`Error::InvalidKey`] (empty key, or over
/// [`crate::Limits::MAX_KEY_LEN`]); [`Error::Malformed`] (`timestamp` is not a plain
/// decimal integer: `0` or digits without a leading zero, sign or space, at most `u64::MAX`;
/// `signature` not 32 hex characters of either case);
/// [`Error::SignatureMismatch`] (constant time); [`Error::Expired`] (`timestamp` outside
/// `now ± leeway_s`; callers usually allow 300 s, "如5分钟").
pub fn callback_verify(
    key: &[u8],
    domain: &str,
    timestamp: &str,
    signature: &[u8],
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    limits::check_all([(domain.as_bytes(), Limits::MAX_ID_LEN), (timestamp.as_bytes(), Limits::MAX_ID_LEN)])?;
    check_key(key)?;
    let sent = json::parse_u64(timestamp.as_bytes()).ok_or(Error::Malformed)?;
    let claimed: [u8; md5::LEN] = parse_hex(signature).ok_or(Error::Malformed)?;
    if !ct_eq_wipe(&mut digest(key, domain, timestamp.as_bytes()), &claimed) {
        return Err(Error::SignatureMismatch);
    }
    expiry::check_sent(sent, now, leeway_s)
}

fn digest(key: &[u8], domain: &str, timestamp: &[u8]) -> [u8; md5::LEN] {
    md5(&[domain.as_bytes(), b"|", timestamp, b"|", key])
}

fn check_key(key: &[u8]) -> Result<(), Error> {
    if limits::key_len_ok(key) { Ok(()) } else { Err(Error::InvalidKey) }
}
