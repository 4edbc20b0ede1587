//! Tencent CSS `t + sign` through the safe API and the C API: the shared vectors (both seed
//! examples included), check order, expiry and leeway boundaries, pointer rules, properties.

mod support;

use livesign::Error;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent::{LIVESIGN_TENCENT_SIGN_LEN, livesign_tencent_sign, livesign_tencent_verify};
use livesign::tencent::{sign, verify};
use proptest::prelude::*;

const SEED_KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";

fn c_sign(key: &[u8], t: u64) -> Result<[u8; 32], livesign_status> {
    let mut out = [0u8; LIVESIGN_TENCENT_SIGN_LEN];
    // SAFETY: key is key.len() readable bytes; out holds LIVESIGN_TENCENT_SIGN_LEN bytes.
    match unsafe { livesign_tencent_sign(key.as_ptr(), key.len(), t, out.as_mut_ptr()) } {
        LIVESIGN_OK => Ok(out),
        s => Err(s),
    }
}

fn c_verify(key: &[u8], t: u64, sign: &[u8], now: u64, leeway: u32) -> livesign_status {
    // SAFETY: both slices are valid for their lengths.
    unsafe { livesign_tencent_verify(key.as_ptr(), key.len(), t, sign.as_ptr(), sign.len(), now, leeway) }
}

#[test]
fn every_shared_vector() {
    let doc = support::vectors("tencent_sign.json");
    let vectors = doc["vectors"].as_array().unwrap();
    let (mut signed, mut refused) = (0, 0);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let key = v["key"].as_str().unwrap().as_bytes();
        let t = v["t"].as_u64().unwrap_or_else(|| panic!("{name}: t"));
        if let Some(expected) = v["sign"].as_str() {
            assert_eq!(sign(key, t).unwrap().as_str(), expected, "{name}");
            assert_eq!(&c_sign(key, t).unwrap(), expected.as_bytes(), "{name}");
            assert_eq!(verify(key, t, expected.as_bytes(), t, 0), Ok(()), "{name}");
            assert_eq!(c_verify(key, t, expected.as_bytes(), t, 0), LIVESIGN_OK, "{name}");
            if t < u64::MAX {
                assert_eq!(verify(key, t, expected.as_bytes(), t + 1, 0), Err(Error::Expired), "{name}");
            }
            signed += 1;
        } else {
            let status = support::status_named(v["status"].as_str().unwrap());
            assert_eq!(sign(key, t).map_err(Error::code), Err(status as u32), "{name}");
            assert_eq!(c_sign(key, t), Err(status), "{name}");
            assert_eq!(c_verify(key, t, b"b17971b51ba0fe5916ddcd96692e9fb3", t, 0), status, "{name}");
            refused += 1;
        }
    }
    assert_eq!((signed, refused), (12, 1), "the vector file changed: review this test");
}

#[test]
fn seed_examples_by_name() {
    assert_eq!(sign(SEED_KEY, 1471850187).unwrap().as_str(), "b17971b51ba0fe5916ddcd96692e9fb3");
    assert_eq!(sign(SEED_KEY, 1626839220).unwrap().as_str(), "5ee8ca6c28cbe415b40352969cdf8249");
}

