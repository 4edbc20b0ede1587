//! Huawei URL validation methods A, B and D and Alibaba URL signing type A: key rules, key
//! rings with the matched index, validity windows and their edges, malformed URLs, the C
//! pointer and buffer rules, and properties.

mod support;

use livesign::ffi::alibaba::*;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei_url::*;
use livesign::ffi::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use livesign::ffi::status::livesign_status::{self, *};
use livesign::huawei::{self, TimeFormat, UrlAuth};
use livesign::{Error, HmacKey, alibaba};
use md5::Digest;
use proptest::prelude::*;

const KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
const BACKUP: &[u8] = b"0123456789abcdef0123456789ABCDEF";
const RAND: &str = "477b3bbc253f467b8def6711128c7bec";
const T: u64 = 1592639100;
const FLV: &str =
    "/livetest/huawei1.flv?auth_key=1592639100-477b3bbc253f467b8def6711128c7bec-0-dd1b5ffa00cf26acec0c169ae1cfabea";
const D_URL: &str = "rtmp://push.example.com/livetest/huawei1?hwSecret=ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8&hwTime=5eed5888";
const D_T: u64 = 0x5eed5888;
const B_URL: &str =
    "http://test-play.example.com/livetest/huawei1.flv?txSecret=5cdc845362c332a4ec3e09ac5d5571d6&txTime=5eed5888";
const B_T: u64 = 0x5eed5888;

fn a(keys: &[&[u8]], url: &str, format: TimeFormat, now: u64, duration: u32, leeway: u32) -> Result<usize, Error> {
    huawei::url_a_verify(keys, url.as_bytes(), format, now, duration, leeway)
}

fn d(keys: &[&[u8]], url: &str, now: u64, duration: u32, leeway: u32) -> Result<usize, Error> {
    let ring: Vec<HmacKey> = keys.iter().map(|k| HmacKey::new(k).unwrap()).collect();
    huawei::url_d_verify(&ring, "huawei1", url.as_bytes(), now, duration, leeway)
}

fn b(keys: &[&[u8]], url: &str, now: u64, duration: u32, leeway: u32) -> Result<usize, Error> {
    huawei::url_b_verify(keys, "huawei1", url.as_bytes(), now, duration, leeway)
}

