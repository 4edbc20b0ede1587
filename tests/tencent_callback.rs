//! Tencent CSS event callbacks through the safe API and the C API: the shared `callback_sign`
//! vectors in bodies of every event type, check order, tampered, expired, truncated,
//! duplicate-key and escaped bodies, the raw field reader, the unescape helper, properties.

mod support;

use livesign::Error;
use livesign::ffi::json::livesign_json_unescape;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent::*;
use livesign::tencent::callback::{self, EventType};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The `callback_sign` vectors: (key, t, sign).
fn vectors() -> Vec<(String, u64, String)> {
    let doc = support::vectors("tx_url.json");
    let list = doc["callback_sign"]["vectors"].as_array().unwrap();
    let out: Vec<_> = list
        .iter()
        .map(|v| {
            let key = v["callback_key"].as_str().unwrap().to_owned();
            let t = v["t"].as_u64().unwrap();
            assert_eq!(v["string_to_hash"].as_str().unwrap(), format!("{key}{t}"));
            (key, t, v["sign"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(out.len(), 2, "the vector file changed: review this test");
    out
}

/// A callback body as Tencent sends one, for an event type (fields per CSS docs 267/38081–).
fn body(event_type: i64, t: Value, sign: &str) -> String {
    let mut b = json!({
        "app": "push.example.com",
        "appid": 1250000000u64,
        "appname": "live",
        "channel_id": "room_42",
        "stream_id": "room_42",
        "event_type": event_type,
        "t": t,
        "sign": sign,
        "sequence": "6674468118806626493",
        "node": "100.121.160.92",
        "user_ip": "119.29.94.245",
        "stream_param": "txSecret=40f38f69f8a2e7dc4e4e7d8a21e8bb3d&txTime=5DEBEC80",
    });
    let extra = match event_type {
        0 => json!({"errcode": 1, "errmsg": "recv rtmp deleteStream", "push_duration": "61353"}),
        1 => json!({"errcode": 0, "errmsg": "ok", "height": 720, "width": 1280}),
        100 => json!({"file_id": "5285890807897290551", "file_format": "flv", "duration": 9,
                      "video_url": "http://1253488539.vod2.myqcloud.com/f5b5e0a0vodgzp1253488539/room_42.flv"}),
        200 => json!({"pic_url": "/1253488539/live/room_42/room_42-screenshot-17-37-27-1280x720.jpg",
                      "pic_full_url": "http://example.cos.ap-guangzhou.myqcloud.com/room_42.jpg"}),
        317 => json!({"type": [1], "confidence": 96, "suggestion": "block", "img": "http://x/y.jpg"}),
        332 => json!({"record_event": "record_started", "task_id": "1234", "session_id": "abcd"}),
        _ => json!({"custom": [1, 2, {"nested": true}]}),
    };
    for (k, v) in extra.as_object().unwrap() {
        b[k] = v.clone();
    }
    b.to_string()
}

fn c_verify(key: &[u8], body: &[u8], now: u64, leeway: u32) -> (livesign_status, livesign_tencent_event) {
    let mut event = livesign_tencent_event {
        event_type: 7,
        t: 7,
        stream_id: livesign_slice { ptr: key.as_ptr(), len: 1 },
        channel_id: livesign_slice::EMPTY,
        app: livesign_slice::EMPTY,
        appname: livesign_slice::EMPTY,
    };
    // SAFETY: key and body are valid for their lengths; event is writable.
    let s = unsafe {
        livesign_tencent_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), now, leeway, &mut event)
    };
    (s, event)
}

fn zeroed() -> livesign_tencent_event {
    livesign_tencent_event {
        event_type: 0,
        t: 0,
        stream_id: livesign_slice::EMPTY,
        channel_id: livesign_slice::EMPTY,
        app: livesign_slice::EMPTY,
        appname: livesign_slice::EMPTY,
    }
}

/// The bytes a C slice points to.
fn view<'a>(s: livesign_slice) -> Option<&'a [u8]> {
    // SAFETY: every slice checked here points into a body that outlives the check.
    (!s.ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(s.ptr, s.len) })
}

/// Both APIs must agree; returns the Rust result.
fn both<'a>(key: &[u8], body: &'a [u8], now: u64, leeway: u32) -> Result<callback::Event<'a>, Error> {
    let rust = callback::verify(key, body, now, leeway);
    let (status, event) = c_verify(key, body, now, leeway);
    match &rust {
        Ok(e) => {
            assert_eq!(status, LIVESIGN_OK);
            assert_eq!(event.t, e.t);
            assert_eq!(event.event_type, e.event_type.map_or(LIVESIGN_TENCENT_EVENT_NONE, |t| t.code()));
            assert_eq!(view(event.stream_id), e.stream_id.map(|s| s.raw()));
            assert_eq!(view(event.channel_id), e.channel_id.map(|s| s.raw()));
            assert_eq!(view(event.app), e.app.map(|s| s.raw()));
            assert_eq!(view(event.appname), e.appname.map(|s| s.raw()));
        }
        Err(err) => {
            assert_eq!(status as u32, err.code(), "C and Rust disagree on {:?}", String::from_utf8_lossy(body));
            assert_eq!(event, zeroed(), "the event is zero-filled on failure");
        }
    }
    rust
}

