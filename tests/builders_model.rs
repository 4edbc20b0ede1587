//! Every builder and signer that writes a URL, a query or a signature, checked through the C
//! API against an independent model written from the specs alone (`shared/specs/`, the vendor
//! seeds, DESIGN.md and the header's own contract): the exact bytes written, the size reported
//! by the size query and by `BUFFER_TOO_SMALL`, the status of every input the model refuses,
//! and that the matching verifier accepts every URL the builder writes.
//!
//! The model uses the RustCrypto crates' high-level APIs and a percent-encoder written here
//! from RFC 3986 (unreserved kept, everything else `%XX` in uppercase hex); the host rule is
//! the fuzz targets' reference (`fuzz/src/reference.rs`), so both check one model of it.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz;

use core::ptr;

use hmac::{Hmac, KeyInit, Mac};
use livesign::ffi::alibaba::*;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei_url::*;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::ffi::tencent_api::*;
use livesign::ffi::tencent_url::*;
use livesign::ffi::trtc_rest::*;
use md5::{Digest, Md5};
use proptest::prelude::*;
use sha2::Sha256;

// ---------------------------------------------------------------- model primitives

fn md5_hex(parts: &[&[u8]]) -> String {
    let mut h = Md5::new();
    for p in parts {
        h.update(p);
    }
    hex(&h.finalize())
}

fn hmac_hex(key: &[u8], parts: &[&[u8]]) -> String {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    for p in parts {
        m.update(p);
    }
    hex(&m.finalize().into_bytes())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~".contains(&c)
}

/// RFC 3986 §2.1/§2.3: unreserved bytes as they are, every other byte `%XX` (uppercase).
fn pct(b: &[u8]) -> String {
    let mut s = String::new();
    for &c in b {
        if unreserved(c) {
            s.push(c as char);
        } else {
            s.push_str(&format!("%{c:02X}"));
        }
    }
    s
}

/// A host name every URL parser reads alike (the reference's: dot-separated labels of letters,
/// digits and inner hyphens, the last not a number unless the name is a dotted quad, as WHATWG
/// parsers read `1.2.3` or `0` as another IPv4 address), then an optional decimal port.
/// Builders may refuse odder hosts (the model does not pin their host grammar), but never
/// write one the model refuses.
fn plain_host(h: &str) -> bool {
    let (name, port) = h.split_once(':').unwrap_or((h, "80"));
    port.parse::<u16>().is_ok_and(|p| p > 0 && !port.starts_with('0'))
        && fuzz::reference::host_name_port(name.as_bytes())
}

// ---------------------------------------------------------------- C helpers

fn sl(b: &[u8]) -> livesign_slice {
    livesign_slice { ptr: if b.is_empty() { ptr::null() } else { b.as_ptr() }, len: b.len() }
}

fn p(b: &[u8]) -> *const u8 {
    if b.is_empty() { ptr::null() } else { b.as_ptr() }
}

/// Runs a variable-output C function three ways: a size query (`NULL, 0`), one byte short,
/// and with room to spare. Checks the buffer contract on the way (the size needed is the size
/// written, a short buffer is `BUFFER_TOO_SMALL` with that size, nothing is written past the
/// length, `*out_len` is 0 on other failures) and returns the status and the bytes.
fn call(f: impl Fn(*mut u8, usize, *mut usize) -> livesign_status) -> (livesign_status, Vec<u8>) {
    let mut need = usize::MAX;
    let st = f(ptr::null_mut(), 0, &mut need);
    if st != LIVESIGN_BUFFER_TOO_SMALL {
        assert_ne!(st, LIVESIGN_OK, "a size query cannot succeed");
        assert_eq!(need, 0, "*out_len on {st:?}");
        return (st, Vec::new());
    }
    assert!(need > 0);
    let mut short = vec![0xAAu8; need - 1];
    let mut got = usize::MAX;
    let st = f(short.as_mut_ptr(), short.len(), &mut got);
    assert_eq!((st, got), (LIVESIGN_BUFFER_TOO_SMALL, need), "one byte short");
    let mut buf = vec![0xAAu8; need + 16];
    let mut len = usize::MAX;
    let st = f(buf.as_mut_ptr(), buf.len(), &mut len);
    assert_eq!((st, len), (LIVESIGN_OK, need), "size query said {need}");
    assert!(buf[need..].iter().all(|&b| b == 0xAA), "wrote past *out_len");
    buf.truncate(need);
    (st, buf)
}

/// Text: what callers hand the builders, with every character a URL treats specially, the
/// unreserved punctuation, dot segments, non-ASCII and control bytes.
fn text(max: usize) -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        6 => "[a-zA-Z0-9]",
        4 => prop::sample::select(vec![
            "-", ".", "_", "~", "*", "&", "=", "?", "#", "%", "+", "/", " ", ":", "@", "!", "$",
            "'", "(", ")", ",", ";", "[", "]", "\"", "<", ">", "\\", "^", "`", "{", "|", "}",
            "%41", "%zz", "..", ".flv", ".m3u8", ".sdp", ".FLV", "é", "用户", "😀", "\u{7f}",
            "\t", "\n", "\0", "\u{a0}",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(atom, 0..=max).prop_map(|v| v.concat())
}

/// Mostly-valid URL path pieces (so that the accepting branch is exercised) mixed with `text`.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9_~.-]{1,20}",
        1 => prop::sample::select(vec![".", "..", "...", "a.flv", "a.FLV", "a.sdp", "a.m3u8", "x.flvx"]).prop_map(str::to_owned),
        2 => text(8),
    ]
}

// ---------------------------------------------------------------- Tencent CSS push/play URLs

fn tx_model(
    kind: u32,
    domain: &str,
    app: &str,
    stream: &str,
    key: &[u8],
    expiry: u64,
) -> Result<String, livesign_status> {
    let (scheme, suffix) = match kind {
        1 => ("rtmp", ""),
        2 => ("webrtc", ""),
        3 => ("https", ".flv"),
        4 => ("https", ".m3u8"),
        _ => return Err(LIVESIGN_INVALID_ARGUMENT),
    };
    let domain_ok = domain.len() <= 256 && fuzz::reference::host_port(domain.as_bytes());
    // RFC 3986 §5.2.4: `.` and `..` segments are removed by every URL resolver (browsers,
    // players, HTTP libraries), so a URL holding one is not the URL that arrives.
    let segment_ok = |s: &str| !s.is_empty() && s != "." && s != ".." && s.bytes().all(unreserved);
    let app_ok = !app.is_empty() && app.len() <= 256 && app.split('/').all(segment_ok);
    // The verifier strips these suffixes (lowercase, as Tencent writes them), so a stream name
    // ending in one would be read as another name.
    let stream_ok = stream.len() <= 256
        && segment_ok(stream)
        && !stream.ends_with(".flv")
        && !stream.ends_with(".m3u8")
        && !stream.ends_with(".sdp");
    // Exactly 8 hex digits: the secret joins the stream name and txTime, so a time of any
    // other width could be a re-cut of another stream's URL.
    if !domain_ok || !app_ok || !stream_ok || !eight_hex_digits(expiry) {
        return Err(LIVESIGN_INVALID_ARGUMENT);
    }
    if key.is_empty() || key.len() > 1024 {
        return Err(LIVESIGN_INVALID_KEY);
    }
    let tx_time = format!("{expiry:X}");
    let secret = md5_hex(&[key, stream.as_bytes(), tx_time.as_bytes()]);
    Ok(format!("{scheme}://{domain}/{app}/{stream}{suffix}?txSecret={secret}&txTime={tx_time}"))
}

