//! Huawei Cloud Live stream status notifications: sign, verify, ordering, event ids.

use super::buffer::OutBuf;
use super::hmac_key::{self, livesign_hmac_key};
use super::slice::livesign_slice;
use super::status::livesign_status;
use super::{boundary, bounded, bounded_text, input, output, write_fixed};
use crate::huawei::{self, EventKind, Notification, Phase, StreamState, Verdict};
use crate::json::Str;
use crate::text::Decimal;
use crate::{Error, HmacKey};

/// Length of every Huawei HMAC-SHA256 signature livesign writes: 64 lowercase hex characters,
/// without a NUL (notification `auth_sign`, recording callback HMACSHA256 signatures,
/// SparkRTC `X-Rtc-Signature`).
pub const LIVESIGN_HUAWEI_SIGN_LEN: usize = 64;
const _: () = assert!(LIVESIGN_HUAWEI_SIGN_LEN == 2 * crate::digest::hmac::LEN);

/// The leeway (seconds) the wrappers pass by default to the Huawei notification and recording
/// callback verifiers: Huawei's example sends `auth_timestamp` six seconds after the push, so
/// it may be a send time rather than the expiry its documentation calls it.
pub const LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S: u32 = 300;
const _: () = assert!(LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S == Notification::DEFAULT_LEEWAY_S);

/// The largest `auth_timestamp` of a stream status notification (and of an HMACSHA256
/// recording callback): 9999999999 (2286-11-20), the last 10-digit Unix time. Huawei joins the
/// stream name and `auth_timestamp` without a separator; the bound keeps a stream digit from
/// moving into the time under the same `auth_sign`.
pub const LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP: u64 = 9_999_999_999;
const _: () = assert!(LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP == Notification::MAX_AUTH_TIMESTAMP);
const _: () = assert!(LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP == crate::huawei::RecordFields::MAX_AUTH_TIMESTAMP);

/// The smallest `auth_timestamp` of a stream status notification (and of an HMACSHA256
/// recording callback): 1000000000 (2001-09-09), the first 10-digit Unix time. The bound keeps
/// a digit of the time from moving into the neighbouring field (the stream name; a recording
/// callback's `event_type`) under the same signature: the shorter time left would lie before
/// 2001, which a `leeway_s` of decades still accepts.
pub const LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP: u64 = 1_000_000_000;
const _: () = assert!(LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP == Notification::MIN_AUTH_TIMESTAMP);
const _: () = assert!(LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP == crate::huawei::RecordFields::MIN_AUTH_TIMESTAMP);

/// `livesign_huawei_event.event`: any `event` other than the two below.
pub const LIVESIGN_HUAWEI_EVENT_UNKNOWN: u32 = 0;
/// `livesign_huawei_event.event`: `PUBLISH`, stream push started.
pub const LIVESIGN_HUAWEI_EVENT_PUBLISH: u32 = 1;
/// `livesign_huawei_event.event`: `PUBLISH_DONE`, stream push ended.
pub const LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE: u32 = 2;

/// `livesign_huawei_event.escaped` bit: `event_text` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_EVENT: u32 = 1 << 0;
/// `livesign_huawei_event.escaped` bit: `domain` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_DOMAIN: u32 = 1 << 1;
/// `livesign_huawei_event.escaped` bit: `app` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_APP: u32 = 1 << 2;
/// `livesign_huawei_event.escaped` bit: `stream` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_STREAM: u32 = 1 << 3;
/// `livesign_huawei_event.escaped` bit: `user_args` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_USER_ARGS: u32 = 1 << 4;
/// `livesign_huawei_event.escaped` bit: `client_ip` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_CLIENT_IP: u32 = 1 << 5;
/// `livesign_huawei_event.escaped` bit: `node_ip` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_NODE_IP: u32 = 1 << 6;
/// `livesign_huawei_event.escaped` bit: `publish_timestamp` contains JSON escapes.
pub const LIVESIGN_HUAWEI_FIELD_PUBLISH_TIMESTAMP: u32 = 1 << 7;

