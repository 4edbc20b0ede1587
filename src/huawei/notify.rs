//! Huawei Cloud Live stream status notifications (seed 004, "推流回调"): the JSON body Huawei
//! POSTs when a stream starts (`PUBLISH`) or stops (`PUBLISH_DONE`), signed with the
//! notification key of the Live console:
//!
//! ```text
//! auth_sign = lowercase hex HMAC-SHA256(key, event + domain + app + stream + decimal auth_timestamp)
//! ```
//!
//! Huawei puts no separator between the signed fields, so one `auth_sign` also verifies with a
//! field boundary moved (`live` + `room1` as `liver` + `oom1`): receivers must accept only the
//! `domain` and `app` they configured. The boundary before `auth_timestamp` is held by its
//! form: canonical decimal of exactly 10 digits ([`Notification::MIN_AUTH_TIMESTAMP`] to
//! [`Notification::MAX_AUTH_TIMESTAMP`]), so a stream digit moved into a real time makes 11
//! digits and a digit moved out leaves 9, both refused whatever the leeway. Without the upper
//! bound, `room1` + `1587954140` would verify as `room` + `11587954140`, a notification for
//! another stream that never expires; without the lower one, as `room11` + `587954140`, a time
//! in 1988 that only the leeway refuses, and `leeway_s` reaches 136 years.
//!
//! The signed fields are JSON strings, and Huawei's server signs their *values*: a field that
//! arrives with escapes (`\/`, `\u0061`) is unescaped on the fly into the MAC, never copied
//! into a buffer, so no field length is too long to verify. The body is read strictly
//! (`crate::json`): invalid JSON, a duplicated field among those read, a field read here named
//! in another case (`Stream`, alone or beside `stream`, which Go's `encoding/json` would read
//! as it), a missing signed field
//! or a field of the wrong type (`auth_timestamp` must be a JSON integer of exactly 10 digits,
//! every other field a string) is `Malformed`, and so is a body without `auth_sign` / `auth_timestamp` (Huawei
//! omits them only when no key is configured, and a verifier always has a key).

use crate::digest::hmac::{self, HmacStream};
use crate::json::{self, Str, Value};
use crate::limits::{self, Limits};
use crate::text::{Decimal, Hex, ct_eq_wipe, parse_hex};
use crate::{Error, HmacKey, expiry};

/// What a notification reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// `PUBLISH`: stream push started.
    Publish,
    /// `PUBLISH_DONE`: stream push ended.
    PublishDone,
    /// Any other `event` value (the text is in [`Notification::event`]).
    Unknown,
}

impl EventKind {
    fn of(event: &Str<'_>) -> Self {
        if event.eq(b"PUBLISH") {
            Self::Publish
        } else if event.eq(b"PUBLISH_DONE") {
            Self::PublishDone
        } else {
            Self::Unknown
        }
    }
}

/// A verified stream status notification: every field is a view into the body. Optional
/// fields that are absent read as [`Str::EMPTY`](crate::JsonStr::EMPTY).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Notification<'a> {
    /// `event`, classified.
    pub kind: EventKind,
    /// `event` as sent.
    pub event: Str<'a>,
    /// `domain`: the ingest domain.
    pub domain: Str<'a>,
    /// `app`: the application name.
    pub app: Str<'a>,
    /// `stream`: the stream name.
    pub stream: Str<'a>,
    /// `user_args`: the push URL's query (unsigned).
    pub user_args: Str<'a>,
    /// `client_ip`: the pushing device (unsigned).
    pub client_ip: Str<'a>,
    /// `node_ip`: the receiving node (unsigned).
    pub node_ip: Str<'a>,
    /// `publish_timestamp` as sent: a string, one value per push session, shared by its
    /// `PUBLISH` and `PUBLISH_DONE` (unsigned).
    pub publish_timestamp: Str<'a>,
    /// `publish_timestamp` as a number, when it is canonical decimal (no sign, space or leading
    /// zero) that fits a `u64`. Huawei's Chinese
    /// example of the notification (not seed 004, which prints `"1587954134"`) carries
    /// `"1587954134,"`: such a value stays in `publish_timestamp` and this is `None`.
    pub publish_time: Option<u64>,
    /// `auth_timestamp`, Unix seconds (signed).
    pub auth_timestamp: u64,
}

