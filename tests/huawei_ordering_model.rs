//! Model check of Huawei notification ordering and event ids through the C API, against a
//! model written from seed 004 and issue 6 alone (not from the implementation): the state a
//! receiver ends in depends only on the SET of notifications it has seen (the newest session is
//! live until its PUBLISH_DONE is seen, in whatever order they come), and a verdict is STALE
//! exactly when the event changes nothing. Every sequence of up to five notifications over
//! three sessions whose `publish_timestamp`s differ in digit count ("999", "1000", "1001") is
//! checked, duplicates and reorderings included; the `publish_timestamp` texts Huawei could send
//! are read as numbers, never compared as text; event ids are injective over fields built to
//! collide through the `/` separator.

use std::collections::{BTreeSet, HashMap};

use livesign::HmacKey;
use livesign::ffi::huawei::*;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::huawei;

const KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
const T: u64 = 1587954140;

/// A signed notification; `publish_timestamp` is JSON text (`None`: the field is absent).
fn body(event: &str, domain: &str, app: &str, stream: &str, publish_timestamp: Option<&str>) -> String {
    let sign = huawei::sign(&HmacKey::new(KEY).unwrap(), event, domain, app, stream, T).unwrap();
    let mut o = serde_json::Map::new();
    for (k, v) in [("domain", domain), ("app", app), ("stream", stream), ("event", event)] {
        o.insert(k.into(), v.into());
    }
    o.insert("auth_timestamp".into(), T.into());
    o.insert("auth_sign".into(), sign.as_str().into());
    let mut s = serde_json::Value::Object(o).to_string();
    if let Some(p) = publish_timestamp {
        s.insert_str(1, &format!("\"publish_timestamp\":{p},"));
    }
    s
}

fn verified(body: &str) -> livesign_huawei_event {
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: key and body are valid for their lengths; ev is writable.
    let st = unsafe {
        livesign_huawei_callback_verify(KEY.as_ptr(), KEY.len(), body.as_ptr(), body.len(), T, 0, ev.as_mut_ptr())
    };
    assert_eq!(st, LIVESIGN_OK, "{body}");
    // SAFETY: filled on LIVESIGN_OK.
    unsafe { ev.assume_init() }
}

fn apply(state: &mut livesign_huawei_stream, ev: &livesign_huawei_event) -> (livesign_status, u32) {
    let mut verdict = 99;
    // SAFETY: all pointers are valid.
    let st = unsafe { livesign_huawei_stream_apply(state, ev, &mut verdict) };
    (st, verdict)
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Publish,
    Done,
}

/// The model: what the set of notifications seen says about the stream, as (state, newest
/// publish_timestamp). The newest session decides; it has ended once its PUBLISH_DONE is seen.
fn truth(seen: &BTreeSet<(u64, Kind)>) -> livesign_huawei_stream {
    match seen.iter().map(|e| e.0).max() {
        None => livesign_huawei_stream::default(),
        Some(m) => livesign_huawei_stream {
            publish_timestamp: m,
            state: if seen.contains(&(m, Kind::Done)) {
                LIVESIGN_HUAWEI_STREAM_ENDED
            } else {
                LIVESIGN_HUAWEI_STREAM_LIVE
            },
        },
    }
}

