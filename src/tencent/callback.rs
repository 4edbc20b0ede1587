//! Tencent CSS event callbacks: a JSON body POSTed to the customer's server, carrying `t` (the
//! expiry, Unix seconds, normally send time + 600 s) and `sign = lowercase hex MD5(callback key
//! + decimal t)`, beside the event's own fields.
//!
//! The body is read with the strict JSON reader (`crate::json`): invalid JSON or UTF-8,
//! trailing bytes, and a repeated `t`, `sign` or other field read here are all
//! [`Error::Malformed`], so this verifier can never accept a value another parser would read
//! differently. A repeat may be spelled with escapes (`"\u0074"`). A name read here in another
//! case (`"T"`, `"\u017fign"` with a long s, `"Event_Type"`) is malformed too, alone or beside
//! the lowercase one: Go's `encoding/json` matches names without case and keeps the last
//! match, so a Go server would read that member where livesign would not.
//!
//! `t` may be a JSON number or a string (older docs type it as a string), but either way it
//! must be the canonical decimal text of a `u64`: digits only, no sign, fraction, exponent or
//! leading zero. Tencent signs the decimal text of `t`; with a canonical form the text is
//! exactly `t`'s decimal digits, so the sign is checked by the same core as plain `t + sign`
//! ([`super::verify`]) and no two spellings of one `t` (`"0170..."`, `1.7e9`) can both verify.
//!
//! Note that the sign covers `key + t` only, not the rest of the body: Tencent's scheme proves
//! the callback was made by someone holding the key before `t`, not that its fields are
//! unchanged. Serve the callback URL over HTTPS.

use super::sign::{self, check_key};
use crate::Error;
use crate::json::{self, Kind, Object, Str, Value};
use crate::limits::{self, Limits};

/// A CSS `event_type`, with the documented values named (CSS docs 267/38081–38084, 267/58590,
/// 267/5957); any other number is kept as [`EventType::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    /// 0: the stream stopped (断流).
    StreamEnd,
    /// 1: a push started.
    StreamBegin,
    /// 100: a recording file was generated.
    RecordFile,
    /// 200: a screenshot was taken.
    Snapshot,
    /// 317: porn detection result.
    PornDetection,
    /// 332: recording status (`record_event`).
    RecordStatus,
    /// Any other value, passed through.
    Other(i64),
}

impl EventType {
    /// The named type for a number, or [`EventType::Other`].
    pub const fn from_code(code: i64) -> Self {
        match code {
            0 => EventType::StreamEnd,
            1 => EventType::StreamBegin,
            100 => EventType::RecordFile,
            200 => EventType::Snapshot,
            317 => EventType::PornDetection,
            332 => EventType::RecordStatus,
            other => EventType::Other(other),
        }
    }

    /// The number Tencent sends.
    pub const fn code(self) -> i64 {
        match self {
            EventType::StreamEnd => 0,
            EventType::StreamBegin => 1,
            EventType::RecordFile => 100,
            EventType::Snapshot => 200,
            EventType::PornDetection => 317,
            EventType::RecordStatus => 332,
            EventType::Other(other) => other,
        }
    }
}

/// A verified callback: its `t`, its event type, and the common stream fields, borrowed from
/// the body.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    /// The expiry that was signed.
    pub t: u64,
    /// `event_type`; `None` when the body has none. When present it must be a non-negative
    /// integer that fits an `i64`, written as a number or a string in canonical decimal (like
    /// `t`: `"01"`, `-0`, `1e2` are malformed).
    pub event_type: Option<EventType>,
    /// `stream_id`, when present.
    pub stream_id: Option<Str<'a>>,
    /// `channel_id` (the older name of the stream ID), when present.
    pub channel_id: Option<Str<'a>>,
    /// `app`: the push domain, when present.
    pub app: Option<Str<'a>>,
    /// `appname`: the AppName path segment (e.g. `live`), when present.
    pub appname: Option<Str<'a>>,
    body: Object<'a>,
}

impl<'a> Event<'a> {
    /// Any other top-level field, raw (see [`field`]).
    pub fn field(&self, name: &[u8]) -> Result<Option<&'a [u8]>, Error> {
        limits::check(name, Limits::MAX_ID_LEN)?;
        Ok(self.body.get(name)?.map(|v| v.raw()))
    }
}