// Rust-only constants: the doc line below keeps cbindgen from copying them into the C header
// (the C API has its own LIVESIGN_ constants in src/ffi/).
/// cbindgen:ignore
impl Notification<'_> {
    /// Shortest notification key Huawei accepts, in bytes.
    pub const KEY_MIN_LEN: usize = 32;
    /// Longest notification key Huawei accepts, in bytes.
    pub const KEY_MAX_LEN: usize = 128;
    /// The leeway the wrappers use by default: Huawei's example sends `auth_timestamp` six
    /// seconds after the push, so it may be a send time rather than an expiry.
    pub const DEFAULT_LEEWAY_S: u32 = 300;
    /// The smallest `auth_timestamp`: 1000000000 (2001-09-09), the first 10-digit Unix time
    /// (see the module documentation).
    pub const MIN_AUTH_TIMESTAMP: u64 = crate::expiry::MIN_DECIMAL_TIME;
    /// The largest `auth_timestamp`: 9999999999 (2286-11-20), the last 10-digit Unix time.
    pub const MAX_AUTH_TIMESTAMP: u64 = crate::expiry::MAX_DECIMAL_TIME;
}

const FIELDS: [&[u8]; 10] = [
    b"event",
    b"domain",
    b"app",
    b"stream",
    b"user_args",
    b"client_ip",
    b"node_ip",
    b"publish_timestamp",
    b"auth_timestamp",
    b"auth_sign",
];

impl<'a> Notification<'a> {
    /// Verifies a notification `body` received at `now` (Unix seconds) under `key`.
    ///
    /// Checks run in this order and the first failure is returned: [`Error::InvalidArgument`]
    /// (a body over [`crate::Limits::MAX_BODY_LEN`]); [`Error::InvalidKey`] (the key is not 32
    /// to 128 bytes); [`Error::Malformed`] (see the module documentation;
    /// `auth_sign` must be 64 hex characters, either case); [`Error::SignatureMismatch`]
    /// (compared in constant time); [`Error::Expired`] (`now > auth_timestamp + leeway_s`,
    /// saturating; [`Notification::DEFAULT_LEEWAY_S`] is the usual leeway).
    pub fn verify(key: &HmacKey, body: &'a [u8], now: u64, leeway_s: u32) -> Result<Self, Error> {
        limits::check(body, Limits::MAX_BODY_LEN)?;
        check_key(key)?;
        let [event, domain, app, stream, user_args, client_ip, node_ip, publish_ts, auth_ts, auth_sign] =
            json::parse_lookup_go_folded(body, FIELDS)?;
        let (event, domain, app, stream) = (required(event)?, required(domain)?, required(app)?, required(stream)?);
        let [user_args, client_ip, node_ip, publish_timestamp] =
            [optional(user_args)?, optional(client_ip)?, optional(node_ip)?, optional(publish_ts)?];
        let auth_ts = auth_ts.ok_or(Error::Malformed)?;
        let auth_timestamp = auth_ts.as_u64().filter(|&t| expiry::is_ten_digit_time(t)).ok_or(Error::Malformed)?;
        // `as_u64` takes only `0` or `[1-9][0-9]*`: the number's own text is its decimal, as
        // Huawei signs it, with no re-encoding.
        let t = auth_ts.raw();
        let claimed = claimed_sign(required(auth_sign)?)?;

        let mut expected = match (event.plain(), domain.plain(), app.plain(), stream.plain()) {
            // No escapes (the usual case): the signed string is at hand as five slices.
            (Some(e), Some(d), Some(a), Some(s)) => key.mac(&[e, d, a, s, t]),
            _ => {
                let mut h = key.start();
                for field in [event, domain, app, stream] {
                    feed(&mut h, field);
                }
                h.update(t);
                h.finish()
            }
        };
        if !ct_eq_wipe(&mut expected, &claimed) {
            return Err(Error::SignatureMismatch);
        }
        expiry::check(auth_timestamp, now, leeway_s)?;
        Ok(Self {
            kind: EventKind::of(&event),
            event,
            domain,
            app,
            stream,
            user_args,
            client_ip,
            node_ip,
            publish_timestamp,
            publish_time: number(publish_timestamp),
            auth_timestamp,
        })
    }
}