#[test]
fn every_short_sequence_ends_in_the_state_its_set_of_events_gives() {
    let texts = ["999", "1000", "1001"];
    let bodies: Vec<(Kind, u64, String)> = texts
        .iter()
        .flat_map(|t| {
            [(Kind::Publish, "PUBLISH"), (Kind::Done, "PUBLISH_DONE")]
                .map(|(k, e)| (k, t.parse().unwrap(), body(e, "d", "live", "s", Some(&format!("\"{t}\"")))))
        })
        .collect();
    let events: Vec<(Kind, u64, livesign_huawei_event)> =
        bodies.iter().map(|(k, t, b)| (*k, *t, verified(b))).collect();
    // Events the helper must refuse without touching the state.
    let unknown = body("UPDATE", "d", "live", "s", Some("\"1000\""));
    let no_time = body("PUBLISH", "d", "live", "s", None);
    let empty_time = body("PUBLISH_DONE", "d", "live", "s", Some("\"\""));
    let refused = [
        (verified(&unknown), LIVESIGN_INVALID_ARGUMENT),
        (verified(&no_time), LIVESIGN_MALFORMED),
        (verified(&empty_time), LIVESIGN_MALFORMED),
    ];

    let n = events.len();
    let mut checked = 0usize;
    for len in 1..=5u32 {
        for code in 0..n.pow(len) {
            let mut state = livesign_huawei_stream::default();
            let mut seen = BTreeSet::new();
            let mut c = code;
            for step in 0..len {
                let (kind, t, ev) = &events[c % n];
                c /= n;
                let before = state;
                // A refused event in between never changes anything.
                let (bad, want) = &refused[(code + step as usize) % refused.len()];
                assert_eq!(apply(&mut state, bad), (*want, LIVESIGN_HUAWEI_STREAM_UNSEEN));
                assert_eq!(state, before);

                seen.insert((*t, *kind));
                let after = truth(&seen);
                let want_verdict = if after == before { LIVESIGN_HUAWEI_STREAM_STALE } else { after.state };
                let got = apply(&mut state, ev);
                assert_eq!(got, (LIVESIGN_OK, want_verdict), "sequence {code} of {len}, step {step}: {seen:?}");
                assert_eq!(state, after, "sequence {code} of {len}, step {step}: {seen:?}");
                // Never stuck live: a session whose PUBLISH_DONE was seen is not live.
                if state.state == LIVESIGN_HUAWEI_STREAM_LIVE {
                    assert!(!seen.contains(&(state.publish_timestamp, Kind::Done)));
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 6 + 36 + 216 + 1296 + 7776);
}

/// Refused: only canonical decimals, so one session number has one id text.
const LEADING_ZERO: Option<u64> = None;

fn publish_time(text: Option<&str>) -> Option<u64> {
    let ev = verified(&body("PUBLISH", "d", "live", "s", text));
    (ev.publish_time_valid == 1).then_some(ev.publish_time)
}

#[test]
fn publish_timestamps_are_read_as_numbers() {
    // Digit counts differ: numeric order, never text order.
    assert_eq!(publish_time(Some("\"999\"")), Some(999));
    assert_eq!(publish_time(Some("\"1000\"")), Some(1000));
    assert_eq!(publish_time(Some("\"1587954134\"")), Some(1587954134));
    assert_eq!(publish_time(Some("\"0\"")), Some(0));
    // Read by value, as the event id reads it.
    assert_eq!(publish_time(Some("\"\\u0031000\"")), Some(1000));
    assert_eq!(publish_time(Some("\"01000\"")), LEADING_ZERO);
    let header = include_str!("../include/livesign.h");
    let doc = &header[..header.find("uint32_t publish_time_valid;").unwrap()];
    assert!(doc[doc.rfind("/**").unwrap()..].contains("leading zero"));
    assert_eq!(publish_time(Some("\"18446744073709551615\"")), Some(u64::MAX));
    // Not a plain decimal integer that fits: no order, the helper says MALFORMED.
    for bad in [
        None,
        Some("\"\""),
        Some("\"1587954134,\""),
        Some("\" 1000\""),
        Some("\"1000 \""),
        Some("\"+1000\""),
        Some("\"-1\""),
        Some("\"1e3\""),
        Some("\"1000.0\""),
        Some("\"0x10\""),
        Some("\"18446744073709551616\""),
        Some("\"99999999999999999999999\""),
        Some("\"１０００\""),
    ] {
        assert_eq!(publish_time(bad), None, "{bad:?}");
        let ev = verified(&body("PUBLISH", "d", "live", "s", bad));
        let mut s = livesign_huawei_stream::default();
        assert_eq!(apply(&mut s, &ev), (LIVESIGN_MALFORMED, LIVESIGN_HUAWEI_STREAM_UNSEEN), "{bad:?}");
        assert_eq!(s, livesign_huawei_stream::default());
    }
}

fn c_event_id(ev: &livesign_huawei_event) -> Vec<u8> {
    let mut need = 0usize;
    // SAFETY: ev is valid; NULL out with cap 0 asks for the size.
    let st = unsafe { livesign_huawei_event_id(ev, core::ptr::null_mut(), 0, &mut need) };
    assert!(st == LIVESIGN_BUFFER_TOO_SMALL || (st == LIVESIGN_OK && need == 0));
    let mut buf = vec![0u8; need];
    let mut len = 0usize;
    // SAFETY: buf holds need bytes.
    let st = unsafe { livesign_huawei_event_id(ev, buf.as_mut_ptr(), buf.len(), &mut len) };
    assert_eq!((st, len), (LIVESIGN_OK, need));
    buf
}

/// The id the header documents, written from its text.
fn documented_id(fields: [&str; 5]) -> Vec<u8> {
    let parts: Vec<String> = fields.iter().map(|f| f.replace('%', "%25").replace('/', "%2F")).collect();
    parts.join("/").into_bytes()
}

#[test]
fn event_ids_are_injective_and_as_documented() {
    let atoms = ["", "a", "b", "/", "%", "a/b", "b/c", "%2F", "%25", "a%2Fb"];
    let events = ["PUBLISH", "PUBLISH_DONE", "PUBLISH/DONE"];
    let mut ids: HashMap<Vec<u8>, [String; 5]> = HashMap::new();
    for domain in ["d", "d/a", ""] {
        for app in atoms {
            for stream in atoms {
                for publish in ["1000", "1000/PUBLISH", "01000", ""] {
                    for event in events {
                        let b = body(event, domain, app, stream, Some(&serde_json::to_string(publish).unwrap()));
                        let ev = verified(&b);
                        let id = c_event_id(&ev);
                        assert_eq!(id, documented_id([domain, app, stream, publish, event]), "{b}");
                        let fields = [domain, app, stream, publish, event].map(String::from);
                        if let Some(prev) = ids.insert(id.clone(), fields.clone()) {
                            assert_eq!(prev, fields, "two notifications share the id {}", String::from_utf8_lossy(&id));
                        }
                    }
                }
            }
        }
    }
    // An escaped spelling of the same values is the same notification.
    let plain = body("PUBLISH", "d", "a/b", "c", Some("\"1000\""));
    let escaped = plain.replace("a/b", r"a\/b").replace("\"1000\"", r#""\u0031000""#);
    assert_ne!(plain, escaped);
    assert_eq!(c_event_id(&verified(&plain)), c_event_id(&verified(&escaped)));
}

/// Huawei signs `event + domain + app + stream + auth_timestamp` with no separators, so the
/// signature cannot tell where one field ends: the same `auth_sign` verifies with the boundary
/// moved (a PUBLISH_DONE becomes a PUBLISH of domain `_DONE...`, `live`/`room1` becomes
/// `liver`/`oom1`). The header and README say so and tell the receiver to check `domain` and
/// `app` against its own configuration; this keeps that warning true.
#[test]
fn the_signature_does_not_separate_its_fields() {
    let done = body("PUBLISH_DONE", "push.example.com", "live", "room1", Some("\"1000\""));
    let moved = [
        ("\"PUBLISH_DONE\"", "\"PUBLISH\""),
        ("\"push.example.com\"", "\"_DONEpush.example.com\""),
        ("\"live\"", "\"liver\""),
        ("\"room1\"", "\"oom1\""),
    ]
    .iter()
    .fold(done.clone(), |b, (from, to)| b.replacen(from, to, 1));
    let (a, b) = (verified(&done), verified(&moved));
    assert_eq!((a.event, b.event), (LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE, LIVESIGN_HUAWEI_EVENT_PUBLISH));
    assert_ne!(c_event_id(&a), c_event_id(&b));
    // The docs that must carry the warning.
    let header = include_str!("../include/livesign.h");
    let verify_doc = &header[..header.find("livesign_status livesign_huawei_callback_verify(").unwrap()];
    let verify_doc = &verify_doc[verify_doc.rfind("/**").unwrap()..];
    assert!(verify_doc.contains("separators") && verify_doc.contains("you configured"), "{verify_doc}");
    assert!(include_str!("../README.md").contains("`_DONEpush.example.com`"));
}
