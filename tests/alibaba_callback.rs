//! Alibaba callback signatures (`ALI-LIVE-SIGNATURE`): the two-sided time window, check
//! order, malformed headers, pointer rules and properties.

mod support;

use livesign::ffi::alibaba::*;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::{Error, alibaba};
use proptest::prelude::*;

const KEY: &[u8] = b"yourkey";
const DOMAIN: &str = "learn.aliyundoc.com";
const TS: &str = "1519375990";
const T: u64 = 1519375990;
const SIG: &str = "9e226fc2c250be266e3657e156f68c12";

fn v(ts: &str, sig: &str, now: u64, leeway: u32) -> Result<(), Error> {
    alibaba::callback_verify(KEY, DOMAIN, ts, sig.as_bytes(), now, leeway)
}

fn c_v(key: &[u8], domain: &[u8], ts: &[u8], sig: &[u8], now: u64, leeway: u32) -> livesign_status {
    // SAFETY: every pointer is valid for its length.
    unsafe {
        livesign_alibaba_callback_verify(
            key.as_ptr(),
            key.len(),
            domain.as_ptr(),
            domain.len(),
            ts.as_ptr(),
            ts.len(),
            sig.as_ptr(),
            sig.len(),
            now,
            leeway,
        )
    }
}

#[test]
fn window_is_checked_on_both_sides() {
    let w = LIVESIGN_ALIBABA_DEFAULT_LEEWAY_S;
    assert_eq!(v(TS, SIG, T, 0), Ok(()));
    assert_eq!(v(TS, SIG, T + 300, w), Ok(()));
    assert_eq!(v(TS, SIG, T + 301, w), Err(Error::Expired));
    assert_eq!(v(TS, SIG, T - 300, w), Ok(()), "clock skew within the window");
    assert_eq!(v(TS, SIG, T - 301, w), Err(Error::Expired), "too far ahead: outside the window");
    assert_eq!(v(TS, SIG, 0, 1_000_000), Err(Error::Expired));
    assert_eq!(v(TS, SIG, 0, u32::MAX), Ok(()), "a window of 136 years reaches back to 1970");
    // Saturation at both ends.
    let max = alibaba::callback_sign(KEY, DOMAIN, u64::MAX).unwrap();
    assert_eq!(v(&u64::MAX.to_string(), max.as_str(), u64::MAX, 0), Ok(()));
    let zero = alibaba::callback_sign(KEY, DOMAIN, 0).unwrap();
    assert_eq!(v("0", zero.as_str(), 0, 0), Ok(()));
    assert_eq!(v("0", zero.as_str(), u64::MAX, u32::MAX), Err(Error::Expired));
}

#[test]
fn order_and_malformed_headers() {
    assert_eq!(alibaba::callback_verify(b"", DOMAIN, "x", b"y", 0, 0), Err(Error::InvalidKey));
    for bad_ts in ["", "x", "01519375990", "1519375990.0", "-1", " 1519375990", "18446744073709551616"] {
        assert_eq!(v(bad_ts, SIG, T, 0), Err(Error::Malformed), "{bad_ts:?}");
    }
    for bad_sig in ["", &SIG[1..], &format!("{SIG}0"), &SIG.replace('e', "g")] {
        assert_eq!(v(TS, bad_sig, T, 0), Err(Error::Malformed), "{bad_sig:?}");
    }
    assert_eq!(v(TS, &SIG.to_uppercase(), T, 0), Ok(()));
    let forged = SIG.replace('9', "8");
    assert_eq!(v(TS, &forged, T + 9999, 0), Err(Error::SignatureMismatch), "mismatch before expiry");
    assert_eq!(v("1519375991", SIG, T, 10), Err(Error::SignatureMismatch));
    assert_eq!(
        alibaba::callback_verify(KEY, "learn.aliyundoc.con", TS, SIG.as_bytes(), T, 0),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(alibaba::callback_verify(b"yourkez", DOMAIN, TS, SIG.as_bytes(), T, 0), Err(Error::SignatureMismatch));
}

#[test]
fn c_rules() {
    let d = DOMAIN.as_bytes();
    assert_eq!(c_v(KEY, d, TS.as_bytes(), SIG.as_bytes(), T, 0), LIVESIGN_OK);
    assert_eq!(c_v(b"", d, TS.as_bytes(), SIG.as_bytes(), T, 0), LIVESIGN_INVALID_KEY);
    assert_eq!(c_v(KEY, b"\xff", TS.as_bytes(), SIG.as_bytes(), T, 0), LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_v(KEY, d, b"\xff", SIG.as_bytes(), T, 0), LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_v(KEY, d, b"15x", SIG.as_bytes(), T, 0), LIVESIGN_MALFORMED);
    assert_eq!(c_v(KEY, d, TS.as_bytes(), SIG.as_bytes(), T - 61, 60), LIVESIGN_EXPIRED);
    let mut out = [b'#'; 32];
    // SAFETY: every pointer is valid for its length; NULLs come with the lengths under test.
    unsafe {
        assert_eq!(livesign_alibaba_sign_len(), LIVESIGN_ALIBABA_SIGN_LEN);
        assert_eq!(
            livesign_alibaba_callback_sign(KEY.as_ptr(), 7, d.as_ptr(), d.len(), T, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_alibaba_callback_sign(KEY.as_ptr(), 7, core::ptr::null(), 1, T, out.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_alibaba_callback_sign(core::ptr::null(), 0, d.as_ptr(), d.len(), T, out.as_mut_ptr()),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(out, [b'#'; 32], "out is written only on success");
        assert_eq!(
            livesign_alibaba_callback_sign(KEY.as_ptr(), 7, d.as_ptr(), d.len(), T, out.as_mut_ptr()),
            LIVESIGN_OK
        );
        assert_eq!(
            livesign_alibaba_callback_verify(
                KEY.as_ptr(),
                7,
                d.as_ptr(),
                d.len(),
                TS.as_ptr(),
                10,
                core::ptr::null(),
                32,
                T,
                0
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
    assert_eq!(&out, SIG.as_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trip_and_changes_fail(key in proptest::collection::vec(any::<u8>(), 1..40), domain in "\\PC{0,30}",
                                   t in 0u64..u64::MAX / 2, skew in 0u64..=300, other in "\\PC{1,30}") {
        let sig = alibaba::callback_sign(&key, &domain, t).unwrap();
        let ts = t.to_string();
        prop_assert_eq!(alibaba::callback_verify(&key, &domain, &ts, sig.as_bytes(), t + skew, 300), Ok(()));
        prop_assert_eq!(alibaba::callback_verify(&key, &domain, &ts, sig.as_bytes(), t.saturating_sub(skew), 300), Ok(()));
        prop_assume!(other != domain);
        prop_assert_eq!(alibaba::callback_verify(&key, &other, &ts, sig.as_bytes(), t, 0), Err(Error::SignatureMismatch));
    }
}
