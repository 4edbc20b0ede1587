//! Tencent CSS push/play URLs (`txSecret` / `txTime`) against a reference (the md-5 crate and
//! an independent reading of the URL): a URL verifies only when some key of the ring gives
//! its `txSecret` for the stream name and `txTime` as written, the first such key is the one
//! reported, and the URL is still valid; built URLs verify, and a URL with one signed
//! character changed does not; the C function agrees with the Rust one; each single `txTime`
//! form reads only its own texts.

use livesign::Error;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent_url::{
    livesign_tencent_url_build, livesign_tencent_url_info, livesign_tencent_url_secret, livesign_tencent_url_verify,
    livesign_tencent_url_verify_form,
};
use livesign::tencent::url::{self, TxTimeForm, UrlKind};

use super::input::{Input, Writer};
use super::reference::{self, md5_hex, query_value, url_parts};

const KINDS: [UrlKind; 4] = [UrlKind::Rtmp, UrlKind::WebRtc, UrlKind::Flv, UrlKind::Hls];

/// Input layout: `mode`, `now`, `expiry` (u64), `valid_for`, `leeway` (u32), `key`, `key2`,
/// `domain`, `app`, `stream` (fields), `url` (rest). `mode & 3`: 0 verify `url`; 1 build a
/// URL of kind `(mode >> 2) & 3` from the parts and verify it; 2 the same with one character
/// of its txSecret, txTime or stream name changed (`mode >> 4` picks which and where); 3
/// `url` with `txSecret` replaced by the right one for its own stream name and `txTime`.
/// The key ring is `key2, key` when `key2` is not empty, else `key`.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, expiry, valid_for, leeway) = (input.byte(), input.u64(), input.u64(), input.u32(), input.u32());
    let (key, key2) = (input.field(), input.field());
    let (domain, app, stream) = (input.field(), input.field(), input.field());
    let given = input.rest();
    let ring: Vec<&[u8]> = if key2.is_empty() { vec![key] } else { vec![key2, key] };
    let url = match mode & 3 {
        0 => given.to_vec(),
        3 => resign(given, key),
        m => {
            let kind = KINDS[usize::from(mode >> 2) & 3];
            let mut buf = vec![0u8; 1024];
            let Ok(n) = url::build(kind, domain, app, stream, key, expiry, &mut buf) else {
                build_refusal_is_documented(kind, domain, app, stream, key, expiry);
                return;
            };
            buf.truncate(n);
            build_agrees_with_c(kind, domain, app, stream, key, expiry, &buf);
            if m == 1 {
                let first = ring
                    .iter()
                    .position(|k| md5_hex(&[k, stream, tx_time_of(&buf)]) == md5_hex(&[key, stream, tx_time_of(&buf)]));
                let valid_until = expiry.saturating_add(u64::from(valid_for));
                let want = if !ring.iter().all(|k| (1..=1024).contains(&k.len())) {
                    Err(Error::InvalidKey)
                } else if reference::fresh(valid_until, now, leeway) {
                    Ok(first.unwrap())
                } else {
                    Err(Error::Expired)
                };
                assert_eq!(url::verify(&ring, &buf, valid_for, now, leeway).map(|v| v.key_index), want);
                buf
            } else {
                let changed = change_signed(&buf, usize::from(mode >> 4));
                let r = url::verify(&[key], &changed, valid_for, now, leeway);
                assert!(r.is_err(), "{} verified after a change", String::from_utf8_lossy(&changed));
                changed
            }
        }
    };
    verify_agrees(&ring, &url, valid_for, now, leeway);
    secret_agrees(key, stream, &url);
}

/// The `txTime` of a URL livesign built.
fn tx_time_of(url: &[u8]) -> &[u8] {
    let (_, query) = url_parts(url).expect("a built URL parses");
    query_value(query, b"txTime").expect("one txTime")
}

/// `url` with its `txSecret` value replaced by the right one for `key` (when the reference
/// finds the parts).
fn resign(url: &[u8], key: &[u8]) -> Vec<u8> {
    let Some((path, query)) = url_parts(url) else { return url.to_vec() };
    let (Some(stream), Some(time), Some(secret)) =
        (stream_name(path), query_value(query, b"txTime"), query_value(query, b"txSecret"))
    else {
        return url.to_vec();
    };
    let right = md5_hex(&[key, stream, time]);
    let at = secret.as_ptr() as usize - url.as_ptr() as usize;
    [&url[..at], right.as_bytes(), &url[at + secret.len()..]].concat()
}

