//! Tencent CSS push/play URLs (`txSecret` / `txTime`) through the safe API and the C API: every
//! `url_auth` vector, the hex/decimal `txTime` rule, key rings, check order, malformed URLs,
//! the builder's contract, properties.

mod support;

use livesign::Error;
use livesign::ffi::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent_url::*;
use livesign::tencent::url::{self, TxTimeForm, UrlKind};
use proptest::prelude::*;

struct Vector {
    name: String,
    key: String,
    stream: String,
    expiry: u64,
    tx_time: String,
    secret: String,
    url: String,
}

fn vectors() -> Vec<Vector> {
    let doc = support::vectors("tx_url.json");
    let list = doc["url_auth"]["vectors"].as_array().unwrap();
    let out: Vec<Vector> = list
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k}")).to_owned();
            let vector = Vector {
                name: s("name"),
                key: s("key"),
                stream: s("stream_name"),
                expiry: v["expiry_unix"].as_u64().unwrap(),
                tx_time: s("tx_time"),
                secret: s("tx_secret"),
                url: s("url"),
            };
            assert_eq!(s("string_to_hash"), format!("{}{}{}", vector.key, vector.stream, vector.tx_time));
            vector
        })
        .collect();
    assert_eq!(out.len(), 4, "the vector file changed: review this test");
    out
}

type Verified = (livesign_status, usize, livesign_tencent_url_info);

/// `livesign_tencent_url_verify` when `form` is `None`, else `livesign_tencent_url_verify_form`.
fn c_verify(keys: &[&[u8]], url: &[u8], form: Option<u32>, valid_for: u32, now: u64, leeway: u32) -> Verified {
    let ring: Vec<livesign_slice> = keys.iter().map(|k| livesign_slice::of(k)).collect();
    let mut matched = usize::MAX;
    let mut info = livesign_tencent_url_info {
        app: livesign_slice { ptr: url.as_ptr(), len: 1 },
        stream_name: livesign_slice::EMPTY,
        tx_time: livesign_slice::EMPTY,
        expiry: 9,
        valid_until: 9,
    };
    let (keys, n, u, len) = (ring.as_ptr(), ring.len(), url.as_ptr(), url.len());
    // SAFETY: the ring, its keys and url are valid for their lengths; matched and info are
    // writable.
    let s = unsafe {
        match form {
            None => livesign_tencent_url_verify(keys, n, u, len, valid_for, now, leeway, &mut matched, &mut info),
            Some(f) => {
                livesign_tencent_url_verify_form(keys, n, u, len, f, valid_for, now, leeway, &mut matched, &mut info)
            }
        }
    };
    (s, matched, info)
}

fn c_form(form: TxTimeForm) -> u32 {
    match form {
        TxTimeForm::HexOrDecimal => LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL,
        TxTimeForm::Hex => LIVESIGN_TENCENT_TX_TIME_HEX,
        TxTimeForm::Decimal => LIVESIGN_TENCENT_TX_TIME_DECIMAL,
    }
}

const NO_INFO: livesign_tencent_url_info = livesign_tencent_url_info {
    app: livesign_slice::EMPTY,
    stream_name: livesign_slice::EMPTY,
    tx_time: livesign_slice::EMPTY,
    expiry: 0,
    valid_until: 0,
};

fn view<'a>(s: livesign_slice) -> &'a [u8] {
    if s.ptr.is_null() {
        return b"";
    }
    // SAFETY: the slices checked point into URLs that outlive the check.
    unsafe { std::slice::from_raw_parts(s.ptr, s.len) }
}

/// Both APIs must agree; returns the Rust result. `verify` and `livesign_tencent_url_verify`
/// are the `HexOrDecimal` form of `verify_form` and `livesign_tencent_url_verify_form`.
fn both<'a>(
    keys: &[&[u8]],
    url: &'a [u8],
    valid_for: u32,
    now: u64,
    leeway: u32,
) -> Result<url::VerifiedUrl<'a>, Error> {
    let rust = url::verify(keys, url, valid_for, now, leeway);
    assert_eq!(rust, in_form(keys, url, TxTimeForm::HexOrDecimal, valid_for, now, leeway));
    agree(&rust, url, c_verify(keys, url, None, valid_for, now, leeway));
    rust
}

/// `verify_form` and `livesign_tencent_url_verify_form` must agree; returns the Rust result.
fn in_form<'a>(
    keys: &[&[u8]],
    url: &'a [u8],
    form: TxTimeForm,
    valid_for: u32,
    now: u64,
    leeway: u32,
) -> Result<url::VerifiedUrl<'a>, Error> {
    let rust = url::verify_form(keys, url, form, valid_for, now, leeway);
    agree(&rust, url, c_verify(keys, url, Some(c_form(form)), valid_for, now, leeway));
    rust
}

fn agree(rust: &Result<url::VerifiedUrl<'_>, Error>, url: &[u8], (status, matched, info): Verified) {
    match rust {
        Ok(v) => {
            assert_eq!((status, matched), (LIVESIGN_OK, v.key_index));
            assert_eq!((view(info.app), view(info.stream_name), view(info.tx_time)), (v.app, v.stream_name, v.tx_time));
            assert_eq!((info.expiry, info.valid_until), (v.expiry, v.valid_until));
        }
        Err(e) => {
            assert_eq!(status as u32, e.code(), "C and Rust disagree on {:?}", String::from_utf8_lossy(url));
            assert_eq!(matched, usize::MAX, "matched is written only on success");
            assert_eq!(info, NO_INFO, "info is zero-filled on failure");
        }
    }
}

