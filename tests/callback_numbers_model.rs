//! Exhaustive check of how the callback verifiers read numbers, against a model written from
//! the docs: every spelling of up to four characters over `0 1 9 - + . e E` and a space, as a
//! JSON number where it is valid JSON and as a JSON string, for Tencent's `t` and `event_type`
//! and Huawei's `auth_timestamp` (number only) and `publish_timestamp` (string only). The rule
//! everywhere: the canonical decimal text of a non-negative integer (`0` or `[1-9][0-9]*`),
//! nothing else; the statuses are MALFORMED for a refused spelling, before the signature.
//! Huawei's `auth_timestamp` must also have exactly 10 digits (its MAC joins it to the stream
//! name), so every short canonical spelling is MALFORMED too.

use livesign::ffi::huawei::*;
use livesign::ffi::status::livesign_status::*;
use livesign::ffi::tencent::*;
use livesign::huawei;
use livesign::{Error, HmacKey, tencent};

const HW_KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
const TX_KEY: &[u8] = b"callbackKey123";

fn spellings() -> Vec<String> {
    let alphabet = ['0', '1', '9', '-', '+', '.', 'e', 'E', ' '];
    let mut out = vec![String::new()];
    let mut layer = vec![String::new()];
    for _ in 0..4 {
        layer = layer.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
        out.extend(layer.iter().cloned());
    }
    out
}

/// The documented rule: canonical decimal, no sign, fraction, exponent, space or leading zero.
fn canonical(s: &str) -> Option<u64> {
    let ok = s == "0" || (!s.is_empty() && !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit()));
    if ok { s.parse().ok() } else { None }
}

/// Whether `s` is a JSON number token (so the body is valid JSON with it as a value).
fn json_number(s: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(s).is_ok_and(|v| v.is_number()) && s.trim() == s
}

#[test]
fn tencent_t_and_event_type_spellings() {
    let t = 1700000000u64;
    let sign = tencent::sign(TX_KEY, t).unwrap();
    let mut checked = 0;
    for s in spellings() {
        for as_string in [false, true] {
            if !as_string && !json_number(&s) {
                continue;
            }
            let v = if as_string { format!("\"{s}\"") } else { s.clone() };
            // event_type: canonical and fits int64, else MALFORMED (before the signature: the
            // sign below is for another t).
            let b = format!(r#"{{"t":{t},"sign":"{}","event_type":{v}}}"#, sign.as_str());
            let got =
                livesign::tencent::callback::verify(TX_KEY, b.as_bytes(), t, 0).map(|e| e.event_type.map(|x| x.code()));
            assert_eq!(got.ok(), canonical(&s).map(|n| Some(n as i64)), "event_type {v}");
            let wrong = format!(r#"{{"t":{},"sign":"{}","event_type":{v}}}"#, t + 1, sign.as_str());
            let got = livesign::tencent::callback::verify(TX_KEY, wrong.as_bytes(), t, 0).map(|_| ());
            let want = if canonical(&s).is_some() { Error::SignatureMismatch } else { Error::Malformed };
            assert_eq!(got, Err(want), "event_type {v}");
            // t: canonical, else MALFORMED; a canonical t other than the signed one is a mismatch.
            let b = format!(r#"{{"t":{v},"sign":"{}"}}"#, sign.as_str());
            let mut ev = core::mem::MaybeUninit::<livesign_tencent_event>::uninit();
            // SAFETY: key and body are valid for their lengths; ev is writable.
            let st = unsafe {
                livesign_tencent_callback_verify(
                    TX_KEY.as_ptr(),
                    TX_KEY.len(),
                    b.as_bytes().as_ptr(),
                    b.len(),
                    0,
                    0,
                    ev.as_mut_ptr(),
                )
            };
            let want = match canonical(&s) {
                None => LIVESIGN_MALFORMED,
                Some(n) if n == t => LIVESIGN_OK,
                Some(_) => LIVESIGN_SIGNATURE_MISMATCH,
            };
            assert_eq!(st, want, "t {v}");
            checked += 1;
        }
    }
    assert!(checked > 6000, "{checked}");
}

#[test]
fn huawei_timestamp_spellings() {
    let key = HmacKey::new(HW_KEY).unwrap();
    let at = 1587954140u64;
    let sign = huawei::sign(&key, "PUBLISH", "d", "a", "s", at).unwrap();
    for s in spellings() {
        // publish_timestamp is a string: a number only when canonical; the notification verifies
        // either way (it is not signed), and the ordering helper refuses it as MALFORMED.
        let b = format!(
            r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","publish_timestamp":"{s}","auth_timestamp":{at},"auth_sign":"{}"}}"#,
            sign.as_str()
        );
        let n = huawei::Notification::verify(&key, b.as_bytes(), at, 0).unwrap();
        assert_eq!(n.publish_time, canonical(&s), "publish_timestamp {s:?}");
        let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
        // SAFETY: key and body are valid for their lengths; ev is writable.
        let st = unsafe {
            livesign_huawei_callback_verify(HW_KEY.as_ptr(), HW_KEY.len(), b.as_ptr(), b.len(), at, 0, ev.as_mut_ptr())
        };
        assert_eq!(st, LIVESIGN_OK);
        // SAFETY: filled on LIVESIGN_OK.
        let ev = unsafe { ev.assume_init() };
        assert_eq!((ev.publish_time_valid == 1).then_some(ev.publish_time), canonical(&s));
        let mut state = livesign_huawei_stream::default();
        let mut verdict = 9;
        // SAFETY: all pointers valid.
        let st = unsafe { livesign_huawei_stream_apply(&mut state, &ev, &mut verdict) };
        let want = if canonical(&s).is_some() { LIVESIGN_OK } else { LIVESIGN_MALFORMED };
        assert_eq!(st, want, "publish_timestamp {s:?}");

        // auth_timestamp is a number of 10 digits; a string, a non-canonical number or another
        // length is MALFORMED.
        for v in [s.clone(), format!("\"{s}\"")] {
            if v == s && !json_number(&s) {
                continue;
            }
            let b = format!(
                r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","auth_timestamp":{v},"auth_sign":"{}"}}"#,
                sign.as_str()
            );
            let got = huawei::Notification::verify(&key, b.as_bytes(), 0, 0).map(|n| n.auth_timestamp);
            let want = match (v == s).then(|| canonical(&s)).flatten() {
                None => Err(Error::Malformed),
                Some(n) if n == at => Ok(at),
                Some(n) if (1_000_000_000..=9_999_999_999).contains(&n) => Err(Error::SignatureMismatch),
                Some(_) => Err(Error::Malformed),
            };
            assert_eq!(got, want, "auth_timestamp {v}");
        }
    }
}

/// The header says what the exhaustive check above found: `event_type` is read like `t`.
#[test]
fn tencent_event_type_rule_is_documented() {
    let header = include_str!("../include/livesign.h");
    let end = header.find("livesign_status livesign_tencent_callback_verify(").unwrap();
    let doc = &header[header[..end].rfind("/**").unwrap()..end];
    let rule = &doc[doc.find("A present `event_type`").unwrap()..];
    let rule = &rule[..rule.find("must be strings").unwrap()];
    assert!(rule.contains("canonical") && rule.contains("\"01\""), "{rule}");
    assert!(include_str!("../README.md").contains("canonical decimal `event_type`"));
}
