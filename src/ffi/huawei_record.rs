//! Huawei Cloud Live recording callbacks (HMACSHA256 and MD5 sign types) and Huawei SparkRTC
//! recording callbacks.

use super::hmac_key::{self, livesign_hmac_key};
use super::status::livesign_status;
use super::{boundary, input, output, text, write_fixed};
use crate::huawei::{self, RecordFields};
use crate::{Error, HmacKey};

/// Length of a Huawei recording callback MD5 signature: 32 lowercase hex characters, no NUL.
pub const LIVESIGN_HUAWEI_RECORD_MD5_LEN: usize = 32;
/// Shortest Huawei recording callback key, in bytes.
pub const LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN: usize = 32;

/// `unit` of `livesign_huawei_sparkrtc_verify_unit`: `X-Rtc-Timestamp` in seconds with 10
/// digits and in milliseconds with 13, as `livesign_huawei_sparkrtc_verify` reads it.
pub const LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER: u32 = 0;
/// `unit` of `livesign_huawei_sparkrtc_verify_unit`: `X-Rtc-Timestamp` in Unix seconds, 10
/// digits only.
pub const LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS: u32 = 1;
/// `unit` of `livesign_huawei_sparkrtc_verify_unit`: `X-Rtc-Timestamp` in Unix milliseconds, 13
/// digits only.
pub const LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS: u32 = 2;

fn unit_of(unit: u32) -> Result<huawei::SparkRtcUnit, Error> {
    match unit {
        LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER => Ok(huawei::SparkRtcUnit::Either),
        LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS => Ok(huawei::SparkRtcUnit::Seconds),
        LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS => Ok(huawei::SparkRtcUnit::Milliseconds),
        _ => Err(Error::InvalidArgument),
    }
}
const _: () = {
    assert!(LIVESIGN_HUAWEI_RECORD_MD5_LEN == 2 * crate::digest::md5::LEN);
    assert!(LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN == RecordFields::KEY_MIN_LEN);
};

/// Returns `LIVESIGN_HUAWEI_RECORD_MD5_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_huawei_record_md5_len() -> usize {
    LIVESIGN_HUAWEI_RECORD_MD5_LEN
}

/// The six text fields of a recording callback, read under the NULL and UTF-8 rules.
///
/// # Safety
/// Each non-NULL pointer points to its length in bytes.
unsafe fn fields<'a>(
    auth_timestamp: u64,
    event_type: (*const u8, usize),
    publish_domain: (*const u8, usize),
    app: (*const u8, usize),
    stream: (*const u8, usize),
    download_url: (*const u8, usize),
    play_url: (*const u8, usize),
) -> Result<RecordFields<'a>, Error> {
    // SAFETY: forwarded to the caller's guarantee.
    let f = unsafe {
        RecordFields {
            auth_timestamp,
            event_type: text(event_type.0, event_type.1)?,
            publish_domain: text(publish_domain.0, publish_domain.1)?,
            app: text(app.0, app.1)?,
            stream: text(stream.0, stream.1)?,
            download_url: text(download_url.0, download_url.1)?,
            play_url: text(play_url.0, play_url.1)?,
        }
    };
    // The limits come with the other argument errors, before the key is loaded.
    f.check()?;
    Ok(f)
}

