//! Huawei stream notifications against a reference (serde_json reads and unescapes the body,
//! the hmac crate signs): a notification verifies only when `auth_sign` is the HMAC of the
//! values serde_json reads, under a key of 32 to 128 bytes, before `auth_timestamp` +
//! leeway; signed bodies verify, a changed signed value does not; the raw-key, loaded-key and
//! Rust verifiers agree; the event and replay ids are built from the unescaped fields.

use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::{
    livesign_huawei_callback_verify, livesign_huawei_callback_verify_keyed, livesign_huawei_event,
    livesign_huawei_event_id, livesign_huawei_replay_id,
};
use livesign::ffi::status::livesign_status;
use livesign::huawei::Notification;
use livesign::{Error, HmacKey};

use super::input::{Input, Writer};
use super::reference::{self, hex_either_case, hmac_hex, json_member};

/// Input layout: `mode`, `now`, `auth_ts` (u64), `leeway` (u32), `key`, `event`, `domain`,
/// `app`, `stream` (fields), `tail` (rest). `mode & 3`: 0 the body is `tail`; 1 a body built
/// from the fields (as JSON strings; bit 2 escapes every character as `\uXXXX`, bit 3 writes
/// the sign in uppercase), with `tail` appended as more members, signed right; 2 the same
/// with one character of a signed value changed after signing (`mode >> 4` picks where);
/// 3 the same signed for another `auth_timestamp`.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, auth_ts, leeway) = (input.byte(), input.u64(), input.u64(), input.u32());
    // Half the times beyond the 10-digit bound, a twentieth below it (both malformed even when
    // signed), the rest 10 digits.
    let auth_ts = auth_ts % 20_000_000_000;
    let key = input.field();
    let fields: Vec<String> = (0..4).map(|_| String::from_utf8_lossy(input.field()).into_owned()).collect();
    let tail = input.rest();
    let body = match mode & 3 {
        0 => tail.to_vec(),
        m => {
            let msg = format!("{}{}{}{}{}", fields[0], fields[1], fields[2], fields[3], auth_ts);
            let mut sign = hmac_hex(key, msg.as_bytes());
            if m == 3 {
                sign = hmac_hex(
                    key,
                    format!("{}{}{}{}{}", fields[0], fields[1], fields[2], fields[3], auth_ts.wrapping_add(1))
                        .as_bytes(),
                );
            }
            if mode & 8 != 0 {
                sign.make_ascii_uppercase();
            }
            let mut values = fields.clone();
            if m == 2 {
                let which = usize::from(mode >> 4) % 4;
                let mut v: Vec<char> = values[which].chars().collect();
                let at = usize::from(mode >> 6) % v.len().max(1);
                if v.is_empty() {
                    v.push('x');
                } else {
                    v[at] = if v[at] == 'x' { 'y' } else { 'x' };
                }
                values[which] = v.into_iter().collect();
            }
            let text = |s: &str| {
                if mode & 4 != 0 {
                    format!("\"{}\"", s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect::<String>())
                } else {
                    serde_json::to_string(s).unwrap()
                }
            };
            let mut b = format!(
                "{{\"event\":{},\"domain\":{},\"app\":{},\"stream\":{},\"auth_timestamp\":{auth_ts},\"auth_sign\":\"{sign}\"",
                text(&values[0]),
                text(&values[1]),
                text(&values[2]),
                text(&values[3])
            )
            .into_bytes();
            if !tail.is_empty() {
                b.push(b',');
                b.extend_from_slice(tail);
            }
            b.push(b'}');
            if let Ok(k) = HmacKey::new(key) {
                let r = Notification::verify(&k, &b, now, leeway).map(|n| n.auth_timestamp);
                if m == 1 && tail.is_empty() && (32..=128).contains(&key.len()) && b.len() <= 1 << 20 {
                    let want = if !reference::ten_digits(auth_ts) {
                        Err(Error::Malformed)
                    } else if reference::fresh(auth_ts, now, leeway) {
                        Ok(auth_ts)
                    } else {
                        Err(Error::Expired)
                    };
                    assert_eq!(r, want, "a genuine notification");
                }
                if m >= 2 {
                    assert!(r.is_err(), "a changed notification verified");
                }
            }
            b
        }
    };
    verify_agrees(key, &body, now, leeway);
}