fn c_build(
    kind: u32,
    domain: &[u8],
    app: &[u8],
    stream: &[u8],
    key: &[u8],
    expiry: u64,
) -> Result<Vec<u8>, (livesign_status, usize)> {
    let mut len = usize::MAX;
    // SAFETY: a size query: every input is valid for its length, out is NULL with capacity 0.
    let s = unsafe {
        livesign_tencent_url_build(
            kind,
            domain.as_ptr(),
            domain.len(),
            app.as_ptr(),
            app.len(),
            stream.as_ptr(),
            stream.len(),
            key.as_ptr(),
            key.len(),
            expiry,
            std::ptr::null_mut(),
            0,
            &mut len,
        )
    };
    if s != LIVESIGN_BUFFER_TOO_SMALL {
        return Err((s, len));
    }
    assert_eq!(livesign_tencent_url_build_len(kind, domain.len(), app.len(), stream.len(), expiry), len);
    let mut out = vec![0u8; len];
    let mut written = 0;
    // SAFETY: as above, with out holding len writable bytes.
    let s = unsafe {
        livesign_tencent_url_build(
            kind,
            domain.as_ptr(),
            domain.len(),
            app.as_ptr(),
            app.len(),
            stream.as_ptr(),
            stream.len(),
            key.as_ptr(),
            key.len(),
            expiry,
            out.as_mut_ptr(),
            out.len(),
            &mut written,
        )
    };
    assert_eq!((s, written), (LIVESIGN_OK, len));
    Ok(out)
}

#[test]
fn domains_read_as_one_host_by_every_parser() {
    let key = b"0123456789abcdef0123456789abcdef";
    let build = |domain: &[u8]| {
        let mut buf = [0u8; 512];
        url::build(UrlKind::Rtmp, domain, b"live", b"s", key, 1546064025, &mut buf).map(drop)
    };
    // Not an IPv6 address (RFC 4291 / RFC 3986 `IPv6address`): every URL parser refuses the
    // URL, so it names no server.
    let not_ipv6 = [
        "[:]",
        "[:::]",
        "[1::2::3]",
        "[12345::1]",
        "[1:2:3:4:5:6:7:8:9]",
        "[1:2:3:4:5:6:7:8::]",
        "[1:2:3:4:5:6:7]",
        "[::1.2.3]",
        "[1.2.3.4:]",
        "[::ffff:256.0.0.1]",
        "[::01.2.3.4]",
        "[:1::]",
        "[::1:]:80",
    ];
    // A name ending in a number is an IPv4 address to a WHATWG parser (browsers, curl) in its
    // legacy forms (`1.2.3` is 1.2.0.3, `010.0.0.1` is 8.0.0.1, `0x7f.0.0.1` is 127.0.0.1,
    // `4294967295` is 255.255.255.255), a DNS name or another address to others (Java reads
    // `010` as 10): only a dotted quad reads the same everywhere.
    let ambiguous =
        ["1.2.3", "010.0.0.1", "0x7f.0.0.1", "4294967295", "1.2.3.4.5", "256.0.0.1", "h.123", "h.0x1f", "0x"];
    for bad in not_ipv6.iter().chain(&ambiguous) {
        assert_eq!(build(bad.as_bytes()), Err(Error::InvalidArgument), "{bad}");
        assert_eq!(
            c_build(LIVESIGN_TENCENT_URL_RTMP, bad.as_bytes(), b"live", b"s", key, 1546064025),
            Err((LIVESIGN_INVALID_ARGUMENT, 0))
        );
    }
    for ok in [
        "[::]",
        "[::1]:1935",
        "[::ffff:1.2.3.4]",
        "[2001:DB8::7]:443",
        "[1:2:3:4:5:6:7::]",
        "[1:2:3:4:5:6:1.2.3.4]",
        "127.0.0.1",
        "0.0.0.0:1",
        "255.255.255.255",
        "123.example.com",
        "h.0xg",
        "a1.b2",
    ] {
        assert_eq!(build(ok.as_bytes()), Ok(()), "{ok}");
    }
}

fn c_secret(key: &[u8], stream: &[u8], tx_time: &[u8]) -> Result<[u8; 32], livesign_status> {
    let mut out = [0u8; LIVESIGN_TENCENT_TX_SECRET_LEN];
    // SAFETY: inputs are valid for their lengths; out holds LIVESIGN_TENCENT_TX_SECRET_LEN bytes.
    let s = unsafe {
        livesign_tencent_url_secret(
            key.as_ptr(),
            key.len(),
            stream.as_ptr(),
            stream.len(),
            tx_time.as_ptr(),
            tx_time.len(),
            out.as_mut_ptr(),
        )
    };
    if s == LIVESIGN_OK { Ok(out) } else { Err(s) }
}