#[test]
fn forged_sign_is_a_mismatch_even_when_expired() {
    let t = 1471850187;
    let forged = b"b17971b51ba0fe5916ddcd96692e9fb4";
    assert_eq!(verify(SEED_KEY, t, forged, t - 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(verify(SEED_KEY, t, forged, t + 3600, 0), Err(Error::SignatureMismatch));
    assert_eq!(c_verify(SEED_KEY, t, forged, t + 3600, 0), LIVESIGN_SIGNATURE_MISMATCH);
    assert_eq!(livesign::status_str(LIVESIGN_SIGNATURE_MISMATCH as u32), "sign invalid");
    assert_eq!(livesign::status_str(LIVESIGN_EXPIRED as u32), "time expired");
}

#[test]
fn expiry_and_leeway_boundaries() {
    let t = 1_700_000_000;
    let s = sign(SEED_KEY, t).unwrap();
    let s = s.as_bytes();
    assert_eq!(verify(SEED_KEY, t, s, 0, 0), Ok(()));
    assert_eq!(verify(SEED_KEY, t, s, t, 0), Ok(()));
    assert_eq!(verify(SEED_KEY, t, s, t + 1, 0), Err(Error::Expired));
    assert_eq!(verify(SEED_KEY, t, s, t + 30, 30), Ok(()));
    assert_eq!(verify(SEED_KEY, t, s, t + 31, 30), Err(Error::Expired));
    assert_eq!(verify(SEED_KEY, t, s, t + u64::from(u32::MAX), u32::MAX), Ok(()));
    assert_eq!(verify(SEED_KEY, t, s, t + u64::from(u32::MAX) + 1, u32::MAX), Err(Error::Expired));
    assert_eq!(c_verify(SEED_KEY, t, s, t + 31, 30), LIVESIGN_EXPIRED);
    // Saturation at the top of u64: t + leeway never wraps into the past.
    let max = sign(SEED_KEY, u64::MAX).unwrap();
    assert_eq!(verify(SEED_KEY, u64::MAX, max.as_bytes(), u64::MAX, u32::MAX), Ok(()));
    let near = sign(SEED_KEY, u64::MAX - 5).unwrap();
    assert_eq!(verify(SEED_KEY, u64::MAX - 5, near.as_bytes(), u64::MAX, 10), Ok(()));
    assert_eq!(verify(SEED_KEY, u64::MAX - 5, near.as_bytes(), u64::MAX, 4), Err(Error::Expired));
    let zero = sign(SEED_KEY, 0).unwrap();
    assert_eq!(verify(SEED_KEY, 0, zero.as_bytes(), 0, 0), Ok(()));
    assert_eq!(verify(SEED_KEY, 0, zero.as_bytes(), 1, 0), Err(Error::Expired));
}

#[test]
fn malformed_signs() {
    let t = 1471850187;
    for bad in [
        &b""[..],
        b"b17971b51ba0fe5916ddcd96692e9fb",
        b"b17971b51ba0fe5916ddcd96692e9fb3a",
        b"B17971B51BA0FE5916DDCD96692E9FB3",
        b"b17971b51ba0fe5916ddcd96692e9fbg",
        b" b17971b51ba0fe5916ddcd96692e9fb",
        b"b17971b51ba0fe5916ddcd96692e9fb\0",
    ] {
        assert_eq!(verify(SEED_KEY, t, bad, t, 0), Err(Error::Malformed), "{bad:?}");
        assert_eq!(c_verify(SEED_KEY, t, bad, t, 0), LIVESIGN_MALFORMED, "{bad:?}");
    }
}

#[test]
fn c_pointer_rules() {
    let t = 1471850187;
    let good = b"b17971b51ba0fe5916ddcd96692e9fb3";
    let mut out = [b'#'; 32];
    // SAFETY: every non-NULL pointer below is valid for its length; NULL pointers come with
    // the lengths whose handling is under test.
    unsafe {
        assert_eq!(livesign_tencent_sign(core::ptr::null(), 5, t, out.as_mut_ptr()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(livesign_tencent_sign(core::ptr::null(), 0, t, out.as_mut_ptr()), LIVESIGN_INVALID_KEY);
        assert_eq!(livesign_tencent_sign(SEED_KEY.as_ptr(), 32, t, core::ptr::null_mut()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(out, [b'#'; 32], "out is written only on success");
        assert_eq!(
            livesign_tencent_verify(core::ptr::null(), 1, t, good.as_ptr(), 32, t, 0),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_verify(SEED_KEY.as_ptr(), 32, t, core::ptr::null(), 32, t, 0),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(livesign_tencent_verify(SEED_KEY.as_ptr(), 32, t, core::ptr::null(), 0, t, 0), LIVESIGN_MALFORMED);
        assert_eq!(livesign_tencent_verify(core::ptr::null(), 0, t, good.as_ptr(), 32, t, 0), LIVESIGN_INVALID_KEY);
        assert_eq!(livesign_tencent_sign(SEED_KEY.as_ptr(), 32, t, out.as_mut_ptr()), LIVESIGN_OK);
    }
    assert_eq!(&out, good);
}

/// Changes one byte of `s` at `index` (modulo its length) to a different value.
fn mutate(s: &[u8], index: usize, delta: u8) -> Vec<u8> {
    let mut m = s.to_vec();
    let i = index % m.len();
    m[i] = m[i].wrapping_add(delta.max(1));
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sign_then_verify_round_trips(key in proptest::collection::vec(any::<u8>(), 1..160), t: u64) {
        let s = sign(&key, t).unwrap();
        prop_assert!(s.as_bytes().iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c)));
        prop_assert_eq!(verify(&key, t, s.as_bytes(), t, 0), Ok(()));
        prop_assert_eq!(&c_sign(&key, t).unwrap(), s.as_bytes());
    }

    #[test]
    fn changing_one_byte_of_the_key_fails(key in proptest::collection::vec(any::<u8>(), 1..160), t: u64,
                                          i: usize, d: u8) {
        let s = sign(&key, t).unwrap();
        prop_assert_eq!(verify(&mutate(&key, i, d), t, s.as_bytes(), 0, 0), Err(Error::SignatureMismatch));
    }

    #[test]
    fn changing_t_fails(key in proptest::collection::vec(any::<u8>(), 1..64), t: u64, other: u64) {
        prop_assume!(t != other);
        let s = sign(&key, t).unwrap();
        prop_assert_eq!(verify(&key, other, s.as_bytes(), 0, 0), Err(Error::SignatureMismatch));
    }

    #[test]
    fn changing_one_character_of_the_decimal_t_fails(key in proptest::collection::vec(any::<u8>(), 1..64),
                                                     t: u64, i: usize, digit in 0u8..10) {
        let mut text = t.to_string().into_bytes();
        let i = i % text.len();
        prop_assume!(text[i] != b'0' + digit);
        text[i] = b'0' + digit;
        // A changed digit is another t (or does not fit in u64 and cannot be sent at all).
        if let Some(other) = std::str::from_utf8(&text).unwrap().parse::<u64>().ok().filter(|o| *o != t) {
            let s = sign(&key, t).unwrap();
            prop_assert_eq!(verify(&key, other, s.as_bytes(), 0, 0), Err(Error::SignatureMismatch));
        }
    }

    #[test]
    fn changing_one_character_of_the_sign_fails(key in proptest::collection::vec(any::<u8>(), 1..64), t: u64,
                                                i: usize, d: u8) {
        let s = sign(&key, t).unwrap();
        let bad = mutate(s.as_bytes(), i, d);
        let result = verify(&key, t, &bad, 0, 0);
        prop_assert!(matches!(result, Err(Error::SignatureMismatch | Error::Malformed)), "{:?}", result);
        prop_assert_ne!(c_verify(&key, t, &bad, 0, 0), LIVESIGN_OK);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Valid through `t + leeway` exactly, expired one second later, in Rust and in C; the sum
    /// saturates, so near `u64::MAX` nothing wraps into the past.
    #[test]
    fn expiry_boundary_with_any_leeway(key in proptest::collection::vec(any::<u8>(), 1..40),
                                       t in prop_oneof![any::<u64>(), u64::MAX - 1000..=u64::MAX], leeway: u32) {
        let s = sign(&key, t).unwrap();
        let s = s.as_bytes();
        let last = t.saturating_add(u64::from(leeway));
        prop_assert_eq!(verify(&key, t, s, last, leeway), Ok(()));
        prop_assert_eq!(c_verify(&key, t, s, last, leeway), LIVESIGN_OK);
        prop_assert_eq!(verify(&key, t, s, 0, leeway), Ok(()));
        match last.checked_add(1) {
            Some(late) => {
                prop_assert_eq!(verify(&key, t, s, late, leeway), Err(Error::Expired));
                prop_assert_eq!(c_verify(&key, t, s, late, leeway), LIVESIGN_EXPIRED);
            }
            // Saturated: no `now` is late enough.
            None => prop_assert_eq!(verify(&key, t, s, u64::MAX, leeway), Ok(())),
        }
    }

    /// The signature is checked before the expiry: a forged sign is a mismatch at any time.
    #[test]
    fn a_forged_sign_is_a_mismatch_at_any_time(key in proptest::collection::vec(any::<u8>(), 1..40), t: u64,
                                               now: u64, leeway: u32, i: usize, digit in 0u8..16) {
        let mut forged = *sign(&key, t).unwrap().as_bytes();
        let i = i % forged.len();
        let c = b"0123456789abcdef"[usize::from(digit)];
        prop_assume!(forged[i] != c);
        forged[i] = c;
        prop_assert_eq!(verify(&key, t, &forged, now, leeway), Err(Error::SignatureMismatch));
        prop_assert_eq!(c_verify(&key, t, &forged, now, leeway), LIVESIGN_SIGNATURE_MISMATCH);
    }
}
