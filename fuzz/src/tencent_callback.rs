//! Tencent CSS event callbacks against a reference (serde_json reads the body, the md-5 crate
//! signs): a callback verifies only when its `sign` is MD5(key + t) of the `t` serde_json
//! reads, and `t` has not passed; every other outcome has its documented cause; the C
//! function agrees with the Rust one (and zero-fills its event on failure); the field reader
//! agrees with serde_json.

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent::{
    livesign_tencent_callback_field, livesign_tencent_callback_verify, livesign_tencent_event,
};
use livesign::fuzz_api::json;
use livesign::tencent::callback;
use serde_json::Value as Ref;

use super::input::{Input, Writer};
use super::reference::{self, md5_hex};

/// Input layout: `mode`, `now`, `t` (u64), `leeway` (u32), `key`, `name` (fields), `tail`
/// (rest). `mode & 3`: 0 the body is `tail`; 1 the body is `{"t":T,"sign":"S"` + (`,` +
/// `tail` when `tail` is not empty) + `}` with the right sign; 2 the same with one character
/// of the sign changed (position `mode >> 4`); 3 the same with the sign of another `t`
/// (`t + 1`). Bit 2: `t` written as a string; bit 3: `t` written with a leading zero.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, t, leeway) = (input.byte(), input.u64(), input.u64(), input.u32());
    let (key, name, tail) = (input.field(), input.field(), input.rest());
    let body = match mode & 3 {
        0 => tail.to_vec(),
        m => {
            let right = md5_hex(&[key, t.to_string().as_bytes()]);
            let sign = match m {
                1 => right.into_bytes(),
                2 => reference::change_one(right.as_bytes(), usize::from(mode >> 4)),
                _ => md5_hex(&[key, t.wrapping_add(1).to_string().as_bytes()]).into_bytes(),
            };
            let digits = if mode & 8 != 0 { format!("0{t}") } else { t.to_string() };
            let t_text = if mode & 4 != 0 { format!("\"{digits}\"") } else { digits };
            let mut b = format!("{{\"t\":{t_text},\"sign\":\"").into_bytes();
            b.extend_from_slice(&sign);
            b.push(b'"');
            if !tail.is_empty() {
                b.push(b',');
                b.extend_from_slice(tail);
            }
            b.push(b'}');
            if m == 1 && mode & 8 == 0 && tail.is_empty() && !key.is_empty() && key.len() <= 1024 {
                // A well-formed callback with the right sign: genuine, fresh or expired.
                let r = callback::verify(key, &b, now, leeway).map(|e| e.t);
                let want = if reference::fresh(t, now, leeway) { Ok(t) } else { Err(Error::Expired) };
                assert_eq!(r, want, "a genuine callback");
            }
            if m >= 2 {
                assert!(callback::verify(key, &b, now, leeway).is_err(), "a wrong sign verified");
            }
            b
        }
    };
    verify_agrees(key, &body, now, leeway);
    field_agrees(&body, name);
}

/// `t` as the reference reads it: a JSON number or a string holding the canonical decimal
/// text of a u64.
fn reference_t(v: &Ref) -> Option<u64> {
    match v {
        Ref::Number(n) => n.as_u64().filter(|t| t.to_string() == n.to_string()),
        Ref::String(s) => reference::decimal(s.as_bytes()),
        _ => None,
    }
}