#[test]
fn every_url_vector() {
    for v in vectors() {
        let key = v.key.as_bytes();
        let name = &v.name;
        // The secret over the literal txTime, from Rust and from C.
        assert_eq!(url::secret(key, v.stream.as_bytes(), v.tx_time.as_bytes()).unwrap().as_str(), v.secret, "{name}");
        assert_eq!(&c_secret(key, v.stream.as_bytes(), v.tx_time.as_bytes()).unwrap(), v.secret.as_bytes(), "{name}");
        // The URL verifies, alone and as the backup of a ring, and says what it carries.
        let got = both(&[key], v.url.as_bytes(), 0, v.expiry, 0).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            (got.stream_name, got.app, got.expiry, got.key_index),
            (v.stream.as_bytes(), &b"live"[..], v.expiry, 0),
            "{name}"
        );
        assert_eq!(got.tx_time, v.tx_time.as_bytes(), "{name}");
        let ring: [&[u8]; 2] = [b"rotated-out-primary", key];
        assert_eq!(both(&ring, v.url.as_bytes(), 0, v.expiry, 0).unwrap().key_index, 1, "{name}");
        // Just the path and query.
        let path = &v.url[v.url.find("/live/").unwrap()..];
        assert_eq!(both(&[key], path.as_bytes(), 0, v.expiry, 0).unwrap().key_index, 0, "{name}");
        // Players append their own parameters, URLs among them; the path must still verify.
        let extra = format!("{path}&redirect=https://cdn.example.com/x?y=1");
        assert_eq!(both(&[key], extra.as_bytes(), 0, v.expiry, 0).unwrap().key_index, 0, "{name}");
        // Expiry: the second after, unless play validity or leeway covers it; sign first.
        assert_eq!(both(&[key], v.url.as_bytes(), 0, v.expiry + 1, 0).map(|_| ()), Err(Error::Expired), "{name}");
        assert!(both(&[key], v.url.as_bytes(), 1, v.expiry + 1, 0).is_ok(), "{name}");
        assert!(both(&[key], v.url.as_bytes(), 0, v.expiry + 1, 1).is_ok(), "{name}");
        assert_eq!(both(&[key], v.url.as_bytes(), 600, v.expiry + 601, 0).map(|_| ()), Err(Error::Expired), "{name}");
        assert_eq!(both(&[b"wrong"], v.url.as_bytes(), 0, v.expiry + 9, 0).map(|_| ()), Err(Error::SignatureMismatch));
        // In its own form the URL verifies the same; in the other single form it is malformed.
        let (own, other) = if v.tx_time.len() == 10 {
            (TxTimeForm::Decimal, TxTimeForm::Hex)
        } else {
            (TxTimeForm::Hex, TxTimeForm::Decimal)
        };
        assert_eq!(
            in_form(&ring, v.url.as_bytes(), own, 0, v.expiry, 0),
            both(&ring, v.url.as_bytes(), 0, v.expiry, 0)
        );
        assert_eq!(in_form(&ring, v.url.as_bytes(), own, 0, v.expiry + 1, 0).map(|_| ()), Err(Error::Expired));
        assert_eq!(
            in_form(&[key], v.url.as_bytes(), other, 0, v.expiry, 0).map(|_| ()),
            Err(Error::Malformed),
            "{name}"
        );
        // The builder reproduces the vectors written the way it writes (uppercase hex).
        let upper_hex = format!("{:X}", v.expiry);
        if v.tx_time == upper_hex {
            let (host, rest) = v.url.split_once("://").unwrap();
            let domain = rest.split('/').next().unwrap();
            let kind = if host == "rtmp" { UrlKind::Rtmp } else { UrlKind::Flv };
            let mut buf = [0u8; 256];
            let n = url::build(kind, domain.as_bytes(), b"live", v.stream.as_bytes(), key, v.expiry, &mut buf).unwrap();
            assert_eq!(std::str::from_utf8(&buf[..n]).unwrap(), v.url, "{name}");
            let c_kind = if host == "rtmp" { LIVESIGN_TENCENT_URL_RTMP } else { LIVESIGN_TENCENT_URL_FLV };
            assert_eq!(
                c_build(c_kind, domain.as_bytes(), b"live", v.stream.as_bytes(), key, v.expiry).unwrap(),
                v.url.as_bytes()
            );
        }
    }
}

#[test]
fn tx_time_case_and_decimal() {
    let vs = vectors();
    let (lower, upper, decimal) = (&vs[1], &vs[2], &vs[3]);
    // Same key, stream and instant: the case of txTime changes the secret.
    assert_eq!((lower.key.as_str(), lower.expiry), (upper.key.as_str(), upper.expiry));
    assert_ne!(lower.secret, upper.secret);
    let swapped = lower.url.replace(&lower.tx_time, &upper.tx_time);
    assert_eq!(both(&[lower.key.as_bytes()], swapped.as_bytes(), 0, 0, 0).map(|_| ()), Err(Error::SignatureMismatch));
    // A 10-digit all-decimal txTime is decimal: the vector's expiry, not 0x1735689600.
    assert_eq!(decimal.tx_time.len(), 10);
    let v = both(&[decimal.key.as_bytes()], decimal.url.as_bytes(), 0, decimal.expiry, 0).unwrap();
    assert_eq!(v.expiry, 1735689600);
    assert_eq!(
        both(&[decimal.key.as_bytes()], decimal.url.as_bytes(), 0, decimal.expiry + 1, 0).map(|_| ()),
        Err(Error::Expired)
    );
    // The same instant in hex is another (valid) URL.
    let hex = format!("{:X}", decimal.expiry);
    let secret = url::secret(decimal.key.as_bytes(), b"room_42", hex.as_bytes()).unwrap();
    let u = format!("rtmp://push.example.com/live/room_42?txSecret={secret}&txTime={hex}");
    assert_eq!(both(&[decimal.key.as_bytes()], u.as_bytes(), 0, decimal.expiry, 0).unwrap().expiry, decimal.expiry);
    // Nine digits are neither form: as hex (0x173568960, year 2170) a ninth digit would be a
    // stream character moved into the time.
    let nine = &decimal.tx_time[..9];
    assert_eq!(url::secret(decimal.key.as_bytes(), b"room_42", nine.as_bytes()).map(|_| ()), Err(Error::Malformed));
    let u = format!("/live/room_42?txSecret={}&txTime={nine}", decimal.secret);
    assert_eq!(both(&[decimal.key.as_bytes()], u.as_bytes(), 0, 0, 0).map(|_| ()), Err(Error::Malformed));
}