/// Whether `t` is written with exactly 8 hex digits (`10000000` to `ffffffff`).
fn eight_hex_digits(t: u64) -> bool {
    (1 << 28..1 << 32).contains(&t)
}

fn tx_build(kind: u32, domain: &str, app: &str, stream: &str, key: &[u8], expiry: u64) -> (livesign_status, Vec<u8>) {
    // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
    call(|out, cap, len| unsafe {
        livesign_tencent_url_build(
            kind,
            p(domain.as_bytes()),
            domain.len(),
            p(app.as_bytes()),
            app.len(),
            p(stream.as_bytes()),
            stream.len(),
            p(key),
            key.len(),
            expiry,
            out,
            cap,
            len,
        )
    })
}

fn tx_check(kind: u32, domain: &str, app: &str, stream: &str, key: &[u8], expiry: u64) -> Result<(), TestCaseError> {
    let model = tx_model(kind, domain, app, stream, key, expiry);
    let (st, got) = tx_build(kind, domain, app, stream, key, expiry);
    match &model {
        Err(e) => prop_assert_eq!(st, *e, "model refuses {:?} {:?} {:?}", domain, app, stream),
        Ok(url) => {
            prop_assert_eq!(st, LIVESIGN_OK);
            prop_assert_eq!(String::from_utf8_lossy(&got), url.as_str());
            let len = livesign_tencent_url_build_len(kind, domain.len(), app.len(), stream.len(), expiry);
            prop_assert_eq!(len, got.len());
            prop_assert!(len <= LIVESIGN_TENCENT_URL_MAX_LEN);
            // Its own verifier reads back what was written.
            let keys = [sl(b"another key"), sl(key)];
            let mut matched = usize::MAX;
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let mut info: livesign_tencent_url_info = unsafe { core::mem::zeroed() };
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let st = unsafe {
                livesign_tencent_url_verify(
                    keys.as_ptr(),
                    2,
                    got.as_ptr(),
                    got.len(),
                    0,
                    expiry,
                    0,
                    &mut matched,
                    &mut info,
                )
            };
            prop_assert_eq!(st, LIVESIGN_OK, "verify({})", url);
            prop_assert_eq!(matched, 1);
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let view = |s: livesign_slice| unsafe { core::slice::from_raw_parts(s.ptr, s.len) }.to_vec();
            prop_assert_eq!(view(info.stream_name), stream.as_bytes());
            prop_assert_eq!(view(info.app), app.as_bytes());
            prop_assert_eq!(info.expiry, expiry);
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let st = unsafe {
                livesign_tencent_url_verify(
                    keys.as_ptr(),
                    2,
                    got.as_ptr(),
                    got.len(),
                    0,
                    expiry + 1,
                    0,
                    ptr::null_mut(),
                    ptr::null_mut(),
                )
            };
            prop_assert_eq!(st, LIVESIGN_EXPIRED);
            // The bare `/path?query` form too.
            let path = &got[url.find("://").unwrap() + 3..];
            let path = &path[path.iter().position(|&c| c == b'/').unwrap()..];
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let st = unsafe {
                livesign_tencent_url_verify(
                    keys.as_ptr(),
                    2,
                    path.as_ptr(),
                    path.len(),
                    0,
                    expiry,
                    0,
                    ptr::null_mut(),
                    ptr::null_mut(),
                )
            };
            prop_assert_eq!(st, LIVESIGN_OK);
            // The secret alone.
            let mut secret = [0u8; 32];
            let tx = format!("{expiry:X}");
            // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
            let st = unsafe {
                livesign_tencent_url_secret(
                    p(key),
                    key.len(),
                    p(stream.as_bytes()),
                    stream.len(),
                    tx.as_ptr(),
                    tx.len(),
                    secret.as_mut_ptr(),
                )
            };
            prop_assert_eq!(st, LIVESIGN_OK);
            let want = md5_hex(&[key, stream.as_bytes(), tx.as_bytes()]);
            prop_assert_eq!(&secret[..], want.as_bytes());
        }
    }
    if model.is_err() || st != LIVESIGN_OK {
        // The size function agrees that nothing can be written... unless only the key or the
        // content (not the lengths) is wrong: it sees lengths only.
        let len = livesign_tencent_url_build_len(kind, domain.len(), app.len(), stream.len(), expiry);
        if kind == 0
            || kind > 4
            || !eight_hex_digits(expiry)
            || domain.len() > 256
            || app.len() > 256
            || stream.len() > 256
        {
            prop_assert_eq!(len, 0);
        }
    }
    Ok(())
}

#[test]
fn tencent_url_doc_example() {
    // The CSS doc example: KEY e12c..., stream test, txTime 5C271099.
    let (st, got) = tx_build(1, "push.example.com", "live", "test", b"e12c46f2612d5106e2034781ab261ca3", 0x5C27_1099);
    assert_eq!(st, LIVESIGN_OK);
    assert_eq!(
        String::from_utf8(got).unwrap(),
        "rtmp://push.example.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099"
    );
}