/// Changes one character of the txSecret, the txTime or the stream name of a built URL.
fn change_signed(url: &[u8], pick: usize) -> Vec<u8> {
    let (path, query) = url_parts(url).unwrap();
    let part = match pick % 3 {
        0 => query_value(query, b"txSecret").unwrap(),
        1 => query_value(query, b"txTime").unwrap(),
        _ => stream_name(path).unwrap(),
    };
    let at = part.as_ptr() as usize - url.as_ptr() as usize;
    let changed = reference::change_one(part, pick / 3);
    // A changed stream name must stay a stream name the URL carries (not a new `/`, `?`, `#`).
    let changed: Vec<u8> = changed.iter().map(|&c| if b"/?#&=".contains(&c) { b'x' } else { c }).collect();
    let changed = if changed == part { reference::change_one(part, pick / 3 + 1) } else { changed };
    [&url[..at], &changed, &url[at + part.len()..]].concat()
}

/// Tencent's stream-name rule, written independently: the last path segment without one
/// `.flv`, `.m3u8` or `.sdp`; the path must be `/app[/...]/stream` with no empty segment.
fn stream_name(path: &[u8]) -> Option<&[u8]> {
    let segments: Vec<&[u8]> = path.strip_prefix(b"/")?.split(|&b| b == b'/').collect();
    if segments.len() < 2 || segments.iter().any(|s| s.is_empty()) {
        return None;
    }
    let last = segments[segments.len() - 1];
    let stream = [&b".flv"[..], b".m3u8", b".sdp"].iter().find_map(|s| last.strip_suffix(*s)).unwrap_or(last);
    (!stream.is_empty()).then_some(stream)
}

/// The Rust and C verifiers agree, and every outcome has its documented cause.
pub fn verify_agrees(ring: &[&[u8]], url: &[u8], valid_for: u32, now: u64, leeway: u32) {
    let ours = url::verify(ring, url, valid_for, now, leeway);
    let slices: Vec<livesign_slice> = ring.iter().map(|k| livesign_slice::of(k)).collect();
    let mut matched = usize::MAX;
    let mut info = livesign_tencent_url_info {
        app: livesign_slice::of(b"junk"),
        stream_name: livesign_slice::of(b"junk"),
        tx_time: livesign_slice::of(b"junk"),
        expiry: 7,
        valid_until: 7,
    };
    // SAFETY: the ring's slices and url are valid for their lengths; matched and info are
    // writable.
    let c = unsafe {
        livesign_tencent_url_verify(
            slices.as_ptr(),
            slices.len(),
            url.as_ptr(),
            url.len(),
            valid_for,
            now,
            leeway,
            &mut matched,
            &mut info,
        )
    };
    assert_eq!(c as u32, ours.as_ref().map_or_else(|e| e.code(), |_| 0));
    let parts = url_parts(url).and_then(|(path, query)| {
        Some((stream_name(path)?, query_value(query, b"txTime")?, query_value(query, b"txSecret")?))
    });
    forms_agree(ring, url, valid_for, now, leeway, &ours);
    let keys_ok = !ring.is_empty() && ring.len() <= 8 && ring.iter().all(|k| (1..=1024).contains(&k.len()));
    match ours {
        Ok(v) => {
            assert!(keys_ok && url.len() <= 8192);
            let (stream, time, secret) = parts.expect("the reference reads every accepted URL");
            assert_eq!((v.stream_name, v.tx_time), (stream, time));
            let expiry = reference::tx_time(time).expect("a readable txTime");
            assert_eq!((v.expiry, v.valid_until), (expiry, expiry.saturating_add(u64::from(valid_for))));
            let first = ring.iter().position(|k| md5_hex(&[k, stream, time]).as_bytes() == secret);
            assert_eq!(first, Some(v.key_index), "the first matching key is reported");
            assert!(reference::fresh(v.valid_until, now, leeway));
            assert_eq!((matched, info.expiry, info.stream_name), (v.key_index, expiry, livesign_slice::of(stream)));
        }
        Err(e) => {
            assert_eq!((matched, info.expiry, info.app), (usize::MAX, 0, livesign_slice::EMPTY));
            match e {
                Error::InvalidArgument => assert!(url.len() > 8192 || ring.is_empty() || ring.len() > 8),
                Error::InvalidKey => assert!(!keys_ok),
                Error::SignatureMismatch => {
                    let (stream, time, secret) = parts.expect("a mismatch needs a readable URL");
                    assert!(ring.iter().all(|k| md5_hex(&[k, stream, time]).as_bytes() != secret));
                }
                Error::Expired => {
                    let (stream, time, secret) = parts.expect("expiry needs a readable URL");
                    assert!(ring.iter().any(|k| md5_hex(&[k, stream, time]).as_bytes() == secret));
                    let until = reference::tx_time(time).unwrap().saturating_add(u64::from(valid_for));
                    assert!(!reference::fresh(until, now, leeway));
                }
                Error::Malformed => {}
                other => panic!("undocumented error {other:?}"),
            }
        }
    }
}