/// A verified Huawei stream status notification. Every text field is a view into the
/// caller's body: the JSON string's text between its quotes. It is the value itself unless
/// its bit in `escaped` is set; then it still holds JSON escapes (`\/`, `\u0026`, ...) and
/// `livesign_json_unescape` gives the value. Absent optional fields and empty strings are
/// `{NULL, 0}`.
/// Zero-filled whenever the verifier fails.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct livesign_huawei_event {
    /// `LIVESIGN_HUAWEI_EVENT_PUBLISH`, `LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE` or
    /// `LIVESIGN_HUAWEI_EVENT_UNKNOWN` (the text is in `event_text`).
    pub event: u32,
    /// The `LIVESIGN_HUAWEI_FIELD_...` bits of the fields that contain JSON escapes.
    pub escaped: u32,
    /// `event` as sent.
    pub event_text: livesign_slice,
    /// `domain`: the ingest domain.
    pub domain: livesign_slice,
    /// `app`: the application name.
    pub app: livesign_slice,
    /// `stream`: the stream name.
    pub stream: livesign_slice,
    /// `user_args`: the push URL's query (not signed by Huawei).
    pub user_args: livesign_slice,
    /// `client_ip` (not signed).
    pub client_ip: livesign_slice,
    /// `node_ip` (not signed).
    pub node_ip: livesign_slice,
    /// `publish_timestamp` as sent: one value per push session, shared by its `PUBLISH` and
    /// `PUBLISH_DONE` (not signed).
    pub publish_timestamp: livesign_slice,
    /// `publish_timestamp` as a number; meaningful when `publish_time_valid` is 1.
    pub publish_time: u64,
    /// `auth_timestamp`, Unix seconds (signed).
    pub auth_timestamp: u64,
    /// 1 when `publish_timestamp` is the canonical decimal text of a `uint64_t` (then in
    /// `publish_time`), 0 when it is absent or anything else: empty, a leading zero, a sign or
    /// space (Huawei's Chinese example shows `"1587954134,"`).
    pub publish_time_valid: u32,
}

impl livesign_huawei_event {
    fn of(n: &Notification<'_>) -> Self {
        let fields = [n.event, n.domain, n.app, n.stream, n.user_args, n.client_ip, n.node_ip, n.publish_timestamp];
        let escaped = fields.iter().enumerate().fold(0, |bits, (i, f)| bits | (u32::from(f.is_escaped()) << i));
        let s = |f: Str<'_>| livesign_slice::of(f.raw());
        Self {
            event: match n.kind {
                EventKind::Publish => LIVESIGN_HUAWEI_EVENT_PUBLISH,
                EventKind::PublishDone => LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE,
                EventKind::Unknown => LIVESIGN_HUAWEI_EVENT_UNKNOWN,
            },
            escaped,
            event_text: s(n.event),
            domain: s(n.domain),
            app: s(n.app),
            stream: s(n.stream),
            user_args: s(n.user_args),
            client_ip: s(n.client_ip),
            node_ip: s(n.node_ip),
            publish_timestamp: s(n.publish_timestamp),
            publish_time: n.publish_time.unwrap_or(0),
            auth_timestamp: n.auth_timestamp,
            publish_time_valid: u32::from(n.publish_time.is_some()),
        }
    }
}

/// Returns `LIVESIGN_HUAWEI_SIGN_LEN`, for bindings that cannot read macros. Never allocates.
#[unsafe(no_mangle)]
pub extern "C" fn livesign_huawei_sign_len() -> usize {
    LIVESIGN_HUAWEI_SIGN_LEN
}