/// The verifiers agree with each other and with the reference.
pub fn verify_agrees(key: &[u8], body: &[u8], now: u64, leeway: u32) {
    // SAFETY: key and body are valid for their lengths; the event pointer may be NULL.
    let raw = unsafe {
        livesign_huawei_callback_verify(
            key.as_ptr(),
            key.len(),
            body.as_ptr(),
            body.len(),
            now,
            leeway,
            core::ptr::null_mut(),
        )
    };
    let Ok(k) = HmacKey::new(key) else {
        let want = if body.len() > 1 << 20 { Error::InvalidArgument } else { Error::InvalidKey };
        assert_eq!(raw as u32, want.code());
        return;
    };
    let ours = Notification::verify(&k, body, now, leeway);
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable; key is valid for its length.
    unsafe { assert_eq!(livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) as u32, 0) };
    let mut event = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: ctx is initialised; body is valid; event is writable.
    let keyed = unsafe {
        livesign_huawei_callback_verify_keyed(ctx.as_ptr(), body.as_ptr(), body.len(), now, leeway, event.as_mut_ptr())
    };
    // SAFETY: the function writes the event whatever the outcome (zeros on failure).
    let event = unsafe { event.assume_init() };
    let code = ours.as_ref().map_or_else(|e| e.code(), |_| 0);
    assert_eq!((raw as u32, keyed as u32), (code, code));
    let text = |n: &str| json_member(body, n).and_then(|v| v.as_str().map(str::to_owned));
    match ours {
        Ok(n) => {
            assert!((32..=128).contains(&key.len()) && body.len() <= 1 << 20);
            let [e, d, a, s] = ["event", "domain", "app", "stream"].map(|f| text(f).expect("a signed string field"));
            let unescaped = |x: livesign::JsonStr<'_>| String::from_utf8(x.bytes().collect()).unwrap();
            assert_eq!(
                [unescaped(n.event), unescaped(n.domain), unescaped(n.app), unescaped(n.stream)],
                [e.clone(), d.clone(), a.clone(), s.clone()]
            );
            let ts = json_member(body, "auth_timestamp").and_then(|v| v.as_u64()).expect("an integer auth_timestamp");
            assert_eq!(n.auth_timestamp, ts);
            assert!(reference::ten_digits(ts), "auth_timestamp {ts} has 10 digits");
            let sign = text("auth_sign").expect("auth_sign");
            assert!(
                hex_either_case(sign.as_bytes(), &hmac_hex(key, format!("{e}{d}{a}{s}{ts}").as_bytes())),
                "a wrong auth_sign verified"
            );
            assert!(reference::fresh(ts, now, leeway));
            let read = ["event", "domain", "app", "stream", "user_args", "client_ip", "node_ip", "publish_timestamp"];
            reference::no_go_fold_twin(body, &[&read[..], &["auth_timestamp", "auth_sign"]].concat());
            assert_eq!((event.auth_timestamp, event.event_text.len), (ts, n.event.raw().len()));
            id_agrees(
                &event,
                [&d, &a, &s, &text("publish_timestamp").unwrap_or_default(), &e],
                livesign_huawei_event_id,
            );
            id_agrees(&event, [&d, &a, &s, &ts.to_string(), &e], livesign_huawei_replay_id);
        }
        Err(err) => {
            // SAFETY: the event is plain data; reading its bytes is reading integers.
            let bytes: [u8; core::mem::size_of::<livesign_huawei_event>()] = unsafe { core::mem::transmute(event) };
            assert!(bytes.iter().all(|&b| b == 0), "zero-filled on failure");
            let claimed = (|| {
                let sign = text("auth_sign")?;
                let ts = json_member(body, "auth_timestamp")?.as_u64()?;
                let [e, d, a, s] = ["event", "domain", "app", "stream"].map(text);
                Some((sign, ts, format!("{}{}{}{}{ts}", e?, d?, a?, s?)))
            })();
            match err {
                Error::InvalidArgument => assert!(body.len() > 1 << 20),
                Error::InvalidKey => assert!(!(32..=128).contains(&key.len())),
                Error::SignatureMismatch => {
                    let (sign, _, msg) = claimed.expect("a mismatch needs the signed fields");
                    assert!(!hex_either_case(sign.as_bytes(), &hmac_hex(key, msg.as_bytes())));
                }
                Error::Expired => {
                    let (sign, ts, msg) = claimed.expect("expiry needs the signed fields");
                    assert!(hex_either_case(sign.as_bytes(), &hmac_hex(key, msg.as_bytes())));
                    assert!(!reference::fresh(ts, now, leeway));
                }
                Error::Malformed => {}
                other => panic!("undocumented error {other:?}"),
            }
        }
    }
}

