//! TRTC event callbacks through the safe API and the C API: the `tencent.trtc.callback`
//! vector of `others.json`, tampered bodies and signs, strict base64, key rules, loaded keys,
//! key rings, the `CallbackTs` replay window, and properties.

mod support;

use livesign::Error;
use livesign::HmacKey;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
use livesign::ffi::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::trtc_callback::*;
use livesign::trtc::callback::{
    self, check_age, check_key, sign, sign_keyed, verify, verify_keyed, verify_ring, verify_ring_keyed,
};
use proptest::prelude::*;

/// The `tencent.trtc.callback` vector: (key, body, expected sign).
fn vector() -> (String, String, String) {
    let doc = support::vectors("others.json");
    let vectors = doc["vectors"].as_array().unwrap();
    let v = vectors.iter().find(|v| v["id"] == "tencent.trtc.callback").expect("tencent.trtc.callback vector");
    assert_eq!(v["algo"], "tencent_trtc_event_callback");
    let s = |x: &serde_json::Value| x.as_str().unwrap().to_owned();
    (s(&v["inputs"]["key"]), s(&v["inputs"]["body"]), s(&v["expected"]))
}

fn c_sign(key: &[u8], body: &[u8]) -> Result<[u8; 44], livesign_status> {
    let mut out = [0u8; LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    // SAFETY: inputs are valid for their lengths; out holds LIVESIGN_TRTC_CALLBACK_SIGN_LEN bytes.
    match unsafe { livesign_trtc_callback_sign(key.as_ptr(), key.len(), body.as_ptr(), body.len(), out.as_mut_ptr()) } {
        LIVESIGN_OK => Ok(out),
        s => Err(s),
    }
}

fn c_verify(key: &[u8], body: &[u8], sign: &[u8]) -> livesign_status {
    // SAFETY: all slices are valid for their lengths.
    unsafe {
        livesign_trtc_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), sign.as_ptr(), sign.len())
    }
}

fn loaded(key: &[u8]) -> livesign_hmac_key {
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable; key is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised by a successful init.
    unsafe { ctx.assume_init() }
}

fn c_verify_keyed(ctx: &livesign_hmac_key, body: &[u8], sign: &[u8]) -> livesign_status {
    // SAFETY: ctx is a context; slices are valid for their lengths.
    unsafe { livesign_trtc_callback_verify_keyed(ctx, body.as_ptr(), body.len(), sign.as_ptr(), sign.len()) }
}

fn c_ring(keys: &[&[u8]], body: &[u8], sign: &[u8]) -> (livesign_status, usize) {
    let ring: Vec<livesign_slice> = keys.iter().map(|k| livesign_slice::of(k)).collect();
    let mut matched = usize::MAX;
    // SAFETY: ring holds keys.len() slices over live keys; other slices are valid.
    let status = unsafe {
        livesign_trtc_callback_verify_ring(
            ring.as_ptr(),
            ring.len(),
            body.as_ptr(),
            body.len(),
            sign.as_ptr(),
            sign.len(),
            &mut matched,
        )
    };
    (status, matched)
}

fn c_ring_keyed(keys: &[livesign_hmac_key], body: &[u8], sign: &[u8]) -> (livesign_status, usize) {
    let mut matched = usize::MAX;
    // SAFETY: keys holds keys.len() contexts; other slices are valid.
    let status = unsafe {
        livesign_trtc_callback_verify_ring_keyed(
            keys.as_ptr(),
            keys.len(),
            body.as_ptr(),
            body.len(),
            sign.as_ptr(),
            sign.len(),
            &mut matched,
        )
    };
    (status, matched)
}

fn c_check_time(body: &[u8], now: u64, max_age_s: u32) -> (livesign_status, u64) {
    let mut ts = u64::MAX;
    // SAFETY: body is valid for its length; ts is writable.
    let status = unsafe { livesign_trtc_callback_check_time(body.as_ptr(), body.len(), now, max_age_s, &mut ts) };
    (status, ts)
}