#[test]
fn tencent_url_dot_segments_are_refused() {
    let mut bad = Vec::new();
    // `https://d/live/..` reaches the CDN as `https://d/` (RFC 3986 §5.2.4, WHATWG URL): the
    // stream hashed is not the stream requested.
    for (kind, app, stream) in [
        (LIVESIGN_TENCENT_URL_RTMP, "live", ".."),
        (LIVESIGN_TENCENT_URL_RTMP, "live", "."),
        (LIVESIGN_TENCENT_URL_WEBRTC, "live", ".."),
        (LIVESIGN_TENCENT_URL_FLV, "..", "s"),
        (LIVESIGN_TENCENT_URL_HLS, "live/.", "s"),
        (LIVESIGN_TENCENT_URL_RTMP, "./live", "s"),
    ] {
        let (st, got) = tx_build(kind, "d.example.com", app, stream, b"k", 1_700_000_000);
        bad.push(format!("{app:?} {stream:?} gave {st:?} {}", String::from_utf8_lossy(&got)));
        if st == LIVESIGN_INVALID_ARGUMENT {
            bad.pop();
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]

    #[test]
    fn tencent_url_matches_the_model(
        kind in prop_oneof![1u32..=4, Just(0u32), Just(5u32)],
        domain in prop_oneof![
            3 => "[a-z0-9-]{1,8}(\\.[a-zA-Z0-9-]{1,8}){0,3}(:[0-9]{1,5})?",
            2 => "[a-z0-9.-]{1,20}(:[0-9]{0,6})?",
            // Around DNS's limits: labels of 63 / 64, names of 253 / 254.
            1 => "[a-z]{62,64}(\\.[a-z]{61,64}){0,3}(:[0-9]{1,2})?",
            1 => "\\[[0-9a-f:.]{0,8}\\](:[0-9]{0,5})?",
            1 => text(6),
        ],
        app in prop_oneof![3 => "[a-z0-9]{1,8}(/[a-z0-9]{1,8})?", 2 => name()],
        stream in name(),
        key in prop_oneof![8 => prop::collection::vec(any::<u8>(), 1..40), 1 => Just(vec![])],
        expiry in prop_oneof![0u64..(1 << 32), Just((1u64 << 32) - 1), Just(1u64 << 32), any::<u64>(),
                              Just((1u64 << 28) - 1), Just(1u64 << 28), 1u64 << 28..1 << 32],
    ) {
        tx_check(kind, &domain, &app, &stream, &key, expiry)?;
    }
}

// ---------------------------------------------------------------- Tencent CSS legacy API

const API_NAMES: [&str; 15] = [
    "Get_LiveStat",
    "Get_LivePushStat",
    "Get_LivePlayStat",
    "Get_LivePushStatHistory",
    "Get_LivePlayStatHistory",
    "Live_Channel_GetStatus",
    "Live_Channel_SetStatus",
    "Live_Tape_GetFilelist",
    "Live_Queue_Get",
    "Live_Channel_GetChannelList",
    "Live_Channel_GetLiveChannelList",
    "Mix_StreamV2",
    "channel_manager",
    "Live_Tape_Start",
    "Live_Tape_Stop",
];

#[derive(Debug)]
struct Param {
    kind: u32,
    name: String,
    value: String,
}

fn api_model(
    command: u32,
    base: Option<&str>,
    appid: u64,
    key: &[u8],
    t: u64,
    params: &[Param],
) -> Result<String, livesign_status> {
    if command == 0 || command > 15 || params.len() > 32 {
        return Err(LIVESIGN_INVALID_ARGUMENT);
    }
    let stat = command <= 5;
    let base = match base {
        None if stat => "http://statcgi.video.qcloud.com/common_access".to_owned(),
        None => "http://fcgi.video.qcloud.com/common_access".to_owned(),
        Some(b) => {
            // `scheme://host/path`: printable ASCII without space, no query or fragment, and
            // no `\` in an http(s)-like URL (browsers read it as `/`).
            let special = b.split_once("://").is_some_and(|(s, _)| {
                ["http", "https", "ws", "wss", "ftp", "file"].iter().any(|x| s.eq_ignore_ascii_case(x))
            });
            let ok = b.len() <= 8192
                && b.bytes().all(|c| c.is_ascii_graphic() && c != b'?' && c != b'#')
                && !(special && b.contains('\\'))
                && b.split_once("://").is_some_and(|(s, rest)| {
                    !s.is_empty()
                        && s.bytes().all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
                        && s.as_bytes()[0].is_ascii_alphabetic()
                        && rest.find('/').is_some_and(|i| i > 0)
                });
            if !ok {
                return Err(LIVESIGN_INVALID_ARGUMENT);
            }
            b.to_owned()
        }
    };
    for prm in params {
        let number_ok = {
            let v = prm.value.strip_prefix('-').unwrap_or(&prm.value);
            !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit())
        };
        if !(prm.kind == 1 || prm.kind == 2 && number_ok)
            || prm.name.is_empty()
            || prm.name.len() > 256
            || prm.value.len() > 8192
        {
            return Err(LIVESIGN_INVALID_ARGUMENT);
        }
    }
    if key.is_empty() || key.len() > 1024 {
        return Err(LIVESIGN_INVALID_KEY);
    }
    let sign = md5_hex(&[key, t.to_string().as_bytes()]);
    let appid_name = if stat { "cmd" } else { "appid" };
    let mut url =
        format!("{base}?{appid_name}={appid}&interface={}&t={t}&sign={sign}", API_NAMES[command as usize - 1]);
    for prm in params {
        let prefix = if prm.kind == 1 { "Param.s." } else { "Param.n." };
        url.push_str(&format!("&{prefix}{}={}", pct(prm.name.as_bytes()), pct(prm.value.as_bytes())));
    }
    Ok(url)
}

fn param() -> impl Strategy<Value = Param> {
    (
        prop_oneof![8 => Just(1u32), 4 => Just(2u32), 1 => Just(0u32), 1 => Just(3u32)],
        prop_oneof![3 => "[a-z_]{1,12}", 1 => text(6)],
        prop_oneof![2 => "-?[0-9]{1,12}", 1 => Just("-".to_owned()), 3 => text(10)],
    )
        .prop_map(|(kind, name, value)| Param { kind, name, value })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn tencent_api_matches_the_model(
        command in prop_oneof![1u32..=15, Just(0u32), Just(16u32)],
        base in prop_oneof![
            2 => Just(None),
            2 => "https?://[a-z0-9.-]{1,16}(:[0-9]{2,5})?(/[a-z_]{0,10}){0,2}".prop_map(Some),
            1 => text(12).prop_map(|t| Some(format!("http://h/{t}"))),
            1 => text(12).prop_map(Some),
        ],
        appid: u64,
        key in prop_oneof![8 => prop::collection::vec(any::<u8>(), 1..40), 1 => Just(vec![])],
        t: u64,
        params in prop::collection::vec(param(), 0..5),
    ) {
        // An empty base goes in as (NULL, 0): the default.
        let base = base.filter(|b| !b.is_empty());
        let model = api_model(command, base.as_deref(), appid, &key, t, &params);
        let c: Vec<livesign_tencent_api_param> = params
            .iter()
            .map(|q| livesign_tencent_api_param { kind: q.kind, name: sl(q.name.as_bytes()), value: sl(q.value.as_bytes()) })
            .collect();
        let b = base.as_deref().unwrap_or("").as_bytes();
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_tencent_api_build(command, p(b), b.len(), appid, p(&key), key.len(), t,
                if c.is_empty() { ptr::null() } else { c.as_ptr() }, c.len(), out, cap, len)
        });
        let plain = base.as_deref().is_none_or(|b| {
            b.split_once("://").is_some_and(|(_, rest)| plain_host(rest.split('/').next().unwrap_or("")))
        });
        if st == LIVESIGN_INVALID_ARGUMENT && !plain {
            return Ok(());
        }
        match model {
            Err(e) => prop_assert_eq!(st, e, "model refuses base {:?}", base),
            Ok(url) => {
                prop_assert_eq!(st, LIVESIGN_OK, "base {:?}", base);
                prop_assert_eq!(String::from_utf8_lossy(&got), url);
            }
        }
    }
}

// ---------------------------------------------------------------- TRTC / Chat REST URL

fn usersig_text_ok(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() || !b.len().is_multiple_of(4) {
        return false;
    }
    let pad = b.iter().rev().take_while(|&&c| c == b'_').count();
    pad <= 2 && b[..b.len() - pad].iter().all(|&c| c.is_ascii_alphanumeric() || c == b'*' || c == b'-')
}