/// The event id (the unescaped `domain`, `app`, `stream`, `publish_timestamp` and `event`) or
/// the replay id (`auth_timestamp` in place of `publish_timestamp`): each field with `%`, `/`
/// and every byte outside printable ASCII as `%XX`, joined by `/`.
fn id_agrees(
    event: &livesign_huawei_event,
    fields: [&String; 5],
    write: unsafe extern "C" fn(*const livesign_huawei_event, *mut u8, usize, *mut usize) -> livesign_status,
) {
    let encode = |f: &String| -> String {
        f.bytes()
            .map(|b| match b {
                b'%' | b'/' | ..=0x1F | 0x7F.. => format!("%{b:02X}"),
                _ => char::from(b).to_string(),
            })
            .collect()
    };
    let want: Vec<String> = fields.iter().map(|f| encode(f)).collect();
    let want = want.join("/");
    let mut out = vec![0u8; want.len()];
    let mut len = 0usize;
    // SAFETY: event points into a live body; out holds want.len() bytes; len is writable.
    let c = unsafe { write(event, out.as_mut_ptr(), out.len(), &mut len) };
    assert_eq!((c as u32, len), (0, want.len()));
    assert_eq!(out, want.as_bytes());
}

/// A seed.
pub fn seed(mode: u8, now: u64, auth_ts: u64, leeway: u32, key: &[u8], fields: [&[u8]; 4], tail: &[u8]) -> Vec<u8> {
    let w = Writer::new().byte(mode).u64(now).u64(auth_ts).u32(leeway).field(key);
    fields.iter().fold(w, |w, f| w.field(f)).rest(tail)
}

/// Seeds: huawei.json's notifications (their documented bodies and rebuilt ones).
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for v in super::seeds::vectors_of(vectors, "huawei") {
        if v["algo"] != "huawei_stream_notify" {
            continue;
        }
        let b = |n: &str| super::seeds::bytes(v, &["inputs", n]);
        let (key, e, d, a, s) = (b("key"), b("event"), b("domain"), b("app"), b("stream"));
        let ts = v["inputs"]["auth_timestamp"].as_u64().unwrap_or(0);
        let name = format!("huawei-{}", v["id"].as_str().unwrap_or("?"));
        let fields = [&e[..], &d, &a, &s];
        if let Some(body) = v["body"].as_str().or(v["inputs"]["body"].as_str()) {
            out.push((name.clone(), seed(0, ts, ts, 300, &key, fields, body.as_bytes())));
        }
        let tail = br#""user_args":"a=b","client_ip":"1.2.3.4","node_ip":"5.6.7.8","publish_timestamp":"1587954134""#;
        for mode in [1u8, 1 | 4, 1 | 8, 2, 2 | 0x50, 2 | 0xe0, 3] {
            out.push((name.clone(), seed(mode, ts, ts, 0, &key, fields, tail)));
        }
        out.push((name, seed(1, ts + 301, ts, 300, &key, fields, b"")));
    }
    out
}