#[test]
fn the_shared_vector() {
    let (key, body, expected) = vector();
    let (key, body) = (key.as_bytes(), body.as_bytes());
    // The vector is Tencent's documented body with its tabs and newlines: raw bytes.
    assert!(body.starts_with(b"{\n\t\"EventGroupId\":\t1,"));
    assert_eq!(sign(key, body).unwrap().as_str(), expected);
    assert_eq!(&c_sign(key, body).unwrap(), expected.as_bytes());
    assert_eq!(sign_keyed(&HmacKey::new(key).unwrap(), body).unwrap().as_str(), expected);
    assert_eq!(verify(key, body, expected.as_bytes()), Ok(()));
    assert_eq!(c_verify(key, body, expected.as_bytes()), LIVESIGN_OK);
    assert_eq!(c_verify_keyed(&loaded(key), body, expected.as_bytes()), LIVESIGN_OK);
    assert_eq!(verify_ring(&[b"otherKey1", key], body, expected.as_bytes()), Ok(1));
    assert_eq!(c_ring(&[b"otherKey1", key], body, expected.as_bytes()), (LIVESIGN_OK, 1));
    let ring = [HmacKey::new(b"otherKey1").unwrap(), HmacKey::new(key).unwrap()];
    assert_eq!(verify_ring_keyed(&ring, body, expected.as_bytes()), Ok(1));
    assert_eq!(c_ring_keyed(&[loaded(b"otherKey1"), loaded(key)], body, expected.as_bytes()), (LIVESIGN_OK, 1));
    assert_eq!(callback::callback_ts(body), Ok(1615554923704));
}

#[test]
fn re_serialised_or_tampered_bodies_fail() {
    let (key, body, expected) = vector();
    let (key, sign) = (key.as_bytes(), expected.as_bytes());
    // The same JSON, compacted the way a framework would re-serialise it.
    let value: serde_json::Value = serde_json::from_str(&body).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_eq!(verify(key, compact.as_bytes(), sign), Err(Error::SignatureMismatch));
    for tampered in [
        body.replace("\"UserId\":\t\"test\"", "\"UserId\":\t\"tesu\""),
        body.replace("1615554923704", "1615554923705"),
        format!("{body}\n"),
        format!(" {body}"),
        body[..body.len() - 1].to_owned(),
        String::new(),
    ] {
        assert_eq!(verify(key, tampered.as_bytes(), sign), Err(Error::SignatureMismatch), "{tampered:?}");
        assert_eq!(c_verify(key, tampered.as_bytes(), sign), LIVESIGN_SIGNATURE_MISMATCH);
    }
}

#[test]
fn wrong_keys_fail() {
    let (key, body, expected) = vector();
    let body = body.as_bytes();
    for wrong in [&b"123655"[..], b"12365", b"1236540", b"A23654", b"123654123654123654123654123654ab"] {
        assert_eq!(verify(wrong, body, expected.as_bytes()), Err(Error::SignatureMismatch), "{wrong:?}");
        assert_eq!(c_verify(wrong, body, expected.as_bytes()), LIVESIGN_SIGNATURE_MISMATCH);
    }
    assert_eq!(verify(key.as_bytes(), body, expected.as_bytes()), Ok(()));
}