fn md5_hex(s: &str) -> String {
    md5::Md5::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn ctx(key: &[u8]) -> livesign_hmac_key {
    let mut c = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: c is writable; key valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(c.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised above.
    unsafe { c.assume_init() }
}

fn c_a_verify(keys: &[&[u8]], url: &str, format: u32, now: u64, duration: u32) -> (livesign_status, usize) {
    let ring: Vec<livesign_slice> = keys.iter().map(|k| livesign_slice::of(k)).collect();
    let mut m = usize::MAX;
    // SAFETY: ring and url are valid for their lengths; m is writable.
    let st = unsafe {
        livesign_huawei_url_a_verify(
            ring.as_ptr(),
            ring.len(),
            url.as_ptr(),
            url.len(),
            format,
            now,
            duration,
            0,
            &mut m,
        )
    };
    (st, m)
}

fn c_d_verify(keys: &[&[u8]], stream: &str, url: &str, now: u64, duration: u32) -> (livesign_status, usize) {
    let ring: Vec<livesign_slice> = keys.iter().map(|k| livesign_slice::of(k)).collect();
    let mut m = usize::MAX;
    // SAFETY: every pointer is valid for its length; m is writable.
    let st = unsafe {
        livesign_huawei_url_d_verify(
            ring.as_ptr(),
            ring.len(),
            stream.as_ptr(),
            stream.len(),
            url.as_ptr(),
            url.len(),
            now,
            duration,
            0,
            &mut m,
        )
    };
    (st, m)
}

fn c_b_verify(keys: &[&[u8]], stream: &str, url: &str, now: u64, duration: u32) -> (livesign_status, usize) {
    let ring: Vec<livesign_slice> = keys.iter().map(|k| livesign_slice::of(k)).collect();
    let mut m = usize::MAX;
    // SAFETY: every pointer is valid for its length; m is writable.
    let st = unsafe {
        livesign_huawei_url_b_verify(
            ring.as_ptr(),
            ring.len(),
            stream.as_ptr(),
            stream.len(),
            url.as_ptr(),
            url.len(),
            now,
            duration,
            0,
            &mut m,
        )
    };
    (st, m)
}

/// `livesign_huawei_url_b_build` into a buffer of `cap` bytes (NULL when 0).
fn c_b_build(key: &[u8], stream: &[u8], tx_time: u64, cap: usize) -> (livesign_status, usize, String) {
    let mut buf = vec![0u8; cap];
    let mut len = 777usize;
    let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
    // SAFETY: every pointer is valid for its length; out holds cap bytes or is NULL with 0.
    let st = unsafe {
        livesign_huawei_url_b_build(key.as_ptr(), key.len(), stream.as_ptr(), stream.len(), tx_time, out, cap, &mut len)
    };
    (st, len, String::from_utf8_lossy(&buf[..len.min(cap)]).into_owned())
}

#[test]
fn a_key_rings_report_the_matching_key() {
    let dec = TimeFormat::Decimal;
    assert_eq!(a(&[KEY], FLV, dec, T, 60, 0), Ok(0));
    assert_eq!(a(&[BACKUP, KEY], FLV, dec, T, 60, 0), Ok(1));
    assert_eq!(a(&[KEY, KEY], FLV, dec, T, 60, 0), Ok(0), "the first matching key");
    assert_eq!(a(&[BACKUP], FLV, dec, T, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(a(&[KEY; LIVESIGN_MAX_KEYS], FLV, dec, T, 60, 0), Ok(0));
    assert_eq!(a(&[KEY; LIVESIGN_MAX_KEYS + 1], FLV, dec, T, 60, 0), Err(Error::InvalidArgument));
    assert_eq!(a(&[], FLV, dec, T, 60, 0), Err(Error::InvalidArgument));
    assert_eq!(c_a_verify(&[BACKUP, KEY], FLV, LIVESIGN_HUAWEI_TIME_DECIMAL, T, 60), (LIVESIGN_OK, 1));
    assert_eq!(
        c_a_verify(&[BACKUP], FLV, LIVESIGN_HUAWEI_TIME_DECIMAL, T, 60),
        (LIVESIGN_SIGNATURE_MISMATCH, usize::MAX)
    );
}

#[test]
fn a_key_rule_duration_bounds_and_order() {
    let dec = TimeFormat::Decimal;
    for bad in [
        &b"01234567890123456789012345678901"[..],
        b"abcdefghijklmnopqrstuvwxyzABCDEF",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly1",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl_",
        b"",
    ] {
        assert!(!UrlAuth::key_valid(bad));
        // A bad key anywhere in the ring is reported, even when another key matches.
        assert_eq!(a(&[KEY, bad], FLV, dec, T, 60, 0), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(
            huawei::url_a_build(bad, "/a", T, dec, "0", "0").map(|q| q.to_string()),
            Err(Error::InvalidKey),
            "{bad:?}"
        );
    }
    assert_eq!(a(&[KEY], FLV, dec, T, 59, 0), Err(Error::InvalidArgument));
    assert_eq!(a(&[KEY], FLV, dec, T, 2_592_001, 0), Err(Error::InvalidArgument));
    assert_eq!(a(&[KEY], FLV, dec, T, 2_592_000, 0), Ok(0));
    // Order: argument, key, format, signature, expiry.
    assert_eq!(a(&[b"bad"], "junk", dec, T, 59, 0), Err(Error::InvalidArgument));
    assert_eq!(a(&[b"bad"], "junk", dec, T, 60, 0), Err(Error::InvalidKey));
    assert_eq!(a(&[KEY], "junk", dec, T, 60, 0), Err(Error::Malformed));
    let forged = FLV.replace("dd1b5", "dd1b6");
    assert_eq!(a(&[KEY], &forged, dec, T + 9999, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(a(&[KEY], FLV, dec, T + 61, 60, 0), Err(Error::Expired));
}

#[test]
fn a_validity_window_edges() {
    let dec = TimeFormat::Decimal;
    // Valid until timestamp + duration, inclusive; no not-before check (the CDN has none).
    assert_eq!(a(&[KEY], FLV, dec, 0, 60, 0), Ok(0));
    assert_eq!(a(&[KEY], FLV, dec, T + 60, 60, 0), Ok(0));
    assert_eq!(a(&[KEY], FLV, dec, T + 61, 60, 0), Err(Error::Expired));
    assert_eq!(a(&[KEY], FLV, dec, T + 61, 60, 1), Ok(0));
    assert_eq!(a(&[KEY], FLV, dec, T + 62, 60, 1), Err(Error::Expired));
    // Saturation at the top of u64.
    let q = huawei::url_a_build(KEY, "/a", u64::MAX - 10, dec, "0", "0").unwrap();
    let url = format!("/a?{q}");
    assert_eq!(a(&[KEY], &url, dec, u64::MAX, 60, 0), Ok(0));
}

#[test]
fn a_time_formats() {
    // The hex vector's time is 1592639100 written in hex; it is hashed as written.
    let q = huawei::url_a_build(KEY, "/livetest/huawei1.flv", T, TimeFormat::Hex, RAND, "0").unwrap();
    assert_eq!(q.as_str(), format!("auth_key=5eedbe7c-{RAND}-0-f118ba138b3b70dfbf42d4d6f1d75d2e"));
    let url = format!("/livetest/huawei1.flv?{q}");
    assert_eq!(a(&[KEY], &url, TimeFormat::Hex, T + 60, 60, 0), Ok(0));
    assert_eq!(a(&[KEY], &url, TimeFormat::Hex, T + 61, 60, 0), Err(Error::Expired));
    assert_eq!(a(&[KEY], &url, TimeFormat::Decimal, T, 60, 0), Err(Error::Malformed), "hex text is not decimal");
    // Exactly ten decimal digits are decimal in hex mode too: Huawei's decimal example keeps
    // its real expiry (read as hex it would run until the year 4900).
    assert_eq!(a(&[KEY], FLV, TimeFormat::Hex, T + 60, 60, 0), Ok(0));
    assert_eq!(a(&[KEY], FLV, TimeFormat::Hex, T + 61, 60, 0), Err(Error::Expired));
    assert_eq!(c_a_verify(&[KEY], FLV, LIVESIGN_HUAWEI_TIME_HEX, T + 61, 60).0, LIVESIGN_EXPIRED);
    // Otherwise 1 to 8 hex digits: eight decimal digits are hex; nine, or ten with a letter,
    // are neither form.
    let signed = |t: &str| {
        format!("/x?auth_key={t}-r-0-{}", md5_hex(&format!("/x-{t}-r-0-{}", std::str::from_utf8(KEY).unwrap())))
    };
    assert_eq!(a(&[KEY], &signed("15926391"), TimeFormat::Hex, 0x1592_6391 + 60, 60, 0), Ok(0));
    assert_eq!(a(&[KEY], &signed("15926391"), TimeFormat::Hex, 0x1592_6391 + 61, 60, 0), Err(Error::Expired));
    for neither in ["159263910", "15926391a0", "ffffffffffffffff"] {
        assert_eq!(a(&[KEY], &signed(neither), TimeFormat::Hex, 0, 60, 0), Err(Error::Malformed), "{neither}");
    }
    // Builders write at most eight hex digits, so everything they write is read back as hex.
    let max = UrlAuth::A_MAX_HEX_TIMESTAMP;
    assert_eq!(max, LIVESIGN_HUAWEI_URL_A_MAX_HEX_TIMESTAMP);
    let q = huawei::url_a_build(KEY, "/x", max, TimeFormat::Hex, "r", "0").unwrap();
    assert_eq!(a(&[KEY], &format!("/x?{q}"), TimeFormat::Hex, max + 60, 60, 0), Ok(0));
    assert_eq!(
        huawei::url_a_build(KEY, "/x", max + 1, TimeFormat::Hex, "r", "0").map(|q| q.to_string()),
        Err(Error::InvalidArgument)
    );
    // An uppercase hex time signed as written verifies too.
    let upper = format!(
        "/x?auth_key=5EEDBE7C-r-0-{}",
        md5_hex(&format!("/x-5EEDBE7C-r-0-{}", std::str::from_utf8(KEY).unwrap()))
    );
    assert_eq!(a(&[KEY], &upper, TimeFormat::Hex, T, 60, 0), Ok(0));
    assert_eq!(c_a_verify(&[KEY], &upper, LIVESIGN_HUAWEI_TIME_HEX, T, 60), (LIVESIGN_OK, 0));
    assert_eq!(c_a_verify(&[KEY], &upper, 2, T, 60).0, LIVESIGN_INVALID_ARGUMENT);
}

#[test]
fn a_malformed_urls() {
    let dec = TimeFormat::Decimal;
    let hash = "dd1b5ffa00cf26acec0c169ae1cfabea";
    for bad in [
        "/livetest/huawei1.flv".to_owned(),
        "/livetest/huawei1.flv?x=1".to_owned(),
        format!("{FLV}&auth_key=1-2-3-{hash}"),
        format!("/livetest/huawei1.flv?auth_key={T}-{RAND}-{hash}"),
        format!("/livetest/huawei1.flv?auth_key={T}-{RAND}-0-0-{hash}"),
        format!("/livetest/huawei1.flv?auth_key={T}--0-{hash}"),
        format!("/livetest/huawei1.flv?auth_key={T}-{RAND}-0-{}", &hash[1..]),
        format!("/livetest/huawei1.flv?auth_key={T}-{RAND}-0-{}x", &hash[1..]),
        format!("/livetest/huawei1.flv?auth_key=0x{T}-{RAND}-0-{hash}"),
        format!("/livetest/huawei1.flv?auth_key=+{T}-{RAND}-0-{hash}"),
        format!("/livetest/huawei1.flv?auth_key=99999999999999999999-{RAND}-0-{hash}"),
        format!("livetest/huawei1.flv?auth_key={T}-{RAND}-0-{hash}"),
        format!("/live test/huawei1.flv?auth_key={T}-{RAND}-0-{hash}"),
    ] {
        assert_eq!(a(&[KEY], &bad, dec, T, 60, 0), Err(Error::Malformed), "{bad}");
    }
    // Uppercase hash: decoded, so accepted.
    assert_eq!(a(&[KEY], &FLV.replace(hash, &hash.to_uppercase()), dec, T, 60, 0), Ok(0));
    // The signed URI is the path: another path, a query-free fragment, the same signature.
    assert_eq!(a(&[KEY], &FLV.replace(".flv", ".m3u8"), dec, T, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(a(&[KEY], &format!("https://h:8443{FLV}&other=1#frag"), dec, T, 60, 0), Ok(0));
}

fn c_a_build(
    key: &[u8],
    uri: &str,
    format: u32,
    rand: &str,
    uid: &str,
    cap: usize,
) -> (livesign_status, usize, String) {
    let mut buf = vec![0u8; cap];
    let mut len = 777usize;
    let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
    // SAFETY: every pointer is valid for its length; out holds cap bytes or is NULL with 0.
    let st = unsafe {
        livesign_huawei_url_a_build(
            key.as_ptr(),
            key.len(),
            uri.as_ptr(),
            uri.len(),
            T,
            format,
            rand.as_ptr(),
            rand.len(),
            uid.as_ptr(),
            uid.len(),
            out,
            cap,
            &mut len,
        )
    };
    (st, len, String::from_utf8_lossy(&buf[..len.min(cap)]).into_owned())
}

#[test]
fn a_builder_contract() {
    let query = &FLV[FLV.find('?').unwrap() + 1..];
    let dec = LIVESIGN_HUAWEI_TIME_DECIMAL;
    assert_eq!(c_a_build(KEY, "/livetest/huawei1.flv", dec, RAND, "0", 192), (LIVESIGN_OK, query.len(), query.into()));
    assert_eq!(c_a_build(KEY, "/livetest/huawei1.flv", dec, RAND, "0", 0).0, LIVESIGN_BUFFER_TOO_SMALL);
    assert_eq!(c_a_build(KEY, "/livetest/huawei1.flv", dec, RAND, "0", 0).1, query.len());
    assert_eq!(c_a_build(KEY, "/livetest/huawei1.flv", dec, RAND, "0", query.len() - 1).0, LIVESIGN_BUFFER_TOO_SMALL);
    assert_eq!(
        c_a_build(KEY, "/livetest/huawei1.flv", 9, RAND, "0", 192),
        (LIVESIGN_INVALID_ARGUMENT, 0, String::new())
    );
    assert_eq!(c_a_build(KEY, "livetest", dec, RAND, "0", 192).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_a_build(KEY, "/a", dec, "a-b", "0", 192).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_a_build(KEY, "/a", dec, "0", "", 192).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_a_build(b"short", "/a", dec, "0", "0", 192).0, LIVESIGN_INVALID_KEY);
    assert_eq!(c_a_build(b"short", "junk", dec, "0", "0", 192).0, LIVESIGN_INVALID_ARGUMENT, "arguments first");
    let longest = c_a_build(KEY, "/a", dec, &"r".repeat(64), &"u".repeat(64), 192);
    assert_eq!(longest.0, LIVESIGN_OK);
    // The longest possible query (a 20-digit time) is LIVESIGN_HUAWEI_URL_A_MAX_LEN.
    let q = huawei::url_a_build(KEY, "/a", u64::MAX, TimeFormat::Decimal, &"r".repeat(64), &"u".repeat(64)).unwrap();
    assert_eq!(q.as_str().len(), LIVESIGN_HUAWEI_URL_A_MAX_LEN);
    let mut len = 0usize;
    // SAFETY: NULLs with lengths are the cases under test.
    unsafe {
        assert_eq!(
            livesign_huawei_url_a_build(
                KEY.as_ptr(),
                32,
                core::ptr::null(),
                3,
                T,
                dec,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                core::ptr::null_mut(),
                0,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_a_build(
                KEY.as_ptr(),
                32,
                b"/a".as_ptr(),
                2,
                T,
                dec,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                core::ptr::null_mut(),
                5,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        let mut m = 3usize;
        assert_eq!(
            livesign_huawei_url_a_verify(core::ptr::null(), 1, FLV.as_ptr(), FLV.len(), dec, T, 60, 0, &mut m),
            LIVESIGN_INVALID_ARGUMENT
        );
        let r = [livesign_slice::of(KEY)];
        assert_eq!(
            livesign_huawei_url_a_verify(r.as_ptr(), 1, FLV.as_ptr(), FLV.len(), dec, T, 60, 0, core::ptr::null_mut()),
            LIVESIGN_OK
        );
        assert_eq!(m, 3, "matched is written only on success");
    }
}

#[test]
fn d_windows_rings_and_order() {
    // Huawei: valid while hwTime + duration > now (strict).
    assert_eq!(d(&[KEY], D_URL, D_T + 59, 60, 0), Ok(0));
    assert_eq!(d(&[KEY], D_URL, D_T + 60, 60, 0), Err(Error::Expired));
    assert_eq!(d(&[KEY], D_URL, D_T + 60, 60, 1), Ok(0));
    assert_eq!(d(&[KEY], D_URL, D_T + 61, 60, 1), Err(Error::Expired));
    assert_eq!(d(&[KEY], D_URL, 0, 60, 0), Ok(0));
    assert_eq!(d(&[BACKUP, KEY], D_URL, D_T, 60, 0), Ok(1));
    assert_eq!(d(&[BACKUP], D_URL, D_T, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(d(&[KEY], D_URL, D_T, 59, 0), Err(Error::InvalidArgument));
    assert_eq!(d(&[KEY], D_URL, D_T, 2_592_001, 0), Err(Error::InvalidArgument));
    assert_eq!(d(&[KEY, b"short"], D_URL, D_T, 60, 0), Err(Error::InvalidKey));
    assert_eq!(d(&[KEY], "junk", D_T, 60, 0), Err(Error::Malformed));
    assert_eq!(d(&[KEY], &D_URL.replace("ce2018", "ce2019"), D_T + 999, 60, 0), Err(Error::SignatureMismatch));
    let k = HmacKey::new(KEY).unwrap();
    assert_eq!(
        huawei::url_d_verify(std::slice::from_ref(&k), "", D_URL.as_bytes(), D_T, 60, 0),
        Err(Error::InvalidArgument)
    );
    assert_eq!(
        huawei::url_d_verify(std::slice::from_ref(&k), "huawei2", D_URL.as_bytes(), D_T, 60, 0),
        Err(Error::SignatureMismatch)
    );
    // The latest start: its window ends where it should, and the leeway saturates.
    let last = UrlAuth::D_MAX_HW_TIME;
    let url = format!("/a/s?{}", huawei::url_d_build(&k, "s", last).unwrap());
    assert_eq!(huawei::url_d_verify(std::slice::from_ref(&k), "s", url.as_bytes(), last + 59, 60, 0), Ok(0));
    assert_eq!(
        huawei::url_d_verify(std::slice::from_ref(&k), "s", url.as_bytes(), last + 60, 60, 0),
        Err(Error::Expired)
    );
    assert_eq!(
        huawei::url_d_verify(std::slice::from_ref(&k), "s", url.as_bytes(), u64::MAX, 60, u32::MAX),
        Err(Error::Expired)
    );
    assert_eq!(huawei::url_d_verify(&[k], "s", url.as_bytes(), last + 60, 60, u32::MAX), Ok(0));
}

#[test]
fn d_malformed_urls() {
    let secret = "ce201856a0957413319e883c8ccae13602f01d3d91e21daf5161964cf708a6a8";
    for bad in [
        "/live/huawei1".to_owned(),
        format!("/live/huawei1?hwSecret={secret}"),
        "/live/huawei1?hwTime=5eed5888".to_owned(),
        format!("{D_URL}&hwTime=5eed5888"),
        format!("{D_URL}&hwSecret={secret}"),
        format!("/live/huawei1?hwSecret={secret}&hwTime="),
        format!("/live/huawei1?hwSecret={secret}&hwTime=0x5eed5888"),
        format!("/live/huawei1?hwSecret={secret}&hwTime=00000000005eed5888"),
        format!("/live/huawei1?hwSecret={}&hwTime=5eed5888", &secret[2..]),
        format!("/live/huawei1?hwSecret={secret}0&hwTime=5eed5888"),
        format!("/live/huawei1?hwSecret={}g&hwTime=5eed5888", &secret[1..]),
    ] {
        assert_eq!(d(&[KEY], &bad, D_T, 60, 0), Err(Error::Malformed), "{bad}");
    }
    assert_eq!(d(&[KEY], &D_URL.replace(secret, &secret.to_uppercase()), D_T, 60, 0), Ok(0));
}

#[test]
fn d_raw_and_keyed_variants() {
    let stream = "huawei1";
    assert_eq!(c_d_verify(&[BACKUP, KEY], stream, D_URL, D_T, 60), (LIVESIGN_OK, 1));
    assert_eq!(c_d_verify(&[KEY], stream, D_URL, D_T + 60, 60), (LIVESIGN_EXPIRED, usize::MAX));
    assert_eq!(c_d_verify(&[KEY], "", D_URL, D_T, 60).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_d_verify(&[b"short"], "", D_URL, D_T, 60).0, LIVESIGN_INVALID_ARGUMENT, "arguments first");
    assert_eq!(c_d_verify(&[b"short"], stream, D_URL, D_T, 60).0, LIVESIGN_INVALID_KEY);
    assert_eq!(c_d_verify(&[KEY], stream, D_URL, D_T, 30).0, LIVESIGN_INVALID_ARGUMENT);
    // The raw variant checks the whole key rule; a loaded context only shows its length.
    let letters = b"abcdefghijklmnopqrstuvwxyzABCDEF";
    assert_eq!(c_d_verify(&[letters], stream, D_URL, D_T, 60).0, LIVESIGN_INVALID_KEY);
    let ctxs = [ctx(letters), ctx(KEY)];
    let mut m = 9usize;
    // SAFETY: every pointer is valid for its length; m is writable.
    let st = unsafe {
        livesign_huawei_url_d_verify_keyed(
            ctxs.as_ptr(),
            2,
            stream.as_ptr(),
            7,
            D_URL.as_ptr(),
            D_URL.len(),
            D_T,
            60,
            0,
            &mut m,
        )
    };
    assert_eq!((st, m), (LIVESIGN_OK, 1));
    let short = [ctx(b"short")];
    let wiped: [livesign_hmac_key; 1] = [ctx(KEY)].map(|mut c| {
        // SAFETY: c is a valid context.
        unsafe { livesign::ffi::hmac_key::livesign_hmac_key_wipe(&mut c) };
        c
    });
    // SAFETY: as above; NULL and oversized counts are the cases under test.
    unsafe {
        let call = |k: *const livesign_hmac_key, n: usize| {
            livesign_huawei_url_d_verify_keyed(
                k,
                n,
                stream.as_ptr(),
                7,
                D_URL.as_ptr(),
                D_URL.len(),
                D_T,
                60,
                0,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(call(short.as_ptr(), 1), LIVESIGN_INVALID_KEY);
        assert_eq!(call(wiped.as_ptr(), 1), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(call(core::ptr::null(), 1), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(call(ctxs.as_ptr(), 0), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(call(ctxs.as_ptr(), LIVESIGN_MAX_KEYS + 1), LIVESIGN_INVALID_ARGUMENT);
    }
    // Builders: raw, keyed, size query, small buffer, bad key, empty stream.
    let want = &D_URL[D_URL.find('?').unwrap() + 1..];
    let c = ctx(KEY);
    for cap in [0usize, 10, 96, 97] {
        let mut buf = vec![0u8; cap];
        let (mut l1, mut l2) = (0usize, 0usize);
        let out = if cap == 0 { core::ptr::null_mut() } else { buf.as_mut_ptr() };
        // SAFETY: every pointer is valid for its length.
        let (s1, s2) = unsafe {
            (
                livesign_huawei_url_d_build(KEY.as_ptr(), 32, stream.as_ptr(), 7, D_T, out, cap, &mut l1),
                livesign_huawei_url_d_build_keyed(&c, stream.as_ptr(), 7, D_T, out, cap, &mut l2),
            )
        };
        let want_st = if cap >= want.len() { LIVESIGN_OK } else { LIVESIGN_BUFFER_TOO_SMALL };
        assert_eq!((s1, s2, l1, l2), (want_st, want_st, want.len(), want.len()), "cap {cap}");
        if cap >= want.len() {
            assert_eq!(&buf[..l1], want.as_bytes());
        }
    }
    let mut buf = [0u8; 97];
    let mut len = 5usize;
    // SAFETY: every pointer is valid for its length.
    unsafe {
        assert_eq!(
            livesign_huawei_url_d_build(letters.as_ptr(), 32, b"s".as_ptr(), 1, D_T, buf.as_mut_ptr(), 97, &mut len),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_huawei_url_d_build(KEY.as_ptr(), 32, b"s".as_ptr(), 0, D_T, buf.as_mut_ptr(), 97, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_d_build_keyed(&c, b"\xff".as_ptr(), 1, D_T, buf.as_mut_ptr(), 97, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_d_build_keyed(&ctx(b"short"), b"s".as_ptr(), 1, D_T, buf.as_mut_ptr(), 97, &mut len),
            LIVESIGN_INVALID_KEY
        );
    }
    let key = HmacKey::new(KEY).unwrap();
    let longest = huawei::url_d_build(&key, "s", UrlAuth::D_MAX_HW_TIME).unwrap();
    assert!(longest.as_str().ends_with("&hwTime=ffffffff"));
    assert_eq!(longest.as_str().len(), LIVESIGN_HUAWEI_URL_D_MAX_LEN);
    assert_eq!((UrlAuth::D_MAX_HW_TIME, LIVESIGN_HUAWEI_URL_D_MAX_HW_TIME), (0xffff_ffff, 0xffff_ffff));
    // A later start would need a ninth hwTime digit; the stream is checked first.
    for t in [UrlAuth::D_MAX_HW_TIME + 1, u64::MAX] {
        assert_eq!(huawei::url_d_build(&key, "s", t).map(|q| q.to_string()), Err(Error::InvalidArgument));
        assert_eq!(
            huawei::url_d_secret(&HmacKey::new(b"short").unwrap(), "s", t).map(|_| ()),
            Err(Error::InvalidArgument)
        );
    }
    assert_eq!(huawei::url_d_build(&key, "", u64::MAX).map(|q| q.to_string()), Err(Error::InvalidArgument));
}

#[test]
fn b_windows_rings_and_order() {
    // Valid while txTime + duration > now (strict, as for D); no not-before check.
    assert_eq!(b(&[KEY], B_URL, B_T + 59, 60, 0), Ok(0));
    assert_eq!(b(&[KEY], B_URL, B_T + 60, 60, 0), Err(Error::Expired));
    assert_eq!(b(&[KEY], B_URL, B_T + 60, 60, 1), Ok(0));
    assert_eq!(b(&[KEY], B_URL, B_T + 61, 60, 1), Err(Error::Expired));
    assert_eq!(b(&[KEY], B_URL, B_T + 2_591_999, 2_592_000, 0), Ok(0));
    assert_eq!(b(&[KEY], B_URL, 0, 60, 0), Ok(0));
    // Key rings: the first matching key, all keys checked and tried.
    assert_eq!(b(&[BACKUP, KEY], B_URL, B_T, 60, 0), Ok(1));
    assert_eq!(b(&[KEY, KEY], B_URL, B_T, 60, 0), Ok(0));
    assert_eq!(b(&[BACKUP], B_URL, B_T, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(b(&[KEY; LIVESIGN_MAX_KEYS], B_URL, B_T, 60, 0), Ok(0));
    assert_eq!(b(&[KEY; LIVESIGN_MAX_KEYS + 1], B_URL, B_T, 60, 0), Err(Error::InvalidArgument));
    assert_eq!(b(&[], B_URL, B_T, 60, 0), Err(Error::InvalidArgument));
    for bad in [
        &b"01234567890123456789012345678901"[..],
        b"abcdefghijklmnopqrstuvwxyzABCDEF",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly1",
        b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl_",
        b"",
    ] {
        assert_eq!(b(&[KEY, bad], B_URL, B_T, 60, 0), Err(Error::InvalidKey), "{bad:?}");
        assert_eq!(huawei::url_b_build(bad, "s", B_T).map(|q| q.to_string()), Err(Error::InvalidKey), "{bad:?}");
    }
    assert_eq!(b(&[KEY], B_URL, B_T, 59, 0), Err(Error::InvalidArgument));
    assert_eq!(b(&[KEY], B_URL, B_T, 2_592_001, 0), Err(Error::InvalidArgument));
    // Order: argument, key, format, signature, expiry.
    assert_eq!(b(&[b"bad"], "junk", B_T, 59, 0), Err(Error::InvalidArgument));
    assert_eq!(b(&[b"bad"], "junk", B_T, 60, 0), Err(Error::InvalidKey));
    assert_eq!(b(&[KEY], "junk", B_T, 60, 0), Err(Error::Malformed));
    let forged = B_URL.replace("5cdc8", "5cdc9");
    assert_eq!(b(&[KEY], &forged, B_T + 9999, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(b(&[KEY], B_URL, B_T + 9999, 60, 0), Err(Error::Expired));
    // The stream name is the parameter, not the path.
    let url = B_URL.as_bytes();
    assert_eq!(huawei::url_b_verify(&[KEY], "", url, B_T, 60, 0), Err(Error::InvalidArgument));
    assert_eq!(huawei::url_b_verify(&[KEY], "huawei2", url, B_T, 60, 0), Err(Error::SignatureMismatch));
    assert_eq!(huawei::url_b_verify(&[KEY], "huawei1.flv", url, B_T, 60, 0), Err(Error::SignatureMismatch));
    let elsewhere = B_URL.replace("/livetest/huawei1.flv", "/other/index.m3u8");
    assert_eq!(b(&[KEY], &elsewhere, B_T, 60, 0), Ok(0));
}

#[test]
fn b_tx_time_texts() {
    let key = std::str::from_utf8(KEY).unwrap();
    let url = |t: &str| format!("/live/s?txSecret={}&txTime={t}", md5_hex(&format!("{key}s{t}")));
    let at = |t: &str, now: u64| huawei::url_b_verify(&[KEY], "s", url(t).as_bytes(), now, 60, 0);
    // Hex of either case, signed as written.
    assert_eq!(at("5EED5888", B_T + 59), Ok(0));
    assert_eq!(at("5eed5888", B_T + 60), Err(Error::Expired));
    // Hex only, exactly 8 digits (Huawei documents no decimal form): a ninth digit would be a
    // stream character moved into the time, a seventh or fewer a time character moved out of
    // it, and a decimal form would re-read two stream digits.
    assert_eq!(at("1592613000", 1592613059), Err(Error::Malformed));
    assert_eq!(at("15926130", 0x1592_6130 + 59), Ok(0));
    assert_eq!(at("ffffffff", 0xffff_ffff + 59), Ok(0));
    assert_eq!(at("10000000", 0x1000_0000 + 59), Ok(0));
    for short in ["0", "1", "5eed588", "fffffff"] {
        assert_eq!(at(short, 0), Err(Error::Malformed), "{short:?}");
    }
    for bad in ["", "0x5eed5888", "+5eed5888", "5eed588g", "159261300", "15eed5888", "ffffffffffffffff", "-1"] {
        assert_eq!(at(bad, 0), Err(Error::Malformed), "{bad:?}");
    }
}

#[test]
fn b_malformed_urls() {
    let secret = "5cdc845362c332a4ec3e09ac5d5571d6";
    for bad in [
        "/livetest/huawei1.flv".to_owned(),
        format!("/livetest/huawei1.flv?txSecret={secret}"),
        "/livetest/huawei1.flv?txTime=5eed5888".to_owned(),
        format!("{B_URL}&txTime=5eed5888"),
        format!("{B_URL}&txSecret={secret}"),
        format!("/livetest/huawei1.flv?txSecret={}&txTime=5eed5888", &secret[2..]),
        format!("/livetest/huawei1.flv?txSecret={secret}0&txTime=5eed5888"),
        format!("/livetest/huawei1.flv?txSecret={}g&txTime=5eed5888", &secret[1..]),
        // The shared scheme takes txSecret in lowercase only.
        format!("/livetest/huawei1.flv?txSecret={}&txTime=5eed5888", secret.to_uppercase()),
        format!("livetest/huawei1.flv?txSecret={secret}&txTime=5eed5888"),
        format!("/live test/huawei1.flv?txSecret={secret}&txTime=5eed5888"),
    ] {
        assert_eq!(b(&[KEY], &bad, B_T, 60, 0), Err(Error::Malformed), "{bad}");
    }
    assert_eq!(b(&[KEY], &format!("{B_URL}&other=1#frag"), B_T, 60, 0), Ok(0));
}

#[test]
fn b_builders() {
    let want = &B_URL[B_URL.find('?').unwrap() + 1..];
    assert_eq!(huawei::url_b_build(KEY, "huawei1", B_T).unwrap().as_str(), want);
    // Arguments first, then the key.
    assert_eq!(huawei::url_b_build(KEY, "", B_T).map(|q| q.to_string()), Err(Error::InvalidArgument));
    assert_eq!(huawei::url_b_build(b"bad", "", B_T).map(|q| q.to_string()), Err(Error::InvalidArgument));
    let over = UrlAuth::B_MAX_TX_TIME + 1;
    assert_eq!(huawei::url_b_build(b"bad", "s", over).map(|q| q.to_string()), Err(Error::InvalidArgument));
    let longest = huawei::url_b_build(KEY, "s", UrlAuth::B_MAX_TX_TIME).unwrap();
    assert!(longest.as_str().ends_with("&txTime=ffffffff"));
    assert_eq!(longest.as_str().len(), LIVESIGN_HUAWEI_URL_B_MAX_LEN);
    assert_eq!(UrlAuth::B_MAX_TX_TIME, LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME);
    // Every query has the same length: the time always has 8 digits.
    let earliest = huawei::url_b_build(KEY, "s", UrlAuth::B_MIN_TX_TIME).unwrap();
    assert_eq!(earliest.as_str().len(), LIVESIGN_HUAWEI_URL_B_MAX_LEN);
    let under = UrlAuth::B_MIN_TX_TIME - 1;
    assert_eq!(huawei::url_b_build(b"bad", "s", under).map(|q| q.to_string()), Err(Error::InvalidArgument));
    // The C builder: size query, short buffer, exact fit.
    for cap in [0, 10, want.len() - 1, want.len(), LIVESIGN_HUAWEI_URL_B_MAX_LEN] {
        let (st, len, text) = c_b_build(KEY, b"huawei1", B_T, cap);
        if cap < want.len() {
            assert_eq!((st, len), (LIVESIGN_BUFFER_TOO_SMALL, want.len()), "cap {cap}");
        } else {
            assert_eq!((st, len, text.as_str()), (LIVESIGN_OK, want.len(), want), "cap {cap}");
        }
    }
    assert_eq!(c_b_build(b"abcdefghijklmnopqrstuvwxyzABCDEF", b"s", B_T, 64), (LIVESIGN_INVALID_KEY, 0, String::new()));
    assert_eq!(c_b_build(KEY, b"", B_T, 64).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_build(KEY, b"\xff", B_T, 64).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_build(KEY, b"s", LIVESIGN_HUAWEI_URL_B_MAX_TX_TIME + 1, 64).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_build(KEY, b"s", LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME - 1, 64).0, LIVESIGN_INVALID_ARGUMENT);
    let mut len = 5usize;
    let mut out = [0u8; 64];
    // SAFETY: NULLs with lengths are the cases under test; the rest is valid.
    unsafe {
        let null = core::ptr::null();
        assert_eq!(
            livesign_huawei_url_b_build(KEY.as_ptr(), 32, null, 3, B_T, out.as_mut_ptr(), 64, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_huawei_url_b_build(null, 32, b"s".as_ptr(), 1, B_T, out.as_mut_ptr(), 64, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_b_build(KEY.as_ptr(), 32, b"s".as_ptr(), 1, B_T, core::ptr::null_mut(), 5, &mut len),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_b_build(
                KEY.as_ptr(),
                32,
                b"s".as_ptr(),
                1,
                B_T,
                out.as_mut_ptr(),
                64,
                core::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

#[test]
fn b_c_verify_contract() {
    assert_eq!(c_b_verify(&[BACKUP, KEY], "huawei1", B_URL, B_T, 60), (LIVESIGN_OK, 1));
    assert_eq!(c_b_verify(&[KEY], "huawei1", B_URL, B_T + 60, 60), (LIVESIGN_EXPIRED, usize::MAX));
    assert_eq!(c_b_verify(&[BACKUP], "huawei1", B_URL, B_T, 60), (LIVESIGN_SIGNATURE_MISMATCH, usize::MAX));
    assert_eq!(c_b_verify(&[KEY], "", B_URL, B_T, 60).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_verify(&[b"short"], "", B_URL, B_T, 60).0, LIVESIGN_INVALID_ARGUMENT, "arguments first");
    assert_eq!(c_b_verify(&[b"short"], "huawei1", B_URL, B_T, 60).0, LIVESIGN_INVALID_KEY);
    assert_eq!(c_b_verify(&[KEY], "huawei1", B_URL, B_T, 30).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_verify(&[KEY], "huawei1", "junk", B_T, 60).0, LIVESIGN_MALFORMED);
    assert_eq!(c_b_verify(&[KEY; LIVESIGN_MAX_KEYS + 1], "huawei1", B_URL, B_T, 60).0, LIVESIGN_INVALID_ARGUMENT);
    assert_eq!(c_b_verify(&[], "huawei1", B_URL, B_T, 60).0, LIVESIGN_INVALID_ARGUMENT);
    let r = [livesign_slice::of(KEY)];
    let mut m = 3usize;
    // SAFETY: NULLs with lengths and a NULL matched are the cases under test.
    unsafe {
        assert_eq!(
            livesign_huawei_url_b_verify(
                core::ptr::null(),
                1,
                b"huawei1".as_ptr(),
                7,
                B_URL.as_ptr(),
                B_URL.len(),
                B_T,
                60,
                0,
                &mut m
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                1,
                core::ptr::null(),
                7,
                B_URL.as_ptr(),
                B_URL.len(),
                B_T,
                60,
                0,
                &mut m
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                1,
                b"\xff".as_ptr(),
                1,
                B_URL.as_ptr(),
                B_URL.len(),
                B_T,
                60,
                0,
                &mut m
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                1,
                b"huawei1".as_ptr(),
                7,
                core::ptr::null(),
                5,
                B_T,
                60,
                0,
                &mut m
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(m, 3, "matched is written only on success");
        assert_eq!(
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                1,
                b"huawei1".as_ptr(),
                7,
                B_URL.as_ptr(),
                B_URL.len(),
                B_T,
                60,
                0,
                core::ptr::null_mut()
            ),
            LIVESIGN_OK
        );
    }
}

#[test]
fn alibaba_rules() {
    // Decimal only, any non-empty key, any validity; the rest is the shared construction.
    let key = b"alikey12345";
    let q = alibaba::url_a_build(key, "/app/stream", 1740562218, "0", "0").unwrap();
    let url = format!("rtmp://push.aliyundoc.com/app/stream?{q}");
    assert_eq!(alibaba::url_a_verify(&[key], url.as_bytes(), 1740562218, 0, 0), Ok(0));
    assert_eq!(alibaba::url_a_verify(&[key], url.as_bytes(), 1740562219, 0, 0), Err(Error::Expired));
    assert_eq!(alibaba::url_a_verify(&[b"", key], url.as_bytes(), 1740562218, 0, 0), Err(Error::InvalidKey));
    assert_eq!(alibaba::url_a_verify(&[b"x"], url.as_bytes(), 0, 0, 0), Err(Error::SignatureMismatch));
    assert_eq!(alibaba::url_a_build(b"", "/a", 1, "0", "0").map(|q| q.to_string()), Err(Error::InvalidKey));
    let hex = url.replace("1740562218", "67be7d2a");
    assert_eq!(alibaba::url_a_verify(&[key], hex.as_bytes(), 0, 0, 0), Err(Error::Malformed));
    let mut buf = [0u8; LIVESIGN_ALIBABA_URL_A_MAX_LEN];
    let mut len = 0usize;
    // SAFETY: every pointer is valid for its length; NULLs are the cases under test.
    unsafe {
        assert_eq!(
            livesign_alibaba_url_a_build(
                core::ptr::null(),
                0,
                b"/a".as_ptr(),
                2,
                1,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                buf.as_mut_ptr(),
                buf.len(),
                &mut len
            ),
            LIVESIGN_INVALID_KEY
        );
        assert_eq!(
            livesign_alibaba_url_a_build(
                key.as_ptr(),
                11,
                b"/a".as_ptr(),
                2,
                1,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                buf.as_mut_ptr(),
                3,
                &mut len
            ),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(len, "auth_key=1-0-0-".len() + 32);
        let r = [livesign_slice::of(b"other"), livesign_slice::of(key)];
        let mut m = 0usize;
        assert_eq!(
            livesign_alibaba_url_a_verify(r.as_ptr(), 2, url.as_ptr(), url.len(), 1740562218, 0, 0, &mut m),
            LIVESIGN_OK
        );
        assert_eq!(m, 1);
        assert_eq!(
            livesign_alibaba_url_a_verify(r.as_ptr(), 0, url.as_ptr(), url.len(), 0, 0, 0, &mut m),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_round_trips(path in "(/[A-Za-z0-9._~-]{1,12}){1,4}"
                         .prop_filter("`.` and `..` segments are refused", |p| !p.split('/').any(|s| s == "." || s == "..")), t: u64, hex: bool, rand in "[A-Za-z0-9]{1,64}",
                     uid in "[0-9]{1,8}", duration in 60u32..=2_592_000) {
        let format = if hex { TimeFormat::Hex } else { TimeFormat::Decimal };
        let t = if hex { t % (UrlAuth::A_MAX_HEX_TIMESTAMP + 1) } else { t };
        let q = huawei::url_a_build(KEY, &path, t, format, &rand, &uid).unwrap();
        let url = format!("https://play.example.com{path}?{q}");
        prop_assert_eq!(huawei::url_a_verify(&[BACKUP, KEY], url.as_bytes(), format, t, duration, 0), Ok(1));
        let c_format = if hex { LIVESIGN_HUAWEI_TIME_HEX } else { LIVESIGN_HUAWEI_TIME_DECIMAL };
        prop_assert_eq!(c_a_verify(&[KEY], &url, c_format, t, duration), (LIVESIGN_OK, 0));
    }

    #[test]
    fn a_any_changed_byte_fails(i: usize, delta: u8) {
        // Any byte of the path or the query (scheme and host are not signed).
        let url = format!("https://play.example.com{FLV}");
        let start = url.len() - FLV.len();
        let pos = start + i % FLV.len();
        let mut bad = url.clone().into_bytes();
        bad[pos] = bad[pos].wrapping_add(delta.max(1));
        let r = huawei::url_a_verify(&[KEY], &bad, TimeFormat::Decimal, 0, 60, 0);
        // A hash digit changed only in case is the same hash.
        let same_hash = pos >= url.len() - 32 && bad[pos].to_ascii_lowercase() == url.as_bytes()[pos];
        prop_assert!(matches!(r, Err(Error::Malformed | Error::SignatureMismatch)) || same_hash, "{:?}", r);
    }

    #[test]
    fn d_round_trips(stream in "\\PC{1,24}", t in UrlAuth::D_MIN_HW_TIME..=UrlAuth::D_MAX_HW_TIME, duration in 60u32..=2_592_000) {
        let k = HmacKey::new(KEY).unwrap();
        let q = huawei::url_d_build(&k, &stream, t).unwrap();
        let url = format!("/app/any.m3u8?{q}");
        prop_assert_eq!(huawei::url_d_verify(std::slice::from_ref(&k), &stream, url.as_bytes(), t, duration, 0), Ok(0));
        prop_assert_eq!(c_d_verify(&[BACKUP, KEY], &stream, &url, t, duration), (LIVESIGN_OK, 1));
    }

    #[test]
    fn d_any_changed_byte_of_the_query_fails(i: usize, delta: u8) {
        let q = &D_URL[D_URL.find('?').unwrap()..];
        let pos = i % q.len();
        let mut bad = q.as_bytes().to_vec();
        bad[pos] = bad[pos].wrapping_add(delta.max(1));
        let url = [&b"/x"[..], &bad].concat();
        let k = HmacKey::new(KEY).unwrap();
        let r = huawei::url_d_verify(&[k], "huawei1", &url, 0, 60, 0);
        // A secret digit changed only in case is the same secret.
        let secret = q.find("hwSecret=").unwrap() + 9..q.find("&hwTime").unwrap();
        let same_secret = secret.contains(&pos) && bad[pos].to_ascii_lowercase() == q.as_bytes()[pos];
        prop_assert!(matches!(r, Err(Error::Malformed | Error::SignatureMismatch)) || same_secret, "{:?}", r);
    }

    #[test]
    fn b_round_trips(stream in "\\PC{1,24}", t in UrlAuth::B_MIN_TX_TIME..=UrlAuth::B_MAX_TX_TIME, duration in 60u32..=2_592_000) {
        let q = huawei::url_b_build(KEY, &stream, t).unwrap();
        let written = format!("&txTime={t:x}");
        prop_assert!(q.as_str().ends_with(&written), "{} {}", q, written);
        let url = format!("rtmp://push.example.com/app/any?{q}");
        let end = t + u64::from(duration);
        prop_assert_eq!(huawei::url_b_verify(&[KEY], &stream, url.as_bytes(), t, duration, 0), Ok(0));
        prop_assert_eq!(huawei::url_b_verify(&[BACKUP, KEY], &stream, url.as_bytes(), end - 1, duration, 0), Ok(1));
        prop_assert_eq!(huawei::url_b_verify(&[KEY], &stream, url.as_bytes(), end, duration, 0), Err(Error::Expired));
        prop_assert_eq!(c_b_verify(&[BACKUP, KEY], &stream, &url, t, duration), (LIVESIGN_OK, 1));
        let (st, len, text) = c_b_build(KEY, stream.as_bytes(), t, LIVESIGN_HUAWEI_URL_B_MAX_LEN);
        prop_assert_eq!((st, len, text.as_str()), (LIVESIGN_OK, q.as_str().len(), q.as_str()));
    }

    #[test]
    fn b_any_changed_byte_of_a_signed_field_fails(i: usize, delta: u8) {
        // The signed fields: the stream name (a parameter) and the query.
        let q = &B_URL[B_URL.find('?').unwrap()..];
        let signed = ["huawei1".as_bytes(), q.as_bytes()].concat();
        let pos = i % signed.len();
        let mut bad = signed.clone();
        bad[pos] = bad[pos].wrapping_add(delta.max(1));
        let (stream, query) = bad.split_at(7);
        let url = [&b"/livetest/huawei1.flv"[..], query].concat();
        let ring = [livesign_slice::of(KEY)];
        // SAFETY: every pointer is valid for its length; matched may be NULL.
        let st = unsafe {
            livesign_huawei_url_b_verify(
                ring.as_ptr(),
                1,
                stream.as_ptr(),
                stream.len(),
                url.as_ptr(),
                url.len(),
                B_T,
                60,
                0,
                core::ptr::null_mut(),
            )
        };
        match std::str::from_utf8(stream) {
            Ok(stream) => {
                let r = huawei::url_b_verify(&[KEY], stream, &url, B_T, 60, 0);
                prop_assert!(matches!(r, Err(Error::Malformed | Error::SignatureMismatch)), "{:?}", r);
                prop_assert_eq!(st as u32, r.unwrap_err().code());
            }
            // A stream name that is no longer UTF-8 is refused as an argument.
            Err(_) => prop_assert_eq!(st, LIVESIGN_INVALID_ARGUMENT),
        }
    }

    #[test]
    fn hostile_urls_never_panic(url in proptest::collection::vec(any::<u8>(), 0..200), hex: bool) {
        let format = if hex { TimeFormat::Hex } else { TimeFormat::Decimal };
        let _ = huawei::url_a_verify(&[KEY], &url, format, 0, 60, 0);
        let k = HmacKey::new(KEY).unwrap();
        let _ = huawei::url_d_verify(&[k], "s", &url, 0, 60, 0);
        let _ = huawei::url_b_verify(&[KEY], "s", &url, 0, 60, 0);
        let _ = alibaba::url_a_verify(&[KEY], &url, 0, 60, 0);
    }
}

/// The reference HMAC-SHA256 (hex) for method D's `hwSecret`, from the `hmac` crate.
fn hmac_sha256_hex(key: &[u8], msg: &[u8]) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    mac.update(msg);
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// B and D sign the stream and the time joined without a separator, so a captured secret covers
/// every split of the same bytes. Their time is hex only, exactly 8 digits without a leading
/// zero, so every other split of a real URL is malformed (9 digits, a leading zero, 7 digits
/// or fewer), for B and D alike, with no leeway and with the largest.
#[test]
fn no_other_split_of_the_signed_bytes_verifies() {
    let loaded = HmacKey::new(KEY).unwrap();
    let keys = core::slice::from_ref(&loaded);
    let now = 1_700_000_000; // 2023-11-14: every issued time below is later.
    let duration = UrlAuth::MAX_DURATION_S;
    let issued = [
        ("room1a", "6553ff10"),
        ("room1A", "6553FF10"),
        ("room10", "6553ff10"),
        ("abcdef", "6553ff10"),
        ("a", "ffffffff"),
        ("0", "6553ff10"),
        // Tencent's form split (two stream digits against an all-digit time) finds no decimal
        // reading here.
        ("room17", "67812345"),
        ("user117", "96000000"),
    ];
    for (stream, time) in issued {
        let b_url = |t: &str| {
            format!(
                "/live/x.flv?txSecret={}&txTime={t}",
                md5_hex(&format!("{}{stream}{time}", std::str::from_utf8(KEY).unwrap()))
            )
        };
        let d_secret = hmac_sha256_hex(KEY, format!("{stream}{time}").as_bytes());
        let d_url = |t: &str| format!("/live/x.m3u8?hwSecret={d_secret}&hwTime={t}");
        assert_eq!(huawei::url_b_verify(&[KEY], stream, b_url(time).as_bytes(), now, duration, 0), Ok(0), "{stream}");
        assert_eq!(huawei::url_d_verify(keys, stream, d_url(time).as_bytes(), now, duration, 0), Ok(0), "{stream}");
        let joined = format!("{stream}{time}");
        for cut in 1..joined.len() {
            let (s, t) = joined.split_at(cut);
            if s == stream {
                continue;
            }
            for leeway in [0, u32::MAX] {
                let b = huawei::url_b_verify(&[KEY], s, b_url(t).as_bytes(), now, duration, leeway);
                assert_eq!(b, Err(Error::Malformed), "B: {stream}+{time} as {s}+{t}, leeway {leeway}");
                let d = huawei::url_d_verify(keys, s, d_url(t).as_bytes(), now, duration, leeway);
                assert_eq!(d, Err(Error::Malformed), "D: {stream}+{time} as {s}+{t}, leeway {leeway}");
            }
        }
    }
}

/// `livesign_huawei_url_d_verify` (`d`) or `_b_verify` with one key, [`KEY`], and a leeway.
fn c_verify_with_leeway(d: bool, stream: &str, url: &str, now: u64, duration: u32, leeway: u32) -> livesign_status {
    let ring = [livesign_slice::of(KEY)];
    let f = if d { livesign_huawei_url_d_verify } else { livesign_huawei_url_b_verify };
    let (s, u) = (stream.as_bytes(), url.as_bytes());
    // SAFETY: every pointer is valid for its length; matched may be NULL.
    unsafe {
        f(ring.as_ptr(), 1, s.as_ptr(), s.len(), u.as_ptr(), u.len(), now, duration, leeway, core::ptr::null_mut())
    }
}

/// `leeway_s` is a u32, 136 years: a leeway of decades reaches a hex time before 1978. A
/// character moved out of a real 8-digit time leaves 7 digits under the same secret (`room1a` +
/// `6553ff10` as `room1a6` + `553ff10`, 1972): the form (exactly 8 hex digits), not the time,
/// must refuse it, for B and D, with any leeway; and no builder writes such a time.
#[test]
fn a_character_moved_out_of_the_time_is_malformed_whatever_the_leeway() {
    let loaded = HmacKey::new(KEY).unwrap();
    let keys = core::slice::from_ref(&loaded);
    let now = 1_700_000_000;
    let duration = UrlAuth::MAX_DURATION_S;
    let (stream, time, s, t) = ("room1a", "6553ff10", "room1a6", "553ff10");
    assert_eq!(format!("{stream}{time}"), format!("{s}{t}"), "the same signed bytes");
    let b_secret = md5_hex(&format!("{}{stream}{time}", std::str::from_utf8(KEY).unwrap()));
    let d_secret = hmac_sha256_hex(KEY, format!("{stream}{time}").as_bytes());
    let b_url = |t: &str| format!("/live/x.flv?txSecret={b_secret}&txTime={t}");
    let d_url = |t: &str| format!("/live/x.m3u8?hwSecret={d_secret}&hwTime={t}");
    for leeway in [60 * 365 * 86_400, u32::MAX] {
        assert_eq!(huawei::url_b_verify(&[KEY], stream, b_url(time).as_bytes(), now, duration, leeway), Ok(0));
        assert_eq!(huawei::url_d_verify(keys, stream, d_url(time).as_bytes(), now, duration, leeway), Ok(0));
        let b = huawei::url_b_verify(&[KEY], s, b_url(t).as_bytes(), now, duration, leeway);
        assert_eq!(b, Err(Error::Malformed), "B, leeway {leeway}");
        assert_eq!(c_verify_with_leeway(false, s, &b_url(t), now, duration, leeway), LIVESIGN_MALFORMED);
        let d = huawei::url_d_verify(keys, s, d_url(t).as_bytes(), now, duration, leeway);
        assert_eq!(d, Err(Error::Malformed), "D, leeway {leeway}");
        assert_eq!(c_verify_with_leeway(true, s, &d_url(t), now, duration, leeway), LIVESIGN_MALFORMED);
    }
    // The builders stop at the first 8-digit time, 0x10000000 (1978-07-04), as at the last.
    assert_eq!((UrlAuth::B_MIN_TX_TIME, LIVESIGN_HUAWEI_URL_B_MIN_TX_TIME), (0x1000_0000, 0x1000_0000));
    assert_eq!((UrlAuth::D_MIN_HW_TIME, LIVESIGN_HUAWEI_URL_D_MIN_HW_TIME), (0x1000_0000, 0x1000_0000));
    assert!(huawei::url_b_build(KEY, "s", UrlAuth::B_MIN_TX_TIME).unwrap().as_str().ends_with("&txTime=10000000"));
    assert!(huawei::url_d_build(&loaded, "s", UrlAuth::D_MIN_HW_TIME).unwrap().as_str().ends_with("&hwTime=10000000"));
    for early in [0, 1, 0x0553_ff10, UrlAuth::B_MIN_TX_TIME - 1] {
        assert_eq!(huawei::url_b_build(KEY, "s", early).map(drop), Err(Error::InvalidArgument), "{early}");
        assert_eq!(huawei::url_b_build(b"", "s", early).map(drop), Err(Error::InvalidArgument), "before the key");
        assert_eq!(c_b_build(KEY, b"s", early, 64).0, LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(huawei::url_d_build(&loaded, "s", early).map(drop), Err(Error::InvalidArgument), "{early}");
        assert_eq!(huawei::url_d_secret(&loaded, "s", early).map(drop), Err(Error::InvalidArgument), "{early}");
        let (mut buf, mut len) = ([0u8; 128], 777usize);
        // SAFETY: every pointer is valid for its length; buf holds 128 bytes; len is writable.
        let st = unsafe {
            livesign_huawei_url_d_build(KEY.as_ptr(), 32, b"s".as_ptr(), 1, early, buf.as_mut_ptr(), 128, &mut len)
        };
        assert_eq!((st, len), (LIVESIGN_INVALID_ARGUMENT, 0), "{early}");
    }
}

/// RTMP clients split everything after the host at a `/` (see tests/tencent_url.rs): an
/// `rtmp` URL with a `/` in its query or with a `#` names another path or stream than its
/// first `?` suggests, for every method.
#[test]
fn rtmp_urls_are_split_as_rtmp_clients_split_them() {
    let dec = TimeFormat::Decimal;
    let flv = format!("rtmp://push.example.com{FLV}");
    assert_eq!(a(&[KEY], &flv, dec, T, 60, 0), Ok(0));
    for bad in [format!("{flv}&x=/other"), format!("{flv}#/other"), format!("{flv}#frag")] {
        assert_eq!(a(&[KEY], &bad, dec, T, 60, 0), Err(Error::Malformed), "{bad}");
        assert_eq!(c_a_verify(&[KEY], &bad, LIVESIGN_HUAWEI_TIME_DECIMAL, T, 60).0, LIVESIGN_MALFORMED);
        assert_eq!(alibaba::url_a_verify(&[KEY], bad.as_bytes(), T, 60, 0), Err(Error::Malformed), "{bad}");
    }
    let b_rtmp = B_URL.replace("http://", "rtmp://");
    assert_eq!(b(&[KEY], &b_rtmp, B_T, 60, 0), Ok(0));
    assert_eq!(d(&[KEY], D_URL, D_T, 60, 0), Ok(0));
    for (bad_b, bad_d) in [
        (format!("{b_rtmp}&x=/other"), format!("{D_URL}&x=/other")),
        (format!("{b_rtmp}#frag"), format!("{D_URL}#frag")),
    ] {
        assert_eq!(b(&[KEY], &bad_b, B_T, 60, 0), Err(Error::Malformed), "{bad_b}");
        assert_eq!(c_b_verify(&[KEY], "huawei1", &bad_b, B_T, 60).0, LIVESIGN_MALFORMED);
        assert_eq!(d(&[KEY], &bad_d, D_T, 60, 0), Err(Error::Malformed), "{bad_d}");
        assert_eq!(c_d_verify(&[KEY], "huawei1", &bad_d, D_T, 60).0, LIVESIGN_MALFORMED);
    }
    // HTTP URLs keep their query and fragment.
    assert_eq!(a(&[KEY], &format!("https://h{FLV}&cb=https://x/y#frag"), dec, T, 60, 0), Ok(0));
    assert_eq!(b(&[KEY], &format!("{B_URL}&cb=https://x/y#frag"), B_T, 60, 0), Ok(0));
}

/// A percent-encoded or case-changed spelling of a signed parameter is the same parameter to
/// readers that decode names or fold their case, so beside the real one it is a repeat.
#[test]
fn other_spellings_of_the_signed_parameters_count_as_repeats() {
    let dec = TimeFormat::Decimal;
    for extra in ["AUTH_KEY=1", "auth%5Fkey=1", "Auth_Key"] {
        for u in [format!("{FLV}&{extra}"), FLV.replacen('?', &format!("?{extra}&"), 1)] {
            assert_eq!(a(&[KEY], &u, dec, T, 60, 0), Err(Error::Malformed), "{u}");
            assert_eq!(c_a_verify(&[KEY], &u, LIVESIGN_HUAWEI_TIME_DECIMAL, T, 60).0, LIVESIGN_MALFORMED);
            assert_eq!(alibaba::url_a_verify(&[KEY], u.as_bytes(), T, 60, 0), Err(Error::Malformed), "{u}");
        }
    }
    for extra in ["TXTIME=ffffffff", "tx%53ecret=0"] {
        let u = format!("{B_URL}&{extra}");
        assert_eq!(b(&[KEY], &u, B_T, 60, 0), Err(Error::Malformed), "{u}");
        assert_eq!(c_b_verify(&[KEY], "huawei1", &u, B_T, 60).0, LIVESIGN_MALFORMED);
    }
    for extra in ["HWTIME=ffffffff", "hw%53ecret=0"] {
        let u = format!("{D_URL}&{extra}");
        assert_eq!(d(&[KEY], &u, D_T, 60, 0), Err(Error::Malformed), "{u}");
        assert_eq!(c_d_verify(&[KEY], "huawei1", &u, D_T, 60).0, LIVESIGN_MALFORMED);
    }
    // Other names are other parameters.
    assert_eq!(a(&[KEY], &format!("{FLV}&auth_keys=1&xauth_key=2"), dec, T, 60, 0), Ok(0));
}

#[test]
fn a_builders_refuse_backslashes() {
    // WHATWG URL (browsers, fetch, hls.js) reads `\` in an http(s) path as `/`, so
    // `http://h/live\..\s.flv` is requested as `http://h/s.flv` and `/live\s.flv` as
    // `/live/s.flv`: the URI hashed is never the URI the CDN hashes.
    for uri in ["/live\\..\\s.flv", "/live\\s.flv", "\\live/s.flv", "/live/s.flv\\", "/a/.\\b"] {
        let dec = TimeFormat::Decimal;
        assert_eq!(huawei::url_a_build(KEY, uri, T, dec, "0", "0").map(|q| q.to_string()), Err(Error::InvalidArgument));
        assert_eq!(alibaba::url_a_build(b"k", uri, T, "0", "0").map(|q| q.to_string()), Err(Error::InvalidArgument));
        assert_eq!(c_a_build(KEY, uri, LIVESIGN_HUAWEI_TIME_DECIMAL, "0", "0", 192).0, LIVESIGN_INVALID_ARGUMENT);
    }
}

#[test]
fn backslashes_in_http_urls_are_malformed() {
    // WHATWG URL reads `\` in an http(s) URL as `/`: `http://h\live/s.flv` is a request for
    // `/live/s.flv` on host `h`, so the `/s.flv` this URL's split would verify is not the path
    // a browser fetches with it.
    let q = huawei::url_a_build(KEY, "/s.flv", T, TimeFormat::Decimal, "0", "0").unwrap();
    let good = format!("http://h/s.flv?{q}");
    assert_eq!(a(&[KEY], &good, TimeFormat::Decimal, T, 60, 0), Ok(0));
    for url in [
        format!("http://h\\live/s.flv?{q}"),
        format!("https://h\\live/s.flv?{q}"),
        format!("HTTPS://h/x\\..\\s.flv?{q}"),
    ] {
        assert_eq!(a(&[KEY], &url, TimeFormat::Decimal, T, 60, 0), Err(Error::Malformed), "{url}");
    }
    let q = alibaba::url_a_build(b"k", "/s.flv", T, "0", "0").unwrap();
    assert_eq!(
        alibaba::url_a_verify(&[b"k"], format!("http://h\\live/s.flv?{q}").as_bytes(), T, 0, 0),
        Err(Error::Malformed)
    );
}