/// Huawei stream status notification signature: writes `auth_sign` = lowercase hex
/// HMAC-SHA256(key, event + domain + app + stream + decimal auth_timestamp), as Huawei signs
/// its notifications (useful to test a receiver).
///
/// - `key`: the notification key of the Huawei Live console, 32 to 128 bytes.
/// - `event`, `domain`, `app`, `stream`: UTF-8 text, signed as given, at most
///   `LIVESIGN_MAX_ID_LEN` bytes each.
/// - `out`: receives exactly `LIVESIGN_HUAWEI_SIGN_LEN` bytes (no NUL), only on `LIVESIGN_OK`.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when `out` is NULL, an input is NULL
/// with a non-zero length, a text is not UTF-8 or longer than `LIVESIGN_MAX_ID_LEN`, or
/// `auth_timestamp` is below `LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP` or above
/// `LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP` (not 10 digits); then
/// `LIVESIGN_INVALID_KEY` when the key is not 32 to 128 bytes. Never allocates; safe to call from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sign(
    key: *const u8,
    key_len: usize,
    event: *const u8,
    event_len: usize,
    domain: *const u8,
    domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    auth_timestamp: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: every non-NULL input points to its length in bytes.
        let key = unsafe { input(key, key_len) }?;
        // SAFETY: as above.
        let fields =
            unsafe { signed_fields([(event, event_len), (domain, domain_len), (app, app_len), (stream, stream_len)]) }?;
        // SAFETY: as above; out is checked before anything is computed.
        unsafe { sign_into(HmacKey::new(key), fields, auth_timestamp, out) }
    })
}

/// `livesign_huawei_sign` with a key loaded once into `key` (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_sign`; `LIVESIGN_INVALID_ARGUMENT` also when `key` is NULL or
/// not initialised. The key-length rule (32 to 128 bytes) is checked here too. Never
/// allocates; safe to call from any thread.
#[must_use = "the status says whether the output is valid"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_sign_keyed(
    key: *const livesign_hmac_key,
    event: *const u8,
    event_len: usize,
    domain: *const u8,
    domain_len: usize,
    app: *const u8,
    app_len: usize,
    stream: *const u8,
    stream_len: usize,
    auth_timestamp: u64,
    out: *mut u8,
) -> livesign_status {
    boundary(|| {
        // SAFETY: the C contract: every non-NULL input points to its length in bytes.
        let fields =
            unsafe { signed_fields([(event, event_len), (domain, domain_len), (app, app_len), (stream, stream_len)]) }?;
        // SAFETY: a non-NULL key points to a readable livesign_hmac_key; out as above.
        unsafe { sign_into(hmac_key::loaded(key), fields, auth_timestamp, out) }
    })
}

/// The four signed texts, UTF-8 and at most `LIVESIGN_MAX_ID_LEN` bytes each (checked before
/// the key is loaded, so that argument errors come first).
///
/// # Safety
/// Each non-NULL pointer points to its length in bytes.
unsafe fn signed_fields<'a>(f: [(*const u8, usize); 4]) -> Result<[&'a str; 4], Error> {
    let id = crate::Limits::MAX_ID_LEN;
    // SAFETY: forwarded to the caller's guarantee.
    unsafe {
        Ok([
            bounded_text(f[0].0, f[0].1, id)?,
            bounded_text(f[1].0, f[1].1, id)?,
            bounded_text(f[2].0, f[2].1, id)?,
            bounded_text(f[3].0, f[3].1, id)?,
        ])
    }
}

/// # Safety
/// `out` is NULL or points to `LIVESIGN_HUAWEI_SIGN_LEN` writable bytes.
unsafe fn sign_into(key: Result<HmacKey, Error>, f: [&str; 4], auth_timestamp: u64, out: *mut u8) -> Result<(), Error> {
    let out = output(out)?;
    // The arguments before the key, as `huawei::sign` orders them (the key failed to load
    // only for a length no rule accepts).
    huawei::check_auth_timestamp(auth_timestamp)?;
    let sign = huawei::sign(&key?, f[0], f[1], f[2], f[3], auth_timestamp)?;
    // SAFETY: out is non-NULL and the C contract gives it LIVESIGN_HUAWEI_SIGN_LEN bytes.
    unsafe { write_fixed(out, sign.as_bytes()) };
    Ok(())
}