fn rest_model(
    host: &str,
    service: &str,
    command: &str,
    sdkappid: u64,
    identifier: &str,
    usersig: &str,
    random: u32,
) -> Result<String, livesign_status> {
    let host_ok = |h: &str| {
        let (name, port) = match h.split_once(':') {
            Some((n, port)) => (n, Some(port)),
            None => (h, None),
        };
        !name.is_empty()
            && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
            && port.is_none_or(|port| !port.is_empty() && port.bytes().all(|c| c.is_ascii_digit()))
    };
    let word_ok = |w: &str| {
        !w.is_empty() && w.len() <= 256 && w.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
    };
    let host = if host.is_empty() { "console.tim.qq.com" } else { host };
    if host.len() > 256
        || !host_ok(host)
        || !word_ok(service)
        || !word_ok(command)
        || identifier.is_empty()
        || identifier.len() > 256
        || usersig.len() > 4180
    {
        return Err(LIVESIGN_INVALID_ARGUMENT);
    }
    if !usersig_text_ok(usersig) {
        return Err(LIVESIGN_MALFORMED);
    }
    Ok(format!(
        "https://{host}/v4/{service}/{command}?sdkappid={sdkappid}&identifier={}&usersig={usersig}&random={random}&contenttype=json",
        pct(identifier.as_bytes())
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]

    #[test]
    fn trtc_rest_url_matches_the_model(
        host in prop_oneof![2 => Just(String::new()), 3 => "[a-z0-9.-]{1,16}(:[0-9]{1,5})?", 1 => text(6)],
        service in prop_oneof![4 => "[a-z_]{1,16}", 1 => text(4)],
        command in prop_oneof![4 => "[a-z_]{1,16}", 1 => text(4)],
        sdkappid: u64,
        identifier in prop_oneof![2 => "[a-z0-9_]{1,16}", 3 => text(10)],
        usersig in prop_oneof![
            4 => "([A-Za-z0-9*-]{4}){1,8}([A-Za-z0-9*-]{2}__|[A-Za-z0-9*-]{3}_)?",
            1 => "[A-Za-z0-9*_=+/-]{0,12}",
        ],
        random: u32,
    ) {
        let model = rest_model(&host, &service, &command, sdkappid, &identifier, &usersig, random);
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_trtc_rest_url(p(host.as_bytes()), host.len(), p(service.as_bytes()), service.len(),
                p(command.as_bytes()), command.len(), sdkappid, p(identifier.as_bytes()), identifier.len(),
                p(usersig.as_bytes()), usersig.len(), random, out, cap, len)
        });
        if st == LIVESIGN_INVALID_ARGUMENT && !host.is_empty() && !plain_host(&host) {
            return Ok(());
        }
        match model {
            Err(e) => prop_assert_eq!(st, e, "model refuses {:?} {:?} {:?} {:?}", host, service, command, usersig),
            Ok(url) => {
                prop_assert_eq!(st, LIVESIGN_OK, "host {:?} usersig {:?}", host, usersig);
                prop_assert_eq!(String::from_utf8_lossy(&got), url);
            }
        }
    }
}

// ---------------------------------------------------------------- Huawei A / Alibaba A

/// The `uri` rule of both builders: a bare path that a URL carries as it is (a `\` is not:
/// browsers read it as `/`).
fn uri_ok(uri: &str) -> bool {
    uri.len() <= 8192
        && uri.starts_with('/')
        && uri.bytes().all(|c| c.is_ascii_graphic() && c != b'?' && c != b'#' && c != b'\\')
        && !uri.split('/').any(is_dot_segment)
}

/// `.` or `..`, also percent-encoded (`%2e`, WHATWG URL): segments that URL resolvers remove
/// (RFC 3986 §5.2.4), so a URL holding one does not arrive with the path that was signed.
fn is_dot_segment(seg: &str) -> bool {
    let s = seg.to_ascii_lowercase().replace("%2e", ".");
    s == "." || s == ".."
}

fn alnum_1_64(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_alphanumeric())
}

fn huawei_key_ok(key: &[u8]) -> bool {
    key.len() == 32
        && key.iter().all(u8::is_ascii_alphanumeric)
        && !key.iter().all(u8::is_ascii_digit)
        && !key.iter().all(u8::is_ascii_alphabetic)
}

fn auth_key_model(uri: &str, ts: &str, rand: &str, uid: &str, key: &[u8]) -> String {
    let hash = md5_hex(&[format!("{uri}-{ts}-{rand}-{uid}-").as_bytes(), key]);
    format!("auth_key={ts}-{rand}-{uid}-{hash}")
}

const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";

fn uri() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(/[a-zA-Z0-9_.~-]{1,10}){1,3}",
        1 => Just("/".to_owned()),
        1 => Just("//evil.example/x.flv".to_owned()),
        1 => prop::sample::select(vec!["/live/../s.flv", "/./s", "/live/..", "/a/%2e%2E/b", "/a/.%2e", "/a/%2E", "/a/...", "/a/.b", "/a/%2e%2e%2e"])
            .prop_map(str::to_owned),
        3 => text(10).prop_map(|t| format!("/{t}")),
        1 => text(6),
    ]
}

