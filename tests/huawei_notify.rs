//! Huawei stream status notifications through the safe API and the C API: seed 004's body,
//! check order, expiry, tampered, truncated, duplicate-key, mistyped and escaped bodies, the
//! event struct, event ids, ordering, JSON unescaping, and properties.

mod support;

use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::*;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::huawei::{self, EventKind, Notification, Phase, StreamState, Verdict};
use livesign::{Error, HmacKey};
use proptest::prelude::*;
use serde_json::{Value, json};

const KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
const T: u64 = 1587954140;
/// `huawei.notify.stream.publish`: the seed 004 example's fields under KEY.
const SIGN: &str = "881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc";

/// Seed 004's example body, byte for byte except the (masked) `auth_sign`.
fn seed_body(publish_timestamp: &str, sign: &str) -> String {
    format!(
        r#"{{
    "domain":"push.example.com",
    "app":"live",
    "stream":"example_stream",
    "user_args":"auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw",
    "client_ip":"100.111.*.*",
    "node_ip":"112.11.*.*",
    "publish_timestamp":"{publish_timestamp}",
    "event":"PUBLISH",
    "auth_timestamp":1587954140,
    "auth_sign":"{sign}"
}}"#
    )
}

fn key() -> HmacKey {
    HmacKey::new(KEY).unwrap()
}

fn verify(body: &str, now: u64, leeway: u32) -> Result<Notification<'_>, Error> {
    Notification::verify(&key(), body.as_bytes(), now, leeway)
}

fn err(body: &str) -> Option<Error> {
    verify(body, T, 0).err()
}

fn c_verify(key: &[u8], body: &[u8], now: u64, leeway: u32) -> (livesign_status, livesign_huawei_event) {
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // Poison it: the call must write every byte on every path.
    // SAFETY: writing bytes into our own MaybeUninit.
    unsafe { core::ptr::write_bytes(ev.as_mut_ptr(), 0xa5, 1) };
    // SAFETY: key and body are valid for their lengths; ev is writable.
    let st = unsafe {
        livesign_huawei_callback_verify(
            key.as_ptr(),
            key.len(),
            body.as_ptr(),
            body.len(),
            now,
            leeway,
            ev.as_mut_ptr(),
        )
    };
    // SAFETY: the call wrote the whole struct (zeroes or the event).
    (st, unsafe { ev.assume_init() })
}