#[test]
fn signs_must_be_canonical_standard_base64_of_32_bytes() {
    let (key, body, expected) = vector();
    let (key, body) = (key.as_bytes(), body.as_bytes());
    let url_safe = expected.replace('+', "-").replace('/', "_");
    let unpadded = expected.trim_end_matches('=');
    // Same 32 bytes, but the 2 unused bits of the last symbol set: not canonical.
    let non_canonical = expected.replace("+Uo=", "+Up=");
    let long = format!("{}AAAA", expected.trim_end_matches('='));
    for bad in [
        "",
        url_safe.as_str(),
        unpadded,
        non_canonical.as_str(),
        &format!("{expected}\n"),
        &format!(" {expected}"),
        &expected[..40],
        long.as_str(),
        "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+U==",
        "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=IncD",
        "IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo",
        "IncDMWHWRAoOHN72 K0wTTIY8pDyMINRLtBsmg3b+Uo=",
        "2277033161d6440a0e1cdef6fcad304d3218f290f23083512ed06c9a0ddbf94a",
    ] {
        assert_eq!(verify(key, body, bad.as_bytes()), Err(Error::Malformed), "{bad:?}");
        assert_eq!(c_verify(key, body, bad.as_bytes()), LIVESIGN_MALFORMED, "{bad:?}");
        assert_eq!(verify_ring(&[key], body, bad.as_bytes()), Err(Error::Malformed), "{bad:?}");
    }
    // Invalid UTF-8 is just another malformed sign.
    assert_eq!(verify(key, body, b"\xff\xfe\xfd\xfc"), Err(Error::Malformed));
}

