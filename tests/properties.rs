//! Properties every sign/verify pair shares, for the pairs whose own test files lack them:
//! validity ends exactly at the documented second (with any leeway), the sum saturates so a
//! time near `u64::MAX` never wraps into the past, a forged signature is a mismatch at any
//! time, and any one-byte change of a signed field fails. The C functions agree where the
//! Rust ones are checked. (Round trips are in each provider's file; TRTC callbacks and
//! Tencent `t + sign` have all of these in theirs.)

mod support;

use livesign::ffi::huawei::livesign_huawei_callback_verify;
use livesign::ffi::tencent::livesign_tencent_callback_verify;
use livesign::ffi::trtc::livesign_usersig_verify;
use livesign::huawei::{self, Notification, RecordFields, TimeFormat, UrlAuth};
use livesign::tencent::{self, callback, url};
use livesign::trtc::{UserSig, usersig_verify};
use livesign::{Error, HmacKey, alibaba};
use md5::{Digest, Md5};
use proptest::prelude::*;

const HUAWEI_KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
const USERSIG_KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

/// Times anywhere, and crowded at both ends of `u64`.
fn time() -> impl Strategy<Value = u64> {
    prop_oneof![any::<u64>(), 0..1000u64, u64::MAX - 5_000_000..=u64::MAX, 1_500_000_000..2_000_000_000u64]
}

/// `t` moved into `lo..=hi`, the range of a full-width time: a time inside stays, the bottom of
/// [`time()`] lands at `lo` and its top at `hi`, so both ends are reached.
fn fold_into(t: u64, lo: u64, hi: u64) -> u64 {
    let span = hi - lo + 1;
    if (lo..=hi).contains(&t) {
        t
    } else if t < lo {
        lo + t % span
    } else {
        hi - (u64::MAX - t) % span
    }
}

/// Leeways anywhere, and crowded at both ends.
fn leeway() -> impl Strategy<Value = u32> {
    prop_oneof![any::<u32>(), 0..1000u32, u32::MAX - 1000..=u32::MAX]
}

/// Checks a verifier at the last valid second and the one after: `Ok` at `last`, `Expired` at
/// `last + 1`, and `Ok` at `u64::MAX` when `last` saturated.
fn boundary<T: core::fmt::Debug>(
    last: Option<u64>,
    verify: impl Fn(u64) -> Result<T, Error>,
) -> Result<(), TestCaseError> {
    match last {
        Some(last) => {
            prop_assert!(verify(last).is_ok(), "at the last valid second {}: {:?}", last, verify(last));
            if let Some(late) = last.checked_add(1) {
                prop_assert_eq!(verify(late).map(drop), Err(Error::Expired));
            }
        }
        // Saturated: no `now` is late enough.
        None => prop_assert!(verify(u64::MAX).is_ok()),
    }
    Ok(())
}