/// Every form in which a server can hand the verifier a signed URL: absolute with several
/// schemes, and the bare request target.
fn url_forms(uri: &str, query: &str) -> Vec<String> {
    vec![
        format!("http://host.example{uri}?{query}"),
        format!("rtmp://host.example:1935{uri}?{query}"),
        format!("{uri}?{query}"),
        // Appended after `&` to a query that already holds other parameters.
        format!("https://host.example{uri}?auth=1&auth_key_x=2&xauth_key=3&hwTime_=4&{query}&txSecretx=%26%3D&"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]

    #[test]
    fn huawei_url_a_matches_the_model(
        uri in uri(),
        ts in prop_oneof![any::<u64>(), 0u64..(1 << 32), Just((1u64 << 32) - 1), Just(1u64 << 32)],
        hex_format in prop_oneof![4 => Just(1u32), 4 => Just(0u32), 1 => Just(2u32)],
        rand in prop_oneof![4 => "[a-f0-9]{1,64}", 1 => text(4)],
        uid in prop_oneof![4 => Just("0".to_owned()), 1 => "[a-zA-Z0-9]{60,66}", 1 => text(3)],
        key_ok: bool,
        duration in 60u32..=2_592_000,
    ) {
        let key: &[u8] = if key_ok { URL_KEY } else { b"0123456789012345678901234567890123" };
        let ts_text = match hex_format { 0 => Some(ts.to_string()), 1 if ts < (1 << 32) => Some(format!("{ts:x}")), _ => None };
        let model = match &ts_text {
            Some(tt) if uri_ok(&uri) && alnum_1_64(&rand) && alnum_1_64(&uid) => {
                if huawei_key_ok(key) { Ok(auth_key_model(&uri, tt, &rand, &uid, key)) } else { Err(LIVESIGN_INVALID_KEY) }
            }
            _ => Err(LIVESIGN_INVALID_ARGUMENT),
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_huawei_url_a_build(p(key), key.len(), p(uri.as_bytes()), uri.len(), ts, hex_format,
                p(rand.as_bytes()), rand.len(), p(uid.as_bytes()), uid.len(), out, cap, len)
        });
        match model {
            Err(e) => prop_assert_eq!(st, e, "model refuses uri {:?} rand {:?} uid {:?}", uri, rand, uid),
            Ok(q) => {
                prop_assert_eq!(st, LIVESIGN_OK, "uri {:?}", uri);
                prop_assert_eq!(String::from_utf8_lossy(&got), q.as_str());
                prop_assert!(got.len() <= LIVESIGN_HUAWEI_URL_A_MAX_LEN);
                let keys = [sl(b"Abcdefghijklmnopqrstuvwxyz012345"), sl(key)];
                for url in url_forms(&uri, &q) {
                    let mut matched = usize::MAX;
                    // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                    let st = unsafe {
                        livesign_huawei_url_a_verify(keys.as_ptr(), 2, url.as_ptr(), url.len(), hex_format, ts, duration, 0, &mut matched)
                    };
                    prop_assert_eq!((st, matched), (LIVESIGN_OK, 1), "verify({})", url);
                }
            }
        }
    }

    #[test]
    fn alibaba_url_a_matches_the_model(
        uri in uri(),
        ts: u64,
        rand in prop_oneof![4 => "[a-f0-9]{1,64}", 1 => text(4)],
        uid in prop_oneof![4 => Just("0".to_owned()), 1 => "[a-zA-Z0-9]{60,66}", 1 => text(3)],
        key in prop_oneof![8 => prop::collection::vec(any::<u8>(), 1..40), 1 => Just(vec![])],
    ) {
        let model = if uri_ok(&uri) && alnum_1_64(&rand) && alnum_1_64(&uid) {
            if key.is_empty() { Err(LIVESIGN_INVALID_KEY) } else { Ok(auth_key_model(&uri, &ts.to_string(), &rand, &uid, &key)) }
        } else {
            Err(LIVESIGN_INVALID_ARGUMENT)
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_alibaba_url_a_build(p(&key), key.len(), p(uri.as_bytes()), uri.len(), ts,
                p(rand.as_bytes()), rand.len(), p(uid.as_bytes()), uid.len(), out, cap, len)
        });
        match model {
            Err(e) => prop_assert_eq!(st, e, "model refuses uri {:?} rand {:?} uid {:?}", uri, rand, uid),
            Ok(q) => {
                prop_assert_eq!(st, LIVESIGN_OK, "uri {:?}", uri);
                prop_assert_eq!(String::from_utf8_lossy(&got), q.as_str());
                prop_assert!(got.len() <= LIVESIGN_ALIBABA_URL_A_MAX_LEN);
                let keys = [sl(b"secondary"), sl(&key)];
                for url in url_forms(&uri, &q) {
                    let mut matched = usize::MAX;
                    // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                    let st = unsafe {
                        livesign_alibaba_url_a_verify(keys.as_ptr(), 2, url.as_ptr(), url.len(), ts, 0, 0, &mut matched)
                    };
                    prop_assert_eq!((st, matched), (LIVESIGN_OK, 1), "verify({})", url);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- Huawei B / D

fn stream_ok(s: &str) -> bool {
    (1..=256).contains(&s.len())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]

    #[test]
    fn huawei_url_b_and_d_match_the_model(
        stream in prop_oneof![3 => "[a-z0-9_]{1,16}", 3 => text(10), 1 => "[a-z]{250,260}"],
        t in prop_oneof![0u64..(1 << 32), Just((1u64 << 32) - 1), Just(1u64 << 32), any::<u64>(),
                         Just((1u64 << 28) - 1), Just(1u64 << 28), 1u64 << 28..1 << 32],
        key_ok: bool,
        duration in 60u32..=2_592_000,
    ) {
        let key: &[u8] = if key_ok { URL_KEY } else { b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enl!" };
        let hex_t = format!("{t:x}");
        // B
        let model_b = if !stream_ok(&stream) || !eight_hex_digits(t) {
            Err(LIVESIGN_INVALID_ARGUMENT)
        } else if !huawei_key_ok(key) {
            Err(LIVESIGN_INVALID_KEY)
        } else {
            Ok(format!("txSecret={}&txTime={hex_t}", md5_hex(&[key, stream.as_bytes(), hex_t.as_bytes()])))
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_huawei_url_b_build(p(key), key.len(), p(stream.as_bytes()), stream.len(), t, out, cap, len)
        });
        let keys = [sl(b"Abcdefghijklmnopqrstuvwxyz012345"), sl(key)];
        match model_b {
            Err(e) => prop_assert_eq!(st, e),
            Ok(q) => {
                prop_assert_eq!(st, LIVESIGN_OK);
                prop_assert_eq!(String::from_utf8_lossy(&got), q.as_str());
                prop_assert!(got.len() <= LIVESIGN_HUAWEI_URL_B_MAX_LEN);
                let url = format!("rtmp://h/app/s?vhost=a%26b&{q}&txTime_=1");
                let mut matched = usize::MAX;
                // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                let st = unsafe {
                    livesign_huawei_url_b_verify(keys.as_ptr(), 2, stream.as_ptr(), stream.len(), url.as_ptr(), url.len(), t, duration, 0, &mut matched)
                };
                prop_assert_eq!((st, matched), (LIVESIGN_OK, 1), "verify({})", url);
            }
        }
        // D (raw and keyed): the same 8-hex-digit bound on the time.
        let model_d = if !stream_ok(&stream) || !eight_hex_digits(t) {
            Err(LIVESIGN_INVALID_ARGUMENT)
        } else if !huawei_key_ok(key) {
            Err(LIVESIGN_INVALID_KEY)
        } else {
            Ok(format!("hwSecret={}&hwTime={hex_t}", hmac_hex(key, &[stream.as_bytes(), hex_t.as_bytes()])))
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_huawei_url_d_build(p(key), key.len(), p(stream.as_bytes()), stream.len(), t, out, cap, len)
        });
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let mut ctx: livesign_hmac_key = unsafe { core::mem::zeroed() };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        prop_assert_eq!(unsafe { livesign_hmac_key_init(&mut ctx, key.as_ptr(), key.len()) }, LIVESIGN_OK);
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st_keyed, got_keyed) = call(|out, cap, len| unsafe {
            livesign_huawei_url_d_build_keyed(&ctx, p(stream.as_bytes()), stream.len(), t, out, cap, len)
        });
        match model_d {
            Err(e) => {
                prop_assert_eq!(st, e);
                // A loaded context shows only its length (32, as a valid key's).
                if e == LIVESIGN_INVALID_ARGUMENT { prop_assert_eq!(st_keyed, e); }
            }
            Ok(q) => {
                prop_assert_eq!(st, LIVESIGN_OK);
                prop_assert_eq!(String::from_utf8_lossy(&got), q.as_str());
                prop_assert_eq!((st_keyed, &got_keyed), (LIVESIGN_OK, &got));
                prop_assert!(got.len() <= LIVESIGN_HUAWEI_URL_D_MAX_LEN);
                let url = format!("/app/s?hwTimex=1&{q}&hwSecret_=x");
                let mut matched = usize::MAX;
                let now = t;
                // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                let st = unsafe {
                    livesign_huawei_url_d_verify(keys.as_ptr(), 2, stream.as_ptr(), stream.len(), url.as_ptr(), url.len(), now, duration, 0, &mut matched)
                };
                prop_assert_eq!((st, matched), (LIVESIGN_OK, 1), "verify({})", url);
            }
        }
    }
}

