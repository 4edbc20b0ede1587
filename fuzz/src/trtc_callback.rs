//! TRTC event callbacks against a reference (the `hmac` + `sha2` crates and the strict
//! `base64` engine): every verifier (raw key, loaded key, key ring; Rust and C) returns exactly
//! what the documented rules give, so no sign but the key's HMAC of the exact body passes; and
//! the `CallbackTs` replay window agrees with serde_json and the expiry formula.

use livesign::ffi::status::livesign_status;
use livesign::ffi::trtc_callback::{livesign_trtc_callback_check_time, livesign_trtc_callback_verify};
use livesign::trtc::callback;
use livesign::{Error, HmacKey};

use super::input::{Input, Writer};
use super::reference;

/// A second key for the key-ring checks.
const OTHER: &[u8] = b"otherKey9";

/// Input layout: `mode`, `now` (u64), `max_age` (u32), `key` (field), `sign` (field), `body`
/// (rest). `mode & 3` picks the sign: 0 as given, 1 the right one, 2 the right one with one
/// byte changed (position from `mode`), 3 the right one in the URL-safe alphabet.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, max_age) = (input.byte(), input.u64(), input.u32());
    let (key, given, body) = (input.field(), input.field(), input.rest());
    let right = reference::base64_encode(&reference::hmac_sha256(key, body)).into_bytes();
    let sign = match mode & 3 {
        0 => given.to_vec(),
        1 => right,
        2 => {
            let mut s = right;
            let i = usize::from(mode >> 2) % s.len();
            s[i] = if s[i] == b'A' { b'B' } else { b'A' };
            s
        }
        _ => right
            .iter()
            .map(|&c| {
                if c == b'+' {
                    b'-'
                } else if c == b'/' {
                    b'_'
                } else {
                    c
                }
            })
            .collect(),
    };
    verify_agrees(key, body, &sign);
    replay_window_agrees(body, now, max_age);
}

/// The console's key rule.
fn key_ok(key: &[u8]) -> bool {
    (1..=32).contains(&key.len()) && key.iter().all(u8::is_ascii_alphanumeric)
}

/// What the rules say verifying `sign` with `key` gives, checking the key's characters or not.
fn expected(key: &[u8], body: &[u8], sign: &[u8], check_chars: bool) -> Result<(), Error> {
    let key_valid = if check_chars { key_ok(key) } else { (1..=32).contains(&key.len()) };
    if !key_valid {
        return Err(Error::InvalidKey);
    }
    match reference::base64_decode(sign) {
        Some(mac) if mac.len() == 32 => {
            if mac == reference::hmac_sha256(key, body) {
                Ok(())
            } else {
                Err(Error::SignatureMismatch)
            }
        }
        _ => Err(Error::Malformed),
    }
}

/// Every verifier and signer against the rules.
pub fn verify_agrees(key: &[u8], body: &[u8], sign: &[u8]) {
    let want = expected(key, body, sign, true);
    assert_eq!(callback::verify(key, body, sign), want);
    // SAFETY: all three slices are valid for their lengths.
    let c = unsafe {
        livesign_trtc_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), sign.as_ptr(), sign.len())
    };
    assert_eq!(c as u32, want.map_or_else(Error::code, |()| 0));
    if let Ok(loaded) = HmacKey::new(key) {
        assert_eq!(callback::verify_keyed(&loaded, body, sign), expected(key, body, sign, false));
        match callback::sign_keyed(&loaded, body) {
            Ok(s) => assert_eq!(s.as_bytes(), reference::base64_encode(&reference::hmac_sha256(key, body)).as_bytes()),
            Err(e) => assert_eq!((e, key.len() > 32), (Error::InvalidKey, true)),
        }
    } else {
        assert!(key.is_empty());
    }
    match callback::sign(key, body) {
        Ok(s) => {
            assert!(key_ok(key));
            assert_eq!(callback::verify(key, body, s.as_bytes()), Ok(()));
        }
        Err(e) => assert_eq!((e, key_ok(key)), (Error::InvalidKey, false)),
    }
    // A ring: the other key first, then this one; the first match wins.
    let ring = callback::verify_ring(&[OTHER, key], body, sign);
    let want_ring = match (expected(OTHER, body, sign, true), want) {
        (_, Err(Error::InvalidKey)) => Err(Error::InvalidKey),
        (Ok(()), _) => Ok(0),
        (_, Ok(())) => Ok(1),
        (_, Err(e)) => Err(e),
    };
    assert_eq!(ring, want_ring);
}

/// `CallbackTs` as serde_json reads it, and the window `now <= CallbackTs / 1000 + max_age`.
pub fn replay_window_agrees(body: &[u8], now: u64, max_age: u32) {
    let ours = callback::callback_ts(body);
    let whole = serde_json::from_slice::<serde_json::Value>(body);
    // serde_json refuses a whole body over any number beyond f64 (say `"EventTs":1E41737`),
    // which livesign's grammar check accepts by design (tests/differential.rs): then compare
    // serde_json's reading of the member's own text.
    let beyond_f64 = matches!(&whole, Err(e) if e.to_string().starts_with("number out of range"));
    let theirs = whole.ok().and_then(|v| v.get("CallbackTs")?.as_u64());
    match ours {
        Ok(ts) => {
            if beyond_f64 {
                let object = livesign::fuzz_api::json::parse_object(body).expect("livesign read the body");
                let raw = object.get(b"CallbackTs").unwrap().expect("CallbackTs is present").raw();
                assert_eq!(serde_json::from_slice::<serde_json::Value>(raw).unwrap().as_u64(), Some(ts));
            } else {
                assert_eq!(theirs, Some(ts));
            }
            let want = if reference::fresh(ts / 1000, now, max_age) { Ok(()) } else { Err(Error::Expired) };
            assert_eq!(callback::check_age(ts, now, max_age), want);
        }
        Err(e) => {
            assert_eq!(e, Error::Malformed);
            if theirs.is_some() {
                // Only a duplicated (possibly escaped) name or livesign's depth limit can
                // make livesign refuse what serde_json reads.
                if let Ok(object) = livesign::fuzz_api::json::parse_object(body) {
                    let n = object.members().filter(|(name, _)| name.eq(b"CallbackTs")).count();
                    assert!(n > 1, "livesign refused a CallbackTs that serde_json reads");
                }
            }
        }
    }
    let mut reported = u64::MAX;
    // SAFETY: body is valid for its length; reported is a writable u64.
    let c = unsafe { livesign_trtc_callback_check_time(body.as_ptr(), body.len(), now, max_age, &mut reported) };
    let want = ours.and_then(|ts| callback::check_age(ts, now, max_age));
    assert_eq!(c as u32, want.map_or_else(Error::code, |()| 0));
    assert_eq!(reported, if matches!(want, Ok(()) | Err(Error::Expired)) { ours.unwrap() } else { 0 });
    assert_ne!(c, livesign_status::LIVESIGN_INTERNAL);
}

/// A seed: `body` signed with `key` (mode 1 re-signs; mode 0 uses `sign` as given).
pub fn seed(mode: u8, now: u64, max_age: u32, key: &[u8], sign: &[u8], body: &[u8]) -> Vec<u8> {
    Writer::new().byte(mode).u64(now).u32(max_age).field(key).field(sign).rest(body)
}