fn md5_hex(parts: &[&[u8]]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// `text` with one byte at `at` (modulo its length) replaced by `to`, or, when it already is
/// `to`, by the next one of its class (digit, letter or other printable).
fn change(text: &str, at: usize, to: u8) -> String {
    let mut b = text.as_bytes().to_vec();
    let i = at % b.len();
    b[i] = match (b[i] == to, to) {
        (false, _) => to,
        (true, b'9') => b'0',
        (true, b'z') => b'a',
        (true, b'~') => b'!',
        (true, _) => to + 1,
    };
    String::from_utf8(b).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Tencent CSS callbacks: valid through `t + leeway`, in Rust and C.
    #[test]
    fn tencent_callback_expiry(key in proptest::collection::vec(any::<u8>(), 1..40), t in time(), leeway in leeway()) {
        let body = format!(r#"{{"t":{t},"sign":"{}"}}"#, tencent::sign(&key, t).unwrap());
        let c = |now: u64| {
            // SAFETY: key and body are valid for their lengths; the event may be NULL.
            unsafe { livesign_tencent_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), now, leeway, core::ptr::null_mut()) }
        };
        boundary(t.checked_add(u64::from(leeway)), |now| {
            let r = callback::verify(&key, body.as_bytes(), now, leeway).map(|e| e.t);
            assert_eq!(c(now) as u32, r.map_or_else(Error::code, |_| 0));
            r
        })?;
    }

    /// Tencent CSS callbacks: a forged sign is a mismatch at any time, expired or not.
    #[test]
    fn tencent_callback_forged_sign_is_a_mismatch(key in proptest::collection::vec(any::<u8>(), 1..40), t: u64,
                                                  now: u64, leeway: u32, at: usize, digit in 0usize..16) {
        let sign = tencent::sign(&key, t).unwrap().to_string();
        let forged = change(&sign, at, b"0123456789abcdef"[digit]);
        prop_assume!(forged.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let body = format!(r#"{{"t":{t},"sign":"{forged}"}}"#);
        prop_assert_eq!(callback::verify(&key, body.as_bytes(), now, leeway).map(drop), Err(Error::SignatureMismatch));
    }

    /// Tencent CSS URLs: valid through `txTime + valid_for + leeway` for any `txTime` a
    /// verifier reads (hex of exactly 8 digits, either case, or 10 decimal digits; the ends of
    /// `time()` fold onto the ends of each range).
    #[test]
    fn tencent_url_expiry(key in proptest::collection::vec(any::<u8>(), 1..40), stream in "[a-z0-9_]{1,12}",
                          expiry in time(), form in 0u8..3, valid_for in leeway(), leeway in leeway()) {
        let hex = fold_into(expiry, url::MIN_EXPIRY, url::MAX_EXPIRY);
        let (expiry, tx_time) = match form {
            0 => (hex, format!("{hex:X}")),
            1 => (hex, format!("{hex:x}")),
            _ => {
                let e = 1_000_000_000 + expiry % 9_000_000_000;
                (e, e.to_string())
            }
        };
        let secret = url::secret(&key, stream.as_bytes(), tx_time.as_bytes()).unwrap();
        let u = format!("rtmp://h/live/{stream}?txSecret={secret}&txTime={tx_time}");
        let last = expiry.checked_add(u64::from(valid_for)).and_then(|v| v.checked_add(u64::from(leeway)));
        boundary(last, |now| url::verify(&[&key], u.as_bytes(), valid_for, now, leeway).map(|v| v.key_index))?;
    }

    /// UserSig: valid through `time + expire + leeway` (raw key and loaded key, Rust and C).
    #[test]
    fn usersig_expiry(time in time(), expire in time(), leeway in leeway(), id in "[a-z0-9_]{1,16}") {
        let k = HmacKey::new(USERSIG_KEY).unwrap();
        let token = match UserSig::new(&k, 1400000000, &id, expire, time, b"") {
            Ok(token) => {
                prop_assert!(u128::from(time) + u128::from(expire) <= i64::MAX as u128);
                token.as_str().to_owned()
            }
            Err(e) => {
                // livesign writes no token past INT64_MAX (the official verifiers read int64),
                // but other SDKs (Python) do, and verification reads them.
                prop_assert_eq!(e, Error::InvalidArgument);
                prop_assert!(u128::from(time) + u128::from(expire) > i64::MAX as u128);
                let sig = support::usersig::sig(USERSIG_KEY, &id, 1400000000, time, expire, None);
                let doc = format!(
                    r#"{{"TLS.ver":"2.0","TLS.identifier":"{id}","TLS.sdkappid":1400000000,"TLS.expire":{expire},"TLS.time":{time},"TLS.sig":"{sig}"}}"#
                );
                support::usersig::token_of(doc.as_bytes(), 6)
            }
        };
        let t = token.as_bytes();
        let c = |now: u64| {
            // SAFETY: every input is valid for its length; info may be NULL.
            unsafe {
                livesign_usersig_verify(1400000000, USERSIG_KEY.as_ptr(), USERSIG_KEY.len(), id.as_ptr(), id.len(),
                                        t.as_ptr(), t.len(), now, leeway, core::ptr::null_mut())
            }
        };
        let last = time.checked_add(expire).and_then(|v| v.checked_add(u64::from(leeway)));
        boundary(last, |now| {
            let r = usersig_verify(&k, 1400000000, &id, t, now, leeway).map(|i| i.expires_at());
            assert_eq!(c(now) as u32, r.map_or_else(Error::code, |_| 0));
            r
        })?;
    }

    /// Huawei notifications: valid through `auth_timestamp + leeway`, in Rust and C, for every
    /// 10-digit `auth_timestamp` (the ends of `time()` fold onto the ends of that range).
    #[test]
    fn huawei_notify_expiry(t in time(), leeway in leeway(), stream in "[a-z0-9_]{1,16}") {
        let t = fold_into(t, Notification::MIN_AUTH_TIMESTAMP, Notification::MAX_AUTH_TIMESTAMP);
        let k = HmacKey::new(HUAWEI_KEY).unwrap();
        let sign = huawei::sign(&k, "PUBLISH", "d", "live", &stream, t).unwrap();
        let body = format!(r#"{{"event":"PUBLISH","domain":"d","app":"live","stream":"{stream}","auth_timestamp":{t},"auth_sign":"{sign}"}}"#);
        let c = |now: u64| {
            // SAFETY: every input is valid for its length; the event may be NULL.
            unsafe { livesign_huawei_callback_verify(HUAWEI_KEY.as_ptr(), HUAWEI_KEY.len(), body.as_ptr(), body.len(), now, leeway, core::ptr::null_mut()) }
        };
        boundary(t.checked_add(u64::from(leeway)), |now| {
            let r = Notification::verify(&k, body.as_bytes(), now, leeway).map(|n| n.auth_timestamp);
            assert_eq!(c(now) as u32, r.map_or_else(Error::code, |_| 0));
            r
        })?;
    }

    /// Huawei URL methods A (valid through `start + duration + leeway`), B and D (valid while
    /// `now < start + duration + leeway`), for any start time a method can write (hex times
    /// stop at `ffffffff`, and B and D's start at `10000000`; the ends of `time()` fold onto
    /// the ends of those ranges).
    #[test]
    fn huawei_url_expiry(start in time(), duration in 60u32..=2_592_000, leeway in leeway(), method in 0u8..4) {
        let start = match method {
            0 => start,
            1 => start % (UrlAuth::A_MAX_HEX_TIMESTAMP + 1),
            // B and D: exactly 8 hex digits.
            _ => fold_into(start, UrlAuth::B_MIN_TX_TIME, UrlAuth::B_MAX_TX_TIME),
        };
        let (q, strict) = match method {
            0 => (huawei::url_a_build(URL_KEY, "/live/s.flv", start, TimeFormat::Decimal, "0", "0").unwrap().to_string(), false),
            1 => (huawei::url_a_build(URL_KEY, "/live/s.flv", start, TimeFormat::Hex, "0", "0").unwrap().to_string(), false),
            2 => (format!("txSecret={}&txTime={start:x}", md5_hex(&[URL_KEY, b"s", format!("{start:x}").as_bytes()])), true),
            _ => (huawei::url_d_build(&HmacKey::new(URL_KEY).unwrap(), "s", start).unwrap().to_string(), true),
        };
        let u = format!("/live/s.flv?{q}");
        let end = start.checked_add(u64::from(duration) - u64::from(strict));
        let last = end.and_then(|e| e.checked_add(u64::from(leeway)));
        let k = HmacKey::new(URL_KEY).unwrap();
        boundary(last, |now| match method {
            0 => huawei::url_a_verify(&[URL_KEY], u.as_bytes(), TimeFormat::Decimal, now, duration, leeway),
            1 => huawei::url_a_verify(&[URL_KEY], u.as_bytes(), TimeFormat::Hex, now, duration, leeway),
            2 => huawei::url_b_verify(&[URL_KEY], "s", u.as_bytes(), now, duration, leeway),
            _ => huawei::url_d_verify(std::slice::from_ref(&k), "s", u.as_bytes(), now, duration, leeway),
        })?;
    }

    /// Alibaba URL type A: valid through `timestamp + validity + leeway`.
    #[test]
    fn alibaba_url_expiry(key in proptest::collection::vec(any::<u8>(), 1..40), t in time(), validity in leeway(), leeway in leeway()) {
        let u = format!("/app/s?{}", alibaba::url_a_build(&key, "/app/s", t, "0", "0").unwrap());
        let last = t.checked_add(u64::from(validity)).and_then(|v| v.checked_add(u64::from(leeway)));
        boundary(last, |now| alibaba::url_a_verify(&[&key], u.as_bytes(), now, validity, leeway))?;
    }

    /// Alibaba callbacks: the window is `timestamp ± leeway`, both edges to the second.
    #[test]
    fn alibaba_callback_window(key in proptest::collection::vec(any::<u8>(), 1..40), t in time(), leeway in leeway()) {
        let sig = alibaba::callback_sign(&key, "d", t).unwrap();
        let v = |now: u64| alibaba::callback_verify(&key, "d", &t.to_string(), sig.as_bytes(), now, leeway);
        boundary(t.checked_add(u64::from(leeway)), v)?;
        // A timestamp further ahead than the leeway is outside the window too.
        if let Some(first) = t.checked_sub(u64::from(leeway)) {
            prop_assert_eq!(v(first), Ok(()));
            if let Some(early) = first.checked_sub(1) {
                prop_assert_eq!(v(early), Err(Error::Expired));
            }
        }
    }

    /// Huawei recording callbacks (both sign types): valid through `auth_timestamp + leeway`.
    #[test]
    fn huawei_record_expiry(t in time(), leeway in leeway(), md5: bool) {
        // HMACSHA256 takes only 10-digit times (the ends of `time()` fold onto that range's);
        // MD5, which signs the time after the key, any.
        let t = if md5 { t } else { fold_into(t, RecordFields::MIN_AUTH_TIMESTAMP, RecordFields::MAX_AUTH_TIMESTAMP) };
        let k = HmacKey::new(HUAWEI_KEY).unwrap();
        let f = RecordFields { auth_timestamp: t, event_type: "RECORD_FILE_COMPLETE", stream: "s", ..RecordFields::default() };
        let sign = if md5 { huawei::record_md5_sign(HUAWEI_KEY, t).unwrap().to_string() } else { huawei::record_sign(&k, &f).unwrap().to_string() };
        boundary(t.checked_add(u64::from(leeway)), |now| {
            if md5 { huawei::record_md5_verify(HUAWEI_KEY, t, sign.as_bytes(), now, leeway) } else { huawei::record_verify(&k, &f, sign.as_bytes(), now, leeway) }
        })?;
    }

    /// SparkRTC: valid through the timestamp (10 digits seconds, 13 milliseconds) + leeway.
    #[test]
    fn sparkrtc_expiry(
        ts in prop_oneof![1_000_000_000u64..10_000_000_000, 1_000_000_000_000u64..10_000_000_000_000],
        leeway in leeway(),
    ) {
        let k = HmacKey::new(HUAWEI_KEY).unwrap();
        let text = ts.to_string();
        let sig = huawei::sparkrtc_sign(&k, "r", &text, b"{}").unwrap();
        let seconds = if text.len() == 13 { ts / 1000 } else { ts };
        let verify = |now| huawei::sparkrtc_verify(&k, "r", &text, b"{}", sig.as_bytes(), now, leeway);
        // A send time: from `leeway` seconds before it through `leeway` seconds after.
        boundary(seconds.checked_add(u64::from(leeway)), verify)?;
        let first = seconds.saturating_sub(u64::from(leeway));
        prop_assert!(verify(first).is_ok(), "at the first valid second {}", first);
        if let Some(early) = first.checked_sub(1) {
            prop_assert_eq!(verify(early), Err(Error::Expired));
        }
    }

    /// Signed URLs of every scheme with random inputs: any one byte changed in a signed part
    /// (the path for `auth_key`, the signature, the time) fails.
    #[test]
    fn signed_url_one_byte_changes_fail(method in 0u8..5, stream in "[a-z0-9_]{1,12}", t in 0u64..(1 << 32),
                                        rand in "[A-Za-z0-9]{1,8}", at: usize, to in 0x21u8..0x7f) {
        // B and D take only 8-digit hex times.
        let t = if method == 2 || method == 3 { fold_into(t, UrlAuth::B_MIN_TX_TIME, UrlAuth::B_MAX_TX_TIME) } else { t };
        let uri = format!("/live/{stream}");
        let k = HmacKey::new(URL_KEY).unwrap();
        let q = match method {
            0 => huawei::url_a_build(URL_KEY, &uri, t, TimeFormat::Decimal, &rand, "0").unwrap(),
            1 => huawei::url_a_build(URL_KEY, &uri, t, TimeFormat::Hex, &rand, "0").unwrap(),
            2 => huawei::url_b_build(URL_KEY, &stream, t).unwrap(),
            3 => huawei::url_d_build(&k, &stream, t).unwrap(),
            _ => alibaba::url_a_build(URL_KEY, &uri, t, &rand, "0").unwrap(),
        };
        let verify = |u: &str| match method {
            0 => huawei::url_a_verify(&[URL_KEY], u.as_bytes(), TimeFormat::Decimal, t, 60, 0),
            1 => huawei::url_a_verify(&[URL_KEY], u.as_bytes(), TimeFormat::Hex, t, 60, 0),
            2 => huawei::url_b_verify(&[URL_KEY], &stream, u.as_bytes(), t, 60, 0),
            3 => huawei::url_d_verify(std::slice::from_ref(&k), &stream, u.as_bytes(), t, 60, 0),
            _ => alibaba::url_a_verify(&[URL_KEY], u.as_bytes(), t, 60, 0),
        };
        let u = format!("{uri}?{q}");
        prop_assert_eq!(verify(&u), Ok(0));
        // The signed parts: the path (auth_key schemes) and every value of the query.
        let query_at = uri.len() + 1;
        let signed: Vec<usize> = if method == 2 || method == 3 { vec![] } else { (1..uri.len()).collect() };
        let values: Vec<usize> = (query_at..u.len()).filter(|&i| {
            let before = &u[query_at..i];
            before.rfind('=').is_some_and(|e| before.rfind('&').is_none_or(|a| a < e))
        }).collect();
        let all: Vec<usize> = signed.into_iter().chain(values).collect();
        let i = all[at % all.len()];
        let mut b = u.clone().into_bytes();
        let old = b[i];
        b[i] = if old == to { if to == b'~' { b'!' } else { to + 1 } } else { to };
        // The hex of a hash or secret is read in either case (A, D, Alibaba): a change of case
        // alone is the same value.
        prop_assume!(!(method != 2 && b[i].eq_ignore_ascii_case(&old) && old.is_ascii_hexdigit()));
        prop_assume!(!(method == 1 && b[i].eq_ignore_ascii_case(&old)));
        let changed = String::from_utf8(b).unwrap();
        prop_assert!(verify(&changed).is_err(), "{} verified", changed);
    }

    /// Header-signed callbacks: any change of a signed header (or of the signature) fails.
    #[test]
    fn signed_header_changes_fail(which in 0u8..3, t in 1_000_000_000u64..2_000_000_000, at: usize, to in 0x30u8..0x3a) {
        let k = HmacKey::new(HUAWEI_KEY).unwrap();
        let ts = t.to_string();
        let r = match which {
            // SparkRTC: rand, timestamp, signature.
            0 => {
                let sig = huawei::sparkrtc_sign(&k, "r1234", &ts, b"{}").unwrap().to_string();
                let (rand, ts2, sig2) = match at % 3 {
                    0 => (change("r1234", at / 3, to), ts.clone(), sig.clone()),
                    1 => (String::from("r1234"), change(&ts, at / 3, to), sig.clone()),
                    _ => ("r1234".into(), ts.clone(), change(&sig, at / 3, to)),
                };
                prop_assume!(sig2 != sig || rand != "r1234" || ts2 != ts);
                huawei::sparkrtc_verify(&k, &rand, &ts2, b"{}", sig2.as_bytes(), t, u32::MAX)
            }
            // Huawei recording MD5: auth_timestamp, signature.
            1 => {
                let sig = huawei::record_md5_sign(HUAWEI_KEY, t).unwrap().to_string();
                let (t2, sig2) = if at % 2 == 0 { (change(&ts, at / 2, to).parse().unwrap(), sig) } else { (t, change(&sig, at / 2, to)) };
                huawei::record_md5_verify(HUAWEI_KEY, t2, sig2.as_bytes(), t, u32::MAX)
            }
            // Alibaba: the timestamp header, the signature.
            _ => {
                let sig = alibaba::callback_sign(b"key", "d", t).unwrap().to_string();
                let (ts2, sig2) = if at % 2 == 0 { (change(&ts, at / 2, to), sig) } else { (ts.clone(), change(&sig, at / 2, to)) };
                alibaba::callback_verify(b"key", "d", &ts2, sig2.as_bytes(), t, u32::MAX)
            }
        };
        prop_assert!(matches!(r, Err(Error::SignatureMismatch | Error::Malformed)), "{:?}", r);
    }
}

#[test]
fn the_boundary_helper_can_fail() {
    // A verifier that expires one second early is caught, and so is one that never expires.
    let early = |last: u64| move |now: u64| if now < last { Ok(()) } else { Err(Error::Expired) };
    assert!(boundary(Some(10), early(10)).is_err());
    assert!(boundary(Some(10), |_| Ok::<(), Error>(())).is_err());
    assert!(boundary(Some(10), |now| if now <= 10 { Ok(()) } else { Err(Error::Expired) }).is_ok());
    assert!(boundary(None, |_| Err::<(), Error>(Error::Expired)).is_err());
}