// ---------------------------------------------------------------- UserSig / PrivateMapKey

use base64::Engine as _;
use livesign::ffi::trtc::*;

/// Go's `encoding/json` string escaping (the token is the Go SDK's byte for byte): `"` `\`,
/// `\n` `\r` `\t` `\b` `\f` by name, other controls as `\u00xx`, `<` `>` `&` and U+2028/9 as
/// `\uxxxx` (HTML-safe).
fn go_json_string(s: &str) -> String {
    let mut o = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            '\u{8}' => o.push_str("\\b"),
            '\u{c}' => o.push_str("\\f"),
            c if (c as u32) < 0x20 || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                o.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn adler32(b: &[u8]) -> u32 {
    let (mut a, mut s) = (1u32, 0u32);
    for &x in b {
        a = (a + u32::from(x)) % 65521;
        s = (s + a) % 65521;
    }
    (s << 16) | a
}

/// spec §1 + §1.1 (Go row) + the stored-zlib recipe: the whole token.
fn usersig_model(
    sdkappid: u64,
    key: &[u8],
    id: &str,
    expire: u64,
    now: u64,
    userbuf: &[u8],
) -> Result<String, livesign_status> {
    if key.is_empty() || key.len() > 1024 {
        return Err(LIVESIGN_INVALID_KEY);
    }
    // The official verifiers read TLS.time and TLS.expire as int64, their sum too.
    if id.len() > 256 || userbuf.len() > 1024 || u128::from(now) + u128::from(expire) > i64::MAX as u128 {
        return Err(LIVESIGN_INVALID_ARGUMENT);
    }
    let std = base64::engine::general_purpose::STANDARD;
    let ub = (!userbuf.is_empty()).then(|| std.encode(userbuf));
    let mut content = format!("TLS.identifier:{id}\nTLS.sdkappid:{sdkappid}\nTLS.time:{now}\nTLS.expire:{expire}\n");
    if let Some(ub) = &ub {
        content.push_str(&format!("TLS.userbuf:{ub}\n"));
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(content.as_bytes());
    let sig = std.encode(mac.finalize().into_bytes());
    let mut json = String::from("{\"TLS.ver\":\"2.0\"");
    if !id.is_empty() {
        json.push_str(&format!(",\"TLS.identifier\":{}", go_json_string(id)));
    }
    // Every member of the Go struct is `omitempty` (sdkappid included).
    if sdkappid != 0 {
        json.push_str(&format!(",\"TLS.sdkappid\":{sdkappid}"));
    }
    if expire != 0 {
        json.push_str(&format!(",\"TLS.expire\":{expire}"));
    }
    if now != 0 {
        json.push_str(&format!(",\"TLS.time\":{now}"));
    }
    if let Some(ub) = &ub {
        json.push_str(&format!(",\"TLS.userbuf\":\"{ub}\""));
    }
    json.push_str(&format!(",\"TLS.sig\":\"{sig}\"}}\n"));
    let j = json.as_bytes();
    let n = u16::try_from(j.len()).unwrap();
    let mut z = vec![0x78, 0x01, 0x00];
    z.extend_from_slice(&n.to_le_bytes());
    z.extend_from_slice(&(!n).to_le_bytes());
    z.extend_from_slice(j);
    z.extend_from_slice(&[0x01, 0x00, 0x00, 0xff, 0xff]);
    z.extend_from_slice(&adler32(j).to_be_bytes());
    Ok(std.encode(&z).replace('+', "*").replace('/', "-").replace('=', "_"))
}

/// spec §3: the PrivateMapKey userbuf.
fn privmap_userbuf(
    sdkappid: u64,
    id: &str,
    room: Result<u32, &str>,
    expire: u64,
    now: u64,
    privileges: u32,
) -> Option<Vec<u8>> {
    let sdk = u32::try_from(sdkappid).ok()?;
    let exp = u32::try_from(now.checked_add(expire)?).ok()?;
    if !id.is_ascii() || id.len() > 256 {
        return None;
    }
    let mut b = vec![u8::from(room.is_err())];
    b.extend_from_slice(&(id.len() as u16).to_be_bytes());
    b.extend_from_slice(id.as_bytes());
    b.extend_from_slice(&sdk.to_be_bytes());
    b.extend_from_slice(&room.unwrap_or(0).to_be_bytes());
    b.extend_from_slice(&exp.to_be_bytes());
    b.extend_from_slice(&privileges.to_be_bytes());
    b.extend_from_slice(&0u32.to_be_bytes());
    if let Err(s) = room {
        if s.is_empty() || !s.is_ascii() {
            return None;
        }
        b.extend_from_slice(&(s.len() as u16).to_be_bytes());
        b.extend_from_slice(s.as_bytes());
    }
    (b.len() <= 1024).then_some(b)
}

fn identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9_-]{0,32}",
        3 => text(12),
        1 => prop::sample::select(vec!["\u{8}\u{c}\u{1}\u{1f}", "\u{2028}\u{2029}", "<a>&amp;", "a\"b\\c/d", "用户_Zoë😀", ""])
            .prop_map(str::to_owned),
        1 => "[a-z]{250,260}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn usersig_gen_matches_the_model(
        sdkappid in prop_oneof![1_400_000_000u64..1_500_000_000, any::<u64>(), Just(0u64)],
        key in prop_oneof![8 => prop::collection::vec(any::<u8>(), 1..80), 1 => Just(vec![]), 1 => Just(vec![7u8; 1025])],
        id in identifier(),
        expire in prop_oneof![Just(0u64), 1u64..20_000_000, any::<u64>(), i64::MAX as u64 - 1_800_000_000..=i64::MAX as u64],
        now in prop_oneof![Just(0u64), 1_600_000_000u64..1_800_000_000, any::<u64>(), Just(i64::MAX as u64)],
        userbuf in prop_oneof![Just(vec![]), prop::collection::vec(any::<u8>(), 1..64), prop::collection::vec(any::<u8>(), 1020..1030)],
    ) {
        let model = usersig_model(sdkappid, &key, &id, expire, now, &userbuf);
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_usersig_gen(sdkappid, p(&key), key.len(), p(id.as_bytes()), id.len(), expire, now,
                p(&userbuf), userbuf.len(), out, cap, len)
        });
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let size = unsafe { livesign_usersig_len(sdkappid, p(id.as_bytes()), id.len(), expire, now, userbuf.len()) };
        match &model {
            Err(e) => prop_assert_eq!(st, *e),
            Ok(tok) => {
                prop_assert_eq!(st, LIVESIGN_OK);
                prop_assert_eq!(String::from_utf8_lossy(&got), tok.as_str());
                prop_assert_eq!(size, got.len());
                prop_assert!(got.len() <= LIVESIGN_USERSIG_MAX_LEN);
                // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                let st = unsafe {
                    livesign_usersig_verify(sdkappid, p(&key), key.len(), p(id.as_bytes()), id.len(), got.as_ptr(), got.len(),
                        now, 0, ptr::null_mut())
                };
                prop_assert_eq!(st, LIVESIGN_OK);
            }
        }
        // The size function sees no key: it agrees with every key-independent outcome.
        if model != Err(LIVESIGN_INVALID_KEY) {
            prop_assert_eq!(size, model.as_ref().map_or(0, String::len));
        }
    }

    #[test]
    fn privmap_gen_matches_the_model(
        sdkappid in prop_oneof![1_400_000_000u64..1_500_000_000, Just(u64::from(u32::MAX)), Just(1u64 << 32), any::<u64>()],
        id in prop_oneof![3 => "[a-zA-Z0-9_-]{1,32}", 1 => text(6), 1 => "[a-z]{990,1010}"],
        expire in prop_oneof![0u64..20_000_000, Just(u64::from(u32::MAX)), any::<u64>()],
        now in prop_oneof![1_600_000_000u64..1_800_000_000, Just(u64::from(u32::MAX)), any::<u64>()],
        room in prop_oneof![any::<u32>().prop_map(Ok), "[a-z0-9_-]{0,40}".prop_map(Err), text(4).prop_map(Err)],
        privileges: u32,
    ) {
        let key = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
        let ub = privmap_userbuf(sdkappid, &id, room.as_ref().map(|r| *r).map_err(String::as_str), expire, now, privileges);
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            match &room {
                Ok(r) => livesign_privmap_gen(sdkappid, key.as_ptr(), key.len(), p(id.as_bytes()), id.len(), expire, now, *r,
                    privileges, out, cap, len),
                Err(s) => livesign_privmap_gen_roomstr(sdkappid, key.as_ptr(), key.len(), p(id.as_bytes()), id.len(), expire,
                    now, p(s.as_bytes()), s.len(), privileges, out, cap, len),
            }
        });
        let model = match &ub {
            None => Err(LIVESIGN_INVALID_ARGUMENT),
            Some(ub) => usersig_model(sdkappid, key, &id, expire, now, ub),
        };
        match model {
            Err(e) => prop_assert_eq!(st, e, "id {:?} room {:?}", id, room),
            Ok(tok) => {
                prop_assert_eq!(st, LIVESIGN_OK);
                prop_assert_eq!(String::from_utf8_lossy(&got), tok.as_str());
                let n = ub.as_ref().unwrap().len();
                prop_assert_eq!(n, match &room { Ok(_) => 23 + id.len(), Err(s) => 25 + id.len() + s.len() });
                // The header's recipe for sizing a PrivateMapKey.
                // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
                let size = unsafe { livesign_usersig_len(sdkappid, p(id.as_bytes()), id.len(), expire, now, n) };
                prop_assert_eq!(size, got.len());
            }
        }
    }
}