fn ctx(key: &[u8]) -> livesign_hmac_key {
    let mut c = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: c is writable; key valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(c.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised above.
    unsafe { c.assume_init() }
}

fn view(s: livesign_slice) -> Vec<u8> {
    if s.ptr.is_null() {
        assert_eq!(s.len, 0);
        return Vec::new();
    }
    // SAFETY: livesign filled the slice with a view into a body that is still alive.
    unsafe { std::slice::from_raw_parts(s.ptr, s.len) }.to_vec()
}

fn is_zero(ev: &livesign_huawei_event) -> bool {
    // SAFETY: reading the bytes of a plain-data struct (padding was written by livesign too).
    let bytes: &[u8] = unsafe {
        std::slice::from_raw_parts((ev as *const livesign_huawei_event).cast(), size_of::<livesign_huawei_event>())
    };
    bytes.iter().all(|&b| b == 0)
}

/// The reference HMAC-SHA256, in lowercase hex.
fn hmac_hex(key: &[u8], msg: &[u8]) -> String {
    use hmac::{KeyInit, Mac};
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    m.update(msg);
    m.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// A signed body with these fields (serde_json escapes what JSON requires).
fn body_of(event: &str, domain: &str, app: &str, stream: &str, t: u64) -> String {
    let sign = huawei::sign(&key(), event, domain, app, stream, t).unwrap();
    json!({"domain": domain, "app": app, "stream": stream, "publish_timestamp": "1587954134",
           "event": event, "auth_timestamp": t, "auth_sign": sign.as_str()})
    .to_string()
}

#[test]
fn seed_004_body_verifies_with_its_fields() {
    let body = seed_body("1587954134", SIGN);
    let n = verify(&body, T, 0).unwrap();
    assert_eq!(n.kind, EventKind::Publish);
    for (field, want) in [
        (n.event, "PUBLISH"),
        (n.domain, "push.example.com"),
        (n.app, "live"),
        (n.stream, "example_stream"),
        (n.client_ip, "100.111.*.*"),
        (n.node_ip, "112.11.*.*"),
        (n.publish_timestamp, "1587954134"),
    ] {
        assert_eq!(field.plain(), Some(want.as_bytes()));
    }
    assert!(n.user_args.plain().unwrap().starts_with(b"auth_info=yz1TG0PVN/"));
    assert_eq!((n.publish_time, n.auth_timestamp), (Some(1587954134), T));

    let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!(st, LIVESIGN_OK);
    assert_eq!(
        (ev.event, ev.escaped, ev.publish_time, ev.publish_time_valid, ev.auth_timestamp),
        (1, 0, 1587954134, 1, T)
    );
    assert_eq!(view(ev.event_text), b"PUBLISH");
    assert_eq!(view(ev.domain), b"push.example.com");
    assert_eq!(view(ev.app), b"live");
    assert_eq!(view(ev.stream), b"example_stream");
    assert_eq!(view(ev.client_ip), b"100.111.*.*");
    assert_eq!(view(ev.node_ip), b"112.11.*.*");
    assert_eq!(view(ev.publish_timestamp), b"1587954134");
    assert_eq!(view(ev.user_args), n.user_args.raw());
    // The views point into the body itself.
    assert!(body.as_bytes().as_ptr_range().contains(&ev.stream.ptr));
}

#[test]
fn stray_comma_in_publish_timestamp_is_kept_not_parsed() {
    let body = seed_body("1587954134,", SIGN);
    let n = verify(&body, T, 0).unwrap();
    assert_eq!((n.publish_timestamp.plain(), n.publish_time), (Some(&b"1587954134,"[..]), None));
    let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!((st, ev.publish_time, ev.publish_time_valid), (LIVESIGN_OK, 0, 0));
    assert_eq!(view(ev.publish_timestamp), b"1587954134,");
    // Such an event cannot be ordered.
    let mut state = livesign_huawei_stream::default();
    let mut verdict = 9;
    // SAFETY: all three pointers are valid.
    assert_eq!(unsafe { livesign_huawei_stream_apply(&mut state, &ev, &mut verdict) }, LIVESIGN_MALFORMED);
    assert_eq!((state, verdict), (livesign_huawei_stream::default(), LIVESIGN_HUAWEI_STREAM_UNSEEN));
}

#[test]
fn order_of_checks() {
    let good = seed_body("1587954134", SIGN);
    let forged = seed_body("1587954134", &SIGN.replace('8', "9"));
    let short = HmacKey::new(&KEY[..31]).unwrap();
    assert_eq!(Notification::verify(&short, b"not json", T, 0).err(), Some(Error::InvalidKey));
    assert_eq!(verify("not json", T + 999, 0).err(), Some(Error::Malformed));
    assert_eq!(verify(&forged, T + 999, 0).err(), Some(Error::SignatureMismatch));
    assert_eq!(verify(&good, T + 1, 0).err(), Some(Error::Expired));
    assert!(verify(&good, T, 0).is_ok());
    assert_eq!(c_verify(&KEY[..31], b"x", T, 0).0, LIVESIGN_INVALID_KEY);
    assert_eq!(c_verify(KEY, b"x", T, 0).0, LIVESIGN_MALFORMED);
    assert_eq!(c_verify(KEY, forged.as_bytes(), T + 999, 0).0, LIVESIGN_SIGNATURE_MISMATCH);
    assert_eq!(c_verify(KEY, good.as_bytes(), T + 1, 0).0, LIVESIGN_EXPIRED);
}

#[test]
fn key_length_bounds_in_every_variant() {
    let long = [b'K'; 129];
    for (len, ok) in [(31, false), (32, true), (128, true), (129, false)] {
        let k = &long[..len];
        let body = {
            let fields = ("PUBLISH", "d", "a", "s");
            let sign = if ok {
                huawei::sign(&HmacKey::new(k).unwrap(), fields.0, fields.1, fields.2, fields.3, T).unwrap().to_string()
            } else {
                SIGN.to_owned()
            };
            json!({"event": fields.0, "domain": fields.1, "app": fields.2, "stream": fields.3, "auth_timestamp": T, "auth_sign": sign}).to_string()
        };
        let want = if ok { LIVESIGN_OK } else { LIVESIGN_INVALID_KEY };
        assert_eq!(c_verify(k, body.as_bytes(), T, 0).0, want, "{len}");
        let c = ctx(k);
        let mut out = [0u8; 64];
        // SAFETY: every pointer is valid for its length; out holds 64 bytes.
        unsafe {
            assert_eq!(
                livesign_huawei_callback_verify_keyed(&c, body.as_ptr(), body.len(), T, 0, core::ptr::null_mut()),
                want,
                "{len}"
            );
            assert_eq!(
                livesign_huawei_sign_keyed(
                    &c,
                    b"P".as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    T,
                    out.as_mut_ptr()
                ),
                want
            );
            assert_eq!(
                livesign_huawei_sign(
                    k.as_ptr(),
                    len,
                    b"P".as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    T,
                    out.as_mut_ptr()
                ),
                want
            );
        }
        let hk = HmacKey::new(k).unwrap();
        assert_eq!(huawei::sign(&hk, "P", "", "", "", T).is_ok(), ok);
    }
    assert_eq!(c_verify(b"", b"{}", T, 0).0, LIVESIGN_INVALID_KEY);
}

#[test]
fn expiry_and_leeway_boundaries() {
    let body = seed_body("1587954134", SIGN);
    assert!(verify(&body, 0, 0).is_ok(), "a future auth_timestamp is an expiry time: fine");
    assert!(verify(&body, T + 300, Notification::DEFAULT_LEEWAY_S).is_ok());
    assert_eq!(verify(&body, T + 301, 300).err(), Some(Error::Expired));
    assert!(verify(&body, u64::MAX, u32::MAX).is_err());
    assert_eq!(LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S, 300);
    // The largest auth_timestamp: 10 digits. One more digit is malformed, even correctly signed.
    assert_eq!((Notification::MAX_AUTH_TIMESTAMP, LIVESIGN_HUAWEI_MAX_AUTH_TIMESTAMP), (9_999_999_999, 9_999_999_999));
    let max = body_of("PUBLISH", "d", "a", "s", 9_999_999_999);
    assert!(verify(&max, 9_999_999_999, 0).is_ok());
    assert_eq!(verify(&max, 10_000_000_000, 0).err(), Some(Error::Expired));
    assert!(verify(&max, 9_999_999_999 + u64::from(u32::MAX), u32::MAX).is_ok());
    for t in [10_000_000_000u64, u64::MAX] {
        assert_eq!(
            huawei::sign(&key(), "PUBLISH", "d", "a", "s", t).map(|s| s.to_string()),
            Err(Error::InvalidArgument)
        );
        let sign = hmac_hex(KEY, format!("PUBLISHdas{t}").as_bytes());
        let body = format!(
            r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","auth_timestamp":{t},"auth_sign":"{sign}"}}"#
        );
        assert_eq!(verify(&body, 0, 0).err(), Some(Error::Malformed), "{t}");
    }
}

/// Huawei joins event, domain, app, stream and auth_timestamp without separators, so one
/// auth_sign covers every split of the same bytes. Moving the boundary before auth_timestamp
/// must never give a notification that verifies: a stream digit moved in makes 11 digits, a
/// digit moved out leaves 9 or fewer, both malformed, with the usual leeway and the largest.
#[test]
fn stream_digits_never_move_into_auth_timestamp() {
    let now = T - 60;
    for stream in ["room1", "room12", "9", "s_2024", "a0"] {
        let signed = format!("{stream}{T}");
        for cut in 1..signed.len() {
            let (s, t) = signed.split_at(cut);
            if s == stream || t.starts_with('0') || !t.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let body = format!(
                r#"{{"event":"PUBLISH","domain":"d","app":"live","stream":"{s}","auth_timestamp":{t},"auth_sign":"{}"}}"#,
                huawei::sign(&key(), "PUBLISH", "d", "live", stream, T).unwrap()
            );
            for leeway in [Notification::DEFAULT_LEEWAY_S, u32::MAX] {
                let got = verify(&body, now, leeway).map(|n| n.stream.raw().to_vec());
                assert_eq!(got, Err(Error::Malformed), "{stream}+{T} as {s}+{t}, leeway {leeway}");
            }
        }
        let body = body_of("PUBLISH", "d", "live", stream, T);
        assert!(verify(&body, now, 0).is_ok(), "{stream}");
        assert!(verify(&body, now, u32::MAX).is_ok(), "{stream}");
    }
}

/// `leeway_s` is a u32, up to 136 years: a stream digit moved out of a real auth_timestamp
/// leaves a time before 2001-09-09, which a leeway of decades reaches. `room1` + `1587954140`
/// is also `room11` + `587954140` (1988); the form (exactly 10 digits), not the time, must
/// refuse it, and the signer must refuse to write such a time.
#[test]
fn a_digit_moved_out_of_auth_timestamp_is_malformed_whatever_the_leeway() {
    let sign = huawei::sign(&key(), "PUBLISH", "d", "live", "room1", T).unwrap();
    let body = |s: &str, t: &str| {
        format!(
            r#"{{"event":"PUBLISH","domain":"d","app":"live","stream":"{s}","auth_timestamp":{t},"auth_sign":"{sign}"}}"#
        )
    };
    assert_eq!(format!("room11{}", "587954140"), format!("room1{T}"), "the same signed bytes");
    for leeway in [40 * 365 * 86_400, u32::MAX] {
        let ok = body("room1", "1587954140");
        assert_eq!(verify(&ok, T, leeway).map(|n| n.auth_timestamp), Ok(T), "{leeway}");
        let recut = body("room11", "587954140");
        assert_eq!(verify(&recut, T, leeway).map(|n| n.auth_timestamp), Err(Error::Malformed), "{leeway}");
        assert_eq!(c_verify(KEY, recut.as_bytes(), T, leeway).0, LIVESIGN_MALFORMED, "{leeway}");
    }
    // Below 10 digits, a time is refused by the signer as the verifier refuses it.
    assert_eq!((Notification::MIN_AUTH_TIMESTAMP, LIVESIGN_HUAWEI_MIN_AUTH_TIMESTAMP), (1_000_000_000, 1_000_000_000));
    for t in [0, 1, 587_954_140, 999_999_999] {
        assert_eq!(
            huawei::sign(&key(), "PUBLISH", "d", "a", "s", t).map(|s| s.to_string()),
            Err(Error::InvalidArgument),
            "{t}"
        );
        let sign = hmac_hex(KEY, format!("PUBLISHdas{t}").as_bytes());
        let body = format!(
            r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","auth_timestamp":{t},"auth_sign":"{sign}"}}"#
        );
        assert_eq!(verify(&body, 0, u32::MAX).err(), Some(Error::Malformed), "{t}");
    }
    let min = body_of("PUBLISH", "d", "a", "s", 1_000_000_000);
    assert_eq!(verify(&min, 1_000_000_000, 0).map(|n| n.auth_timestamp), Ok(1_000_000_000));
}

#[test]
fn tampered_signed_fields_fail_and_unsigned_fields_do_not_count() {
    let base: Value = serde_json::from_str(&seed_body("1587954134", SIGN)).unwrap();
    for (field, value) in [
        ("event", json!("PUBLISH_DONE")),
        ("domain", json!("push.example.con")),
        ("app", json!("livE")),
        ("stream", json!("example_stream2")),
        ("auth_timestamp", json!(T + 1)),
        ("auth_sign", json!(SIGN.replace('c', "d"))),
    ] {
        let mut b = base.clone();
        b[field] = value;
        assert_eq!(err(&b.to_string()), Some(Error::SignatureMismatch), "{field}");
    }
    for (field, value) in [
        ("user_args", json!("cdn=other")),
        ("client_ip", json!("1.2.3.4")),
        ("node_ip", json!("5.6.7.8")),
        ("publish_timestamp", json!("1")),
        ("extra", json!({"nested": [1, 2]})),
    ] {
        let mut b = base.clone();
        b[field] = value;
        assert!(verify(&b.to_string(), T, 0).is_ok(), "{field} is not signed");
    }
    // A moved boundary between fields changes the values but not the concatenation: that is
    // Huawei's design (no separators), so it verifies. The test documents it.
    let mut b = base.clone();
    b["domain"] = json!("push.example.comlive");
    b["app"] = json!("");
    assert!(verify(&b.to_string(), T, 0).is_ok());
}

#[test]
fn truncated_bodies_are_malformed() {
    let body = seed_body("1587954134", SIGN);
    for n in 0..body.len() {
        let Some(prefix) = body.get(..n) else { continue };
        assert_eq!(err(prefix), Some(Error::Malformed), "prefix of {n} bytes");
        assert_eq!(c_verify(KEY, prefix.as_bytes(), T, 0).0, LIVESIGN_MALFORMED, "{n}");
    }
}

#[test]
fn duplicated_fields_are_malformed() {
    let body = seed_body("1587954134", SIGN);
    for field in [
        "event",
        "domain",
        "app",
        "stream",
        "user_args",
        "client_ip",
        "node_ip",
        "publish_timestamp",
        "auth_timestamp",
        "auth_sign",
    ] {
        let v: Value = serde_json::from_str(&body).unwrap();
        let dup = format!("{{\"{field}\":{},{}", v[field], &body[1..]);
        assert_eq!(err(&dup), Some(Error::Malformed), "{field}");
        // The same name spelled with an escape is the same name.
        let escaped = format!("{{\"\\u{:04x}{}\":{},{}", field.as_bytes()[0], &field[1..], v[field], &body[1..]);
        assert_eq!(err(&escaped), Some(Error::Malformed), "{field} (escaped name)");
        // Go's encoding/json matches names case-insensitively and keeps the last match: a
        // `STREAM` after `stream` is the stream a Go reader of the body takes, so it counts too.
        let upper = format!("{},\"{}\":\"other\"}}", &body[..body.len() - 1], field.to_uppercase());
        assert_eq!(err(&upper), Some(Error::Malformed), "{field} (another case)");
        let c = c_verify(KEY, upper.as_bytes(), T, 0);
        assert_eq!(c.0, LIVESIGN_MALFORMED, "{field} (another case, C)");
    }
    // Go also folds the long s and the Kelvin sign onto `s` and `k`; other look-alikes stay
    // other members.
    let long_s = format!(r#"{},"\u017ftream":"other"}}"#, &body[..body.len() - 1]);
    assert_eq!(err(&long_s), Some(Error::Malformed));
    let dotless = format!(r#"{},"cl\u0131ent_ip":"x"}}"#, &body[..body.len() - 1]);
    assert!(verify(&dotless, T, 0).is_ok());
    // Alone too, for an optional field: a Go reader takes `Client_IP` as `client_ip`.
    let mut v: Value = serde_json::from_str(&body).unwrap();
    let ip = v.as_object_mut().unwrap().remove("client_ip").unwrap();
    assert!(verify(&v.to_string(), T, 0).is_ok());
    v["Client_IP"] = ip;
    assert_eq!(err(&v.to_string()), Some(Error::Malformed));
    // Duplicates of fields nobody reads are the document's business.
    let other = format!("{{\"x\":1,\"x\":2,{}", &body[1..]);
    assert!(verify(&other, T, 0).is_ok());
}

#[test]
fn missing_and_mistyped_fields_are_malformed() {
    let base: Value = serde_json::from_str(&seed_body("1587954134", SIGN)).unwrap();
    for field in ["event", "domain", "app", "stream", "auth_timestamp", "auth_sign"] {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(field);
        assert_eq!(err(&b.to_string()), Some(Error::Malformed), "missing {field}");
    }
    for field in ["user_args", "client_ip", "node_ip", "publish_timestamp"] {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(field);
        let body = b.to_string();
        let n = verify(&body, T, 0).unwrap_or_else(|e| panic!("optional {field}: {e}"));
        let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
        assert_eq!(st, LIVESIGN_OK);
        if field == "publish_timestamp" {
            assert_eq!((n.publish_time, ev.publish_time_valid), (None, 0));
            assert_eq!(ev.publish_timestamp, livesign_slice::EMPTY);
        }
    }
    for (field, value) in [
        ("auth_timestamp", json!("1587954140")),
        ("auth_timestamp", json!(-1)),
        ("auth_timestamp", json!(1587954140.0)),
        ("auth_timestamp", json!(null)),
        ("publish_timestamp", json!(1587954134)),
        ("event", json!(1)),
        ("domain", json!(null)),
        ("app", json!(["live"])),
        ("stream", json!({"s": 1})),
        ("user_args", json!(null)),
        ("client_ip", json!(true)),
        ("node_ip", json!(7)),
        ("auth_sign", json!(7)),
        ("auth_sign", json!(&SIGN[1..])),
        ("auth_sign", json!(format!("{SIGN}0"))),
        ("auth_sign", json!(SIGN.replace('c', "g"))),
        ("auth_sign", json!("")),
    ] {
        let mut b = base.clone();
        b[field] = value.clone();
        assert_eq!(err(&b.to_string()), Some(Error::Malformed), "{field} = {value}");
    }
    for bad in [&b"[]"[..], b"", b"null", b"{\"event\":\"PUBLISH\"", b"{} {}", b"{\"a\":\"\xff\"}"] {
        assert_eq!(Notification::verify(&key(), bad, T, 0).err(), Some(Error::Malformed), "{bad:?}");
    }
    let deep = format!("{{\"x\":{}{},{}", "[".repeat(100), "]".repeat(100), &seed_body("1", SIGN)[1..]);
    assert_eq!(err(&deep), Some(Error::Malformed));
    // 1e3 and 01 are not plain integers.
    let exp = seed_body("1587954134", SIGN).replace("1587954140", "1.58795414e9");
    assert_eq!(err(&exp), Some(Error::Malformed));
}

#[test]
fn auth_sign_in_either_case() {
    for sign in [SIGN.to_uppercase(), format!("{}{}", &SIGN[..32].to_uppercase(), &SIGN[32..])] {
        assert!(verify(&seed_body("1587954134", &sign), T, 0).is_ok(), "{sign}");
    }
    // An escaped spelling of the same hex is the same value.
    let escaped = seed_body("1587954134", &format!("\\u0038{}", &SIGN[1..]));
    assert!(verify(&escaped, T, 0).is_ok());
}

#[test]
fn escaped_signed_fields_are_signed_by_value() {
    // Huawei signs the values; a serializer may escape `/`, `_`, non-ASCII, ...
    let sign = huawei::sign(&key(), "PUBLISH", "push.example.com", "li/ve", "直播流_1", T).unwrap();
    let body = format!(
        r#"{{"event":"PUBL\u0049SH","domain":"push.example.com","app":"li\/ve","stream":"\u76f4\u64ad\u6d41\u005f1",
            "publish_timestamp":"\u0031587954134","user_args":"a\u003db\u0026c","auth_timestamp":{T},"auth_sign":"{sign}"}}"#
    );
    let n = verify(&body, T, 0).unwrap();
    assert_eq!(n.kind, EventKind::Publish);
    assert_eq!(n.publish_time, Some(1587954134));
    let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!(st, LIVESIGN_OK);
    assert_eq!(ev.event, LIVESIGN_HUAWEI_EVENT_PUBLISH);
    assert_eq!(
        ev.escaped,
        LIVESIGN_HUAWEI_FIELD_EVENT
            | LIVESIGN_HUAWEI_FIELD_APP
            | LIVESIGN_HUAWEI_FIELD_STREAM
            | LIVESIGN_HUAWEI_FIELD_USER_ARGS
            | LIVESIGN_HUAWEI_FIELD_PUBLISH_TIMESTAMP
    );
    assert_eq!(view(ev.stream), br"\u76f4\u64ad\u6d41\u005f1");
    assert_eq!(unescape(&view(ev.stream)), Ok("直播流_1".as_bytes().to_vec()));
    assert_eq!(unescape(&view(ev.user_args)), Ok(b"a=b&c".to_vec()));
    assert_eq!(unescape(&view(ev.app)), Ok(b"li/ve".to_vec()));
    // The escaped spelling of a different value does not verify.
    assert_eq!(err(&body.replace(r"\u005f1", r"\u005f2")), Some(Error::SignatureMismatch));
    // A long escaped value needs no buffer. (`huawei::sign` takes names of at most
    // LIVESIGN_MAX_ID_LEN bytes; a body may carry longer ones, so sign with the reference.)
    let long: String = "é/".repeat(5000);
    let sign = hmac_hex(KEY, format!("PUBLISHda{long}{T}").as_bytes());
    assert_eq!(huawei::sign(&key(), "PUBLISH", "d", "a", &long, T), Err(Error::InvalidArgument));
    let escaped: String = long.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
    let body = format!(
        r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"{escaped}","auth_timestamp":{T},"auth_sign":"{sign}"}}"#
    );
    assert!(verify(&body, T, 0).is_ok());
}