#[test]
fn key_rules() {
    let body = b"{}";
    let max = [b'k'; 32];
    let over = [b'k'; 33];
    for good in [&b"1"[..], b"123654", b"AbCdEfGh0123456789", &max] {
        assert_eq!(check_key(good), Ok(()), "{good:?}");
        let s = sign(good, body).unwrap();
        assert_eq!(verify(good, body, s.as_bytes()), Ok(()));
        // SAFETY: good is valid for its length.
        assert_eq!(unsafe { livesign_trtc_callback_key_check(good.as_ptr(), good.len()) }, LIVESIGN_OK);
    }
    let s = sign(b"123654", body).unwrap();
    for bad in [&b""[..], &over, b"12_654", b"12-654", b"123 654", b"12365\0", "clé".as_bytes(), b"key+", b"key/="] {
        assert_eq!(check_key(bad), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(sign(bad, body).map(|_| ()), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(verify(bad, body, s.as_bytes()), Err(Error::InvalidKey), "{bad:?}");
        // The key is checked before the sign is even decoded.
        assert_eq!(verify(bad, body, b"garbage"), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(c_sign(bad, body), Err(LIVESIGN_INVALID_KEY), "{bad:?}");
        assert_eq!(c_verify(bad, body, s.as_bytes()), LIVESIGN_INVALID_KEY, "{bad:?}");
        // SAFETY: bad is valid for its length.
        assert_eq!(unsafe { livesign_trtc_callback_key_check(bad.as_ptr(), bad.len()) }, LIVESIGN_INVALID_KEY);
        assert_eq!(verify_ring(&[b"123654", bad], body, s.as_bytes()), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(c_ring(&[b"123654", bad], body, s.as_bytes()).0, LIVESIGN_INVALID_KEY);
    }
}

#[test]
fn loaded_keys_check_the_length_but_cannot_see_the_characters() {
    let (key, body, expected) = vector();
    let body = body.as_bytes();
    let over = [b'k'; 33];
    assert_eq!(sign_keyed(&HmacKey::new(&over).unwrap(), body), Err(Error::InvalidKey));
    assert_eq!(verify_keyed(&HmacKey::new(&over).unwrap(), body, expected.as_bytes()), Err(Error::InvalidKey));
    let ctx = loaded(&over);
    assert_eq!(c_verify_keyed(&ctx, body, expected.as_bytes()), LIVESIGN_INVALID_KEY);
    let mut out = [b'#'; 44];
    // SAFETY: ctx is a context; body and out are valid.
    let status = unsafe { livesign_trtc_callback_sign_keyed(&ctx, body.as_ptr(), body.len(), out.as_mut_ptr()) };
    assert_eq!(status, LIVESIGN_INVALID_KEY);
    assert_eq!(out, [b'#'; 44]);
    // Documented limit: a loaded key keeps no bytes, so its characters are not checked here
    // (livesign_trtc_callback_key_check is for that).
    let odd = b"12_654";
    let odd_sign = sign_keyed(&HmacKey::new(odd).unwrap(), body).unwrap();
    assert_eq!(c_verify_keyed(&loaded(odd), body, odd_sign.as_bytes()), LIVESIGN_OK);
    // Keyed and raw give the same answers on a valid key.
    let mut ctx = loaded(key.as_bytes());
    // SAFETY: ctx is a context; body and out are valid.
    let status = unsafe { livesign_trtc_callback_sign_keyed(&ctx, body.as_ptr(), body.len(), out.as_mut_ptr()) };
    assert_eq!(status, LIVESIGN_OK);
    assert_eq!(&out, expected.as_bytes());
    assert_eq!(c_verify_keyed(&ctx, body, b"x"), LIVESIGN_MALFORMED);
    assert_eq!(c_verify_keyed(&loaded(b"123655"), body, expected.as_bytes()), LIVESIGN_SIGNATURE_MISMATCH);
    // A wiped or NULL context is refused.
    // SAFETY: ctx is a context.
    unsafe { livesign_hmac_key_wipe(&mut ctx) };
    assert_eq!(c_verify_keyed(&ctx, body, expected.as_bytes()), LIVESIGN_INVALID_ARGUMENT);
    // SAFETY: NULL context is rejected before any use; other pointers are valid.
    unsafe {
        assert_eq!(
            livesign_trtc_callback_verify_keyed(core::ptr::null(), body.as_ptr(), body.len(), b"x".as_ptr(), 1),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_sign_keyed(core::ptr::null(), body.as_ptr(), body.len(), out.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        let ctx = loaded(key.as_bytes());
        assert_eq!(
            livesign_trtc_callback_sign_keyed(&ctx, body.as_ptr(), body.len(), core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

#[test]
fn key_rings() {
    let (key, body, expected) = vector();
    let (key, body, sign) = (key.as_bytes(), body.as_bytes(), expected.as_bytes());
    assert_eq!(verify_ring(&[key], body, sign), Ok(0));
    assert_eq!(verify_ring(&[b"old1", b"old2", key], body, sign), Ok(2));
    assert_eq!(verify_ring(&[key, key], body, sign), Ok(0), "the first match is reported");
    assert_eq!(verify_ring(&[b"old1", b"old2"], body, sign), Err(Error::SignatureMismatch));
    assert_eq!(verify_ring(&[], body, sign), Err(Error::InvalidArgument));
    let nine: Vec<&[u8]> = vec![key; LIVESIGN_MAX_KEYS + 1];
    assert_eq!(verify_ring(&nine, body, sign), Err(Error::InvalidArgument));
    assert_eq!(verify_ring(&nine[..LIVESIGN_MAX_KEYS], body, sign), Ok(0));
    assert_eq!(c_ring(&[b"old1", key], body, sign), (LIVESIGN_OK, 1));
    assert_eq!(c_ring(&[b"old1", b"old2"], body, sign), (LIVESIGN_SIGNATURE_MISMATCH, usize::MAX), "untouched");
    assert_eq!(c_ring(&nine, body, sign), (LIVESIGN_INVALID_ARGUMENT, usize::MAX));
    // SAFETY: NULL rings and NULL key slices are rejected before use; other pointers are valid.
    unsafe {
        let s = |keys: *const livesign_slice, n: usize, matched: *mut usize| {
            livesign_trtc_callback_verify_ring(keys, n, body.as_ptr(), body.len(), sign.as_ptr(), sign.len(), matched)
        };
        assert_eq!(s(core::ptr::null(), 1, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        let ring = [livesign_slice::of(key)];
        assert_eq!(s(ring.as_ptr(), 0, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 1, core::ptr::null_mut()), LIVESIGN_OK, "matched is nullable");
        let broken = [livesign_slice::of(key), livesign_slice { ptr: core::ptr::null(), len: 3 }];
        assert_eq!(s(broken.as_ptr(), 2, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        let empty = [livesign_slice::of(key), livesign_slice::EMPTY];
        assert_eq!(s(empty.as_ptr(), 2, core::ptr::null_mut()), LIVESIGN_INVALID_KEY);
    }
}

/// The ring with loaded keys answers as the raw ring on valid keys, checks only each key's
/// length, and refuses contexts that are not loaded.
#[test]
fn key_rings_of_loaded_keys() {
    let (key, body, expected) = vector();
    let (key, body, sign) = (key.as_bytes(), body.as_bytes(), expected.as_bytes());
    let rust = |keys: &[&[u8]], sign: &[u8]| {
        let ring: Vec<HmacKey> = keys.iter().map(|k| HmacKey::new(k).unwrap()).collect();
        verify_ring_keyed(&ring, body, sign)
    };
    let c = |keys: &[&[u8]], sign: &[u8]| c_ring_keyed(&keys.iter().map(|k| loaded(k)).collect::<Vec<_>>(), body, sign);
    let nine: Vec<&[u8]> = vec![key; LIVESIGN_MAX_KEYS + 1];
    let cases: [(&[&[u8]], &[u8]); 7] = [
        (&[key], sign),
        (&[b"old1", b"old2", key], sign),
        (&[key, key], sign),
        (&[b"old1", b"old2"], sign),
        (&nine[..LIVESIGN_MAX_KEYS], sign),
        (&[b"old1", key], b"x"),
        (&[b"old1", &[b'k'; 33]], sign),
    ];
    for (keys, sign) in cases {
        let raw = verify_ring(keys, body, sign);
        assert_eq!(rust(keys, sign), raw, "{keys:?}");
        let status = raw.map_or_else(livesign_status::from, |_| LIVESIGN_OK);
        assert_eq!(c(keys, sign), (status, raw.unwrap_or(usize::MAX)), "{keys:?}");
    }
    assert_eq!(rust(&[b"old1", key], sign), Ok(1));
    assert_eq!(rust(&[], sign), Err(Error::InvalidArgument));
    assert_eq!(rust(&nine, sign), Err(Error::InvalidArgument));
    assert_eq!(c(&nine, sign), (LIVESIGN_INVALID_ARGUMENT, usize::MAX));
    // Characters cannot be checked on a loaded key (the raw ring refuses `12_654`).
    let odd = b"12_654";
    let odd_sign = sign_keyed(&HmacKey::new(odd).unwrap(), body).unwrap();
    assert_eq!(c(&[key, odd], odd_sign.as_bytes()), (LIVESIGN_OK, 1));
    assert_eq!(c_ring(&[key, odd], body, odd_sign.as_bytes()).0, LIVESIGN_INVALID_KEY);
    // NULL, empty and unloaded rings are argument errors; matched is nullable.
    let mut ring = [loaded(b"old1"), loaded(key)];
    // SAFETY: each call passes a ring of the given length (or NULL) and valid slices.
    unsafe {
        let s = |keys: *const livesign_hmac_key, n: usize, matched: *mut usize| {
            livesign_trtc_callback_verify_ring_keyed(
                keys,
                n,
                body.as_ptr(),
                body.len(),
                sign.as_ptr(),
                sign.len(),
                matched,
            )
        };
        assert_eq!(s(core::ptr::null(), 1, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 0, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 2, core::ptr::null_mut()), LIVESIGN_OK, "matched is nullable");
        livesign_hmac_key_wipe(&mut ring[0]);
        assert_eq!(s(ring.as_ptr(), 2, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT, "a wiped context");
        assert_eq!(
            livesign_trtc_callback_verify_ring_keyed(
                ring[1..].as_ptr(),
                1,
                core::ptr::null(),
                3,
                sign.as_ptr(),
                sign.len(),
                core::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT,
            "a body NULL with a length"
        );
    }
}

#[test]
fn replay_window() {
    let (_, body, _) = vector();
    let body = body.as_bytes();
    let sent = 1_615_554_923; // CallbackTs 1615554923704 ms
    assert_eq!(c_check_time(body, sent, 0), (LIVESIGN_OK, 1615554923704));
    assert_eq!(c_check_time(body, sent + 300, 300), (LIVESIGN_OK, 1615554923704));
    assert_eq!(c_check_time(body, sent + 301, 300), (LIVESIGN_EXPIRED, 1615554923704));
    assert_eq!(c_check_time(body, sent + 1, 0), (LIVESIGN_EXPIRED, 1615554923704));
    assert_eq!(c_check_time(body, 0, 0), (LIVESIGN_OK, 1615554923704), "a future send time is accepted");
    assert_eq!(c_check_time(body, u64::MAX, u32::MAX), (LIVESIGN_EXPIRED, 1615554923704));
    assert_eq!(check_age(1999, 1, 0), Ok(()), "milliseconds round down to the second");
    assert_eq!(check_age(1999, 2, 0), Err(Error::Expired));
    assert_eq!(check_age(u64::MAX, u64::MAX / 1000, 0), Ok(()));
    assert_eq!(check_age(u64::MAX, u64::MAX / 1000 + 1, 0), Err(Error::Expired));
    for bad in [
        &b""[..],
        b"[]",
        b"{}",
        b"{\"CallbackTs\":\"1615554923704\"}",
        b"{\"CallbackTs\":-1}",
        b"{\"CallbackTs\":1.5}",
        b"{\"CallbackTs\":1e3}",
        b"{\"CallbackTs\":18446744073709551616}",
        b"{\"CallbackTs\":1,\"CallbackTs\":1}",
        b"{\"CallbackTs\":1,\"\\u0043allbackTs\":2}",
        b"{\"CallbackTs\":1",
        b"{\"CallbackTs\":1}x",
        b"{\"EventInfo\":{\"CallbackTs\":1}}",
    ] {
        assert_eq!(callback::callback_ts(bad), Err(Error::Malformed), "{:?}", String::from_utf8_lossy(bad));
        assert_eq!(c_check_time(bad, 0, u32::MAX), (LIVESIGN_MALFORMED, 0), "{:?}", String::from_utf8_lossy(bad));
    }
    assert_eq!(callback::callback_ts(b"{\"CallbackTs\":18446744073709551615}"), Ok(u64::MAX));
    // SAFETY: NULL body with a length is rejected before use; the out-pointer is nullable.
    unsafe {
        assert_eq!(
            livesign_trtc_callback_check_time(core::ptr::null(), 1, 0, 0, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_check_time(body.as_ptr(), body.len(), sent, 0, core::ptr::null_mut()),
            LIVESIGN_OK
        );
    }
}

#[test]
fn c_pointer_rules() {
    let (key, body, expected) = vector();
    let (key, body, sign) = (key.as_bytes(), body.as_bytes(), expected.as_bytes());
    let mut out = [b'#'; 44];
    assert_eq!(livesign_trtc_callback_sign_len(), 44);
    // SAFETY: NULL pointers come with the lengths under test; others are valid.
    unsafe {
        let null = core::ptr::null::<u8>();
        assert_eq!(
            livesign_trtc_callback_sign(null, 6, body.as_ptr(), body.len(), out.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_sign(null, 0, body.as_ptr(), body.len(), out.as_mut_ptr()),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_trtc_callback_sign(key.as_ptr(), key.len(), null, 1, out.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_sign(key.as_ptr(), key.len(), body.as_ptr(), body.len(), core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(out, [b'#'; 44], "out is written only on success");
        assert_eq!(
            livesign_trtc_callback_sign(key.as_ptr(), key.len(), null, 0, out.as_mut_ptr()),
            LIVESIGN_OK,
            "empty body"
        );
        assert_eq!(&out, callback::sign(key, b"").unwrap().as_bytes());
        assert_eq!(
            livesign_trtc_callback_verify(null, 6, body.as_ptr(), body.len(), sign.as_ptr(), sign.len()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_verify(key.as_ptr(), key.len(), null, 5, sign.as_ptr(), sign.len()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), null, 44),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_trtc_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), null, 0),
            LIVESIGN_MALFORMED
        );
        assert_eq!(livesign_trtc_callback_key_check(null, 3), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(livesign_trtc_callback_key_check(null, 0), LIVESIGN_INVALID_KEY);
    }
}

/// Changes one byte of `s` at `index` (modulo its length) to a different value.
fn mutate(s: &[u8], index: usize, delta: u8) -> Vec<u8> {
    let mut m = s.to_vec();
    let i = index % m.len();
    m[i] = m[i].wrapping_add(delta.max(1));
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sign_then_verify_round_trips(key in "[A-Za-z0-9]{1,32}", body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let key = key.as_bytes();
        let s = callback::sign(key, &body).unwrap();
        prop_assert_eq!(verify(key, &body, s.as_bytes()), Ok(()));
        prop_assert_eq!(c_verify(key, &body, s.as_bytes()), LIVESIGN_OK);
        prop_assert_eq!(&c_sign(key, &body).unwrap(), s.as_bytes());
        prop_assert_eq!(c_verify_keyed(&loaded(key), &body, s.as_bytes()), LIVESIGN_OK);
        prop_assert_eq!(verify_ring(&[b"zz", key], &body, s.as_bytes()), Ok(1));
    }

    #[test]
    fn changing_one_byte_of_the_body_fails(key in "[A-Za-z0-9]{1,32}", body in proptest::collection::vec(any::<u8>(), 1..300),
                                           i: usize, d: u8) {
        let key = key.as_bytes();
        let s = callback::sign(key, &body).unwrap();
        let bad = mutate(&body, i, d);
        prop_assert_eq!(verify(key, &bad, s.as_bytes()), Err(Error::SignatureMismatch));
        prop_assert_eq!(c_verify(key, &bad, s.as_bytes()), LIVESIGN_SIGNATURE_MISMATCH);
    }

    #[test]
    fn changing_one_byte_of_the_sign_fails(key in "[A-Za-z0-9]{1,32}", body in proptest::collection::vec(any::<u8>(), 0..100),
                                           i: usize, d: u8) {
        let key = key.as_bytes();
        let s = callback::sign(key, &body).unwrap();
        let bad = mutate(s.as_bytes(), i, d);
        let result = verify(key, &body, &bad);
        prop_assert!(matches!(result, Err(Error::SignatureMismatch | Error::Malformed)), "{:?}", result);
        prop_assert_ne!(c_verify(key, &body, &bad), LIVESIGN_OK);
        prop_assert_ne!(c_ring(&[key], &body, &bad).0, LIVESIGN_OK);
    }

    #[test]
    fn changing_one_byte_of_the_key_fails(key in "[A-Za-z0-9]{2,32}", body in proptest::collection::vec(any::<u8>(), 0..100),
                                          i: usize, d: u8) {
        let s = callback::sign(key.as_bytes(), &body).unwrap();
        let bad = mutate(key.as_bytes(), i, d);
        let result = verify(&bad, &body, s.as_bytes());
        prop_assert!(matches!(result, Err(Error::SignatureMismatch | Error::InvalidKey)), "{:?}", result);
    }

    #[test]
    fn arbitrary_input_never_panics(key in proptest::collection::vec(any::<u8>(), 0..40),
                                    body in proptest::collection::vec(any::<u8>(), 0..100),
                                    sign in proptest::collection::vec(any::<u8>(), 0..60), now: u64, age: u32) {
        prop_assert_ne!(c_verify(&key, &body, &sign), LIVESIGN_INTERNAL);
        prop_assert_ne!(c_ring(&[&key, &body], &body, &sign).0, LIVESIGN_INTERNAL);
        prop_assert_ne!(c_check_time(&body, now, age).0, LIVESIGN_INTERNAL);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `CallbackTs` (ms) is fresh through `CallbackTs / 1000 + max_age` seconds exactly and
    /// stale one second later, in Rust and in C; the sum saturates at `u64::MAX`.
    #[test]
    fn replay_window_boundary(ts in prop_oneof![any::<u64>(), u64::MAX - 10_000..=u64::MAX, 0..10_000u64], max_age: u32) {
        let body = format!("{{\"EventType\":103,\"CallbackTs\":{ts}}}");
        let last = (ts / 1000).saturating_add(u64::from(max_age));
        prop_assert_eq!(check_age(ts, last, max_age), Ok(()));
        prop_assert_eq!(c_check_time(body.as_bytes(), last, max_age), (LIVESIGN_OK, ts));
        match last.checked_add(1) {
            Some(late) => {
                prop_assert_eq!(check_age(ts, late, max_age), Err(Error::Expired));
                prop_assert_eq!(c_check_time(body.as_bytes(), late, max_age), (LIVESIGN_EXPIRED, ts));
            }
            None => prop_assert_eq!(check_age(ts, u64::MAX, max_age), Ok(())),
        }
    }

    /// Loaded keys: round trip, and any one-byte change of the body or the sign fails.
    #[test]
    fn keyed_round_trip_and_one_byte_changes(key in "[A-Za-z0-9]{1,32}", body in proptest::collection::vec(any::<u8>(), 1..200),
                                             i: usize, d: u8) {
        let loaded_key = HmacKey::new(key.as_bytes()).unwrap();
        let s = sign_keyed(&loaded_key, &body).unwrap();
        prop_assert_eq!(s, callback::sign(key.as_bytes(), &body).unwrap());
        prop_assert_eq!(verify_keyed(&loaded_key, &body, s.as_bytes()), Ok(()));
        let ctx = loaded(key.as_bytes());
        prop_assert_eq!(c_verify_keyed(&ctx, &body, s.as_bytes()), LIVESIGN_OK);
        let bad_body = mutate(&body, i, d);
        prop_assert_eq!(verify_keyed(&loaded_key, &bad_body, s.as_bytes()), Err(Error::SignatureMismatch));
        prop_assert_eq!(c_verify_keyed(&ctx, &bad_body, s.as_bytes()), LIVESIGN_SIGNATURE_MISMATCH);
        let bad_sign = mutate(s.as_bytes(), i, d);
        prop_assert_ne!(c_verify_keyed(&ctx, &body, &bad_sign), LIVESIGN_OK);
    }

    /// A key ring reports the first position holding the signing key, wherever it is, and
    /// fails without it.
    #[test]
    fn key_rings_report_the_matching_position(others in proptest::collection::vec("[A-Za-z0-9]{1,32}", 1..8),
                                              key in "[A-Za-z0-9]{1,32}", pos: usize,
                                              body in proptest::collection::vec(any::<u8>(), 0..100)) {
        prop_assume!(!others.contains(&key));
        let s = callback::sign(key.as_bytes(), &body).unwrap();
        let mut ring: Vec<&[u8]> = others.iter().map(|k| k.as_bytes()).collect();
        prop_assert_eq!(verify_ring(&ring, &body, s.as_bytes()), Err(Error::SignatureMismatch));
        let pos = pos % (ring.len() + 1);
        ring.insert(pos, key.as_bytes());
        prop_assume!(ring.len() <= LIVESIGN_MAX_KEYS);
        prop_assert_eq!(verify_ring(&ring, &body, s.as_bytes()), Ok(pos));
        prop_assert_eq!(c_ring(&ring, &body, s.as_bytes()), (LIVESIGN_OK, pos));
    }
}

#[test]
fn sign_values_compare_hash_and_print_as_their_text() {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    let (key, body, expected) = vector();
    let s = sign(key.as_bytes(), body.as_bytes()).unwrap();
    let other = sign(key.as_bytes(), b"{}").unwrap();
    // `==` is how a caller compares a computed sign with one it rebuilt: a different sign must
    // never compare equal.
    assert!(s == sign(key.as_bytes(), body.as_bytes()).unwrap());
    assert!(s != other);
    let hash = |v: &callback::Sign| {
        let mut h = DefaultHasher::new();
        v.hash(&mut h);
        h.finish()
    };
    assert_eq!(hash(&s), hash(&sign(key.as_bytes(), body.as_bytes()).unwrap()));
    assert_ne!(hash(&s), hash(&other));
    assert_eq!(s.to_string(), expected);
    assert_eq!(format!("{s:?}"), format!("Sign({expected})"));
}