/// Huawei recording callback signature, sign type HMACSHA256 (the default): writes lowercase
/// hex HMAC-SHA256(key, decimal auth_timestamp + event_type + publish_domain + app + stream +
/// download_url + play_url).
///
/// - `key`: the recording callback key, at least `LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN` bytes.
/// - text fields: UTF-8, as in the callback body (`event_type`, `publish_domain`, `app` and
///   `stream` at most `LIVESIGN_MAX_ID_LEN` bytes, `download_url` and `play_url` at most
///   `LIVESIGN_MAX_URL_LEN`); pass an empty `download_url` / `play_url`
///   (NULL, 0) for events that carry none (Huawei does not document this case; empty strings
///   are the assumption of the shared vectors). Huawei does not pin which body field carries
///   the signature either (probably `auth_sign`), so the caller reads the fields.
/// - `out`: receives exactly `LIVESIGN_HUAWEI_SIGN_LEN` bytes (no NUL), only on `LIVESIGN_OK`.
///
/// - `auth_timestamp`: Unix seconds, exactly 10 digits (`LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP` to
///   `LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP`), as the verifier reads it.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a length, a text is not UTF-8 or over its limit, or `auth_timestamp` is not 10 digits;
/// then `LIVESIGN_INVALID_KEY` when the key is shorter than 32 bytes or longer than
/// `LIVESIGN_MAX_KEY_LEN`. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_sign(
    key: *const u8,
    key_len: usize,
    auth_timestamp: u64,
    event_type: *const u8,
    event_type_len: usize,
    publish_domain: *const u8,
    publish_domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    download_url: *const u8,
    download_url_len: usize,
    play_url: *const u8,
    play_url_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, f) = unsafe {
            (
                input(key, key_len)?,
                fields(
                    auth_timestamp,
                    (event_type, event_type_len),
                    (publish_domain, publish_domain_len),
                    (app, app_len),
                    (stream, stream_len),
                    (download_url, download_url_len),
                    (play_url, play_url_len),
                )?,
            )
        };
        // SAFETY: out is NULL or holds LIVESIGN_HUAWEI_SIGN_LEN bytes (C contract).
        unsafe { record_sign_into(HmacKey::new(key), &f, out) }
    })
}

/// `livesign_huawei_record_sign` with a key loaded once into `key` (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_record_sign`; `LIVESIGN_INVALID_ARGUMENT` also when `key` is
/// NULL or not initialised. The key-length rule is checked here too. Never allocates.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_sign_keyed(
    key: *const livesign_hmac_key,
    auth_timestamp: u64,
    event_type: *const u8,
    event_type_len: usize,
    publish_domain: *const u8,
    publish_domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    download_url: *const u8,
    download_url_len: usize,
    play_url: *const u8,
    play_url_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let f = unsafe {
            fields(
                auth_timestamp,
                (event_type, event_type_len),
                (publish_domain, publish_domain_len),
                (app, app_len),
                (stream, stream_len),
                (download_url, download_url_len),
                (play_url, play_url_len),
            )
        }?;
        // SAFETY: a non-NULL key is a readable context; out as in livesign_huawei_record_sign.
        unsafe { record_sign_into(hmac_key::loaded(key), &f, out) }
    })
}

/// # Safety
/// `out` is NULL or points to `LIVESIGN_HUAWEI_SIGN_LEN` writable bytes.
unsafe fn record_sign_into(key: Result<HmacKey, Error>, f: &RecordFields<'_>, out: *mut u8) -> Result<(), Error> {
    let out = output(out)?;
    // An argument error, so before the key's (as in the core).
    huawei::check_auth_timestamp(f.auth_timestamp)?;
    let sign = huawei::record_sign(&key?, f)?;
    // SAFETY: out is non-NULL and holds LIVESIGN_HUAWEI_SIGN_LEN bytes.
    unsafe { write_fixed(out, sign.as_bytes()) };
    Ok(())
}