// ---------------------------------------------------------------- callback signers

use livesign::ffi::huawei::livesign_huawei_sign;
use livesign::ffi::huawei_record::*;
use livesign::ffi::tencent::livesign_tencent_sign;
use livesign::ffi::trtc_callback::livesign_trtc_callback_sign;

/// A fixed-size signer's status and, on `LIVESIGN_OK`, its output.
fn fixed<const N: usize>(f: impl FnOnce(*mut u8) -> livesign_status) -> Result<String, livesign_status> {
    let mut out = [0xAAu8; N];
    match f(out.as_mut_ptr()) {
        LIVESIGN_OK => Ok(String::from_utf8(out.to_vec()).unwrap()),
        st => {
            assert!(out.iter().all(|&b| b == 0xAA), "{st:?} wrote its output");
            Err(st)
        }
    }
}

fn key_in(key: &[u8], lo: usize, hi: usize) -> bool {
    (lo..=hi).contains(&key.len())
}

fn field(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![4 => text(8), 1 => Just("x".repeat(max)), 1 => Just("x".repeat(max + 1))]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn callback_signers_match_the_model(
        key in prop_oneof![prop::collection::vec(any::<u8>(), 0..140), "[A-Za-z0-9]{1,33}".prop_map(String::into_bytes)],
        a in field(256), b in field(256), c in field(256), d in field(256),
        url1 in field(8192), url2 in field(8192),
        ts in prop_oneof![any::<u64>(), 0..=10_000_000_000u64, Just(9_999_999_999u64), Just(10_000_000_000u64),
                           Just(999_999_999u64), Just(1_000_000_000u64), 1_000_000_000..=9_999_999_999u64],
        ts_text in prop_oneof!["[0-9]{1,20}", "[1-9][0-9]{0,18}", "[1-9][0-9]{9}", "[1-9][0-9]{12}", "[0-9]{21,24}", text(3),
                               Just(String::new()), Just("+1".to_owned())],
        body in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let id = |s: &str| s.len() <= 256;
        // Tencent CSS `t + sign`.
        let want = if key.is_empty() || key.len() > 1024 { Err(LIVESIGN_INVALID_KEY) }
            else { Ok(md5_hex(&[&key, ts.to_string().as_bytes()])) };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        prop_assert_eq!(fixed::<32>(|o| unsafe { livesign_tencent_sign(p(&key), key.len(), ts, o) }), want);

        // Huawei stream notification: `auth_timestamp` has exactly 10 digits.
        let ten_digits = (1_000_000_000..=9_999_999_999).contains(&ts);
        let want = if ![&a, &b, &c, &d].iter().all(|s| id(s)) || !ten_digits { Err(LIVESIGN_INVALID_ARGUMENT) }
            else if !key_in(&key, 32, 128) { Err(LIVESIGN_INVALID_KEY) }
            else { Ok(hmac_hex(&key, &[a.as_bytes(), b.as_bytes(), c.as_bytes(), d.as_bytes(), ts.to_string().as_bytes()])) };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let got = fixed::<64>(|o| unsafe {
            livesign_huawei_sign(p(&key), key.len(), p(a.as_bytes()), a.len(), p(b.as_bytes()), b.len(),
                p(c.as_bytes()), c.len(), p(d.as_bytes()), d.len(), ts, o)
        });
        prop_assert_eq!(got, want);

        // Huawei recording, HMACSHA256 (a 10-digit `auth_timestamp`, checked before the key) and
        // MD5 (any).
        let want = if ![&a, &b, &c, &d].iter().all(|s| id(s)) || url1.len() > 8192 || url2.len() > 8192 || !ten_digits {
            Err(LIVESIGN_INVALID_ARGUMENT)
        } else if !key_in(&key, 32, 1024) {
            Err(LIVESIGN_INVALID_KEY)
        } else {
            Ok(hmac_hex(&key, &[ts.to_string().as_bytes(), a.as_bytes(), b.as_bytes(), c.as_bytes(), d.as_bytes(),
                url1.as_bytes(), url2.as_bytes()]))
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let got = fixed::<64>(|o| unsafe {
            livesign_huawei_record_sign(p(&key), key.len(), ts, p(a.as_bytes()), a.len(), p(b.as_bytes()), b.len(),
                p(c.as_bytes()), c.len(), p(d.as_bytes()), d.len(), p(url1.as_bytes()), url1.len(),
                p(url2.as_bytes()), url2.len(), o)
        });
        prop_assert_eq!(got, want);
        let want = if key_in(&key, 32, 1024) { Ok(md5_hex(&[&key, ts.to_string().as_bytes()])) } else { Err(LIVESIGN_INVALID_KEY) };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        prop_assert_eq!(fixed::<32>(|o| unsafe { livesign_huawei_record_md5_sign(p(&key), key.len(), ts, o) }), want);

        // Huawei SparkRTC.
        // A canonical decimal of 10 digits (seconds) or 13 (milliseconds), as the verifier
        // reads it.
        let decimal = ts_text.parse::<u64>().is_ok_and(|v| v.to_string() == ts_text)
            && (ts_text.len() == 10 || ts_text.len() == 13);
        let want = if !id(&a) || !decimal { Err(LIVESIGN_INVALID_ARGUMENT) }
            else if key.is_empty() || key.len() > 1024 { Err(LIVESIGN_INVALID_KEY) }
            else { Ok(hmac_hex(&key, &[a.as_bytes(), ts_text.as_bytes(), &body])) };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let got = fixed::<64>(|o| unsafe {
            livesign_huawei_sparkrtc_sign(p(&key), key.len(), p(a.as_bytes()), a.len(), p(ts_text.as_bytes()), ts_text.len(),
                p(&body), body.len(), o)
        });
        prop_assert_eq!(got, want, "timestamp {:?}", ts_text);

        // Alibaba callback.
        let want = if !id(&b) { Err(LIVESIGN_INVALID_ARGUMENT) }
            else if key.is_empty() || key.len() > 1024 { Err(LIVESIGN_INVALID_KEY) }
            else { Ok(md5_hex(&[format!("{b}|{ts}|").as_bytes(), &key])) };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        prop_assert_eq!(fixed::<32>(|o| unsafe { livesign_alibaba_callback_sign(p(&key), key.len(), p(b.as_bytes()), b.len(), ts, o) }), want);

        // TRTC callback.
        let want = if key_in(&key, 1, 32) && key.iter().all(u8::is_ascii_alphanumeric) {
            let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).unwrap();
            m.update(&body);
            Ok(base64::engine::general_purpose::STANDARD.encode(m.finalize().into_bytes()))
        } else {
            Err(LIVESIGN_INVALID_KEY)
        };
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        prop_assert_eq!(fixed::<44>(|o| unsafe { livesign_trtc_callback_sign(p(&key), key.len(), p(&body), body.len(), o) }), want);
    }
}