/// Verifies a Huawei stream status notification: the JSON `body` Huawei POSTed, received at
/// `now` (Unix seconds), under the notification `key`, tolerating `leeway_s` seconds past
/// `auth_timestamp` (`LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S` is the usual value).
///
/// The body is read strictly: invalid JSON or UTF-8, a duplicated field among those read, a
/// field read here named in another case (`Stream` or `STREAM`, alone or beside `stream`: Go's
/// `encoding/json` matches names case-insensitively and would read that one),
/// `auth_timestamp` that is not a JSON integer of exactly 10 digits
/// (`LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP` to `LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP`), any
/// other field read that is not a string, or a missing `event`, `domain`, `app`, `stream`,
/// `auth_timestamp` or `auth_sign` is malformed.
/// Signed fields are unescaped before they are signed, as Huawei signs their values.
/// `auth_sign` is accepted in either hex case. Huawei concatenates the signed fields with no
/// separators, so one `auth_sign` also verifies with a field boundary moved (`live` + `room1`
/// as `liver` + `oom1`, `PUBLISH_DONE` + `d` as `PUBLISH` + `_DONEd`): accept only the `domain`
/// and `app` you configured. The `auth_timestamp` form holds the last boundary: a stream digit
/// moved into a real time makes 11 digits and one moved out leaves 9, both malformed whatever
/// `leeway_s` (a 9-digit time, before 2001, would be inside a leeway of decades).
///
/// Checks run in this order and the first failure is returned:
/// - `LIVESIGN_INVALID_ARGUMENT`: `key` or `body` is NULL with a non-zero length, or `body` is
///   longer than `LIVESIGN_MAX_BODY_LEN`;
/// - `LIVESIGN_INVALID_KEY`: the key is not 32 to 128 bytes;
/// - `LIVESIGN_MALFORMED`: see above; `auth_sign` not 64 hex characters;
/// - `LIVESIGN_SIGNATURE_MISMATCH`: compared in constant time;
/// - `LIVESIGN_EXPIRED`: `now > auth_timestamp + leeway_s` (saturating).
///
/// `event` may be NULL; otherwise it is filled on `LIVESIGN_OK` (views into `body`, valid as
/// long as `body` is) and zero-filled on every failure. Never allocates; safe from any thread.
#[must_use = "the status says whether the notification is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_callback_verify(
    key: *const u8,
    key_len: usize,
    body: *const u8,
    body_len: usize,
    now: u64,
    leeway_s: u32,
    event: *mut livesign_huawei_event,
) -> livesign_status {
    boundary(|| {
        // SAFETY: event is NULL or a writable livesign_huawei_event (C contract).
        unsafe { clear(event) };
        // SAFETY: the C contract: non-NULL inputs point to their lengths in bytes.
        let (key, body) = unsafe { (input(key, key_len)?, bounded(body, body_len, crate::Limits::MAX_BODY_LEN)?) };
        let n = Notification::verify(&HmacKey::new(key)?, body, now, leeway_s);
        // SAFETY: as above.
        unsafe { report(event, n) }
    })
}

/// `livesign_huawei_callback_verify` with a key loaded once into `key`
/// (`livesign_hmac_key_init`).
///
/// Returns as `livesign_huawei_callback_verify`; `LIVESIGN_INVALID_ARGUMENT` also when `key` is
/// NULL or not initialised. The key-length rule (32 to 128 bytes) is checked here too. Never
/// allocates; safe to call from any thread.
#[must_use = "the status says whether the notification is authentic"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_callback_verify_keyed(
    key: *const livesign_hmac_key,
    body: *const u8,
    body_len: usize,
    now: u64,
    leeway_s: u32,
    event: *mut livesign_huawei_event,
) -> livesign_status {
    boundary(|| {
        // SAFETY: event is NULL or a writable livesign_huawei_event (C contract).
        unsafe { clear(event) };
        // SAFETY: the C contract: a non-NULL body points to body_len bytes.
        let body = unsafe { input(body, body_len) }?;
        // SAFETY: a non-NULL key points to a readable livesign_hmac_key.
        let key = unsafe { hmac_key::loaded(key) }?;
        let n = Notification::verify(&key, body, now, leeway_s);
        // SAFETY: as above.
        unsafe { report(event, n) }
    })
}

