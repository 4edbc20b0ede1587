//! Tencent Cloud Live (CSS) exports: `t + sign` and event callbacks.

use super::slice::livesign_slice;
use super::status::livesign_status;
use super::{boundary, input, output, write_fixed};
use crate::tencent::callback::{self, Event};
use crate::tencent::{self, Sign};
use crate::{Error, JsonStr};

/// Length of a Tencent `sign`: 32 lowercase hex characters, written without a NUL.
pub const LIVESIGN_TENCENT_SIGN_LEN: usize = 32;
const _: () = assert!(LIVESIGN_TENCENT_SIGN_LEN == Sign::LEN);

/// Returns `LIVESIGN_TENCENT_SIGN_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_tencent_sign_len() -> usize {
    LIVESIGN_TENCENT_SIGN_LEN
}

/// Tencent Cloud Live (CSS) `t + sign`: writes `sign` = lowercase hex MD5(key + decimal t)
/// for API calls and event callbacks.
///
/// - `key`, `key_len`: the CGI or callback key from the CSS console, used as raw bytes.
/// - `t`: the expiry time, Unix seconds.
/// - `out`: receives exactly `LIVESIGN_TENCENT_SIGN_LEN` bytes (no NUL); it is written only
///   on `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL or `key` is NULL
/// with `key_len > 0`; `LIVESIGN_INVALID_KEY` when the key is empty or longer than
/// `LIVESIGN_MAX_KEY_LEN`. Never allocates; safe to call from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_sign(
    key: *const u8,
    key_len: usize,
    t: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        let out = output(out)?;
        // SAFETY: the C contract: a non-NULL key points to key_len readable bytes.
        let key = unsafe { input(key, key_len) }?;
        let sign = tencent::sign(key, t)?;
        // SAFETY: out is non-NULL and the C contract gives it LIVESIGN_TENCENT_SIGN_LEN bytes.
        unsafe { write_fixed(out, sign.as_bytes()) };
        Ok(())
    })
}

/// Verifies a Tencent `t` + `sign` pair received at `now` (Unix seconds), tolerating
/// `leeway_s` seconds of clock skew on the expiry.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `key` or `sign` is NULL with a non-zero length;
/// - `LIVESIGN_INVALID_KEY`: the key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: `sign` is not exactly 32 lowercase hex characters;
/// - `LIVESIGN_SIGNATURE_MISMATCH` ("sign invalid"): compared in constant time; a forged
///   sign is reported as this even when `t` has also passed;
/// - `LIVESIGN_EXPIRED` ("time expired"): the sign is right but `now > t + leeway_s`
///   (saturating, so no overflow at `UINT64_MAX`).
///
/// Returns `LIVESIGN_OK` when the pair is valid. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_verify(
    key: *const u8,
    key_len: usize,
    t: u64,
    sign: *const u8,
    sign_len: usize,
    now: u64,
    leeway_s: u32,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: non-NULL key and sign point to their lengths in bytes.
        let (key, sign) = unsafe { (input(key, key_len)?, input(sign, sign_len)?) };
        tencent::verify(key, t, sign, now, leeway_s)
    })
}

/// `event_type` of a callback body that has none.
pub const LIVESIGN_TENCENT_EVENT_NONE: i64 = -1;
/// `event_type` 0: the stream stopped.
pub const LIVESIGN_TENCENT_EVENT_STREAM_END: i64 = 0;
/// `event_type` 1: a push started.
pub const LIVESIGN_TENCENT_EVENT_STREAM_BEGIN: i64 = 1;
/// `event_type` 100: a recording file was generated.
pub const LIVESIGN_TENCENT_EVENT_RECORD_FILE: i64 = 100;
/// `event_type` 200: a screenshot was taken.
pub const LIVESIGN_TENCENT_EVENT_SNAPSHOT: i64 = 200;
/// `event_type` 317: porn detection result.
pub const LIVESIGN_TENCENT_EVENT_PORN_DETECTION: i64 = 317;
/// `event_type` 332: recording status (`record_event`).
pub const LIVESIGN_TENCENT_EVENT_RECORD_STATUS: i64 = 332;

/// A verified Tencent CSS event callback. The slices point into the caller's `body` and live
/// as long as it does; each is the raw text between the field's quotes, JSON escapes intact
/// (pass it to `livesign_json_unescape` for the text itself). An absent field is
/// `{NULL, 0}`; a present empty string has a non-NULL `ptr` and `len` 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_tencent_event {
    /// `event_type`: one of `LIVESIGN_TENCENT_EVENT_...` or any other non-negative number
    /// Tencent sends; `LIVESIGN_TENCENT_EVENT_NONE` (-1) when the body has no `event_type`.
    pub event_type: i64,
    /// `t`, the signed expiry (Unix seconds).
    pub t: u64,
    /// `stream_id`.
    pub stream_id: livesign_slice,
    /// `channel_id` (the older name of the stream ID).
    pub channel_id: livesign_slice,
    /// `app`: the push domain.
    pub app: livesign_slice,
    /// `appname`: the AppName path segment (e.g. `live`).
    pub appname: livesign_slice,
}

fn raw_field(s: Option<JsonStr<'_>>) -> livesign_slice {
    s.map_or(livesign_slice::EMPTY, |s| livesign_slice::present(s.raw()))
}