/// Verifies a Huawei recording callback signature of sign type HMACSHA256 (`sign`, as read
/// from the body) over the callback's fields (see `livesign_huawei_record_sign`), received at
/// `now`, tolerating `leeway_s` seconds past `auth_timestamp` (usually
/// `LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S`).
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: an input is NULL with a length, a text is not UTF-8 or over
///   its limit (as for `livesign_huawei_record_sign`);
/// - `LIVESIGN_INVALID_KEY`: the key is shorter than 32 bytes or longer than
///   `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: `auth_timestamp` is not 10 digits (`LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP`
///   to `LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP`), `sign` is not 64 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time;
/// - `LIVESIGN_EXPIRED`: `now > auth_timestamp + leeway_s` (saturating).
///
/// Huawei joins the fields without separators, so one signature also verifies with a boundary
/// moved between `event_type`, `publish_domain`, `app`, `stream`, `download_url` and `play_url`
/// (`live` + `room1` as `liver` + `oom1`): accept only event types you know, your own
/// `publish_domain` and `app`, and URLs on your storage host. `auth_timestamp` comes first; a
/// digit moved out of it to the front of `event_type` (`1700000000` + `RECORD_OVER` as
/// `170000000` + `0RECORD_OVER`) leaves 9 digits, `LIVESIGN_MALFORMED` whatever `leeway_s` (as
/// a time, before 2001, a leeway of decades would reach it).
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_verify(
    key: *const u8,
    key_len: usize,
    auth_timestamp: u64,
    event_type: *const u8,
    event_type_len: usize,
    publish_domain: *const u8,
    publish_domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    download_url: *const u8,
    download_url_len: usize,
    play_url: *const u8,
    play_url_len: usize,
    sign: *const u8,
    sign_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, f, sign) = unsafe {
            (
                input(key, key_len)?,
                fields(
                    auth_timestamp,
                    (event_type, event_type_len),
                    (publish_domain, publish_domain_len),
                    (app, app_len),
                    (stream, stream_len),
                    (download_url, download_url_len),
                    (play_url, play_url_len),
                )?,
                input(sign, sign_len)?,
            )
        };
        huawei::record_verify(&HmacKey::new(key)?, &f, sign, now, leeway_s)
    })
}

/// `livesign_huawei_record_verify` with a key loaded once into `key`
/// (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_record_verify`; `LIVESIGN_INVALID_ARGUMENT` also when `key` is
/// NULL or not initialised. The key-length rule is checked here too. Never allocates.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_verify_keyed(
    key: *const livesign_hmac_key,
    auth_timestamp: u64,
    event_type: *const u8,
    event_type_len: usize,
    publish_domain: *const u8,
    publish_domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    download_url: *const u8,
    download_url_len: usize,
    play_url: *const u8,
    play_url_len: usize,
    sign: *const u8,
    sign_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (f, sign) = unsafe {
            (
                fields(
                    auth_timestamp,
                    (event_type, event_type_len),
                    (publish_domain, publish_domain_len),
                    (app, app_len),
                    (stream, stream_len),
                    (download_url, download_url_len),
                    (play_url, play_url_len),
                )?,
                input(sign, sign_len)?,
            )
        };
        // SAFETY: a non-NULL key points to a readable livesign_hmac_key.
        let key = unsafe { hmac_key::loaded(key) }?;
        huawei::record_verify(&key, &f, sign, now, leeway_s)
    })
}

/// Huawei recording callback signature, sign type MD5: writes lowercase hex MD5(key + decimal
/// auth_timestamp). It signs only the time (Huawei calls the mode insecure: any body can be
/// sent with a captured signature); prefer HMACSHA256.
///
/// - `key`: the recording callback key, at least `LIVESIGN_HUAWEI_RECORD_KEY_MIN_LEN` bytes.
/// - `out`: receives exactly `LIVESIGN_HUAWEI_RECORD_MD5_LEN` bytes (no NUL), only on
///   `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL or `key` is NULL
/// with a length; then `LIVESIGN_INVALID_KEY` when the key is shorter than 32 bytes or longer
/// than `LIVESIGN_MAX_KEY_LEN`. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_md5_sign(
    key: *const u8,
    key_len: usize,
    auth_timestamp: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: a non-NULL key points to key_len bytes.
        let sign = huawei::record_md5_sign(unsafe { input(key, key_len) }?, auth_timestamp)?;
        // SAFETY: out is non-NULL and holds LIVESIGN_HUAWEI_RECORD_MD5_LEN bytes.
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// Verifies a Huawei recording callback signature of sign type MD5 (`sign`) received at `now`.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `key` or `sign` is NULL with a length;
/// - `LIVESIGN_INVALID_KEY`: the key is shorter than 32 bytes or longer than
///   `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: `sign` is not 32 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time;
/// - `LIVESIGN_EXPIRED`: `now > auth_timestamp + leeway_s` (saturating).
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_record_md5_verify(
    key: *const u8,
    key_len: usize,
    auth_timestamp: u64,
    sign: *const u8,
    sign_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, sign) = unsafe { (input(key, key_len)?, input(sign, sign_len)?) };
        huawei::record_md5_verify(key, auth_timestamp, sign, now, leeway_s)
    })
}