/// Zero-fills the caller's event first (every byte, padding included, so that a C caller
/// comparing it with zeroes sees zeroes), so that every failure leaves it zeroed.
///
/// # Safety
/// `event` is NULL or points to a writable `livesign_huawei_event`.
unsafe fn clear(event: *mut livesign_huawei_event) {
    if !event.is_null() {
        // SAFETY: non-NULL and writable by the caller's guarantee; all-zero bytes are a valid
        // livesign_huawei_event (NULL pointers, zero integers).
        unsafe { event.write_bytes(0, 1) };
    }
}

/// Writes the event on success (it is already zeroed otherwise).
///
/// # Safety
/// `event` is NULL or points to a writable `livesign_huawei_event`.
unsafe fn report(event: *mut livesign_huawei_event, n: Result<Notification<'_>, Error>) -> Result<(), Error> {
    let n = n?;
    if !event.is_null() {
        // SAFETY: non-NULL and writable by the caller's guarantee.
        unsafe { event.write(livesign_huawei_event::of(&n)) };
    }
    Ok(())
}

/// `livesign_huawei_stream.state` and the verdicts of `livesign_huawei_stream_apply`: no
/// event applied yet (zero-initialise a `livesign_huawei_stream` to get this state).
pub const LIVESIGN_HUAWEI_STREAM_UNSEEN: u32 = 0;
/// State and verdict: the stream is live (its newest session started and has not ended).
pub const LIVESIGN_HUAWEI_STREAM_LIVE: u32 = 1;
/// State and verdict: the stream's newest session has ended.
pub const LIVESIGN_HUAWEI_STREAM_ENDED: u32 = 2;
/// Verdict only: the event is late or a duplicate; ignore it (the state did not change).
pub const LIVESIGN_HUAWEI_STREAM_STALE: u32 = 3;

/// What a receiver keeps per stream (`domain`/`app`/`stream`) to order its notifications.
/// Zero-initialise it (`livesign_huawei_stream s = {0};`); livesign_huawei_stream_apply
/// updates it. It holds no pointer: store and copy it freely.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct livesign_huawei_stream {
    /// `publish_timestamp` of the newest session seen (0 while `LIVESIGN_HUAWEI_STREAM_UNSEEN`).
    pub publish_timestamp: u64,
    /// `LIVESIGN_HUAWEI_STREAM_UNSEEN`, `_LIVE` or `_ENDED`.
    pub state: u32,
}