#[test]
fn usersig_longest_token_fits_max_len_and_verifies() {
    let key = b"k";
    let id = "<".repeat(256);
    let ub = [0u8; 1024];
    // Both times of 19 digits, summing to INT64_MAX: the longest token written. The limit
    // keeps 4 more characters for the 20-digit times other SDKs write.
    let (expire, now) = (LIVESIGN_USERSIG_MAX_EXPIRES_AT / 2 + 1, LIVESIGN_USERSIG_MAX_EXPIRES_AT / 2);
    assert_eq!(expire + now, i64::MAX as u64);
    let model = usersig_model(u64::MAX, key, &id, expire, now, &ub).unwrap();
    assert_eq!(model.len(), LIVESIGN_USERSIG_MAX_LEN - 4);
    // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
    let (st, got) = call(|out, cap, len| unsafe {
        livesign_usersig_gen(
            u64::MAX,
            key.as_ptr(),
            1,
            id.as_ptr(),
            id.len(),
            expire,
            now,
            ub.as_ptr(),
            ub.len(),
            out,
            cap,
            len,
        )
    });
    assert_eq!((st, String::from_utf8(got.clone()).unwrap()), (LIVESIGN_OK, model));
    // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
    let st = unsafe {
        livesign_usersig_verify(
            u64::MAX,
            key.as_ptr(),
            1,
            id.as_ptr(),
            id.len(),
            got.as_ptr(),
            got.len(),
            expire + now,
            0,
            ptr::null_mut(),
        )
    };
    assert_eq!(st, LIVESIGN_OK);
    // One second later, or 20-digit times, is not made.
    for (expire, now) in [(expire + 1, now), (u64::MAX, u64::MAX)] {
        assert_eq!(usersig_model(u64::MAX, key, &id, expire, now, &ub), Err(LIVESIGN_INVALID_ARGUMENT));
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, got) = call(|out, cap, len| unsafe {
            livesign_usersig_gen(1, key.as_ptr(), 1, id.as_ptr(), id.len(), expire, now, ptr::null(), 0, out, cap, len)
        });
        assert_eq!((st, got.len()), (LIVESIGN_INVALID_ARGUMENT, 0));
    }
}

#[test]
fn url_a_dot_segments_are_refused() {
    // `http://h/live/../s.flv` is requested as `http://h/s.flv` (RFC 3986 §5.2.4; browsers also
    // read `%2e` as a dot): the URI hashed is not the URI the CDN hashes.
    let mut bad = Vec::new();
    for uri in ["/live/../s.flv", "/./s.flv", "/live/..", "/live/.", "/live/%2e%2E/s.flv", "/live/.%2e/s", "/%2E/s"] {
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, _) = call(|out, cap, len| unsafe {
            livesign_huawei_url_a_build(
                URL_KEY.as_ptr(),
                32,
                uri.as_ptr(),
                uri.len(),
                1_592_639_100,
                LIVESIGN_HUAWEI_TIME_DECIMAL,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                out,
                cap,
                len,
            )
        });
        if st != LIVESIGN_INVALID_ARGUMENT {
            bad.push(format!("huawei {uri:?}: {st:?}"));
        }
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, _) = call(|out, cap, len| unsafe {
            livesign_alibaba_url_a_build(
                b"k".as_ptr(),
                1,
                uri.as_ptr(),
                uri.len(),
                1_592_639_100,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                out,
                cap,
                len,
            )
        });
        if st != LIVESIGN_INVALID_ARGUMENT {
            bad.push(format!("alibaba {uri:?}: {st:?}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    // Dots inside a segment are ordinary characters.
    for uri in ["/live/s.flv", "/a/...", "/a/.b", "/a/b./c", "/.well-known/x"] {
        // SAFETY: each pointer is valid for its length or NULL with 0; outputs are live buffers.
        let (st, _) = call(|out, cap, len| unsafe {
            livesign_alibaba_url_a_build(
                b"k".as_ptr(),
                1,
                uri.as_ptr(),
                uri.len(),
                1,
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                out,
                cap,
                len,
            )
        });
        assert_eq!(st, LIVESIGN_OK, "{uri:?}");
    }
}