/// Huawei SparkRTC recording callback signature: writes `X-Rtc-Signature` = lowercase hex
/// HMAC-SHA256(key, rand + timestamp + body).
///
/// - `key`: the callback key of the SparkRTC recording configuration (not empty).
/// - `rand`, `timestamp`: the `X-Rtc-Rand` and `X-Rtc-Timestamp` header values (UTF-8, at most
///   `LIVESIGN_MAX_ID_LEN` bytes; the timestamp a plain decimal integer, 10 digits for seconds
///   or 13 for milliseconds).
/// - `body`: the request body, byte for byte, at most `LIVESIGN_MAX_BODY_LEN` bytes.
/// - `out`: receives exactly `LIVESIGN_HUAWEI_SIGN_LEN` bytes (no NUL), only on `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a length, a text is not UTF-8, an input is over its limit or `timestamp` is not a
/// decimal integer of 10 or 13 digits; then `LIVESIGN_INVALID_KEY` for an empty key (or one longer than
/// `LIVESIGN_MAX_KEY_LEN`). Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_sign(
    key: *const u8,
    key_len: usize,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, rand, timestamp, body) = unsafe {
            (input(key, key_len)?, text(rand, rand_len)?, text(timestamp, timestamp_len)?, input(body, body_len)?)
        };
        // SAFETY: out is NULL or holds LIVESIGN_HUAWEI_SIGN_LEN bytes (C contract).
        unsafe { sparkrtc_sign_into(|| HmacKey::new(key), rand, timestamp, body, out) }
    })
}

/// `livesign_huawei_sparkrtc_sign` with a key loaded once into `key` (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_sparkrtc_sign`, except that a NULL, never-initialised or wiped
/// `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur (a loaded key
/// is never empty nor over `LIVESIGN_MAX_KEY_LEN`, and SparkRTC has no other key rule). Never
/// allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_sign_keyed(
    key: *const livesign_hmac_key,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (rand, timestamp, body) =
            unsafe { (text(rand, rand_len)?, text(timestamp, timestamp_len)?, input(body, body_len)?) };
        // SAFETY: a non-NULL key points to a readable livesign_hmac_key; out is NULL or holds
        // LIVESIGN_HUAWEI_SIGN_LEN bytes (C contract).
        unsafe { sparkrtc_sign_into(|| hmac_key::loaded(key), rand, timestamp, body, out) }
    })
}

/// The argument checks come before the key is loaded, so that the statuses come in the
/// documented order.
///
/// # Safety
/// `out` is NULL or points to `LIVESIGN_HUAWEI_SIGN_LEN` writable bytes.
unsafe fn sparkrtc_sign_into(
    key: impl FnOnce() -> Result<HmacKey, Error>,
    rand: &str,
    timestamp: &str,
    body: &[u8],
    out: *mut u8,
) -> Result<(), Error> {
    let out = output(out)?;
    huawei::sparkrtc_check(rand, timestamp, body)?;
    huawei::sparkrtc_seconds(timestamp).ok_or(Error::InvalidArgument)?;
    let key = key()?;
    let sign = huawei::sparkrtc_sign(&key, rand, timestamp, body)?;
    // SAFETY: out is non-NULL and holds LIVESIGN_HUAWEI_SIGN_LEN bytes.
    unsafe { write_fixed(out, sign.as_bytes()) };
    Ok(())
}