/// Applies a verified notification to a stream's state and says what it means, whatever
/// order Huawei's notifications arrive in (a session's `PUBLISH_DONE` may come before its own
/// `PUBLISH`; both carry the session's `publish_timestamp`). With `t` the event's
/// `publish_time` and `last` the state's `publish_timestamp`:
/// - first event of the stream, or `t > last`: `PUBLISH` makes it LIVE, `PUBLISH_DONE` ENDED;
/// - `t < last` (an older session): STALE, nothing changes;
/// - `t == last`: `PUBLISH_DONE` on a LIVE stream makes it ENDED; anything else is STALE (a
///   duplicate, or the late `PUBLISH` of a session already ended, which must not bring the
///   stream back to life).
///
/// - `state`: the stream's state, updated on `LIVESIGN_OK` (left unchanged on any failure).
/// - `event`: as filled by `livesign_huawei_callback_verify` for this stream.
/// - `verdict`: receives `LIVESIGN_HUAWEI_STREAM_LIVE`, `_ENDED` or `_STALE` on `LIVESIGN_OK`,
///   `LIVESIGN_HUAWEI_STREAM_UNSEEN` (0) on failure.
///
/// Returns `LIVESIGN_OK`; `LIVESIGN_INVALID_ARGUMENT` when a pointer is NULL, `state->state`
/// is not a state, or `event->event` is neither PUBLISH nor PUBLISH_DONE; then
/// `LIVESIGN_MALFORMED` when `event->publish_time_valid` is not 1 (no numeric
/// `publish_timestamp` to order by). Publish times have one-second resolution: a re-push in
/// the same second as the previous one's `PUBLISH_DONE` is taken for that session. Never
/// allocates; safe from any thread (one state per stream; serialise updates of one state).
///
/// `publish_timestamp` is not signed by Huawei: a captured notification resent within its
/// `auth_timestamp` window with another `publish_timestamp` verifies (with a new event id). A
/// far-future one makes every later genuine event of the stream STALE; a captured `PUBLISH`
/// resent with one after its own session's makes an ended stream LIVE. Neither this state nor
/// the event id can see it: drop a notification whose `livesign_huawei_replay_id` (its signed
/// fields) was seen already before applying it, take notifications over HTTPS only and keep
/// the leeway short.
#[must_use = "the verdict says whether to act on the event"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_stream_apply(
    state: *mut livesign_huawei_stream,
    event: *const livesign_huawei_event,
    verdict: *mut u32,
) -> livesign_status {
    boundary(|| {
        if verdict.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: verdict is non-NULL and writable by the C contract.
        unsafe { verdict.write(LIVESIGN_HUAWEI_STREAM_UNSEEN) };
        if state.is_null() || event.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: both non-NULL and readable by the C contract; every field is a plain integer
        // or pointer, so any bit pattern is a valid value.
        let (s, e) = unsafe { (state.read(), event.read()) };
        let phase = match s.state {
            LIVESIGN_HUAWEI_STREAM_UNSEEN => Phase::Unseen,
            LIVESIGN_HUAWEI_STREAM_LIVE => Phase::Live,
            LIVESIGN_HUAWEI_STREAM_ENDED => Phase::Ended,
            _ => return Err(Error::InvalidArgument),
        };
        let kind = match e.event {
            LIVESIGN_HUAWEI_EVENT_PUBLISH => EventKind::Publish,
            LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE => EventKind::PublishDone,
            _ => return Err(Error::InvalidArgument),
        };
        if e.publish_time_valid != 1 {
            return Err(Error::Malformed);
        }
        let mut stream = StreamState::from_parts(phase, s.publish_timestamp);
        let v = stream.apply(kind, e.publish_time)?;
        let after = livesign_huawei_stream {
            publish_timestamp: stream.publish_timestamp(),
            state: match stream.phase() {
                Phase::Unseen => LIVESIGN_HUAWEI_STREAM_UNSEEN,
                Phase::Live => LIVESIGN_HUAWEI_STREAM_LIVE,
                Phase::Ended => LIVESIGN_HUAWEI_STREAM_ENDED,
            },
        };
        let v = match v {
            Verdict::Live => LIVESIGN_HUAWEI_STREAM_LIVE,
            Verdict::Ended => LIVESIGN_HUAWEI_STREAM_ENDED,
            Verdict::Stale => LIVESIGN_HUAWEI_STREAM_STALE,
        };
        // SAFETY: both non-NULL and writable by the C contract.
        unsafe {
            state.write(after);
            verdict.write(v);
        }
        Ok(())
    })
}

/// Writes the stable id of a verified notification, for idempotent handling:
/// `{domain}/{app}/{stream}/{publish_timestamp}/{event}`, each the field's unescaped value
/// with `%` written `%25`, `/` written `%2F` and every byte outside printable ASCII written
/// `%XX` (so the four separators are the only `/`, and notifications that differ in any of the
/// five fields never share an id; the other fields, `auth_timestamp` included, are not part of
/// it). Printable ASCII, no NUL: stores and languages that normalise Unicode (Swift's `String`
/// `==`) cannot merge the ids of two streams Huawei tells apart (`caf\u00e9`, `cafe\u0301`). A
/// redelivered notification has the same id; a session's `PUBLISH` and `PUBLISH_DONE` have
/// different ones. `publish_timestamp` has one-second resolution: a re-push in the same second
/// as the previous session gets that session's ids. It is not signed either: a notification
/// resent by whoever captured it, with another `publish_timestamp`, verifies and has another id:
/// check `livesign_huawei_replay_id` first.
///
/// - `event`: as filled by `livesign_huawei_callback_verify` (its text fields are read as
///   JSON string text and the body they point into must still be valid).
/// - `out`, `out_cap`, `out_len`: the id; `out` NULL with `out_cap` 0 asks for the size.
///
/// Returns `LIVESIGN_OK` (`*out_len` = length written); `LIVESIGN_INVALID_ARGUMENT` when
/// `out_len` or `event` is NULL, `out` is NULL with `out_cap > 0`, a field is NULL with a
/// length or longer than `LIVESIGN_MAX_BODY_LEN` (none of a verified body is);
/// `LIVESIGN_MALFORMED` when a field is not JSON string text (a hand-made event with a
/// raw `"` or `\`); `LIVESIGN_BUFFER_TOO_SMALL` (`*out_len` = size needed, nothing written).
/// `*out_len` is 0 on other failures. Never allocates; safe from any thread.
#[must_use = "the status says whether the id was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_event_id(
    event: *const livesign_huawei_event,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: forwarded to the caller's guarantees.
        unsafe { write_id(event, out, out_cap, out_len, Id::Event) }
    })
}

