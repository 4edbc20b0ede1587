//! Huawei recording callbacks (HMACSHA256 and MD5 sign types) and SparkRTC recording
//! callbacks: the open points as specified, check order, expiry, key rules, pointer rules,
//! tampering, properties.

mod support;

use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei_record::*;
use livesign::ffi::status::livesign_status::*;
use livesign::huawei::{self, RecordFields};
use livesign::{Error, HmacKey};
use proptest::prelude::*;

const KEY: &[u8] = b"abcdefghijklmnopqrstuvwxyz012345";
const T: u64 = 1700000000;

fn fields() -> RecordFields<'static> {
    RecordFields {
        auth_timestamp: T,
        event_type: "RECORD_FILE_COMPLETE",
        publish_domain: "push.example.com",
        app: "live",
        stream: "mystream",
        download_url: "https://bucket.obs.example.com/live/mystream/1700000000.m3u8",
        play_url: "https://play.example.com/live/mystream/1700000000.m3u8",
    }
}

fn key() -> HmacKey {
    HmacKey::new(KEY).unwrap()
}

fn ctx(key: &[u8]) -> livesign_hmac_key {
    let mut c = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: c is writable; key valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(c.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised above.
    unsafe { c.assume_init() }
}

/// The fields have no separators, but `auth_timestamp` comes first and event types start with
/// a letter: digits moved out of a real time into the event type keep the signature and leave
/// a 9-digit time, malformed (not merely expired: see the next test).
#[test]
fn the_time_boundary_holds() {
    let f = fields();
    let sign = huawei::record_sign(&key(), &f).unwrap();
    let moved = RecordFields { auth_timestamp: T / 10, event_type: "0RECORD_FILE_COMPLETE", ..f };
    assert_eq!(reference_sign(&moved), sign.as_str(), "the same signed bytes");
    assert_eq!(huawei::record_verify(&key(), &f, sign.as_bytes(), T, 300), Ok(()));
    assert_eq!(huawei::record_verify(&key(), &moved, sign.as_bytes(), T, 300), Err(Error::Malformed));
}

/// The reference HMAC-SHA256 (hex) of a recording callback: the fields joined, the time in
/// decimal, from the `hmac` crate.
fn reference_sign(f: &RecordFields<'_>) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(KEY).unwrap();
    for part in
        [&f.auth_timestamp.to_string()[..], f.event_type, f.publish_domain, f.app, f.stream, f.download_url, f.play_url]
    {
        mac.update(part.as_bytes());
    }
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// `record_verify` and the two C verifiers, which must agree.
fn record_verify_all(f: &RecordFields<'_>, sign: &[u8], now: u64, leeway: u32) -> Result<(), Error> {
    let rust = huawei::record_verify(&key(), f, sign, now, leeway);
    let p = |s: &str| (s.as_ptr(), s.len());
    let (e, d, a, s, dl, pl) =
        (p(f.event_type), p(f.publish_domain), p(f.app), p(f.stream), p(f.download_url), p(f.play_url));
    let c = ctx(KEY);
    let t = f.auth_timestamp;
    // SAFETY: every pointer is valid for its length; c is an initialised context.
    let (raw, keyed) = unsafe {
        (
            livesign_huawei_record_verify(
                KEY.as_ptr(),
                KEY.len(),
                t,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                sign.as_ptr(),
                sign.len(),
                now,
                leeway,
            ),
            livesign_huawei_record_verify_keyed(
                &c,
                t,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                sign.as_ptr(),
                sign.len(),
                now,
                leeway,
            ),
        )
    };
    let code = rust.map_or_else(Error::code, |()| 0);
    assert_eq!((raw as u32, keyed as u32), (code, code), "C and Rust disagree");
    rust
}

/// `leeway_s` is a u32, up to 136 years. [`the_time_boundary_holds`] needs a receiver that
/// refuses an unknown event type, or a small leeway: livesign knows neither, and the time a
/// digit moved out leaves lies before 2001, which a leeway of decades reaches (`1700000000` +
/// `RECORD_FILE_COMPLETE` as `170000000` + `0RECORD_FILE_COMPLETE`, 1975). The form (exactly
/// 10 digits), not the time, must refuse it; the signer refuses to write such a time.
#[test]
fn a_digit_moved_out_of_auth_timestamp_is_malformed_whatever_the_leeway() {
    let f = fields();
    let sign = huawei::record_sign(&key(), &f).unwrap();
    assert_eq!(reference_sign(&f), sign.as_str());
    let moved = RecordFields { auth_timestamp: 170_000_000, event_type: "0RECORD_FILE_COMPLETE", ..f };
    assert_eq!(reference_sign(&moved), sign.as_str(), "the same signed bytes");
    for leeway in [60 * 365 * 86_400, u32::MAX] {
        assert_eq!(record_verify_all(&f, sign.as_bytes(), T, leeway), Ok(()), "{leeway}");
        assert_eq!(record_verify_all(&moved, sign.as_bytes(), T, leeway), Err(Error::Malformed), "{leeway}");
    }
    // Exactly 10 digits, signing and verifying alike.
    for t in [0, 1, 170_000_000, 999_999_999, 10_000_000_000, u64::MAX] {
        let g = RecordFields { auth_timestamp: t, ..f };
        assert_eq!(huawei::record_sign(&key(), &g).map(|s| s.to_string()), Err(Error::InvalidArgument), "{t}");
        let signed = reference_sign(&g);
        assert_eq!(record_verify_all(&g, signed.as_bytes(), t, u32::MAX), Err(Error::Malformed), "{t}");
    }
    for t in [1_000_000_000, 9_999_999_999] {
        let g = RecordFields { auth_timestamp: t, ..f };
        let signed = huawei::record_sign(&key(), &g).unwrap();
        assert_eq!(signed.as_str(), reference_sign(&g));
        assert_eq!(record_verify_all(&g, signed.as_bytes(), t, 0), Ok(()), "{t}");
    }
    assert_eq!((RecordFields::MIN_AUTH_TIMESTAMP, RecordFields::MAX_AUTH_TIMESTAMP), (1_000_000_000, 9_999_999_999));
}

#[test]
fn events_without_urls_sign_them_as_empty_strings() {
    // Open point: RECORD_OVER and friends carry no download_url / play_url; they are signed as
    // empty strings, i.e. the concatenation simply stops after the stream name.
    let over = RecordFields { event_type: "RECORD_OVER", download_url: "", play_url: "", ..fields() };
    let sign = huawei::record_sign(&key(), &over).unwrap();
    let glued = RecordFields {
        event_type: "RECORD_OVERpush.example.comlivemystream",
        publish_domain: "",
        app: "",
        stream: "",
        ..over
    };
    assert_eq!(huawei::record_sign(&key(), &glued).unwrap(), sign, "no separators, nothing appended");
    assert_eq!(huawei::record_verify(&key(), &over, sign.as_bytes(), T, 0), Ok(()));
    let mut out = [0u8; 64];
    let p = |s: &str| (s.as_ptr(), s.len());
    let (e, d, a, s) = (p(over.event_type), p(over.publish_domain), p(over.app), p(over.stream));
    // SAFETY: every pointer is valid for its length; NULL + 0 is the empty field.
    let st = unsafe {
        livesign_huawei_record_sign(
            KEY.as_ptr(),
            32,
            T,
            e.0,
            e.1,
            d.0,
            d.1,
            a.0,
            a.1,
            s.0,
            s.1,
            core::ptr::null(),
            0,
            core::ptr::null(),
            0,
            out.as_mut_ptr(),
        )
    };
    assert_eq!((st, &out[..]), (LIVESIGN_OK, sign.as_bytes().as_slice()));
}

#[test]
fn record_check_order_expiry_and_tampering() {
    let f = fields();
    let sign = huawei::record_sign(&key(), &f).unwrap();
    let short = HmacKey::new(&KEY[..31]).unwrap();
    assert_eq!(huawei::record_sign(&short, &f).map(|s| s.to_string()), Err(Error::InvalidKey));
    assert_eq!(huawei::record_verify(&short, &f, b"zz", 0, 0), Err(Error::InvalidKey));
    assert_eq!(huawei::record_verify(&key(), &f, b"zz", 0, 0), Err(Error::Malformed));
    assert_eq!(huawei::record_verify(&key(), &f, &sign.as_bytes()[1..], 0, 0), Err(Error::Malformed));
    let mut forged = *sign.as_bytes();
    forged[3] = if forged[3] == b'0' { b'1' } else { b'0' };
    assert_eq!(huawei::record_verify(&key(), &f, &forged, T + 999, 0), Err(Error::SignatureMismatch));
    assert_eq!(huawei::record_verify(&key(), &f, sign.as_bytes(), T + 1, 0), Err(Error::Expired));
    assert_eq!(huawei::record_verify(&key(), &f, sign.as_bytes(), T + 300, 300), Ok(()));
    assert_eq!(huawei::record_verify(&key(), &f, sign.as_str().to_uppercase().as_bytes(), T, 0), Ok(()));
    let long = HmacKey::new(&[b'k'; 200]).unwrap();
    assert!(huawei::record_sign(&long, &f).is_ok(), "at least 32 bytes; no upper bound is documented");
    for tampered in [
        RecordFields { auth_timestamp: T + 1, ..f },
        RecordFields { event_type: "RECORD_NEW_FILE_START", ..f },
        RecordFields { publish_domain: "push.example.org", ..f },
        RecordFields { app: "live2", ..f },
        RecordFields { stream: "other", ..f },
        RecordFields { download_url: "https://evil.example.com/x.m3u8", ..f },
        RecordFields { play_url: "", ..f },
    ] {
        assert_eq!(huawei::record_verify(&key(), &tampered, sign.as_bytes(), 0, 0), Err(Error::SignatureMismatch));
    }
}

#[test]
fn record_md5_mode() {
    let sign = huawei::record_md5_sign(KEY, T).unwrap();
    assert_eq!(sign.as_str(), "61ce739aaac2390ef2d17ddac72beff0");
    assert_eq!(huawei::record_md5_verify(KEY, T, sign.as_bytes(), T, 0), Ok(()));
    assert_eq!(huawei::record_md5_verify(KEY, T + 1, sign.as_bytes(), 0, 0), Err(Error::SignatureMismatch));
    assert_eq!(huawei::record_md5_verify(KEY, T, sign.as_bytes(), T + 1, 0), Err(Error::Expired));
    assert_eq!(huawei::record_md5_verify(&KEY[..31], T, sign.as_bytes(), T, 0), Err(Error::InvalidKey));
    assert_eq!(huawei::record_md5_verify(KEY, T, b"61ce", T, 0), Err(Error::Malformed));
    assert_eq!(huawei::record_md5_sign(b"", T).map(|s| s.to_string()), Err(Error::InvalidKey));
    let mut out = [b'#'; 32];
    // SAFETY: every pointer is valid for its length; NULLs are the cases under test.
    unsafe {
        assert_eq!(livesign_huawei_record_md5_len(), LIVESIGN_HUAWEI_RECORD_MD5_LEN);
        assert_eq!(
            livesign_huawei_record_md5_sign(KEY.as_ptr(), 32, T, core::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_md5_sign(core::ptr::null(), 32, T, out.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(livesign_huawei_record_md5_sign(KEY.as_ptr(), 31, T, out.as_mut_ptr()), LIVESIGN_INVALID_KEY);
        assert_eq!(out, [b'#'; 32]);
        assert_eq!(
            livesign_huawei_record_md5_verify(KEY.as_ptr(), 32, T, core::ptr::null(), 32, T, 0),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_md5_verify(KEY.as_ptr(), 32, T, sign.as_bytes().as_ptr(), 32, T + 301, 300),
            LIVESIGN_EXPIRED
        );
    }
}

#[test]
fn record_c_rules_and_keyed_variants() {
    let f = fields();
    let sign = huawei::record_sign(&key(), &f).unwrap();
    let c = ctx(KEY);
    let short = ctx(&KEY[..31]);
    let p = |s: &str| (s.as_ptr(), s.len());
    let (e, d, a, s, dl, pl) =
        (p(f.event_type), p(f.publish_domain), p(f.app), p(f.stream), p(f.download_url), p(f.play_url));
    let mut out = [b'#'; 64];
    // SAFETY: every pointer is valid for its length; NULLs come with the lengths under test.
    unsafe {
        assert_eq!(
            livesign_huawei_record_sign(
                KEY.as_ptr(),
                32,
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                core::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_sign(
                KEY.as_ptr(),
                32,
                T,
                core::ptr::null(),
                3,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_sign(
                KEY.as_ptr(),
                32,
                T,
                b"\xfe".as_ptr(),
                1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_sign(
                KEY.as_ptr(),
                31,
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_huawei_record_sign_keyed(
                &short,
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_huawei_record_sign_keyed(
                core::ptr::null(),
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(out, [b'#'; 64], "out is written only on success");
        let v = |k: &livesign_hmac_key, sig: &[u8], now: u64| {
            livesign_huawei_record_verify_keyed(
                k,
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                sig.as_ptr(),
                sig.len(),
                now,
                0,
            )
        };
        assert_eq!(v(&c, sign.as_bytes(), T), LIVESIGN_OK);
        assert_eq!(v(&c, &sign.as_bytes()[..63], T), LIVESIGN_MALFORMED);
        assert_eq!(v(&short, sign.as_bytes(), T), LIVESIGN_INVALID_KEY);
        assert_eq!(
            livesign_huawei_record_verify(
                KEY.as_ptr(),
                32,
                T,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                core::ptr::null(),
                64,
                T,
                0
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_record_verify(
                KEY.as_ptr(),
                32,
                T + 1,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                s.0,
                s.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                sign.as_bytes().as_ptr(),
                64,
                T,
                0
            ),
            LIVESIGN_SIGNATURE_MISMATCH
        );
    }
}

const SPARK_KEY: &[u8] = b"sparkrtc-callback-key-0123456789";
const BODY: &[u8] = b"{\"event\":\"record\"}";
const SPARK_SIG: &str = "f9f4a473c59739296d9892163bb61a04e27bbbf6a15d6d5441687e6d93ec585b";

#[test]
fn sparkrtc_order_units_and_tampering() {
    let k = HmacKey::new(SPARK_KEY).unwrap();
    let v = |rand: &str, ts: &str, body: &[u8], sig: &[u8], now: u64, leeway: u32| {
        huawei::sparkrtc_verify(&k, rand, ts, body, sig, now, leeway)
    };
    let sig = SPARK_SIG.as_bytes();
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1700000000, 0), Ok(()));
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1700000300, 300), Ok(()));
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1700000301, 300), Err(Error::Expired));
    assert_eq!(v("8f1c2c", "1700000000", BODY, sig, 0, 0), Err(Error::SignatureMismatch));
    assert_eq!(v("8f1c2b", "1700000000", b"{\"event\":\"recorD\"}", sig, 0, 0), Err(Error::SignatureMismatch));
    assert_eq!(
        v("8f1c2b", "1700000000", b"{\"event\": \"record\"}", sig, 0, 0),
        Err(Error::SignatureMismatch),
        "raw body"
    );
    assert_eq!(v("8f1c2b", "17000000o0", BODY, sig, 0, 0), Err(Error::Malformed));
    assert_eq!(v("8f1c2b", "01700000000", BODY, sig, 0, 0), Err(Error::Malformed));
    assert_eq!(v("8f1c2b", "1700000000", BODY, &sig[1..], 0, 0), Err(Error::Malformed));
    assert_eq!(v("8f1c2b", "1700000000", BODY, SPARK_SIG.to_uppercase().as_bytes(), 1700000000, 0), Ok(()));
    // Milliseconds: a 13-digit timestamp is read as ms (else it would never expire).
    let ms = "1700000000123";
    let s_ms = huawei::sparkrtc_sign(&k, "r", ms, BODY).unwrap();
    assert_eq!(v("r", ms, BODY, s_ms.as_bytes(), 1700000010, 10), Ok(()));
    assert_eq!(v("r", ms, BODY, s_ms.as_bytes(), 1700000011, 10), Err(Error::Expired));
    assert_eq!(huawei::sparkrtc_sign(&k, "r", "x", BODY).map(|s| s.to_string()), Err(Error::InvalidArgument));
    // Bodies are bytes, not text.
    let bin = [0xffu8, 0, 0xfe];
    let s = huawei::sparkrtc_sign(&k, "", "1700000000", &bin).unwrap();
    assert_eq!(v("", "1700000000", &bin, s.as_bytes(), 1700000000, 0), Ok(()));
    // Only 10 digits (seconds) or 13 (milliseconds) are a timestamp.
    for ts in ["1", "999999999", "17000000000", "170000000012", "17000000001234"] {
        assert_eq!(
            huawei::sparkrtc_sign(&k, "r", ts, BODY).map(|s| s.to_string()),
            Err(Error::InvalidArgument),
            "{ts}"
        );
        assert_eq!(v("r", ts, BODY, sig, 1700000000, u32::MAX), Err(Error::Malformed), "{ts}");
    }
    // A send time: at most leeway_s ahead of now too.
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1699999700, 300), Ok(()));
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1699999699, 300), Err(Error::Expired));
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 1699999999, 0), Err(Error::Expired));
    assert_eq!(v("8f1c2b", "1700000000", BODY, sig, 0, u32::MAX), Ok(()), "a leeway past the epoch");
    assert_eq!(v("r", ms, BODY, s_ms.as_bytes(), 1699999990, 10), Ok(()));
    assert_eq!(v("r", ms, BODY, s_ms.as_bytes(), 1699999989, 10), Err(Error::Expired));
}

/// SparkRTC joins X-Rtc-Rand and X-Rtc-Timestamp without a separator, so one signature covers
/// every split of the same bytes. No other split verifies near the original send time: most
/// leave a timestamp of neither 10 nor 13 digits (malformed), and the rest (three digits moved,
/// switching the unit) lie far from it (expired), in seconds and in milliseconds.
#[test]
fn sparkrtc_rand_digits_never_move_into_the_timestamp() {
    let k = HmacKey::new(SPARK_KEY).unwrap();
    for (rand, ts) in [
        ("8f1c21", "1700000000"),
        ("12345", "1700000000"),
        ("179", "1700000000123"),
        ("r9", "1796000000000"),
        ("0", "1700000000"),
    ] {
        let sig = huawei::sparkrtc_sign(&k, rand, ts, BODY).unwrap();
        let sent = ts[..10].parse::<u64>().unwrap();
        for now in [sent - 300, sent, sent + 300] {
            assert_eq!(huawei::sparkrtc_verify(&k, rand, ts, BODY, sig.as_bytes(), now, 300), Ok(()), "{rand}+{ts}");
        }
        let joined = format!("{rand}{ts}");
        for cut in 0..joined.len() {
            let (r, t) = joined.split_at(cut);
            if r == rand {
                continue;
            }
            for now in [sent - 300, sent, sent + 300] {
                let got = huawei::sparkrtc_verify(&k, r, t, BODY, sig.as_bytes(), now, 300);
                assert!(
                    matches!(got, Err(Error::Expired | Error::Malformed)),
                    "{rand}+{ts} as {r}+{t} at {now}: {got:?}"
                );
            }
        }
    }
}

/// Huawei calls X-Rtc-Rand a random number. Its last three digits moved in front of a seconds
/// timestamp make 13 digits, which are read as milliseconds: `ddd` followed by the send time T
/// re-reads as `ddd * 10^7 + T / 1000` seconds, a time between 2001 and 2286 that is not near
/// T but comes round later. At that instant the re-cut callback (same body, same
/// X-Rtc-Signature) verifies: a replay, weeks or years after the capture. Only the unit tells
/// the two readings apart, and Huawei does not document it: a receiver that knows its unit
/// passes it to `sparkrtc_verify_unit` (next test).
#[test]
fn sparkrtc_three_rand_digits_replay_a_seconds_timestamp_later() {
    let k = HmacKey::new(SPARK_KEY).unwrap();
    let (rand, ts, sent) = ("20231170", "1700000000", 1_700_000_000u64);
    let sig = huawei::sparkrtc_sign(&k, rand, ts, BODY).unwrap();
    assert_eq!(huawei::sparkrtc_verify(&k, rand, ts, BODY, sig.as_bytes(), sent, 300), Ok(()));
    let replay_at = 170 * 10_000_000 + sent / 1000; // 1701700000: about 20 days after sending
    assert_eq!(huawei::sparkrtc_verify(&k, rand, ts, BODY, sig.as_bytes(), replay_at, 300), Err(Error::Expired));
    let (r, t) = ("20231", "1701700000000");
    assert_eq!(format!("{r}{t}"), format!("{rand}{ts}"), "the same signed bytes");
    assert_eq!(huawei::sparkrtc_verify(&k, r, t, BODY, sig.as_bytes(), sent, 300), Err(Error::Expired));
    assert_eq!(huawei::sparkrtc_verify(&k, r, t, BODY, sig.as_bytes(), replay_at, 300), Ok(()));
}

/// With the unit pinned, a timestamp has exactly the digits of that unit (10 for seconds, 13
/// for milliseconds), and every re-cut of rand and timestamp changes the timestamp's length:
/// it is malformed, whatever the leeway. (Read as a time instead, a shorter one lies before
/// September 2001, which a leeway of decades reaches.) Checked for every cut of a digit-only
/// rand, in both units, at the send time, at the instant the length-based reading would
/// replay it, and a century later, with a small leeway and the largest.
#[test]
fn sparkrtc_a_pinned_unit_refuses_every_re_cut() {
    use huawei::SparkRtcUnit::{Milliseconds, Seconds};
    let k = HmacKey::new(SPARK_KEY).unwrap();
    for (unit, ts, sent) in [(Seconds, "1700000000", 1_700_000_000u64), (Milliseconds, "1700000000123", 1_700_000_000)]
    {
        let rand = "20231170";
        let sig = huawei::sparkrtc_sign(&k, rand, ts, BODY).unwrap();
        for leeway in [300, u32::MAX] {
            let verify = |r: &str, t: &str, now: u64| {
                huawei::sparkrtc_verify_unit(&k, r, t, BODY, sig.as_bytes(), unit, now, leeway)
            };
            assert_eq!(verify(rand, ts, sent), Ok(()), "{unit:?}");
            let joined = format!("{rand}{ts}");
            for cut in 0..=joined.len() {
                let (r, t) = joined.split_at(cut);
                if (r, t) == (rand, ts) {
                    continue;
                }
                for now in [sent, 1_701_700_000, sent + 100 * 365 * 86_400] {
                    assert_eq!(verify(r, t, now), Err(Error::Malformed), "{unit:?} {r}+{t} at {now}, leeway {leeway}");
                }
            }
        }
    }
    // Either unit refuses a timestamp of the other: it has the other's number of digits.
    let sig = huawei::sparkrtc_sign(&k, "r", "1700000000", BODY).unwrap();
    let got =
        huawei::sparkrtc_verify_unit(&k, "r", "1700000000", BODY, sig.as_bytes(), Milliseconds, 1_700_000_000, 300);
    assert_eq!(got, Err(Error::Malformed));
    let sig = huawei::sparkrtc_sign(&k, "r", "1700000000123", BODY).unwrap();
    let got = huawei::sparkrtc_verify_unit(&k, "r", "1700000000123", BODY, sig.as_bytes(), Seconds, 1_700_000_000, 300);
    assert_eq!(got, Err(Error::Malformed));
}

/// `leeway_s` is a u32: up to 136 years. A re-cut that moves the timestamp's first digit into
/// rand leaves a time in 1992, inside a window of 40 years, so a pinned unit must refuse
/// it by its length, not by its time.
#[test]
fn sparkrtc_a_pinned_unit_refuses_a_re_cut_within_a_large_leeway() {
    use huawei::SparkRtcUnit::{Milliseconds, Seconds};
    let k = HmacKey::new(SPARK_KEY).unwrap();
    let now = 1_700_000_000;
    for (unit, ts, cut_ts) in [(Seconds, "1700000000", "700000000"), (Milliseconds, "1700000000123", "700000000123")] {
        let sig = huawei::sparkrtc_sign(&k, "20231170", ts, BODY).unwrap();
        let verify = |r: &str, t: &str, leeway: u32| {
            huawei::sparkrtc_verify_unit(&k, r, t, BODY, sig.as_bytes(), unit, now, leeway)
        };
        assert_eq!(verify("20231170", ts, 40 * 365 * 86_400), Ok(()), "{unit:?}");
        assert_eq!(format!("202311701{cut_ts}"), format!("20231170{ts}"), "the same signed bytes");
        for leeway in [40 * 365 * 86_400, u32::MAX] {
            assert_eq!(verify("202311701", cut_ts, leeway), Err(Error::Malformed), "{unit:?} leeway {leeway}");
        }
    }
}

/// The MAC also joins X-Rtc-Timestamp and the body without a separator, and the unit is read
/// from the length (10 digits seconds, 13 milliseconds): a millisecond timestamp's last three
/// digits moved to the front of the body re-read as the same second, so the signature
/// verifies for a body Huawei never sent. Such a body starts with digits: a JSON body no
/// longer parses, which is what refuses it (the header and README say so), or the unit pinned
/// to milliseconds. Any other number of digits moved leaves a malformed length.
#[test]
fn sparkrtc_millisecond_digits_move_into_the_body() {
    let k = HmacKey::new(SPARK_KEY).unwrap();
    let (ts, sent) = ("1700000000123", 1700000000);
    let sig = huawei::sparkrtc_sign(&k, "r", ts, BODY).unwrap();
    for moved in 1..=4 {
        let (t, digits) = ts.split_at(ts.len() - moved);
        let body = [digits.as_bytes(), BODY].concat();
        let got = huawei::sparkrtc_verify(&k, "r", t, &body, sig.as_bytes(), sent, 300);
        let want = if moved == 3 { Ok(()) } else { Err(Error::Malformed) };
        assert_eq!(got, want, "{t} + {:?}", String::from_utf8_lossy(&body));
        if got.is_ok() {
            assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err(), "the moved body is not JSON");
        }
        let pinned = huawei::sparkrtc_verify_unit(
            &k,
            "r",
            t,
            &body,
            sig.as_bytes(),
            huawei::SparkRtcUnit::Milliseconds,
            sent,
            u32::MAX,
        );
        assert_eq!(pinned, Err(Error::Malformed), "{t}");
    }
}