/// Signs a notification the way Huawei does: `auth_sign` for these values (useful to test a
/// receiver, or to relay notifications under your own key).
///
/// Errors: [`Error::InvalidArgument`] when a value is over [`crate::Limits::MAX_ID_LEN`]
/// bytes or `auth_timestamp` is not 10 digits (below [`Notification::MIN_AUTH_TIMESTAMP`] or
/// above [`Notification::MAX_AUTH_TIMESTAMP`]); then
/// [`Error::InvalidKey`] when the key is not 32 to 128 bytes.
pub fn sign(
    key: &HmacKey,
    event: &str,
    domain: &str,
    app: &str,
    stream: &str,
    auth_timestamp: u64,
) -> Result<Hex<{ 2 * hmac::LEN }>, Error> {
    let id = Limits::MAX_ID_LEN;
    limits::check_all([
        (event.as_bytes(), id),
        (domain.as_bytes(), id),
        (app.as_bytes(), id),
        (stream.as_bytes(), id),
    ])?;
    check_auth_timestamp(auth_timestamp)?;
    check_key(key)?;
    let t = Decimal::new(auth_timestamp);
    Ok(Hex::encode(&key.mac(&[event.as_bytes(), domain.as_bytes(), app.as_bytes(), stream.as_bytes(), t.as_bytes()])))
}

/// `InvalidArgument` for an `auth_timestamp` the verifiers would refuse (not 10 digits): the
/// notification and the HMACSHA256 recording callback share the rule.
pub(crate) fn check_auth_timestamp(auth_timestamp: u64) -> Result<(), Error> {
    if expiry::is_ten_digit_time(auth_timestamp) { Ok(()) } else { Err(Error::InvalidArgument) }
}

fn check_key(key: &HmacKey) -> Result<(), Error> {
    let ok = (Notification::KEY_MIN_LEN..=Notification::KEY_MAX_LEN).contains(&key.key_len());
    if ok { Ok(()) } else { Err(Error::InvalidKey) }
}

fn required(v: Option<Value<'_>>) -> Result<Str<'_>, Error> {
    v.and_then(|v| v.as_str()).ok_or(Error::Malformed)
}

fn optional(v: Option<Value<'_>>) -> Result<Str<'_>, Error> {
    v.map_or(Ok(Str::EMPTY), |v| v.as_str().ok_or(Error::Malformed))
}

/// The claimed `auth_sign`, decoded (either case; an escaped spelling is unescaped first).
fn claimed_sign(s: Str<'_>) -> Result<[u8; hmac::LEN], Error> {
    let mut buf = [0u8; 2 * hmac::LEN];
    let text = match s.plain() {
        Some(p) => p,
        None => s.unescape_into(&mut buf).map_err(|_| Error::Malformed)?,
    };
    parse_hex(text).ok_or(Error::Malformed)
}

/// Feeds the unescaped value of `s` to the MAC, in 64-byte pieces when it has escapes.
fn feed(h: &mut HmacStream<'_>, s: Str<'_>) {
    if let Some(p) = s.plain() {
        return h.update(p);
    }
    let mut chunk = [0u8; 64];
    let mut n = 0;
    for b in s.bytes() {
        chunk[n] = b;
        n += 1;
        if n == chunk.len() {
            h.update(&chunk);
            n = 0;
        }
    }
    h.update(&chunk[..n]);
}

/// A string holding a plain decimal integer, as a number.
fn number(s: Str<'_>) -> Option<u64> {
    let mut buf = [0u8; Decimal::MAX_LEN];
    let text = match s.plain() {
        Some(p) => p,
        None => s.unescape_into(&mut buf).ok()?,
    };
    json::parse_u64(text)
}
