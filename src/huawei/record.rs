//! Huawei Cloud Live recording callbacks (new version, "录制回调"), signed with the key of
//! the recording callback configuration in one of two `sign_type`s:
//!
//! ```text
//! HMACSHA256 (default): lowercase hex HMAC-SHA256(key, auth_timestamp + event_type + publish_domain
//!                                                     + app + stream + download_url + play_url)
//! MD5:                  lowercase hex MD5(key + auth_timestamp)
//! ```
//!
//! `auth_timestamp` is rendered in decimal. Open points of Huawei's documents, decided here:
//! - Which body field carries the signature is not pinned (probably `auth_sign`), nor whether
//!   `download_url` / `play_url` sit at the top level of the body. So these functions take the
//!   field values, not the body: the caller reads them from the JSON it received.
//! - Events without a file (`RECORD_OVER`, `RECORD_FAILED`, ...) have no `download_url` /
//!   `play_url`: they are signed as empty strings (pass `""`), which is what the shared vector
//!   assumes.
//! - The key is "at least 32 characters, letters and digits" (older pages: exactly 32): 32
//!   bytes or more is enforced; the character set is not, because a loaded
//!   [`HmacKey`] no longer shows it.
//! - `auth_timestamp` is read like the stream notifications' one: valid while
//!   `now <= auth_timestamp + leeway_s` (300 s is the usual leeway), and in sign type
//!   HMACSHA256 it must have exactly 10 digits (see below).
//!
//! MD5 mode signs only the time, so any body can be replayed with a captured signature:
//! Huawei itself calls it insecure. Prefer HMACSHA256.
//!
//! HMACSHA256 joins its fields without separators, so one signature also verifies with a
//! boundary moved between `event_type`, `publish_domain`, `app`, `stream`, `download_url` and
//! `play_url` (`live` + `room1` as `liver` + `oom1`, or a stream's last characters moved to the
//! front of `download_url`). Accept only the event types you know, your own `publish_domain`
//! and `app`, and URLs on your storage host. `auth_timestamp` comes first and every event type
//! starts with a letter, so no digit moves into the time; one moved out of it goes to the front
//! of `event_type` (`1700000000` + `RECORD_OVER` as `170000000` + `0RECORD_OVER`) and leaves a
//! time before 2001. That time alone would not refuse it (`leeway_s` reaches 136 years), nor
//! would livesign, which does not know your event types: so `auth_timestamp` must have exactly
//! 10 digits ([`RecordFields::MIN_AUTH_TIMESTAMP`] to [`RecordFields::MAX_AUTH_TIMESTAMP`]),
//! and such a re-cut is [`Error::Malformed`] whatever the leeway. Sign type MD5 needs no such
//! rule: the time follows the key, which no one can re-cut.

use crate::digest::{hmac, md5};
use crate::limits::{self, Limits};
use crate::text::{Decimal, Hex, ct_eq_wipe, parse_hex};
use crate::{Error, HmacKey, expiry};

/// The signed fields of a recording callback (`""` for a field the event does not carry).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordFields<'a> {
    /// `auth_timestamp`, Unix seconds.
    pub auth_timestamp: u64,
    /// `event_type`: `RECORD_NEW_FILE_START`, `RECORD_FILE_COMPLETE`, `RECORD_OVER`, ...
    pub event_type: &'a str,
    /// `publish_domain`: the ingest domain.
    pub publish_domain: &'a str,
    /// `app`.
    pub app: &'a str,
    /// `stream`.
    pub stream: &'a str,
    /// `download_url` (empty when absent).
    pub download_url: &'a str,
    /// `play_url` (empty when absent).
    pub play_url: &'a str,
}

// Rust-only constants: the doc line below keeps cbindgen from copying them into the C header
// (the C API has its own LIVESIGN_ constants in src/ffi/).
/// cbindgen:ignore
impl RecordFields<'_> {
    /// Shortest recording callback key, in bytes.
    pub const KEY_MIN_LEN: usize = 32;
    /// The smallest HMACSHA256 `auth_timestamp`: 1000000000 (2001-09-09), the first 10-digit
    /// Unix time (see the module documentation; `LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP` in C).
    pub const MIN_AUTH_TIMESTAMP: u64 = crate::expiry::MIN_DECIMAL_TIME;
    /// The largest HMACSHA256 `auth_timestamp`: 9999999999 (2286-11-20), the last 10-digit Unix
    /// time (`LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP` in C).
    pub const MAX_AUTH_TIMESTAMP: u64 = crate::expiry::MAX_DECIMAL_TIME;

    /// The input limits: `event_type`, `publish_domain`, `app` and `stream` at most
    /// [`crate::Limits::MAX_ID_LEN`] bytes, `download_url` and `play_url` at most
    /// [`crate::Limits::MAX_URL_LEN`]; [`Error::InvalidArgument`] otherwise.
    pub fn check(&self) -> Result<(), Error> {
        let (id, url) = (Limits::MAX_ID_LEN, Limits::MAX_URL_LEN);
        limits::check_all([
            (self.event_type.as_bytes(), id),
            (self.publish_domain.as_bytes(), id),
            (self.app.as_bytes(), id),
            (self.stream.as_bytes(), id),
            (self.download_url.as_bytes(), url),
            (self.play_url.as_bytes(), url),
        ])
    }
}