#[test]
fn sparkrtc_c_rules() {
    let c = ctx(SPARK_KEY);
    let mut out = [b'#'; 64];
    let (r, t) = (b"8f1c2b", b"1700000000");
    // SAFETY: every pointer is valid for its length; NULLs come with the lengths under test.
    unsafe {
        assert_eq!(
            livesign_huawei_sparkrtc_sign(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                core::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_sparkrtc_sign(
                core::ptr::null(),
                0,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_huawei_sparkrtc_sign(
                core::ptr::null(),
                0,
                r.as_ptr(),
                6,
                b"x".as_ptr(),
                1,
                BODY.as_ptr(),
                BODY.len(),
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT,
            "argument checks come first"
        );
        assert_eq!(
            livesign_huawei_sparkrtc_sign_keyed(
                core::ptr::null(),
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                out.as_mut_ptr()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(out, [b'#'; 64]);
        assert_eq!(
            livesign_huawei_sparkrtc_sign_keyed(
                &c,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                core::ptr::null(),
                0,
                out.as_mut_ptr()
            ),
            LIVESIGN_OK
        );
        assert_eq!(
            out.as_slice(),
            huawei::sparkrtc_sign(&HmacKey::new(SPARK_KEY).unwrap(), "8f1c2b", "1700000000", b"").unwrap().as_bytes()
        );
        let sig = SPARK_SIG.as_bytes();
        assert_eq!(
            livesign_huawei_sparkrtc_verify(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                1700000001,
                0
            ),
            LIVESIGN_EXPIRED
        );
        assert_eq!(
            livesign_huawei_sparkrtc_verify(
                core::ptr::null(),
                0,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                0,
                0
            ),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_huawei_sparkrtc_verify(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                b"\xff".as_ptr(),
                1,
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                0,
                0
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_sparkrtc_verify_keyed(
                &c,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                63,
                0,
                0
            ),
            LIVESIGN_MALFORMED
        );
        assert_eq!(
            livesign_huawei_sparkrtc_verify_keyed(
                &c,
                r.as_ptr(),
                6,
                t.as_ptr(),
                10,
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                1700000000,
                0
            ),
            LIVESIGN_OK
        );
        // The unit variants: the same checks with the unit pinned, and an unknown unit first.
        let unit_raw = |ts: &[u8], unit: u32, now: u64| {
            livesign_huawei_sparkrtc_verify_unit(
                SPARK_KEY.as_ptr(),
                32,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                ts.len(),
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                unit,
                now,
                0,
            )
        };
        let unit_keyed = |ts: &[u8], unit: u32, now: u64| {
            livesign_huawei_sparkrtc_verify_unit_keyed(
                &c,
                r.as_ptr(),
                6,
                ts.as_ptr(),
                ts.len(),
                BODY.as_ptr(),
                BODY.len(),
                sig.as_ptr(),
                64,
                unit,
                now,
                0,
            )
        };
        for f in [&unit_raw as &dyn Fn(&[u8], u32, u64) -> livesign::ffi::status::livesign_status, &unit_keyed] {
            assert_eq!(f(t, LIVESIGN_HUAWEI_SPARKRTC_UNIT_EITHER, 1700000000), LIVESIGN_OK);
            assert_eq!(f(t, LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS, 1700000000), LIVESIGN_OK);
            // 10 digits are no millisecond timestamp, whenever it is.
            assert_eq!(f(t, LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS, 1700000000), LIVESIGN_MALFORMED);
            assert_eq!(f(t, LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS, 1700000), LIVESIGN_MALFORMED);
            assert_eq!(f(t, LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS, 1700000001), LIVESIGN_EXPIRED);
            assert_eq!(f(b"x", LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS, 0), LIVESIGN_MALFORMED);
            for unknown in [3, u32::MAX] {
                assert_eq!(f(t, unknown, 1700000000), LIVESIGN_INVALID_ARGUMENT);
            }
        }
        // An unknown unit is refused before anything else, a NULL input or an empty key too.
        let null_key = livesign_huawei_sparkrtc_verify_unit(
            core::ptr::null(),
            0,
            core::ptr::null(),
            1,
            t.as_ptr(),
            10,
            BODY.as_ptr(),
            BODY.len(),
            sig.as_ptr(),
            64,
            LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,
            0,
            0,
        );
        assert_eq!(null_key, LIVESIGN_INVALID_ARGUMENT);
        let empty_key = livesign_huawei_sparkrtc_verify_unit(
            core::ptr::null(),
            0,
            r.as_ptr(),
            6,
            t.as_ptr(),
            10,
            BODY.as_ptr(),
            BODY.len(),
            sig.as_ptr(),
            64,
            LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,
            0,
            0,
        );
        assert_eq!(empty_key, LIVESIGN_INVALID_KEY);
        let unknown_first = livesign_huawei_sparkrtc_verify_unit_keyed(
            core::ptr::null(),
            core::ptr::null(),
            1,
            t.as_ptr(),
            10,
            BODY.as_ptr(),
            BODY.len(),
            sig.as_ptr(),
            64,
            7,
            0,
            0,
        );
        assert_eq!(unknown_first, LIVESIGN_INVALID_ARGUMENT);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn record_round_trip_and_any_field_change_fails(t in 1_000_000_000u64..=9_999_999_999, which in 0usize..6, texts in proptest::array::uniform6("\\PC{0,20}"),
                                                     extra in "\\PC{1,3}") {
        let f = RecordFields { auth_timestamp: t, event_type: &texts[0], publish_domain: &texts[1], app: &texts[2],
                               stream: &texts[3], download_url: &texts[4], play_url: &texts[5] };
        let sign = huawei::record_sign(&key(), &f).unwrap();
        prop_assert_eq!(huawei::record_verify(&key(), &f, sign.as_bytes(), t, 0), Ok(()));
        // Append to one field (moving text between adjacent fields is Huawei's design: no
        // separators; appending changes the concatenation).
        let mut changed = texts.clone();
        changed[5 - which].push_str(&extra);
        let g = RecordFields { auth_timestamp: t, event_type: &changed[0], publish_domain: &changed[1], app: &changed[2],
                               stream: &changed[3], download_url: &changed[4], play_url: &changed[5] };
        prop_assert_eq!(huawei::record_verify(&key(), &g, sign.as_bytes(), t, 0), Err(Error::SignatureMismatch));
    }

    #[test]
    fn sparkrtc_round_trip_and_body_change_fails(rand in "[0-9a-f]{0,16}",
                                                  ts in prop_oneof![1_000_000_000u64..10_000_000_000, 1_000_000_000_000u64..10_000_000_000_000],
                                                  body in proptest::collection::vec(any::<u8>(), 0..200), i: usize, d in 1u8..) {
        let k = HmacKey::new(SPARK_KEY).unwrap();
        let ts = ts.to_string();
        let sig = huawei::sparkrtc_sign(&k, &rand, &ts, &body).unwrap();
        let now = huawei_secs(&ts);
        prop_assert_eq!(huawei::sparkrtc_verify(&k, &rand, &ts, &body, sig.as_bytes(), now, 0), Ok(()));
        if !body.is_empty() {
            let mut b = body.clone();
            let i = i % b.len();
            b[i] = b[i].wrapping_add(d);
            prop_assert_eq!(huawei::sparkrtc_verify(&k, &rand, &ts, &b, sig.as_bytes(), now, 0), Err(Error::SignatureMismatch));
        }
    }
}

/// The seconds the verifier reads from a timestamp text (10 digits seconds, 13 ms).
fn huawei_secs(ts: &str) -> u64 {
    let v: u64 = ts.parse().unwrap();
    if ts.len() == 13 { v / 1000 } else { v }
}