/// `verify_form` and `livesign_tencent_url_verify_form` give `verify`'s result for a `txTime`
/// in the form asked for (hex has at most 8 characters, decimal exactly 10) and `Malformed`
/// for one in the other form.
fn forms_agree(
    ring: &[&[u8]],
    url: &[u8],
    valid_for: u32,
    now: u64,
    leeway: u32,
    either: &Result<url::VerifiedUrl<'_>, Error>,
) {
    let read = !matches!(either, Err(Error::InvalidArgument | Error::InvalidKey | Error::Malformed));
    let time_len = url_parts(url).and_then(|(_, query)| query_value(query, b"txTime")).map(<[u8]>::len);
    let slices: Vec<livesign_slice> = ring.iter().map(|k| livesign_slice::of(k)).collect();
    for (form, code, lengths) in [(TxTimeForm::Hex, 1, 1..=8), (TxTimeForm::Decimal, 2, 10..=10)] {
        let want =
            if read && !time_len.is_some_and(|n| lengths.contains(&n)) { Err(Error::Malformed) } else { *either };
        assert_eq!(url::verify_form(ring, url, form, valid_for, now, leeway), want, "{form:?}");
        let mut matched = usize::MAX;
        // SAFETY: the ring's slices and url are valid for their lengths; matched is writable.
        let c = unsafe {
            livesign_tencent_url_verify_form(
                slices.as_ptr(),
                slices.len(),
                url.as_ptr(),
                url.len(),
                code,
                valid_for,
                now,
                leeway,
                &mut matched,
                core::ptr::null_mut(),
            )
        };
        assert_eq!((c as u32, matched), want.map_or_else(|e| (e.code(), usize::MAX), |v| (0, v.key_index)));
    }
}

/// A built URL: the C builder writes the same bytes, and its parts are the inputs.
fn build_agrees_with_c(kind: UrlKind, domain: &[u8], app: &[u8], stream: &[u8], key: &[u8], expiry: u64, built: &[u8]) {
    let mut buf = vec![0u8; built.len()];
    let mut len = 0usize;
    let code = KINDS.iter().position(|k| *k == kind).unwrap() as u32 + 1;
    // SAFETY: every input is valid for its length; buf holds built.len() bytes; len is writable.
    let c = unsafe {
        livesign_tencent_url_build(
            code,
            domain.as_ptr(),
            domain.len(),
            app.as_ptr(),
            app.len(),
            stream.as_ptr(),
            stream.len(),
            key.as_ptr(),
            key.len(),
            expiry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut len,
        )
    };
    assert_eq!((c as u32, len, &buf[..]), (0, built.len(), built));
    let (path, query) = url_parts(built).unwrap();
    assert_eq!(stream_name(path), Some(stream));
    let time = query_value(query, b"txTime").unwrap();
    assert_eq!(time, format!("{expiry:X}").as_bytes(), "uppercase hex txTime");
    assert_eq!(query_value(query, b"txSecret"), Some(md5_hex(&[key, stream, time]).as_bytes()));
    assert_eq!(url::url_len(kind, domain.len(), app.len(), stream.len(), expiry), Some(built.len()));
}