/// Writes the replay id of a verified notification: `{domain}/{app}/{stream}/{auth_timestamp}/{event}`
/// (`auth_timestamp` in decimal), the fields Huawei signs, written as in
/// `livesign_huawei_event_id`. A notification resent by whoever captured it has the original's
/// replay id whatever its unsigned fields (`publish_timestamp` above all); one Huawei signed
/// anew has another. Keep the replay ids of accepted notifications until their
/// `auth_timestamp` + leeway has passed (the verifier refuses them after that) and drop a
/// notification whose replay id is known, before using its event id or
/// `livesign_huawei_stream_apply`.
///
/// Arguments, statuses and `*out_len` as for `livesign_huawei_event_id`. Never allocates; safe
/// from any thread.
#[must_use = "the status says whether the id was written"]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn livesign_huawei_replay_id(
    event: *const livesign_huawei_event,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> livesign_status {
    boundary(|| {
        // SAFETY: forwarded to the caller's guarantees.
        unsafe { write_id(event, out, out_cap, out_len, Id::Replay) }
    })
}

/// Which id of an event to write.
#[derive(Clone, Copy, PartialEq)]
enum Id {
    Event,
    Replay,
}

/// The body of `livesign_huawei_event_id` and `livesign_huawei_replay_id`, inside their panic
/// boundary.
///
/// # Safety
/// The C contract of those functions.
unsafe fn write_id(
    event: *const livesign_huawei_event,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    id: Id,
) -> Result<(), Error> {
    // SAFETY: the C contract for (out, out_cap, out_len).
    let mut buf = unsafe { OutBuf::new(out, out_cap, out_len) }?;
    let result = (|| {
        if event.is_null() {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: non-NULL and readable by the C contract; plain integers and pointers.
        let e = unsafe { event.read() };
        // Every slice is read before any is parsed: the header lists a field NULL with a
        // length (`InvalidArgument`) before one that is not JSON text (`Malformed`).
        let fourth = if id == Id::Event { e.publish_timestamp } else { livesign_slice::EMPTY };
        // SAFETY: the C contract: the event's slices point into a body that is still alive.
        let raw =
            unsafe { [e.domain.bytes()?, e.app.bytes()?, e.stream.bytes()?, fourth.bytes()?, e.event_text.bytes()?] };
        // A verified event's fields lie inside a body of at most the body limit.
        for field in raw {
            crate::limits::check(field, crate::Limits::MAX_BODY_LEN)?;
        }
        let [domain, app, stream, publish_timestamp, event] = raw.map(Str::from_raw);
        let (domain, app, stream, event) = (domain?, app?, stream?, event?);
        // Only the replay id spells out auth_timestamp; it must outlive the fields.
        let auth_timestamp;
        let fields = match id {
            Id::Event => [domain, app, stream, publish_timestamp?, event],
            Id::Replay => {
                auth_timestamp = Decimal::new(e.auth_timestamp);
                huawei::replay_fields(domain, app, stream, &auth_timestamp, event)
            }
        };
        huawei::write_event_id(fields, buf.buf())
    })();
    buf.report(result)
}