/// The Rust and C verifiers agree, and every outcome has its documented cause.
pub fn verify_agrees(key: &[u8], body: &[u8], now: u64, leeway: u32) {
    let ours = callback::verify(key, body, now, leeway);
    let mut ev = livesign_tencent_event {
        event_type: 99,
        t: 99,
        stream_id: livesign_slice::of(b"junk"),
        channel_id: livesign_slice::of(b"junk"),
        app: livesign_slice::of(b"junk"),
        appname: livesign_slice::of(b"junk"),
    };
    // SAFETY: key and body are valid for their lengths; ev is a writable event.
    let c = unsafe {
        livesign_tencent_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), now, leeway, &mut ev)
    };
    assert_eq!(c as u32, ours.as_ref().map_or_else(|e| e.code(), |_| 0));
    let member = |name: &str| reference::json_member(body, name);
    match &ours {
        Ok(e) => {
            assert!(!key.is_empty() && key.len() <= 1024 && body.len() <= 1 << 20);
            let t = member("t").as_ref().and_then(reference_t).expect("t is a canonical decimal");
            assert_eq!(e.t, t);
            let sign = member("sign").and_then(|s| s.as_str().map(str::to_owned));
            assert_eq!(sign.as_deref().map(str::as_bytes), Some(md5_hex(&[key, t.to_string().as_bytes()]).as_bytes()));
            assert!(reference::fresh(t, now, leeway), "an expired callback verified");
            reference::no_go_fold_twin(body, &["t", "sign", "event_type", "stream_id", "channel_id", "app", "appname"]);
            for (name, ours, theirs) in [
                ("stream_id", e.stream_id, member("stream_id")),
                ("channel_id", e.channel_id, member("channel_id")),
                ("app", e.app, member("app")),
                ("appname", e.appname, member("appname")),
            ] {
                let ours = ours.map(|s| s.bytes().collect::<Vec<u8>>());
                assert_eq!(ours.as_deref(), theirs.as_ref().and_then(Ref::as_str).map(str::as_bytes), "{name}");
            }
            let code = e.event_type.map(|t| t.code());
            let theirs = member("event_type").map(|v| reference_t(&v).expect("a canonical event_type"));
            assert_eq!(code.map(|c| c as u64), theirs);
            assert_eq!((ev.t, ev.event_type), (t, code.unwrap_or(-1)));
            assert_eq!(ev.stream_id, e.stream_id.map_or(livesign_slice::EMPTY, |s| livesign_slice::present(s.raw())));
        }
        Err(e) => {
            assert_eq!(
                (ev.t, ev.event_type, ev.stream_id, ev.appname),
                (0, 0, livesign_slice::EMPTY, livesign_slice::EMPTY)
            );
            let t_and_sign = (|| Some((reference_t(&member("t")?)?, member("sign")?.as_str()?.to_owned())))();
            match e {
                Error::InvalidArgument => assert!(body.len() > 1 << 20),
                Error::InvalidKey => assert!(key.is_empty() || key.len() > 1024),
                Error::SignatureMismatch => {
                    let (t, sign) = t_and_sign.expect("a mismatch is reported only for a readable t and sign");
                    assert_ne!(sign.as_bytes(), md5_hex(&[key, t.to_string().as_bytes()]).as_bytes());
                }
                Error::Expired => {
                    let (t, sign) = t_and_sign.expect("expiry is reported only for a readable t and sign");
                    assert_eq!(sign.as_bytes(), md5_hex(&[key, t.to_string().as_bytes()]).as_bytes());
                    assert!(!reference::fresh(t, now, leeway));
                }
                Error::Malformed => {}
                other => panic!("undocumented error {other:?}"),
            }
        }
    }
}

/// `callback::field` and `livesign_tencent_callback_field` against serde_json.
pub fn field_agrees(body: &[u8], name: &[u8]) {
    let mut v = livesign_slice::of(b"junk");
    // SAFETY: body and name are valid for their lengths; v is a writable slice.
    let c = unsafe { livesign_tencent_callback_field(body.as_ptr(), body.len(), name.as_ptr(), name.len(), &mut v) };
    let Ok(text) = std::str::from_utf8(name) else {
        assert_eq!(c as u32, Error::InvalidArgument.code());
        return;
    };
    let ours = callback::field(body, name);
    assert_eq!(c as u32, ours.map_or_else(Error::code, |_| 0));
    match ours {
        Ok(found) => {
            assert_eq!(v, found.map_or(livesign_slice::EMPTY, livesign_slice::of));
            if let Ok(Ref::Object(o)) = serde_json::from_slice::<Ref>(body) {
                let theirs = o.get(text);
                assert_eq!(found.map(|raw| serde_json::from_slice::<Ref>(raw).unwrap()).as_ref(), theirs);
            }
        }
        Err(Error::InvalidArgument) => assert!(body.len() > 16 << 20 || name.len() > 256),
        Err(e) => {
            assert_eq!((e, v), (Error::Malformed, livesign_slice::EMPTY));
            if let Ok(object) = json::parse_object(body) {
                assert!(object.members().filter(|(n, _)| n.eq(name)).count() > 1, "a name read once was refused");
            }
        }
    }
}

/// A seed.
pub fn seed(mode: u8, now: u64, t: u64, leeway: u32, key: &[u8], name: &[u8], tail: &[u8]) -> Vec<u8> {
    Writer::new().byte(mode).u64(now).u64(t).u32(leeway).field(key).field(name).rest(tail)
}

/// Seeds: tx_url.json's callback signs, as given and rebuilt with documented fields.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for v in super::seeds::vectors_of(vectors, "tx_url") {
        let (Some(key), Some(t), Some(sign)) = (v["callback_key"].as_str(), v["t"].as_u64(), v["sign"].as_str()) else {
            continue;
        };
        let key = key.as_bytes();
        let body =
            format!(r#"{{"t":{t},"sign":"{sign}","event_type":1,"stream_id":"s\u0031","app":"a.b","appname":"live"}}"#);
        out.push(("tx_url".into(), seed(0, t, t, 0, key, b"stream_id", body.as_bytes())));
        let tail = br#""event_type":"100","channel_id":"c","extra":[1,{"x":null}]"#;
        for mode in [1u8, 1 | 4, 1 | 8, 2 | 0x30, 3] {
            out.push(("tx_url".into(), seed(mode, t + 1, t, 1, key, b"extra", tail)));
        }
    }
    out
}