/// The HMACSHA256 signature of a recording callback.
///
/// Errors: [`Error::InvalidArgument`] when a field is over its limit
/// ([`RecordFields::check`]) or `auth_timestamp` is not 10 digits (the verifier would refuse
/// it); then [`Error::InvalidKey`] when the key is shorter than 32 bytes.
pub fn record_sign(key: &HmacKey, f: &RecordFields<'_>) -> Result<Hex<{ 2 * hmac::LEN }>, Error> {
    f.check()?;
    super::check_auth_timestamp(f.auth_timestamp)?;
    check_len(key.key_len())?;
    Ok(Hex::encode(&mac(key, f)))
}

/// Verifies the HMACSHA256 signature `sign` of a recording callback received at `now`.
///
/// Errors, in order: [`Error::InvalidArgument`] (a field over its limit,
/// [`RecordFields::check`]); [`Error::InvalidKey`] (key shorter than 32 bytes);
/// [`Error::Malformed`] (`auth_timestamp` is not 10 digits, see the module documentation;
/// `sign` is not 64 hex characters, either case); [`Error::SignatureMismatch`] (constant
/// time); [`Error::Expired`] (`now > auth_timestamp + leeway_s`, saturating).
pub fn record_verify(key: &HmacKey, f: &RecordFields<'_>, sign: &[u8], now: u64, leeway_s: u32) -> Result<(), Error> {
    f.check()?;
    check_len(key.key_len())?;
    if !expiry::is_ten_digit_time(f.auth_timestamp) {
        return Err(Error::Malformed);
    }
    let claimed: [u8; hmac::LEN] = parse_hex(sign).ok_or(Error::Malformed)?;
    if !ct_eq_wipe(&mut mac(key, f), &claimed) {
        return Err(Error::SignatureMismatch);
    }
    expiry::check(f.auth_timestamp, now, leeway_s)
}

/// The MD5 signature of a recording callback: `MD5(key + decimal auth_timestamp)`.
///
/// Errors: [`Error::InvalidKey`] when the key is shorter than 32 bytes (or over
/// [`crate::Limits::MAX_KEY_LEN`]).
pub fn record_md5_sign(key: &[u8], auth_timestamp: u64) -> Result<Hex<{ 2 * md5::LEN }>, Error> {
    check_len(key.len())?;
    Ok(Hex::encode(&md5::md5(&[key, Decimal::new(auth_timestamp).as_bytes()])))
}

/// Verifies an MD5-mode signature; errors as [`record_verify`] (`sign` is 32 hex characters).
pub fn record_md5_verify(key: &[u8], auth_timestamp: u64, sign: &[u8], now: u64, leeway_s: u32) -> Result<(), Error> {
    check_len(key.len())?;
    let claimed: [u8; md5::LEN] = parse_hex(sign).ok_or(Error::Malformed)?;
    if !ct_eq_wipe(&mut md5::md5(&[key, Decimal::new(auth_timestamp).as_bytes()]), &claimed) {
        return Err(Error::SignatureMismatch);
    }
    expiry::check(auth_timestamp, now, leeway_s)
}

fn mac(key: &HmacKey, f: &RecordFields<'_>) -> [u8; hmac::LEN] {
    key.mac(&[
        Decimal::new(f.auth_timestamp).as_bytes(),
        f.event_type.as_bytes(),
        f.publish_domain.as_bytes(),
        f.app.as_bytes(),
        f.stream.as_bytes(),
        f.download_url.as_bytes(),
        f.play_url.as_bytes(),
    ])
}

fn check_len(len: usize) -> Result<(), Error> {
    let ok = (RecordFields::KEY_MIN_LEN..=Limits::MAX_KEY_LEN).contains(&len);
    if ok { Ok(()) } else { Err(Error::InvalidKey) }
}