/// Verifies a callback body received at `now`, tolerating `leeway_s` seconds of clock skew.
///
/// Checks run in this order and the first failure is returned: [`Error::InvalidArgument`]
/// (a body over [`crate::Limits::MAX_BODY_LEN`]); [`Error::InvalidKey`] (empty key, or over
/// [`crate::Limits::MAX_KEY_LEN`]); [`Error::Malformed`] (not one strict JSON object; `t` or
/// `sign` missing, repeated or mistyped; `sign` not 32 lowercase hex characters; a repeated or
/// mistyped `event_type`, `stream_id`, `channel_id`, `app` or `appname` (the four must be
/// strings); a repeat counts also when spelled with escapes or in another case, see the
/// module documentation);
/// [`Error::SignatureMismatch`] ("sign invalid", constant-time compare);
/// [`Error::Expired`] ("time expired", `now > t + leeway_s`, saturating).
pub fn verify<'a>(key: &[u8], body: &'a [u8], now: u64, leeway_s: u32) -> Result<Event<'a>, Error> {
    limits::check(body, Limits::MAX_BODY_LEN)?;
    check_key(key)?;
    let (obj, [t, sign, event_type, stream_id, channel_id, app, appname]) = json::parse_object_lookup_go_folded(
        body,
        [b"t", b"sign", b"event_type", b"stream_id", b"channel_id", b"app", b"appname"],
    )?;
    let t = decimal(t.ok_or(Error::Malformed)?)?;
    let mut sign_buf = [0u8; sign::Sign::LEN];
    let sign_text =
        string(sign)?.ok_or(Error::Malformed)?.unescape_into(&mut sign_buf).map_err(|_| Error::Malformed)?;
    let event_type = match event_type {
        Some(v) => Some(EventType::from_code(i64::try_from(decimal(v)?).map_err(|_| Error::Malformed)?)),
        None => None,
    };
    let event = Event {
        t,
        event_type,
        stream_id: string(stream_id)?,
        channel_id: string(channel_id)?,
        app: string(app)?,
        appname: string(appname)?,
        body: obj,
    };
    sign::verify(key, t, sign_text, now, leeway_s)?;
    Ok(event)
}

/// A top-level field of a JSON object body, raw: its exact text in the body (a string keeps
/// its quotes and escapes, a number its digits, an object or array all of it). `Ok(None)` when
/// the field is absent; [`Error::InvalidArgument`] when the body is longer than
/// [`crate::Limits::MAX_RESPONSE_LEN`] (it may be an API response) or the name longer than
/// [`crate::Limits::MAX_ID_LEN`]; [`Error::Malformed`] when the body is not one strict JSON
/// object or the name occurs twice (escaped spellings of the name count). This reads without
/// verifying: verify the body first.
pub fn field<'a>(body: &'a [u8], name: &[u8]) -> Result<Option<&'a [u8]>, Error> {
    limits::check_all([(body, Limits::MAX_RESPONSE_LEN), (name, Limits::MAX_ID_LEN)])?;
    Ok(json::parse_lookup(body, [name])?[0].map(|v| v.raw()))
}

/// A canonical decimal `u64`, as a JSON number or a string holding one.
fn decimal(v: Value<'_>) -> Result<u64, Error> {
    match v.kind() {
        Kind::Number => v.as_u64().ok_or(Error::Malformed),
        Kind::String => {
            let mut buf = [0u8; 20];
            let s = v.as_str().ok_or(Error::Malformed)?;
            let text = s.unescape_into(&mut buf).map_err(|_| Error::Malformed)?;
            json::parse_u64(text).ok_or(Error::Malformed)
        }
        _ => Err(Error::Malformed),
    }
}

/// An optional string field; present with another type is `Malformed`.
fn string(v: Option<Value<'_>>) -> Result<Option<Str<'_>>, Error> {
    v.map(|v| v.as_str().ok_or(Error::Malformed)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"callbackKey123";
    const SIGN: &str = "3751b0bc2a028ea73beb2b7b167d2e04";
    const T: u64 = 1703732078;

    fn body(t: &str, sign: &str, rest: &str) -> String {
        format!("{{\"t\":{t},\"sign\":\"{sign}\"{rest}}}")
    }

    #[test]
    fn t_as_number_or_string() {
        let b = body("1703732078", SIGN, ",\"event_type\":1,\"stream_id\":\"s\"");
        let e = verify(KEY, b.as_bytes(), T, 0).unwrap();
        assert_eq!((e.t, e.event_type), (T, Some(EventType::StreamBegin)));
        assert_eq!(e.stream_id.unwrap().raw(), b"s");
        assert!(e.channel_id.is_none());
        let b = body("\"1703732078\"", SIGN, "");
        assert_eq!(verify(KEY, b.as_bytes(), T, 0).unwrap().event_type, None);
        let b = body("\"\\u0031703732078\"", SIGN, "");
        assert_eq!(verify(KEY, b.as_bytes(), T, 0).unwrap().t, T);
    }

    #[test]
    fn non_canonical_t_is_malformed() {
        for t in ["01703732078", "\"01703732078\"", "1703732078.0", "1.703732078e9", "-1", "\"\"", "\" 1\"", "null"] {
            let b = body(t, SIGN, "");
            assert_eq!(verify(KEY, b.as_bytes(), T, 0).map(|_| ()), Err(Error::Malformed), "{t}");
        }
    }

    #[test]
    fn event_types_round_trip() {
        for code in [0, 1, 100, 200, 317, 332, 2, 329, i64::MAX] {
            assert_eq!(EventType::from_code(code).code(), code);
        }
        assert_eq!(EventType::from_code(332), EventType::RecordStatus);
        assert_eq!(EventType::from_code(5), EventType::Other(5));
    }
}