#[test]
fn key_rings() {
    let v = &vectors()[0];
    let key = v.key.as_bytes();
    let u = v.url.as_bytes();
    let at = v.expiry;
    assert_eq!(both(&[key, key], u, 0, at, 0).unwrap().key_index, 0, "first match wins");
    let eight: Vec<&[u8]> = (0..LIVESIGN_MAX_KEYS).map(|i| if i == 7 { key } else { &b"other"[..] }).collect();
    assert_eq!(both(&eight, u, 0, at, 0).unwrap().key_index, 7);
    let nine: Vec<&[u8]> = (0..=LIVESIGN_MAX_KEYS).map(|_| key).collect();
    assert_eq!(both(&nine, u, 0, at, 0).map(|_| ()), Err(Error::InvalidArgument));
    assert_eq!(both(&[], u, 0, at, 0).map(|_| ()), Err(Error::InvalidArgument));
    // A bad key ring is reported before a bad URL.
    assert_eq!(both(&[key, b""], b"not a url", 0, at, 0).map(|_| ()), Err(Error::InvalidKey));
    assert_eq!(both(&[key], b"not a url", 0, at, 0).map(|_| ()), Err(Error::Malformed));
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        let ring = [livesign_slice::of(key)];
        let null = std::ptr::null_mut();
        let s = |keys: *const livesign_slice, n: usize, url: *const u8, len: usize| {
            livesign_tencent_url_verify(keys, n, url, len, 0, at, 0, null, std::ptr::null_mut())
        };
        assert_eq!(s(ring.as_ptr(), 1, u.as_ptr(), u.len()), LIVESIGN_OK, "matched and info may be NULL");
        assert_eq!(s(std::ptr::null(), 1, u.as_ptr(), u.len()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 0, u.as_ptr(), u.len()), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 1, std::ptr::null(), 5), LIVESIGN_INVALID_ARGUMENT);
        assert_eq!(s(ring.as_ptr(), 1, std::ptr::null(), 0), LIVESIGN_MALFORMED);
        let bad_ring = [livesign_slice { ptr: std::ptr::null(), len: 4 }];
        assert_eq!(s(bad_ring.as_ptr(), 1, u.as_ptr(), u.len()), LIVESIGN_INVALID_ARGUMENT);
    }
}

#[test]
fn malformed_urls() {
    let v = &vectors()[0];
    let key = v.key.as_bytes();
    let q = "txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
    let bad = [
        String::new(),
        "live/test".into(),
        format!("rtmp://livepush.tcloud.com?{q}"),
        format!("rtmp://livepush.tcloud.com/?{q}"),
        format!("rtmp://livepush.tcloud.com/test?{q}"),
        format!("rtmp://livepush.tcloud.com/live/?{q}"),
        format!("rtmp://livepush.tcloud.com/live/.flv?{q}"),
        format!("rtmp://livepush.tcloud.com//test?{q}"),
        format!("rtmp://livepush.tcloud.com/live/te st?{q}"),
        format!("rtmp://livepush.tcloud.com/live/test?{q}&txTime=5C271099"),
        format!("rtmp://livepush.tcloud.com/live/test?{q}&txSecret=f85a2ab363fe4deaffef9754d79da6fe"),
        "rtmp://livepush.tcloud.com/live/test?txTime=5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe".into(),
        "rtmp://livepush.tcloud.com/live/test".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=F85A2AB363FE4DEAFFEF9754D79DA6FE&txTime=5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6f&txTime=5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe0&txTime=5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=&txTime=5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=0x5C271099".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C27109G".into(),
        "rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=15C27109900000000"
            .into(),
        format!("rtmp://livepush.tcloud.com/live/test?{q}\u{e9}"),
        format!("rtmp://livepush.tcloud.com/live/test?{q}\n"),
        format!("://livepush.tcloud.com/live/test?{q}"),
    ];
    for u in &bad {
        assert_eq!(both(&[key], u.as_bytes(), 0, 0, 0).map(|_| ()), Err(Error::Malformed), "{u:?}");
    }
    // Percent-encoded parameter names are other names (raw query, no decoding).
    let u = "rtmp://livepush.tcloud.com/live/test?tx%53ecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
    assert_eq!(both(&[key], u.as_bytes(), 0, 0, 0).map(|_| ()), Err(Error::Malformed));
    // Extra parameters and a fragment do not matter.
    let u = format!("https://livepush.tcloud.com/live/test.m3u8?a=1&{q}&b#frag");
    assert!(both(&[key], u.as_bytes(), 0, v.expiry, 0).is_ok());
    let u = format!("webrtc://livepush.tcloud.com/live/test.sdp?{q}");
    assert!(both(&[key], u.as_bytes(), 0, v.expiry, 0).is_ok());
    // A multi-segment AppName.
    let u = format!("rtmp://h/a/b/test?{q}");
    assert_eq!(both(&[key], u.as_bytes(), 0, v.expiry, 0).unwrap().app, b"a/b");
    // The secret covers the stream name and txTime, not the domain or AppName (Tencent's
    // scheme): the same query verifies under another host or AppName.
    let u = format!("rtmp://elsewhere.example/other/test?{q}");
    assert!(both(&[key], u.as_bytes(), 0, v.expiry, 0).is_ok());
    // Another stream name or txTime with the same secret is refused.
    for u in [format!("rtmp://h/live/test2?{q}"), format!("rtmp://h/live/tes?{q}"), q.replace("5C271099", "5C27109A")] {
        let u = if u.starts_with("tx") { format!("/live/test?{u}") } else { u };
        assert_eq!(both(&[key], u.as_bytes(), 0, 0, 0).map(|_| ()), Err(Error::SignatureMismatch), "{u}");
    }
}