/// Verifies a Huawei SparkRTC recording callback received at `now`: `signature` is the
/// `X-Rtc-Signature` header, `rand` and `timestamp` the `X-Rtc-Rand` and `X-Rtc-Timestamp`
/// headers, `body` the raw body. The timestamp's unit is not documented: it must have 10
/// digits, read as Unix seconds, or 13, read as milliseconds. It is a send time: the callback
/// is accepted while `timestamp - leeway_s <= now <= timestamp + leeway_s`. The MAC joins
/// `rand` and `timestamp` without a separator, so digits moved from one to the other (rand
/// `8f1c21` + `1700000000` as rand `8f1c2` + `11700000000`, or rand `8f1c211` + `700000000`,
/// 1992, inside a leeway of decades) keep the signature; the lengths refuse them, not the
/// time. One cut keeps a valid length: Huawei calls `X-Rtc-Rand` a random number, and its last
/// three digits moved in front of a seconds timestamp make 13 digits, read as milliseconds
/// (`…170` + `1700000000` as `…` + `1701700000000`, 1701700000 s, about 20 days after
/// sending), so the callback can be replayed at that later instant; three digits of a
/// millisecond timestamp moved into rand leave 10, read as seconds years away, which only a
/// leeway that large lets through. If you know the unit Huawei sends you, call
/// `livesign_huawei_sparkrtc_verify_unit` with it instead: that closes these replays, whatever
/// the leeway. It joins `timestamp` and `body` the same way, and one such cut keeps the time:
/// a millisecond timestamp's last three digits moved to the front of the body
/// (`1700000000123` + `{...}` as `1700000000` + `123{...}`) verify as the same second unless
/// the unit is pinned to milliseconds. The body then no longer parses as JSON: parse it
/// strictly.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: an input is NULL with a length, `rand` or `timestamp` is not
///   UTF-8 or longer than `LIVESIGN_MAX_ID_LEN`, `body` is longer than `LIVESIGN_MAX_BODY_LEN`;
/// - `LIVESIGN_INVALID_KEY`: the key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: `timestamp` is not a decimal integer of 10 digits or 13,
///   `signature` not 64 hex characters (either case);
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time;
/// - `LIVESIGN_EXPIRED`: the timestamp is more than `leeway_s` before or after `now`.
///
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_verify(
    key: *const u8,
    key_len: usize,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            sparkrtc_verify_raw(
                key,
                key_len,
                rand,
                rand_len,
                timestamp,
                timestamp_len,
                body,
                body_len,
                signature,
                signature_len,
                huawei::SparkRtcUnit::Either,
                now,
                leeway_s,
            )
        }
    })
}

/// `livesign_huawei_sparkrtc_verify` with a key loaded once into `key`
/// (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_sparkrtc_verify`, except that a NULL, never-initialised or wiped
/// `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur (a loaded key
/// is never empty nor over `LIVESIGN_MAX_KEY_LEN`, and SparkRTC has no other key rule). Never
/// allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_verify_keyed(
    key: *const livesign_hmac_key,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            sparkrtc_verify_loaded(
                key,
                rand,
                rand_len,
                timestamp,
                timestamp_len,
                body,
                body_len,
                signature,
                signature_len,
                huawei::SparkRtcUnit::Either,
                now,
                leeway_s,
            )
        }
    })
}