const EVENT_TYPES: [(i64, EventType, i64); 7] = [
    (0, EventType::StreamEnd, LIVESIGN_TENCENT_EVENT_STREAM_END),
    (1, EventType::StreamBegin, LIVESIGN_TENCENT_EVENT_STREAM_BEGIN),
    (100, EventType::RecordFile, LIVESIGN_TENCENT_EVENT_RECORD_FILE),
    (200, EventType::Snapshot, LIVESIGN_TENCENT_EVENT_SNAPSHOT),
    (317, EventType::PornDetection, LIVESIGN_TENCENT_EVENT_PORN_DETECTION),
    (332, EventType::RecordStatus, LIVESIGN_TENCENT_EVENT_RECORD_STATUS),
    (999, EventType::Other(999), 999),
];

#[test]
fn every_vector_in_every_event_type() {
    for (key, t, sign) in vectors() {
        let key = key.as_bytes();
        for (code, kind, c_code) in EVENT_TYPES {
            assert_eq!(code, c_code);
            for t_value in [json!(t), json!(t.to_string())] {
                let b = body(code, t_value, &sign);
                let e = both(key, b.as_bytes(), t, 0).unwrap_or_else(|e| panic!("{e:?}: {b}"));
                assert_eq!((e.t, e.event_type), (t, Some(kind)));
                assert_eq!(e.stream_id.unwrap().raw(), b"room_42");
                assert_eq!(e.channel_id.unwrap().raw(), b"room_42");
                assert_eq!(e.app.unwrap().raw(), b"push.example.com");
                assert_eq!(e.appname.unwrap().raw(), b"live");
                assert_eq!(e.field(b"node").unwrap(), Some(&b"\"100.121.160.92\""[..]));
                assert_eq!(e.field(b"appid").unwrap(), Some(&b"1250000000"[..]));
                assert_eq!(e.field(b"nope").unwrap(), None);
                // Sent 600 s before t; valid up to t, expired after, leeway honoured.
                assert!(both(key, b.as_bytes(), t - 600, 0).is_ok());
                assert_eq!(both(key, b.as_bytes(), t + 1, 0).map(|_| ()), Err(Error::Expired));
                assert!(both(key, b.as_bytes(), t + 5, 5).is_ok());
                assert_eq!(both(key, b.as_bytes(), t + 6, 5).map(|_| ()), Err(Error::Expired));
                // Another key: sign invalid, even when expired as well.
                assert_eq!(both(b"otherKey", b.as_bytes(), t, 0).map(|_| ()), Err(Error::SignatureMismatch));
                assert_eq!(both(b"otherKey", b.as_bytes(), t + 99, 0).map(|_| ()), Err(Error::SignatureMismatch));
            }
        }
    }
}