impl From<Event<'_>> for livesign_tencent_event {
    fn from(e: Event<'_>) -> Self {
        livesign_tencent_event {
            event_type: e.event_type.map_or(LIVESIGN_TENCENT_EVENT_NONE, |t| t.code()),
            t: e.t,
            stream_id: raw_field(e.stream_id),
            channel_id: raw_field(e.channel_id),
            app: raw_field(e.app),
            appname: raw_field(e.appname),
        }
    }
}

/// Verifies a Tencent CSS event callback: the JSON body POSTed to your callback URL, whose
/// `t` (expiry, Unix seconds) and `sign` = lowercase hex MD5(callback key + decimal t) prove
/// it came from Tencent, at `now` (Unix seconds) with `leeway_s` seconds of clock skew.
///
/// The body is parsed strictly (RFC 8259): it must be exactly one JSON object in UTF-8.
/// `t` may be a number or a string, but must be the canonical decimal text of a `uint64_t`
/// (no sign, fraction, exponent or leading zero), which is the text Tencent signs, so that no
/// two spellings of one `t` can both verify. `sign` is a string of 32 lowercase hex
/// characters. Note: the sign covers the key and `t` only, not the other fields.
///
/// - `event`: NULL, or receives the event on `LIVESIGN_OK` and is zero-filled on any failure.
///   A present `event_type` must be a non-negative integer that fits an `int64_t`, spelled
///   like `t` (a number or a string, canonical decimal: `"01"`, `-0`, `1e2` are malformed);
///   `stream_id`, `channel_id`, `app` and `appname` must be strings.
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `key` or `body` is NULL with a non-zero length, or `body` is
///   longer than `LIVESIGN_MAX_BODY_LEN`;
/// - `LIVESIGN_INVALID_KEY`: the key is empty or longer than `LIVESIGN_MAX_KEY_LEN`;
/// - `LIVESIGN_MALFORMED`: not one strict JSON object (truncated, invalid UTF-8, trailing
///   bytes, ...); `t` or `sign` missing, repeated or mistyped; one of `event_type`,
///   `stream_id`, `channel_id`, `app`, `appname` repeated or mistyped (a repeated name counts
///   also when spelled with escapes, e.g. `"\u0074"`); any of these names in another case,
///   e.g. `"T"` or `"Event_Type"`, alone or beside the lowercase one (Go's `encoding/json`
///   matches names without case and would read that member);
/// - `LIVESIGN_SIGNATURE_MISMATCH` ("sign invalid"): constant-time compare;
/// - `LIVESIGN_EXPIRED` ("time expired"): the sign is right but `now > t + leeway_s`.
///
/// Returns `LIVESIGN_OK` for a valid callback. Never allocates; safe from any thread.
#[must_use = "the status says whether the callback is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_callback_verify(
    key: *const u8,
    key_len: usize,
    body: *const u8,
    body_len: usize,
    now: u64,
    leeway_s: u32,
    event: *mut livesign_tencent_event,
) -> livesign_status {
    boundary(|| {
        if !event.is_null() {
            // SAFETY: a non-NULL event points to a writable livesign_tencent_event (C contract);
            // all-zero bytes are a valid event (NULL slices, zeros).
            unsafe { event.write_bytes(0, 1) };
        }
        // SAFETY: the C contract: non-NULL key and body point to their lengths in bytes.
        let (key, body) = unsafe { (input(key, key_len)?, input(body, body_len)?) };
        let verified = callback::verify(key, body, now, leeway_s)?;
        if !event.is_null() {
            // SAFETY: as above.
            unsafe { event.write(verified.into()) };
        }
        Ok(())
    })
}

/// Reads any top-level field of a JSON object body (a callback body, or an API response),
/// raw: `*out` receives a view of the field's exact text in `body` (a string keeps its quotes
/// and escapes, a number its digits, an object or array all of it). This only reads: verify
/// a callback with `livesign_tencent_callback_verify` first.
///
/// - `name`: the field name, UTF-8, compared after unescaping the body's names.
/// - `out`: receives the value on `LIVESIGN_OK`; `{NULL, 0}` when the field is absent (a
///   present value is never empty) and on every failure.
///
/// Returns `LIVESIGN_OK` (present or absent); `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL,
/// `body` or `name` is NULL with a non-zero length, `name` is not UTF-8, `body` is longer than
/// `LIVESIGN_MAX_RESPONSE_LEN` (it may be an API response) or `name` longer than
/// `LIVESIGN_MAX_ID_LEN`;
/// `LIVESIGN_MALFORMED` when `body` is not one strict JSON object or `name` occurs twice at
/// the top level. Never allocates; safe from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_tencent_callback_field(
    body: *const u8,
    body_len: usize,
    name: *const u8,
    name_len: usize,
    out: *mut livesign_slice,
) -> livesign_status {
    boundary(|| {
        if out.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: out is non-NULL and points to a writable livesign_slice (C contract).
        unsafe { out.write(livesign_slice::EMPTY) };
        // SAFETY: the C contract: non-NULL body and name point to their lengths in bytes.
        let (body, name) = unsafe { (input(body, body_len)?, input(name, name_len)?) };
        super::utf8(name)?;
        if let Some(raw) = callback::field(body, name)? {
            // SAFETY: as above.
            unsafe { out.write(livesign_slice::of(raw)) };
        }
        Ok(())
    })
}