/// `livesign_huawei_sparkrtc_verify` with `X-Rtc-Timestamp` read in `unit`:
/// `LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS` (10 digits only) or `_MILLISECONDS` (13 digits
/// only), or `_EITHER` for `livesign_huawei_sparkrtc_verify`'s reading by length. Pass the unit
/// Huawei sends you: a timestamp re-cut with rand digits has more or fewer digits than the real
/// one, so in one unit it is `LIVESIGN_MALFORMED` whatever `leeway_s` (none of the replays
/// described at `livesign_huawei_sparkrtc_verify` verifies). A timestamp in the other unit has
/// the other length: `LIVESIGN_MALFORMED` too.
///
/// Returns as `livesign_huawei_sparkrtc_verify`, and `LIVESIGN_INVALID_ARGUMENT` first for any
/// other `unit`. Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_verify_unit(
    key: *const u8,
    key_len: usize,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    unit: u32,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        let unit = unit_of(unit)?;
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            sparkrtc_verify_raw(
                key,
                key_len,
                rand,
                rand_len,
                timestamp,
                timestamp_len,
                body,
                body_len,
                signature,
                signature_len,
                unit,
                now,
                leeway_s,
            )
        }
    })
}

/// `livesign_huawei_sparkrtc_verify_unit` with a key loaded once into `key`
/// (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_sparkrtc_verify_unit`, except that a NULL, never-initialised
/// or wiped `key` is `LIVESIGN_INVALID_ARGUMENT` and `LIVESIGN_INVALID_KEY` cannot occur.
/// Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sparkrtc_verify_unit_keyed(
    key: *const livesign_hmac_key,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    unit: u32,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        let unit = unit_of(unit)?;
        // SAFETY: the C contract for every pointer argument.
        unsafe {
            sparkrtc_verify_loaded(
                key,
                rand,
                rand_len,
                timestamp,
                timestamp_len,
                body,
                body_len,
                signature,
                signature_len,
                unit,
                now,
                leeway_s,
            )
        }
    })
}

/// The SparkRTC verifiers with a raw key.
///
/// # Safety
/// The C contract of `livesign_huawei_sparkrtc_verify` for every pointer argument.
#[allow(clippy::too_many_arguments)]
unsafe fn sparkrtc_verify_raw(
    key: *const u8,
    key_len: usize,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    unit: huawei::SparkRtcUnit,
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
    let (key, rand, timestamp, body, signature) = unsafe {
        (
            input(key, key_len)?,
            text(rand, rand_len)?,
            text(timestamp, timestamp_len)?,
            input(body, body_len)?,
            input(signature, signature_len)?,
        )
    };
    sparkrtc_verify_with(|| HmacKey::new(key), rand, timestamp, body, signature, unit, now, leeway_s)
}

/// The SparkRTC verifiers with a loaded key.
///
/// # Safety
/// The C contract of `livesign_huawei_sparkrtc_verify_keyed` for every pointer argument.
#[allow(clippy::too_many_arguments)]
unsafe fn sparkrtc_verify_loaded(
    key: *const livesign_hmac_key,
    rand: *const u8,
    rand_len: usize,
    timestamp: *const u8,
    timestamp_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    unit: huawei::SparkRtcUnit,
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
    let (rand, timestamp, body, signature) = unsafe {
        (
            text(rand, rand_len)?,
            text(timestamp, timestamp_len)?,
            input(body, body_len)?,
            input(signature, signature_len)?,
        )
    };
    // SAFETY: a non-NULL key points to a readable livesign_hmac_key.
    let key = || unsafe { hmac_key::loaded(key) };
    sparkrtc_verify_with(key, rand, timestamp, body, signature, unit, now, leeway_s)
}

/// The argument checks come before the key is loaded, so that the statuses come in the
/// documented order.
#[allow(clippy::too_many_arguments)]
fn sparkrtc_verify_with(
    key: impl FnOnce() -> Result<HmacKey, Error>,
    rand: &str,
    timestamp: &str,
    body: &[u8],
    signature: &[u8],
    unit: huawei::SparkRtcUnit,
    now: u64,
    leeway_s: u32,
) -> Result<(), Error> {
    huawei::sparkrtc_check(rand, timestamp, body)?;
    huawei::sparkrtc_verify_unit(&key()?, rand, timestamp, body, signature, unit, now, leeway_s)
}