#[test]
fn event_type_rules() {
    let (key, t, sign) = &vectors()[0];
    let key = key.as_bytes();
    let with = |et: &str| format!(r#"{{"t":{t},"sign":"{sign}"{et}}}"#);
    assert_eq!(both(key, with("").as_bytes(), *t, 0).unwrap().event_type, None);
    assert_eq!(
        both(key, with(r#","event_type":"100""#).as_bytes(), *t, 0).unwrap().event_type,
        Some(EventType::RecordFile)
    );
    let max = format!(r#","event_type":{}"#, i64::MAX);
    assert_eq!(both(key, with(&max).as_bytes(), *t, 0).unwrap().event_type, Some(EventType::Other(i64::MAX)));
    for bad in [
        r#","event_type":-1"#,
        r#","event_type":1.0"#,
        r#","event_type":1e2"#,
        r#","event_type":"01""#,
        r#","event_type":9223372036854775808"#,
        r#","event_type":null"#,
        r#","event_type":[1]"#,
        r#","event_type":1,"event_type":1"#,
        r#","stream_id":1"#,
        r#","app":null"#,
        r#","appname":{}"#,
        r#","channel_id":["x"]"#,
    ] {
        assert_eq!(both(key, with(bad).as_bytes(), *t, 0).map(|_| ()), Err(Error::Malformed), "{bad}");
    }
}

#[test]
fn tampered_bodies() {
    let (key, t, sign) = &vectors()[1];
    let key = key.as_bytes();
    let good = body(1, json!(t), sign);
    assert!(both(key, good.as_bytes(), *t, 0).is_ok());
    // Any change of one character of the sign: a mismatch (or malformed hex).
    for i in 0..sign.len() {
        for c in ['0', 'f', 'A', 'x'] {
            let mut s = sign.clone().into_bytes();
            if s[i] == c as u8 {
                continue;
            }
            s[i] = c as u8;
            let b = body(1, json!(t), std::str::from_utf8(&s).unwrap());
            let want = if c.is_ascii_hexdigit() && c.is_ascii_lowercase() || c.is_ascii_digit() {
                Error::SignatureMismatch
            } else {
                Error::Malformed
            };
            assert_eq!(both(key, b.as_bytes(), *t, 0).map(|_| ()), Err(want));
        }
    }
    // Another t with the same sign: a mismatch, whichever way it was spelled.
    for other in [json!(t + 1), json!(t - 1), json!((t + 10).to_string())] {
        let b = body(1, other, sign);
        assert_eq!(both(key, b.as_bytes(), *t, 0).map(|_| ()), Err(Error::SignatureMismatch));
    }
    // The sign covers key + t only (Tencent's design): other fields can change undetected.
    let rewritten = good.replace("room_42", "room_43");
    assert_eq!(both(key, rewritten.as_bytes(), *t, 0).unwrap().stream_id.unwrap().raw(), b"room_43");
    // Uppercase hex is not what Tencent sends.
    let upper = body(1, json!(t), &sign.to_ascii_uppercase());
    assert_eq!(both(key, upper.as_bytes(), *t, 0).map(|_| ()), Err(Error::Malformed));
}

#[test]
fn truncated_bodies() {
    let (key, t, sign) = &vectors()[0];
    let good = body(100, json!(t), sign);
    for cut in 0..good.len() {
        assert_eq!(
            both(key.as_bytes(), &good.as_bytes()[..cut], *t, 0).map(|_| ()),
            Err(Error::Malformed),
            "cut {cut}"
        );
    }
}

#[test]
fn malformed_bodies() {
    let (key, t, sign) = &vectors()[0];
    let key = key.as_bytes();
    let ok = format!(r#"{{"t":{t},"sign":"{sign}"}}"#);
    assert!(both(key, ok.as_bytes(), *t, 0).is_ok());
    assert!(both(key, format!(" \n{ok}\t ").as_bytes(), *t, 0).is_ok());
    let bad: Vec<String> = vec![
        String::new(),
        "[]".into(),
        format!("[{ok}]"),
        format!("{ok}x"),
        format!("{ok}{ok}"),
        format!(r#"{{"sign":"{sign}"}}"#),
        format!(r#"{{"t":{t}}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","t":{t}}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","sign":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","\u0074":{t}}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","\u0073ign":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","stream_id":"a","stream_id":"a"}}"#),
        format!(r#"{{"t":{t},"sign":{sign:?}1}}"#),
        format!(r#"{{"t":{t},"sign":1}}"#),
        format!(r#"{{"t":{t},"sign":null}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}0"}}"#),
        format!(r#"{{"t":-{t},"sign":"{sign}"}}"#),
        format!(r#"{{"t":{t}.0,"sign":"{sign}"}}"#),
        format!(r#"{{"t":0{t},"sign":"{sign}"}}"#),
        format!(r#"{{"t":"0{t}","sign":"{sign}"}}"#),
        format!(r#"{{"t":"{t} ","sign":"{sign}"}}"#),
        format!(r#"{{"t":"+{t}","sign":"{sign}"}}"#),
        format!(r#"{{"t":18446744073709551616,"sign":"{sign}"}}"#),
        format!(r#"{{"t":"{t}","sign":"{sign}",}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","x":"\ud800"}}"#),
        format!(
            r#"{{"t":{t},"sign":"{sign}","x":"a
b"}}"#
        ),
        format!(r#"{{"t":{t}, "sign":"{sign}", "x": {}}}"#, "[".repeat(100) + &"]".repeat(100)),
    ];
    for b in &bad {
        assert_eq!(both(key, b.as_bytes(), *t, 0).map(|_| ()), Err(Error::Malformed), "{b}");
    }
    let mut invalid_utf8 = ok.clone().into_bytes();
    invalid_utf8.splice(1..1, *b"\"x\":\"\xff\",");
    assert_eq!(both(key, &invalid_utf8, *t, 0).map(|_| ()), Err(Error::Malformed));
    // A duplicate of a field nobody reads is no ambiguity about what was verified.
    let dup_other = format!(r#"{{"t":{t},"sign":"{sign}","node":"a","node":"b"}}"#);
    assert!(both(key, dup_other.as_bytes(), *t, 0).is_ok());
}

/// Go's `encoding/json` (a common callback server) matches member names without case, plus
/// U+017F (long s) as `s` and U+212A (Kelvin) as `k`, and keeps the last match: beside a field
/// livesign reads, such a member would be the value that server reads instead.
#[test]
fn a_read_field_in_another_case_is_malformed() {
    let (key, t, sign) = &vectors()[0];
    let key = key.as_bytes();
    for b in [
        format!(r#"{{"t":{t},"sign":"{sign}","T":1}}"#),
        format!(r#"{{"T":1,"t":{t},"sign":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","SIGN":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","\u017fign":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","event_type":1,"Event_Type":0}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","stream_id":"a","STREAM_ID":"b"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","channel_id":"a","Channel_Id":"b"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","app":"a","APP":"b"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","appname":"a","AppName":"b"}}"#),
    ] {
        assert_eq!(both(key, b.as_bytes(), *t, 0).map(|_| ()), Err(Error::Malformed), "{b}");
    }
    // Alone too: a Go server reads `Event_Type` as `event_type` where livesign would see none.
    for b in [
        format!(r#"{{"T":{t},"sign":"{sign}"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","Event_Type":1}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","STREAM_ID":"a"}}"#),
        format!(r#"{{"t":{t},"sign":"{sign}","AppName":"a"}}"#),
    ] {
        assert_eq!(both(key, b.as_bytes(), *t, 0).map(|_| ()), Err(Error::Malformed), "{b}");
    }
    // Names no reader folds onto a read one are other fields.
    let other = format!(r#"{{"t":{t},"sign":"{sign}","App_ID":1,"Node":"x","ts":2}}"#);
    assert!(both(key, other.as_bytes(), *t, 0).is_ok());
}

#[test]
fn escaped_names_and_values_are_json_semantics() {
    let (key, t, sign) = &vectors()[0];
    let key = key.as_bytes();
    // Names written with escapes are the same names.
    let b = format!(r#"{{"\u0074":{t},"\u0073\u0069gn":"{sign}","stream\u005fid":"a\"b\u00e9\\"}}"#);
    let e = both(key, b.as_bytes(), *t, 0).unwrap();
    let raw = e.stream_id.unwrap();
    assert_eq!(raw.raw(), br#"a\"b\u00e9\\"#);
    let mut buf = [0u8; 16];
    assert_eq!(raw.unescape_into(&mut buf).unwrap(), "a\"bé\\".as_bytes());
    // The C helper gives the same text, with the size contract.
    let mut out = [0u8; 32];
    let mut len = 0usize;
    // SAFETY: all buffers are valid for the lengths passed.
    unsafe {
        let r = raw.raw();
        assert_eq!(livesign_json_unescape(r.as_ptr(), r.len(), out.as_mut_ptr(), out.len(), &mut len), LIVESIGN_OK);
        assert_eq!(&out[..len], "a\"bé\\".as_bytes());
        assert_eq!(
            livesign_json_unescape(r.as_ptr(), r.len(), std::ptr::null_mut(), 0, &mut len),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(len, "a\"bé\\".len());
        for bad in [&b"a\"b"[..], b"\\x", b"\\ud800", b"\xff", b"\\u12", b"\n"] {
            assert_eq!(
                livesign_json_unescape(bad.as_ptr(), bad.len(), out.as_mut_ptr(), 32, &mut len),
                LIVESIGN_MALFORMED
            );
            assert_eq!(len, 0);
        }
        assert_eq!(livesign_json_unescape(std::ptr::null(), 0, std::ptr::null_mut(), 0, &mut len), LIVESIGN_OK);
        assert_eq!(len, 0);
        assert_eq!(
            livesign_json_unescape(std::ptr::null(), 1, out.as_mut_ptr(), 32, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_json_unescape(b"a".as_ptr(), 1, out.as_mut_ptr(), 32, std::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
    // An escaped sign and a t string with escapes are read as any JSON parser reads them.
    let escaped_sign: String = sign.chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
    let b = format!(r#"{{"t":"{t}","sign":"{escaped_sign}"}}"#);
    assert!(both(key, b.as_bytes(), *t, 0).is_ok());
    // Present but empty strings are present (non-NULL) in C; absent ones are NULL.
    let b = format!(r#"{{"t":{t},"sign":"{sign}","app":""}}"#);
    let (status, event) = c_verify(key, b.as_bytes(), *t, 0);
    assert_eq!(status, LIVESIGN_OK);
    assert!(!event.app.ptr.is_null() && event.app.len == 0);
    assert!(event.appname.ptr.is_null() && event.stream_id.ptr.is_null());
}

#[test]
fn field_reader() {
    let b = br#"{"a":"x\"y","n":-1.5e3,"o":{"k":[1,2]},"e":"","\u0062":true}"#;
    let field = |name: &[u8]| callback::field(b, name);
    assert_eq!(field(b"a"), Ok(Some(&br#""x\"y""#[..])));
    assert_eq!(field(b"n"), Ok(Some(&b"-1.5e3"[..])));
    assert_eq!(field(b"o"), Ok(Some(&br#"{"k":[1,2]}"#[..])));
    assert_eq!(field(b"e"), Ok(Some(&br#""""#[..])));
    assert_eq!(field(b"b"), Ok(Some(&b"true"[..])));
    assert_eq!(field(b"k"), Ok(None), "only top-level fields");
    assert_eq!(callback::field(br#"{"a":1,"a":2}"#, b"a"), Err(Error::Malformed));
    assert_eq!(callback::field(br#"{"a":1,"a":2}"#, b"b"), Ok(None));
    assert_eq!(callback::field(br#"{"a":1"#, b"a"), Err(Error::Malformed));

    let c = |body: &[u8], name: &[u8]| {
        let mut out = livesign_slice { ptr: body.as_ptr(), len: 3 };
        // SAFETY: body and name are valid for their lengths; out is writable.
        let s =
            unsafe { livesign_tencent_callback_field(body.as_ptr(), body.len(), name.as_ptr(), name.len(), &mut out) };
        (s, out)
    };
    let (s, out) = c(b, b"o");
    assert_eq!((s, view(out)), (LIVESIGN_OK, Some(&br#"{"k":[1,2]}"#[..])));
    assert_eq!(c(b, b"zz"), (LIVESIGN_OK, livesign_slice::EMPTY));
    assert_eq!(c(br#"{"a":1,"a":2}"#, b"a"), (LIVESIGN_MALFORMED, livesign_slice::EMPTY));
    assert_eq!(c(b, b"\xff"), (LIVESIGN_INVALID_ARGUMENT, livesign_slice::EMPTY));
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        let mut out = livesign_slice::EMPTY;
        assert_eq!(
            livesign_tencent_callback_field(b.as_ptr(), b.len(), b"a".as_ptr(), 1, std::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_callback_field(std::ptr::null(), 5, b"a".as_ptr(), 1, &mut out),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_callback_field(std::ptr::null(), 0, b"a".as_ptr(), 1, &mut out),
            LIVESIGN_MALFORMED
        );
        assert_eq!(
            livesign_tencent_callback_field(b.as_ptr(), b.len(), std::ptr::null(), 1, &mut out),
            LIVESIGN_INVALID_ARGUMENT
        );
        let (s, out) = c(br#"{"":7}"#, b"");
        assert_eq!((s, view(out)), (LIVESIGN_OK, Some(&b"7"[..])));
    }
}

#[test]
fn c_pointer_rules_and_check_order() {
    let (key, t, sign) = &vectors()[0];
    let key = key.as_bytes();
    let b = body(1, json!(t), sign);
    // SAFETY: NULL pointers come with the lengths whose handling is under test; the rest are
    // valid for their lengths.
    unsafe {
        let null_event = std::ptr::null_mut();
        assert_eq!(
            livesign_tencent_callback_verify(key.as_ptr(), key.len(), b.as_ptr(), b.len(), *t, 0, null_event),
            LIVESIGN_OK
        );
        assert_eq!(
            livesign_tencent_callback_verify(std::ptr::null(), 3, b.as_ptr(), b.len(), *t, 0, null_event),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_callback_verify(key.as_ptr(), key.len(), std::ptr::null(), 3, *t, 0, null_event),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_callback_verify(std::ptr::null(), 0, b.as_ptr(), b.len(), *t, 0, null_event),
            LIVESIGN_INVALID_KEY
        );
        // The key is checked before the body is parsed.
        assert_eq!(
            livesign_tencent_callback_verify(std::ptr::null(), 0, b"{".as_ptr(), 1, *t, 0, null_event),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_tencent_callback_verify(key.as_ptr(), key.len(), std::ptr::null(), 0, *t, 0, null_event),
            LIVESIGN_MALFORMED
        );
    }
    let (s, e) = c_verify(b"", b.as_bytes(), *t, 0);
    assert_eq!((s, e), (LIVESIGN_INVALID_KEY, zeroed()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trip_with_arbitrary_text(key in proptest::collection::vec(any::<u8>(), 1..64), t: u64,
                                      event_type in 0i64..=i64::MAX, stream in ".{0,24}", t_as_string: bool) {
        let sign = livesign::tencent::sign(&key, t).unwrap();
        let t_value = if t_as_string { json!(t.to_string()) } else { json!(t) };
        let b = json!({"t": t_value, "sign": sign.as_str(), "event_type": event_type, "stream_id": stream}).to_string();
        let e = both(&key, b.as_bytes(), t, 0).unwrap();
        prop_assert_eq!(e.event_type.map(EventType::code), Some(event_type));
        let s = e.stream_id.unwrap();
        let mut buf = vec![0u8; s.raw().len()];
        prop_assert_eq!(s.unescape_into(&mut buf).unwrap(), stream.as_bytes());
        prop_assert_eq!(s.unescaped_len(), stream.len());
    }

    #[test]
    fn any_one_byte_change_of_t_or_sign_fails(key in proptest::collection::vec(any::<u8>(), 1..64), t: u64,
                                              i: usize, byte: u8) {
        let sign = livesign::tencent::sign(&key, t).unwrap();
        let b = format!(r#"{{"t":{t},"sign":"{sign}"}}"#);
        // The bytes of the t value and of the sign value.
        let t_start = 5;
        let t_len = t.to_string().len();
        let sign_start = t_start + t_len + 9;
        let positions: Vec<usize> = (t_start..t_start + t_len).chain(sign_start..sign_start + 32).collect();
        let pos = positions[i % positions.len()];
        let mut bytes = b.into_bytes();
        prop_assume!(bytes[pos] != byte);
        bytes[pos] = byte;
        let r = both(&key, &bytes, 0, 0);
        prop_assert!(matches!(r, Err(Error::SignatureMismatch | Error::Malformed)), "{:?}", r.map(|_| ()));
    }

    #[test]
    fn arbitrary_bytes_never_crash(body in proptest::collection::vec(any::<u8>(), 0..200)) {
        let r = both(b"k", &body, 0, 0);
        prop_assert!(r.is_err());
    }
}