#[test]
fn builder_contract() {
    let key = b"e12c46f2612d5106e2034781ab261ca3";
    for (kind, prefix, suffix) in [
        (LIVESIGN_TENCENT_URL_RTMP, "rtmp://", ""),
        (LIVESIGN_TENCENT_URL_WEBRTC, "webrtc://", ""),
        (LIVESIGN_TENCENT_URL_FLV, "https://", ".flv"),
        (LIVESIGN_TENCENT_URL_HLS, "https://", ".m3u8"),
    ] {
        let u = c_build(kind, b"play.example.com", b"live", b"s_1", key, 1546064025).unwrap();
        let text = String::from_utf8(u.clone()).unwrap();
        assert!(text.starts_with(&format!("{prefix}play.example.com/live/s_1{suffix}?txSecret=")), "{text}");
        assert!(text.ends_with("&txTime=5C271099"), "{text}");
        assert_eq!(both(&[key], &u, 0, 1546064025, 0).unwrap().stream_name, b"s_1");
    }
    const T: u64 = 1546064025;
    assert_eq!(livesign_tencent_url_build_len(0, 1, 1, 1, T), 0);
    assert_eq!(livesign_tencent_url_build_len(5, 1, 1, 1, T), 0);
    assert_eq!(
        livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 1, 1, LIVESIGN_TENCENT_URL_MAX_EXPIRY + 1),
        0
    );
    assert_eq!(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, usize::MAX, 1, 1, T), 0);
    assert_eq!(livesign_tencent_tx_secret_len(), 32);
    // The largest expiry is written with 8 hex digits (2106-02-07) and read back as hex.
    assert_eq!(LIVESIGN_TENCENT_URL_MAX_EXPIRY, 0xFFFF_FFFF);
    let u = c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", b"s", key, LIVESIGN_TENCENT_URL_MAX_EXPIRY).unwrap();
    assert!(u.ends_with(b"&txTime=FFFFFFFF"));
    assert_eq!(
        both(&[key], &u, 0, LIVESIGN_TENCENT_URL_MAX_EXPIRY, 0).unwrap().expiry,
        LIVESIGN_TENCENT_URL_MAX_EXPIRY
    );
    // The smallest: 8 digits too (1978-07-04); below, no time has 8 hex digits.
    let small = c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", b"s", key, LIVESIGN_TENCENT_URL_MIN_EXPIRY).unwrap();
    assert!(small.ends_with(b"&txTime=10000000"));
    assert_eq!(
        livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 1, 1, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1),
        0
    );
    // Refusals: statuses and *out_len = 0.
    for (kind, domain, app, stream, key, expiry, want) in [
        (9, &b"h"[..], &b"live"[..], &b"s"[..], &key[..], T, LIVESIGN_INVALID_ARGUMENT),
        (1, b"", b"live", b"s", key, T, LIVESIGN_INVALID_ARGUMENT),
        (1, b"h", b"live", b"s.m3u8", key, T, LIVESIGN_INVALID_ARGUMENT),
        (1, b"h", b"live", b"s?x", key, T, LIVESIGN_INVALID_ARGUMENT),
        (1, b"h", b"live", b"s", key, LIVESIGN_TENCENT_URL_MAX_EXPIRY + 1, LIVESIGN_INVALID_ARGUMENT),
        (1, b"h", b"live", b"s", key, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1, LIVESIGN_INVALID_ARGUMENT),
        (1, b"h", b"live", b"s", b"", T, LIVESIGN_INVALID_KEY),
    ] {
        assert_eq!(c_build(kind, domain, app, stream, key, expiry), Err((want, 0)));
    }
    // Pointer rules and a short buffer.
    let mut out = [0u8; 8];
    let mut len = 99;
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        let d = b"h";
        assert_eq!(
            livesign_tencent_url_build(
                1,
                d.as_ptr(),
                1,
                b"live".as_ptr(),
                4,
                b"s".as_ptr(),
                1,
                key.as_ptr(),
                32,
                T,
                out.as_mut_ptr(),
                8,
                std::ptr::null_mut()
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_url_build(
                1,
                std::ptr::null(),
                1,
                b"live".as_ptr(),
                4,
                b"s".as_ptr(),
                1,
                key.as_ptr(),
                32,
                T,
                out.as_mut_ptr(),
                8,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(len, 0);
        assert_eq!(
            livesign_tencent_url_build(
                1,
                d.as_ptr(),
                1,
                b"live".as_ptr(),
                4,
                b"s".as_ptr(),
                1,
                key.as_ptr(),
                32,
                T,
                std::ptr::null_mut(),
                8,
                &mut len
            ),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_url_build(
                1,
                d.as_ptr(),
                1,
                b"live".as_ptr(),
                4,
                b"s".as_ptr(),
                1,
                key.as_ptr(),
                32,
                T,
                out.as_mut_ptr(),
                8,
                &mut len
            ),
            LIVESIGN_BUFFER_TOO_SMALL
        );
        assert_eq!(len, livesign_tencent_url_build_len(1, 1, 4, 1, T));
    }
    // The secret function refuses a txTime verification would refuse.
    assert_eq!(c_secret(key, b"s", b"5C27109G"), Err(LIVESIGN_MALFORMED));
    assert_eq!(c_secret(key, b"s", b"5C27109"), Err(LIVESIGN_MALFORMED), "7 hex digits");
    assert_eq!(c_secret(key, b"s", b""), Err(LIVESIGN_MALFORMED));
    assert_eq!(c_secret(b"", b"s", b"5C271099"), Err(LIVESIGN_INVALID_KEY));
    assert_eq!(c_secret(b"", b"s", b"zz"), Err(LIVESIGN_INVALID_KEY), "the key is checked first");
    // SAFETY: NULL pointers come with the lengths whose handling is under test.
    unsafe {
        let mut o = [0u8; 32];
        assert_eq!(
            livesign_tencent_url_secret(key.as_ptr(), 32, b"s".as_ptr(), 1, b"1".as_ptr(), 1, std::ptr::null_mut()),
            LIVESIGN_INVALID_ARGUMENT
        );
        assert_eq!(
            livesign_tencent_url_secret(key.as_ptr(), 32, std::ptr::null(), 1, b"1".as_ptr(), 1, o.as_mut_ptr()),
            LIVESIGN_INVALID_ARGUMENT
        );
    }
}

/// DESIGN.md: a variable-size output has a `..._MAX_LEN` constant, a size that always fits.
#[test]
fn the_longest_url_fits_the_max_len() {
    let key = b"e12c46f2612d5106e2034781ab261ca3";
    let max = livesign::Limits::MAX_ID_LEN;
    // DNS allows no label over 63 characters and no name over 253: labels and a port fill it.
    let domain = format!("{0}.{0}.{0}.{1}:80", "d".repeat(63), "d".repeat(61)).into_bytes();
    assert_eq!(domain.len(), max);
    let app = vec![b'a'; max];
    let stream = vec![b's'; max];
    let mut longest = 0;
    for kind in
        [LIVESIGN_TENCENT_URL_RTMP, LIVESIGN_TENCENT_URL_WEBRTC, LIVESIGN_TENCENT_URL_FLV, LIVESIGN_TENCENT_URL_HLS]
    {
        let u = c_build(kind, &domain, &app, &stream, key, LIVESIGN_TENCENT_URL_MAX_EXPIRY).unwrap();
        assert!(u.len() <= LIVESIGN_TENCENT_URL_MAX_LEN, "kind {kind}: {}", u.len());
        longest = longest.max(u.len());
        let mut buf = [0u8; LIVESIGN_TENCENT_URL_MAX_LEN];
        let kind = [UrlKind::Rtmp, UrlKind::WebRtc, UrlKind::Flv, UrlKind::Hls][kind as usize - 1];
        let n = url::build(kind, &domain, &app, &stream, key, LIVESIGN_TENCENT_URL_MAX_EXPIRY, &mut buf).unwrap();
        assert_eq!(&buf[..n], &u[..]);
    }
    assert_eq!(longest, LIVESIGN_TENCENT_URL_MAX_LEN, "the bound is tight");
}

fn stream_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,30}"
        .prop_filter("no play suffix", |s| ![".flv", ".m3u8", ".sdp"].iter().any(|x| s.ends_with(x)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn build_then_verify(key in proptest::collection::vec(any::<u8>(), 1..64), stream in stream_name(),
                         expiry in LIVESIGN_TENCENT_URL_MIN_EXPIRY..=LIVESIGN_TENCENT_URL_MAX_EXPIRY, kind in 1u32..=4, now_before in 0u64..1000) {
        let u = c_build(kind, b"push.example.com", b"live", stream.as_bytes(), &key, expiry).unwrap();
        let v = both(&[b"backup-first", &key], &u, 0, expiry.saturating_sub(now_before), 0).unwrap();
        prop_assert_eq!(v.stream_name, stream.as_bytes());
        prop_assert_eq!(v.key_index, 1);
        prop_assert_eq!(v.expiry, expiry);
        let text = String::from_utf8(u.clone()).unwrap();
        let sent = &text.split("txSecret=").nth(1).unwrap()[..32];
        let secret = url::secret(&key, stream.as_bytes(), v.tx_time).unwrap();
        prop_assert_eq!(secret.as_str(), sent);
    }

    #[test]
    fn any_one_byte_change_fails(key in proptest::collection::vec(any::<u8>(), 1..64), stream in stream_name(),
                                 expiry in LIVESIGN_TENCENT_URL_MIN_EXPIRY..=LIVESIGN_TENCENT_URL_MAX_EXPIRY, i: usize, byte: u8) {
        let u = c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", stream.as_bytes(), &key, expiry).unwrap();
        // Every byte of the stream name, txSecret and txTime is covered (the domain and the
        // AppName are not: Tencent's scheme signs the stream name only).
        let text = String::from_utf8(u.clone()).unwrap();
        let stream_at = "rtmp://h/live/".len();
        let secret_at = text.find("txSecret=").unwrap() + 9;
        let time_at = text.find("txTime=").unwrap() + 7;
        let covered: Vec<usize> =
            (stream_at..stream_at + stream.len()).chain(secret_at..secret_at + 32).chain(time_at..u.len()).collect();
        let pos = covered[i % covered.len()];
        let mut m = u.clone();
        prop_assume!(m[pos] != byte);
        m[pos] = byte;
        let r = both(&[&key], &m, 0, 0, 0);
        prop_assert!(matches!(r, Err(Error::SignatureMismatch | Error::Malformed)), "{:?} {:?}", String::from_utf8_lossy(&m), r);
    }

    #[test]
    fn arbitrary_input_never_crashes(url in proptest::collection::vec(any::<u8>(), 0..120)) {
        prop_assert!(both(&[b"k"], &url, 0, 0, 0).is_err());
    }
}

/// The MD5 joins the stream name and txTime without a separator, so a captured secret covers
/// every split of the same bytes. The txTime form (10 decimal digits, or exactly 8 hex digits
/// without a leading zero) must refuse every other split as malformed, whatever the window,
/// except the documented one: an all-digit 8-digit hex time and a 10-digit decimal one, two
/// stream digits apart. A verifier given the form it issues refuses every other split.
#[test]
fn no_other_split_of_the_signed_bytes_verifies() {
    let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
    let now = 1_700_000_000; // 2023-11-14: every issued time below is later.
    let issued = [
        ("room1a", "6553FF10"),
        ("room1A", "6553ff10"),
        ("room10", "6553FF10"),
        ("abcdef", "6553ff10"),
        ("a", "FFFFFFFF"),
        ("0", "6553FF10"),
        ("stream12", "1735689600"),
        ("room17", "67812345"),
        ("room", "1767812345"),
        ("user1", "1796000000"),
        ("99", "99999999"),
    ];
    let mut residue = 0;
    for (stream, time) in issued {
        let secret = hex32(&c_secret(key, stream.as_bytes(), time.as_bytes()).unwrap());
        let at = |s: &str, t: &str, window: u32| {
            let u = format!("/live/{s}?txSecret={secret}&txTime={t}");
            url::verify(&[key], u.as_bytes(), window, now, window).map(|v| v.stream_name.to_vec())
        };
        let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
        let form = if time.len() == 10 && digits(time) { TxTimeForm::Decimal } else { TxTimeForm::Hex };
        let in_issued_form = |s: &str, t: &str, window: u32| {
            let u = format!("/live/{s}?txSecret={secret}&txTime={t}");
            in_form(&[key], u.as_bytes(), form, window, now, window).map(|v| v.stream_name.to_vec())
        };
        assert_eq!(at(stream, time, 0), Ok(stream.as_bytes().to_vec()), "{stream} {time}");
        assert_eq!(in_issued_form(stream, time, 0), Ok(stream.as_bytes().to_vec()), "{stream} {time}");
        let joined = format!("{stream}{time}");
        for cut in 1..joined.len() {
            let (s, t) = joined.split_at(cut);
            if s == stream {
                continue;
            }
            let lengths = (t.len(), time.len());
            let documented = digits(t) && digits(time) && (lengths == (10, 8) || lengths == (8, 10));
            for window in [0, u32::MAX] {
                assert_eq!(in_issued_form(s, t, window), Err(Error::Malformed), "{stream}+{time} as {s}+{t}");
                match at(s, t, window) {
                    Ok(name) => {
                        assert!(documented, "{stream}+{time} verified as {s}+{t}");
                        assert_eq!(name, s.as_bytes());
                        residue += usize::from(window == 0);
                    }
                    Err(e) if documented => assert!(matches!(e, Error::Malformed | Error::Expired), "{s}+{t}: {e:?}"),
                    Err(e) => assert_eq!(e, Error::Malformed, "{stream}+{time} as {s}+{t}, window {window}"),
                }
            }
        }
    }
    // room17+67812345 = room+1767812345, both ways, and user1+1796000000 (decimal, 2026-12) as
    // user117+96000000 (hex, 2049).
    assert_eq!(residue, 3);
    // The documented mitigation catches the later of the two: a verifier that issues URLs for at
    // most a week refuses an expiry further out (hex 67812345 is 2025-01-10, decimal 1767812345
    // is 2026-01-07, both issued around 2025-01).
    let issued_at = 0x6781_2345 - 86_400;
    let recut =
        format!("/live/room?txSecret={}&txTime=1767812345", hex32(&c_secret(key, b"room17", b"67812345").unwrap()));
    let recut = url::verify(&[key], recut.as_bytes(), 0, issued_at, 0).unwrap();
    assert!(recut.expiry > issued_at + 7 * 86_400);
}

/// `valid_for_s` and `leeway_s` are u32s, 136 years each: a window of decades reaches a hex
/// time before 1978. A character moved out of a real 8-digit hex txTime leaves 7 digits, and
/// three moved out of a 10-digit decimal one leave 7 digits that read as hex: with the same
/// secret, `room1a` + `6553FF10` is `room1a6` + `553FF10` (1972) and `room` + `1796000000` is
/// `room179` + `6000000` (1973). The form (exactly 8 hex digits), not the time, must refuse
/// them, in every form that reads hex, with any window; and no builder writes such a time.
#[test]
fn a_character_moved_out_of_tx_time_is_malformed_whatever_the_window() {
    let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
    let now = 1_700_000_000;
    let decades = 60 * 365 * 86_400;
    for (stream, time, s, t) in
        [("room1a", "6553FF10", "room1a6", "553FF10"), ("room", "1796000000", "room179", "6000000")]
    {
        assert_eq!(format!("{stream}{time}"), format!("{s}{t}"), "the same signed bytes");
        let secret = hex32(&c_secret(key, stream.as_bytes(), time.as_bytes()).unwrap());
        let at = |s: &str, t: &str| format!("/live/{s}?txSecret={secret}&txTime={t}");
        for (valid_for, leeway) in [(decades, 0), (0, decades), (u32::MAX, u32::MAX)] {
            let real = at(stream, time);
            assert_eq!(
                both(&[key], real.as_bytes(), valid_for, now, leeway).map(|v| v.stream_name),
                Ok(stream.as_bytes())
            );
            let recut = at(s, t);
            assert_eq!(
                both(&[key], recut.as_bytes(), valid_for, now, leeway).map(drop),
                Err(Error::Malformed),
                "{s}+{t}"
            );
            let hex = in_form(&[key], recut.as_bytes(), TxTimeForm::Hex, valid_for, now, leeway);
            assert_eq!(hex.map(drop), Err(Error::Malformed), "{s}+{t}");
        }
        assert_eq!(url::secret(key, s.as_bytes(), t.as_bytes()).map(drop), Err(Error::Malformed), "{t}");
        assert_eq!(c_secret(key, s.as_bytes(), t.as_bytes()), Err(LIVESIGN_MALFORMED), "{t}");
    }
    // The builders stop at the first 8-digit time, 0x10000000 (1978-07-04), as at the last.
    assert_eq!((url::MIN_EXPIRY, LIVESIGN_TENCENT_URL_MIN_EXPIRY), (0x1000_0000, 0x1000_0000));
    let u = c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", b"s", key, LIVESIGN_TENCENT_URL_MIN_EXPIRY).unwrap();
    assert!(u.ends_with(b"&txTime=10000000"));
    let mut buf = [0u8; 128];
    for expiry in [0, 1, 0x0553_FF10, LIVESIGN_TENCENT_URL_MIN_EXPIRY - 1] {
        assert_eq!(
            c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", b"s", key, expiry),
            Err((LIVESIGN_INVALID_ARGUMENT, 0))
        );
        assert_eq!(
            c_build(LIVESIGN_TENCENT_URL_RTMP, b"h", b"live", b"s", b"", expiry),
            Err((LIVESIGN_INVALID_ARGUMENT, 0))
        );
        assert_eq!(livesign_tencent_url_build_len(LIVESIGN_TENCENT_URL_RTMP, 1, 4, 1, expiry), 0);
        assert_eq!(url::build(UrlKind::Rtmp, b"h", b"live", b"s", key, expiry, &mut buf), Err(Error::InvalidArgument));
        assert_eq!(url::url_len(UrlKind::Rtmp, 1, 4, 1, expiry), None);
    }
}

/// `livesign_tencent_url_verify_form` takes only the three forms, checked before anything
/// else; the other parameters behave as in `livesign_tencent_url_verify`.
#[test]
fn c_form_argument() {
    let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
    let url = b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
    let ring = [livesign_slice::of(key)];
    for form in [3, 4, u32::MAX] {
        let (mut matched, mut info) = (7usize, NO_INFO);
        info.expiry = 9;
        // SAFETY: the ring and url are valid for their lengths; matched and info are writable.
        let s = unsafe {
            livesign_tencent_url_verify_form(
                ring.as_ptr(),
                1,
                url.as_ptr(),
                url.len(),
                form,
                0,
                0,
                0,
                &mut matched,
                &mut info,
            )
        };
        assert_eq!((s, matched, info), (LIVESIGN_INVALID_ARGUMENT, 7, NO_INFO), "{form}");
        // SAFETY: NULL keys with a length and a NULL url with a length are what is being tested.
        let s = unsafe {
            livesign_tencent_url_verify_form(
                std::ptr::null(),
                1,
                std::ptr::null(),
                5,
                form,
                0,
                0,
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(s, LIVESIGN_INVALID_ARGUMENT);
    }
    for form in [LIVESIGN_TENCENT_TX_TIME_HEX_OR_DECIMAL, LIVESIGN_TENCENT_TX_TIME_HEX] {
        let (s, matched, info) = c_verify(&[b"old", key], url, Some(form), 0, 1546064025, 0);
        assert_eq!((s, matched, view(info.stream_name)), (LIVESIGN_OK, 1, &b"test"[..]));
    }
    let (s, matched, info) = c_verify(&[key], url, Some(LIVESIGN_TENCENT_TX_TIME_DECIMAL), 0, 1546064025, 0);
    assert_eq!((s, matched, info), (LIVESIGN_MALFORMED, usize::MAX, NO_INFO));
}

fn hex32(b: &[u8; 32]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

/// RTMP has no query or fragment of its own: librtmp (OBS) and FFmpeg send everything after
/// the host as the app and the stream name, split at a `/` wherever it stands, `?` and `#`
/// included. `rtmp://h/live/test?txSecret=...&x=/room2` publishes stream `room2` (app
/// `live/test?txSecret=...&x=`), so a verifier that reads the query from the first `?` and
/// drops a fragment would call a captured URL for `test` good for a push to `room2`.
#[test]
fn rtmp_urls_are_split_as_rtmp_clients_split_them() {
    let v = &vectors()[0];
    let key = v.key.as_bytes();
    let q = "txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
    for u in [
        format!("rtmp://livepush.tcloud.com/live/test?{q}&x=/room2"),
        format!("rtmp://livepush.tcloud.com/live/test?x=/room2&{q}"),
        format!("rtmp://livepush.tcloud.com/live/test?{q}#/room2"),
        format!("rtmp://livepush.tcloud.com/live/test?{q}#frag"),
        format!("RTMPS://livepush.tcloud.com:443/live/test?{q}&cb=https://x/y"),
        format!("rtmpt://livepush.tcloud.com/live/test?{q}&x=a/b"),
        // SRS's vhost-in-app form: the stream's own query follows it.
        format!("rtmp://livepush.tcloud.com/live?vhost=v/test?{q}"),
    ] {
        assert_eq!(both(&[key], u.as_bytes(), 0, v.expiry, 0).map(|_| ()), Err(Error::Malformed), "{u}");
    }
    // The same text after an HTTP(S) or WebRTC URL is a query and a fragment, as before.
    for u in [
        format!("https://livepush.tcloud.com/live/test.flv?{q}&cb=https://x/y#frag"),
        format!("webrtc://livepush.tcloud.com/live/test?{q}&x=/room2"),
    ] {
        assert_eq!(both(&[key], u.as_bytes(), 0, v.expiry, 0).unwrap().stream_name, b"test", "{u}");
    }
    // Ordinary RTMP shapes still verify: a port, userinfo, an IPv6 host, extra parameters.
    for u in [
        format!("rtmp://livepush.tcloud.com:1935/live/test?{q}"),
        format!("rtmp://user:pw@livepush.tcloud.com/live/test?a=&b&{q}&c=1&c=2&"),
        format!("rtmp://[::1]:1935/live/test?{q}"),
    ] {
        assert_eq!(both(&[key], u.as_bytes(), 0, v.expiry, 0).unwrap().stream_name, b"test", "{u}");
    }
}

/// `tx%54ime` and `TXTIME` are `txTime` to a reader that decodes names (every query
/// library) or folds their case (nginx's `$arg_`): beside the real one they are a second
/// `txTime` that such a reader may take instead, so they are refused like a repeated one.
#[test]
fn other_spellings_of_the_signed_parameters_count_as_repeats() {
    let v = &vectors()[0];
    let key = v.key.as_bytes();
    let q = "txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";
    for extra in
        ["tx%54ime=FFFFFFFF", "TXTIME=FFFFFFFF", "txtime=1", "tx%53ecret=0", "TxSecret", "%74%78%54%69%6d%65=1"]
    {
        for u in [format!("/live/test?{extra}&{q}"), format!("/live/test?{q}&{extra}")] {
            assert_eq!(both(&[key], u.as_bytes(), 0, v.expiry, 0).map(|_| ()), Err(Error::Malformed), "{u}");
        }
    }
    // Names that only look alike are other parameters.
    for extra in ["txTimes=1", "tx_Time=1", "xtxTime=1", "tx%54im=1", "txSecret2=1"] {
        let u = format!("/live/test?{extra}&{q}");
        assert!(both(&[key], u.as_bytes(), 0, v.expiry, 0).is_ok(), "{u}");
    }
}