#[test]
fn unknown_events_verify_and_are_reported() {
    let body = body_of("RECORD_DONE", "d", "a", "s", T);
    let n = verify(&body, T, 0).unwrap();
    assert_eq!((n.kind, n.event.plain()), (EventKind::Unknown, Some(&b"RECORD_DONE"[..])));
    let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!((st, ev.event), (LIVESIGN_OK, LIVESIGN_HUAWEI_EVENT_UNKNOWN));
    assert_eq!(view(ev.event_text), b"RECORD_DONE");
    let mut state = livesign_huawei_stream::default();
    let mut verdict = 9;
    // SAFETY: all pointers valid.
    assert_eq!(unsafe { livesign_huawei_stream_apply(&mut state, &ev, &mut verdict) }, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(verdict, 0);
}

#[test]
fn c_event_is_zero_filled_on_every_failure_and_pointer_rules() {
    let good = seed_body("1587954134", SIGN);
    for (k, b, now) in [
        (KEY, &b"x"[..], T),
        (&KEY[..3], good.as_bytes(), T),
        (KEY, good.as_bytes(), T + 1),
        (KEY, seed_body("1", &SIGN.replace('1', "2")).as_bytes(), T),
    ] {
        let (st, ev) = c_verify(k, b, now, 0);
        assert_ne!(st, LIVESIGN_OK);
        assert!(is_zero(&ev), "{st:?}");
    }
    let c = ctx(KEY);
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: every non-NULL pointer is valid; NULLs come with the lengths under test.
    unsafe {
        assert_eq!(
            livesign_huawei_callback_verify(KEY.as_ptr(), 36, core::ptr::null(), 5, T, 0, ev.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert!(is_zero(ev.assume_init_ref()));
        assert_eq!(
            livesign_huawei_callback_verify(core::ptr::null(), 36, good.as_ptr(), good.len(), T, 0, ev.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_callback_verify(KEY.as_ptr(), 36, good.as_ptr(), good.len(), T, 0, core::ptr::null_mut()),
            LIVESIGN_OK
        );
        assert_eq!(
            livesign_huawei_callback_verify_keyed(&c, good.as_ptr(), good.len(), T, 0, ev.as_mut_ptr()),
            LIVESIGN_OK
        );
        assert_eq!(ev.assume_init_ref().auth_timestamp, T);
        assert_eq!(
            livesign_huawei_callback_verify_keyed(core::ptr::null(), good.as_ptr(), good.len(), T, 0, ev.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert!(is_zero(ev.assume_init_ref()));
        let wiped: livesign_hmac_key = core::mem::zeroed();
        assert_eq!(
            livesign_huawei_callback_verify_keyed(&wiped, good.as_ptr(), good.len(), T, 0, ev.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        let mut out = [b'#'; 64];
        let p = b"PUBLISH";
        assert_eq!(
            livesign_huawei_sign(
                KEY.as_ptr(),
                36,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                T,
                core::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_sign(
                KEY.as_ptr(),
                36,
                core::ptr::null(),
                7,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                T,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        let bad = b"\xff";
        assert_eq!(
            livesign_huawei_sign(
                KEY.as_ptr(),
                36,
                p.as_ptr(),
                7,
                bad.as_ptr(),
                1,
                p.as_ptr(),
                7,
                p.as_ptr(),
                7,
                T,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT,
            "text must be UTF-8"
        );
        assert_eq!(out, [b'#'; 64], "out is written only on success");
        assert_eq!(livesign_huawei_sign_len(), LIVESIGN_HUAWEI_SIGN_LEN);
    }
}

type IdWriter = unsafe extern "C" fn(*const livesign_huawei_event, *mut u8, usize, *mut usize) -> livesign_status;

/// An id of `ev` written by `write` into `cap` bytes of `#`: the status, `*out_len`, the buffer.
fn c_id(write: IdWriter, ev: &livesign_huawei_event, cap: usize) -> (livesign_status, usize, Vec<u8>) {
    let mut buf = vec![b'#'; cap];
    let mut len = 12345usize;
    let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
    // SAFETY: ev is a valid event; out is NULL with cap 0 or holds cap bytes.
    let st = unsafe { write(ev, out, cap, &mut len) };
    (st, len, buf)
}

/// The event id and the bytes of the buffer it may fill.
fn c_event_id(ev: &livesign_huawei_event, cap: usize) -> (livesign_status, usize, Vec<u8>) {
    let (st, len, buf) = c_id(livesign_huawei_event_id, ev, cap);
    (st, len, buf[..len.min(cap)].to_vec())
}

#[test]
fn event_ids() {
    let body = seed_body("1587954134", SIGN);
    let n = verify(&body, T, 0).unwrap();
    let want = b"push.example.com/live/example_stream/1587954134/PUBLISH";
    let mut buf = [0u8; 128];
    let len = n.event_id(&mut buf).unwrap();
    assert_eq!(&buf[..len], want);
    assert_eq!(n.event_id(&mut buf[..10]), Err(Error::BufferTooSmall { needed: want.len() }));
    let (_, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!(c_event_id(&ev, 128), (LIVESIGN_OK, want.len(), want.to_vec()));
    assert_eq!(c_event_id(&ev, 0), (LIVESIGN_BUFFER_TOO_SMALL, want.len(), vec![]));
    assert_eq!(c_event_id(&ev, want.len() - 1).0, LIVESIGN_BUFFER_TOO_SMALL);
    assert_eq!(c_event_id(&ev, want.len()).0, LIVESIGN_OK);
    // A short buffer is left as it was ("nothing written"), in C and in Rust.
    for cap in [1, 10, want.len() - 1] {
        let mut short = vec![b'#'; cap];
        let mut len = 0usize;
        // SAFETY: ev is a valid event; short holds cap bytes.
        let st = unsafe { livesign_huawei_event_id(&ev, short.as_mut_ptr(), cap, &mut len) };
        assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, want.len()));
        assert_eq!(short, vec![b'#'; cap], "C: nothing written into a short buffer of {cap}");
        assert_eq!(n.event_id(&mut short), Err(Error::BufferTooSmall { needed: want.len() }));
        assert_eq!(short, vec![b'#'; cap], "Rust: nothing written into a short buffer of {cap}");
    }

    // '/' and '%' inside fields are escaped; escaped JSON spellings give the value's id.
    let body = body_of("PUBLISH_DONE", "a/b%", "c", "d", T).replace("a/b%", r"a\/b%");
    let (st, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!(st, LIVESIGN_OK);
    assert_eq!(c_event_id(&ev, 128).2, b"a%2Fb%25/c/d/1587954134/PUBLISH_DONE");

    // Hand-made events: fields must be JSON string text.
    let mut bad = ev;
    bad.app = livesign_slice::of(b"a\"b");
    assert_eq!(c_event_id(&bad, 128).0, LIVESIGN_MALFORMED);
    bad.app = livesign_slice { ptr: core::ptr::null(), len: 3 };
    assert_eq!(c_event_id(&bad, 128).0, LIVESIGN_INVALID_ARGUMENT);
    let mut len = 5usize;
    // SAFETY: NULL event and NULL out_len are the cases under test.
    unsafe {
        assert_eq!(
            livesign_huawei_event_id(core::ptr::null(), buf.as_mut_ptr(), 128, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_huawei_event_id(&ev, buf.as_mut_ptr(), 128, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

fn c_replay_id(ev: &livesign_huawei_event, cap: usize) -> (livesign_status, usize, Vec<u8>) {
    c_id(livesign_huawei_replay_id, ev, cap)
}

/// The replay id: the signed fields, written as the event id writes its fields.
#[test]
fn replay_ids() {
    let body = seed_body("1587954134", SIGN);
    let n = verify(&body, T, 0).unwrap();
    let want = b"push.example.com/live/example_stream/1587954140/PUBLISH";
    let mut buf = [b'#'; 128];
    let len = n.replay_id(&mut buf).unwrap();
    assert_eq!(&buf[..len], want);
    let (_, ev) = c_verify(KEY, body.as_bytes(), T, 0);
    let (st, len, out) = c_replay_id(&ev, 128);
    assert_eq!((st, &out[..len]), (LIVESIGN_OK, &want[..]));
    assert_eq!(c_replay_id(&ev, 0).0, LIVESIGN_BUFFER_TOO_SMALL);
    for cap in [1, want.len() - 1] {
        assert_eq!(c_replay_id(&ev, cap), (LIVESIGN_BUFFER_TOO_SMALL, want.len(), vec![b'#'; cap]));
        let mut short = vec![b'#'; cap];
        assert_eq!(n.replay_id(&mut short), Err(Error::BufferTooSmall { needed: want.len() }));
        assert_eq!(short, vec![b'#'; cap]);
    }
    assert_eq!(c_replay_id(&ev, want.len()).0, LIVESIGN_OK);

    // Escaping as in event ids; `publish_timestamp` plays no part, even when it is no text.
    let body = body_of("PUBLISH_DONE", "a/b%", "c", "d", T).replace("a/b%", r"a\/b%");
    let (st, mut ev) = c_verify(KEY, body.as_bytes(), T, 0);
    assert_eq!(st, LIVESIGN_OK);
    let want = b"a%2Fb%25/c/d/1587954140/PUBLISH_DONE";
    assert_eq!(c_replay_id(&ev, 128).2[..want.len()], want[..]);
    ev.publish_timestamp = livesign_slice { ptr: core::ptr::null(), len: 3 };
    assert_eq!(c_replay_id(&ev, 128).2[..want.len()], want[..]);
    assert_eq!(c_event_id(&ev, 128).0, LIVESIGN_INVALID_ARGUMENT);
    let mut bad = ev;
    bad.stream = livesign_slice::of(b"a\"b");
    assert_eq!(c_replay_id(&bad, 128).0, LIVESIGN_MALFORMED);
    bad.stream = livesign_slice { ptr: core::ptr::null(), len: 3 };
    assert_eq!(c_replay_id(&bad, 128).0, LIVESIGN_INVALID_ARGUMENT);
    let mut len = 5usize;
    // SAFETY: NULL event and NULL out_len are the cases under test.
    unsafe {
        assert_eq!(
            livesign_huawei_replay_id(core::ptr::null(), buf.as_mut_ptr(), 128, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_huawei_replay_id(&ev, buf.as_mut_ptr(), 128, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

fn apply(state: &mut livesign_huawei_stream, ev: &livesign_huawei_event) -> (livesign_status, u32) {
    let mut verdict = 99;
    // SAFETY: all pointers are valid.
    let st = unsafe { livesign_huawei_stream_apply(state, ev, &mut verdict) };
    (st, verdict)
}

#[test]
fn ordering_through_the_c_api() {
    // The bodies outlive the events that point into them.
    let bodies = [("PUBLISH_DONE", "100"), ("PUBLISH", "100"), ("PUBLISH", "200"), ("PUBLISH_DONE", "200")]
        .map(|(kind, publish)| body_of(kind, "d", "a", "s", T).replace("1587954134", publish));
    let ev = |b: &str| {
        let (st, e) = c_verify(KEY, b.as_bytes(), T, 0);
        assert_eq!(st, LIVESIGN_OK);
        e
    };
    let [done_1, publish_1, publish_2, done_2] = [ev(&bodies[0]), ev(&bodies[1]), ev(&bodies[2]), ev(&bodies[3])];

    // The seed 004 case: the session's PUBLISH_DONE first, then its late PUBLISH.
    let mut s = livesign_huawei_stream::default();
    assert_eq!(apply(&mut s, &done_1), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_ENDED));
    assert_eq!(apply(&mut s, &publish_1), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_STALE));
    assert_eq!(s, livesign_huawei_stream { publish_timestamp: 100, state: LIVESIGN_HUAWEI_STREAM_ENDED });
    assert_eq!(apply(&mut s, &publish_2), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_LIVE));
    assert_eq!(apply(&mut s, &done_1), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_STALE));
    assert_eq!(apply(&mut s, &publish_2), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_STALE));
    assert_eq!(apply(&mut s, &done_2), (LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_ENDED));
    assert_eq!(s, livesign_huawei_stream { publish_timestamp: 200, state: LIVESIGN_HUAWEI_STREAM_ENDED });

    // The C function follows the Rust state machine on every state, event and time.
    let phases = [
        (Phase::Unseen, LIVESIGN_HUAWEI_STREAM_UNSEEN),
        (Phase::Live, LIVESIGN_HUAWEI_STREAM_LIVE),
        (Phase::Ended, LIVESIGN_HUAWEI_STREAM_ENDED),
    ];
    for (phase, code) in phases {
        for (kind, e) in [(EventKind::Publish, publish_1), (EventKind::PublishDone, done_1)] {
            for last in [99, 100, 101] {
                let mut rust = StreamState::from_parts(phase, last);
                let verdict = rust.apply(kind, 100).unwrap();
                let mut c = livesign_huawei_stream {
                    publish_timestamp: if phase == Phase::Unseen { 0 } else { last },
                    state: code,
                };
                let (st, v) = apply(&mut c, &e);
                let want_v = match verdict {
                    Verdict::Live => LIVESIGN_HUAWEI_STREAM_LIVE,
                    Verdict::Ended => LIVESIGN_HUAWEI_STREAM_ENDED,
                    Verdict::Stale => LIVESIGN_HUAWEI_STREAM_STALE,
                };
                let want_state = phases.iter().find(|p| p.0 == rust.phase()).unwrap().1;
                assert_eq!((st, v), (LIVESIGN_OK, want_v));
                assert_eq!(
                    c,
                    livesign_huawei_stream { publish_timestamp: rust.publish_timestamp(), state: want_state }
                );
            }
        }
    }

    // Bad inputs leave the state alone.
    let mut s = livesign_huawei_stream { publish_timestamp: 5, state: 3 };
    assert_eq!(apply(&mut s, &publish_1), (LIVESIGN_INVALID_ARGUMENT, 0));
    assert_eq!(s, livesign_huawei_stream { publish_timestamp: 5, state: 3 });
    let mut weird = publish_1;
    weird.event = 7;
    let mut s = livesign_huawei_stream::default();
    assert_eq!(apply(&mut s, &weird), (LIVESIGN_INVALID_ARGUMENT, 0));
    let mut v = 0u32;
    // SAFETY: NULL pointers are the cases under test.
    unsafe {
        assert_eq!(livesign_huawei_stream_apply(core::ptr::null_mut(), &publish_1, &mut v), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(livesign_huawei_stream_apply(&mut s, core::ptr::null(), &mut v), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(livesign_huawei_stream_apply(&mut s, &publish_1, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
    }
    assert_eq!(s, livesign_huawei_stream::default());
}

fn unescape(raw: &[u8]) -> Result<Vec<u8>, livesign_status> {
    let mut out = vec![0u8; raw.len()];
    let mut len = 0usize;
    // SAFETY: raw and out are valid for their lengths.
    match unsafe { livesign_json_unescape(raw.as_ptr(), raw.len(), out.as_mut_ptr(), out.len(), &mut len) } {
        LIVESIGN_OK => Ok(out[..len].to_vec()),
        st => Err(st),
    }
}

#[test]
fn json_unescape() {
    assert_eq!(unescape(b""), Ok(vec![]));
    assert_eq!(unescape(br"plain"), Ok(b"plain".to_vec()));
    assert_eq!(unescape(br#"a\"b\\c\/d\n\u00e9\ud83d\ude00"#), Ok("a\"b\\c/d\né😀".as_bytes().to_vec()));
    for bad in [&br#"a"b"#[..], br"\x", br"\u12", br"\ud800", b"\xff", b"a\nb"] {
        assert_eq!(unescape(bad), Err(LIVESIGN_MALFORMED), "{bad:?}");
    }
    let mut len = 0usize;
    let mut small = [0u8; 2];
    // SAFETY: every pointer is valid for its length; NULLs are the cases under test.
    unsafe {
        assert_eq!(
            livesign_json_unescape(b"abc".as_ptr(), 3, small.as_mut_ptr(), 2, &mut len),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(len, 3);
        assert_eq!(
            livesign_json_unescape(b"abc".as_ptr(), 3, core::ptr::null_mut(), 0, &mut len),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(
            livesign_json_unescape(core::ptr::null(), 3, small.as_mut_ptr(), 2, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(livesign_json_unescape(core::ptr::null(), 0, core::ptr::null_mut(), 0, &mut len), LIVESIGN_OK);
        assert_eq!(
            livesign_json_unescape(b"a".as_ptr(), 1, small.as_mut_ptr(), 2, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trip_with_any_text(event in "\\PC{0,12}", domain in ".{0,40}", app in "[a-z/_\"\\\\]{0,10}",
                                stream in "\\PC{0,40}", t in Notification::MIN_AUTH_TIMESTAMP..=Notification::MAX_AUTH_TIMESTAMP, key_len in 32usize..=128) {
        let k: Vec<u8> = (0..key_len).map(|i| (i * 7 + 1) as u8).collect();
        let hk = HmacKey::new(&k).unwrap();
        let sign = huawei::sign(&hk, &event, &domain, &app, &stream, t).unwrap();
        let body = json!({"event": event, "domain": domain, "app": app, "stream": stream,
                          "auth_timestamp": t, "auth_sign": sign.as_str()}).to_string();
        let n = Notification::verify(&hk, body.as_bytes(), t, 0).unwrap();
        prop_assert!(n.stream.bytes().eq(stream.bytes()) && n.domain.bytes().eq(domain.bytes()));
        prop_assert!(n.app.bytes().eq(app.bytes()) && n.event.bytes().eq(event.bytes()));
        prop_assert_eq!(c_verify(&k, body.as_bytes(), t, 0).0, LIVESIGN_OK);
    }

    #[test]
    fn any_change_of_a_signed_value_fails(which in 0usize..5, pos: usize, byte in 0x20u8..0x7f) {
        let mut fields = [String::from("PUBLISH"), "push.example.com".into(), "live".into(), "example_stream".into(), T.to_string()];
        let f = &mut fields[which];
        let i = pos % (f.len() + 1);
        let mut bytes = f.clone().into_bytes();
        if i < bytes.len() && bytes[i] != byte { bytes[i] = byte } else { bytes.insert(i, byte) }
        *f = String::from_utf8(bytes).unwrap();
        let body = match fields[4].parse::<u64>() {
            Ok(t) => json!({"event": fields[0], "domain": fields[1], "app": fields[2], "stream": fields[3],
                            "auth_timestamp": t, "auth_sign": SIGN}).to_string(),
            Err(_) => format!(r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","auth_timestamp":{},"auth_sign":"{SIGN}"}}"#, fields[4]),
        };
        let result = verify(&body, 0, 0);
        prop_assert!(matches!(result, Err(Error::SignatureMismatch | Error::Malformed)), "{:?}", result.map(|_| ()));
    }

    #[test]
    fn hostile_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Notification::verify(&key(), &body, T, 0);
        let (st, ev) = c_verify(KEY, &body, T, 0);
        prop_assert!(st != LIVESIGN_INTERNAL);
        prop_assert!(st == LIVESIGN_OK || is_zero(&ev));
    }

    #[test]
    fn mutated_seed_bodies_never_verify_with_other_signed_values(pos: usize, byte: u8) {
        let body = seed_body("1587954134", SIGN).into_bytes();
        let mut m = body.clone();
        let i = pos % m.len();
        prop_assume!(m[i] != byte);
        m[i] = byte;
        if let Ok(n) = Notification::verify(&key(), &m, T, 0) {
            // Only unsigned bytes (or an equivalent spelling) may change.
            prop_assert!(n.event.eq_bytes(b"PUBLISH") && n.domain.eq_bytes(b"push.example.com"));
            prop_assert!(n.app.eq_bytes(b"live") && n.stream.eq_bytes(b"example_stream") && n.auth_timestamp == T);
        }
    }
}

trait EqBytes {
    fn eq_bytes(&self, b: &[u8]) -> bool;
}

impl EqBytes for livesign::JsonStr<'_> {
    fn eq_bytes(&self, b: &[u8]) -> bool {
        self.bytes().eq(b.iter().copied())
    }
}

/// The `livesign_slice` contract as the header states it for this struct: an optional field
/// that is absent and one that is present but empty both read `{NULL, 0}` (the Rust API reads
/// both as `JsonStr::EMPTY`), unlike the Tencent structs, which keep a present empty field's
/// non-NULL pointer.
#[test]
fn optional_fields_absent_or_empty_are_null() {
    let body = body_of("PUBLISH", "d", "a", "s", T);
    let with_empty = body.replacen('{', r#"{"user_args":"","client_ip":"","#, 1);
    for b in [&body, &with_empty] {
        let (st, ev) = c_verify(KEY, b.as_bytes(), T, 0);
        assert_eq!(st, LIVESIGN_OK, "{b}");
        for f in [ev.user_args, ev.client_ip, ev.node_ip] {
            assert_eq!(f, livesign_slice::EMPTY, "{b}");
        }
    }
}

#[test]
fn unsigned_publish_timestamp_can_freeze_the_ordering_state() {
    // What the ordering and event-id docs warn about: `publish_timestamp` is not signed, so a
    // captured notification resent with a far-future one verifies, has another id, and
    // leaves every later genuine event of the stream stale.
    let genuine = seed_body("1587954134", SIGN);
    let forged = seed_body("99999999999", SIGN);
    let (g, f) = (verify(&genuine, T, 0).unwrap(), verify(&forged, T, 0).unwrap());
    let mut ids = ([0u8; 128], [0u8; 128]);
    let (gl, fl) = (g.event_id(&mut ids.0).unwrap(), f.event_id(&mut ids.1).unwrap());
    assert_ne!(ids.0[..gl], ids.1[..fl]);
    let mut s = StreamState::new();
    assert_eq!(s.apply(f.kind, f.publish_time.unwrap()), Ok(Verdict::Live));
    assert_eq!(s.apply(EventKind::PublishDone, 1587954134), Ok(Verdict::Stale));
    assert_eq!(s.apply(EventKind::Publish, 1587999999), Ok(Verdict::Stale));
    assert_eq!(s.phase(), Phase::Live);
}

/// The replay the ordering documentation warns of, and the check it recommends: a captured
/// `PUBLISH` resent with a `publish_timestamp` after its session's (still before its
/// `auth_timestamp`) verifies, gets another event id and makes the ended stream live again;
/// its signed fields, so its replay id, are the original's.
#[test]
fn a_replayed_publish_is_caught_by_its_replay_id_only() {
    let (session, done_at) = ("1587954134", T + 60);
    let publish = seed_body(session, SIGN);
    let sign_done =
        huawei::sign(&key(), "PUBLISH_DONE", "push.example.com", "live", "example_stream", done_at).unwrap();
    let mut done: Value = serde_json::from_str(&seed_body(session, sign_done.as_str())).unwrap();
    (done["event"], done["auth_timestamp"]) = (json!("PUBLISH_DONE"), json!(done_at));
    let done = done.to_string();
    let replay = seed_body("1587954139", SIGN);

    let now = T + 250;
    let [p, d, r] = [&publish, &done, &replay].map(|b| verify(b, now, 300).unwrap());
    let mut state = StreamState::new();
    for (n, want) in [(&p, Verdict::Live), (&d, Verdict::Ended), (&r, Verdict::Live)] {
        assert_eq!(state.apply(n.kind, n.publish_time.unwrap()), Ok(want));
    }
    assert!(r.publish_time.unwrap() <= r.auth_timestamp, "the far-future test lets it through");
    let id = |n: &Notification<'_>| {
        let mut buf = [0u8; 128];
        let len = n.event_id(&mut buf).unwrap();
        buf[..len].to_vec()
    };
    assert_ne!(id(&r), id(&p));
    let replay_id = |n: &Notification<'_>| {
        let mut buf = [0u8; 128];
        let len = n.replay_id(&mut buf).unwrap();
        buf[..len].to_vec()
    };
    assert_eq!(replay_id(&r), replay_id(&p));
    assert_ne!(replay_id(&d), replay_id(&p));
    // A PUBLISH that Huawei signs anew (a later auth_timestamp) is no replay.
    let resigned = huawei::sign(&key(), "PUBLISH", "push.example.com", "live", "example_stream", T + 1).unwrap();
    let mut again: Value = serde_json::from_str(&seed_body(session, resigned.as_str())).unwrap();
    again["auth_timestamp"] = json!(T + 1);
    let again = again.to_string();
    assert_ne!(replay_id(&verify(&again, now, 300).unwrap()), replay_id(&p));
}