/// Why a build may fail: the documented input rules.
fn build_refusal_is_documented(kind: UrlKind, domain: &[u8], app: &[u8], stream: &[u8], key: &[u8], expiry: u64) {
    // Unreserved characters, and not a `.` / `..` segment (URL resolvers remove those).
    let unreserved =
        |s: &[u8]| s != b"." && s != b".." && s.iter().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(b));
    let domain_ok = reference::host_port(domain);
    let app_ok = !app.is_empty() && app.split(|&b| b == b'/').all(|s| !s.is_empty() && unreserved(s));
    let suffix = [&b".flv"[..], b".m3u8", b".sdp"].iter().any(|s| stream.ends_with(s));
    let stream_ok = !stream.is_empty() && unreserved(stream) && !suffix;
    let lengths_ok = domain.len().max(app.len()).max(stream.len()) <= 256;
    let args_ok = domain_ok && app_ok && stream_ok && lengths_ok && reference::eight_hex_digits(expiry);
    let mut buf = [0u8; 1024];
    let want = if !args_ok { Error::InvalidArgument } else { Error::InvalidKey };
    assert_eq!(url::build(kind, domain, app, stream, key, expiry, &mut buf), Err(want));
    if args_ok {
        assert!(key.is_empty() || key.len() > 1024);
    }
}

/// `url::secret` and the C twin against the reference, for the URL's own `txTime`.
fn secret_agrees(key: &[u8], stream: &[u8], url: &[u8]) {
    let time = url_parts(url).and_then(|(_, q)| query_value(q, b"txTime")).unwrap_or(b"5C271099");
    let ours = url::secret(key, stream, time);
    let mut out = [0u8; 32];
    // SAFETY: every input is valid for its length; out holds 32 bytes.
    let c = unsafe {
        livesign_tencent_url_secret(
            key.as_ptr(),
            key.len(),
            stream.as_ptr(),
            stream.len(),
            time.as_ptr(),
            time.len(),
            out.as_mut_ptr(),
        )
    };
    assert_eq!(c as u32, ours.map_or_else(Error::code, |_| 0));
    match ours {
        Ok(s) => {
            assert!(reference::tx_time(time).is_some());
            assert_eq!(s.as_str(), md5_hex(&[key, stream, time]));
            assert_eq!(&out, s.as_bytes());
        }
        Err(Error::InvalidArgument) => assert!(stream.len() > 256),
        Err(Error::InvalidKey) => assert!(key.is_empty() || key.len() > 1024),
        Err(e) => assert_eq!((e, reference::tx_time(time)), (Error::Malformed, None)),
    }
}

/// A seed.
#[allow(clippy::too_many_arguments)]
pub fn seed(
    mode: u8,
    now: u64,
    expiry: u64,
    valid_for: u32,
    leeway: u32,
    keys: [&[u8]; 2],
    parts: [&[u8]; 3],
    url: &[u8],
) -> Vec<u8> {
    let w = Writer::new().byte(mode).u64(now).u64(expiry).u32(valid_for).u32(leeway).field(keys[0]).field(keys[1]);
    parts.iter().fold(w, |w, p| w.field(p)).rest(url)
}

/// Seeds: tx_url.json's URLs (with their own key and a backup), and builds from their parts.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for v in super::seeds::vectors_of(vectors, "tx_url") {
        let (Some(key), Some(url), Some(expiry)) = (v["key"].as_str(), v["url"].as_str(), v["expiry_unix"].as_u64())
        else {
            continue;
        };
        let (key, url) = (key.as_bytes(), url.as_bytes());
        let stream = super::seeds::bytes(v, &["stream_name"]);
        let name = format!("tx_url-{}", v["name"].as_str().unwrap_or("?"));
        out.push((name.clone(), seed(0, expiry, expiry, 0, 0, [key, b"backupKey"], [b"", b"", b""], url)));
        out.push((name.clone(), seed(0, expiry + 1, expiry, 0, 0, [key, b""], [b"", b"", b""], url)));
        out.push((name.clone(), seed(3, expiry, expiry, 60, 0, [key, b""], [b"", b"", b""], url)));
        for mode in [1u8, 1 | 4, 1 | 8, 1 | 12, 2, 2 | 0x10, 2 | 0x20, 2 | 0x50] {
            out.push((
                name.clone(),
                seed(mode, expiry, expiry, 0, 0, [key, b"k2"], [b"play.example.com", b"live", &stream], b""),
            ));
        }
    }
    out
}
