//! Signed URLs of Huawei (methods A, B, D) and Alibaba (type A) against a reference (md-5 and
//! hmac crates, an independent reading of the URL and of each scheme's time and validity
//! rules): a URL verifies only when some key of the ring signs it, the first such key is the
//! one reported, and its validity has not ended; built URLs verify, one changed signed
//! character makes them fail; the C functions agree with the Rust ones.

use livesign::ffi::alibaba::livesign_alibaba_url_a_verify;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei_url::{
    livesign_huawei_url_a_verify, livesign_huawei_url_b_verify, livesign_huawei_url_d_verify,
    livesign_huawei_url_d_verify_keyed,
};
use livesign::ffi::slice::livesign_slice;
use livesign::huawei::{self, TimeFormat, UrlAuth};
use livesign::{Error, HmacKey, alibaba};

use super::input::{Input, Writer};
use super::reference::{self, hex_either_case, hex_time, hmac_hex, md5_hex, query_value, url_parts};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    A(TimeFormat),
    B,
    D,
    Alibaba,
}

/// Input layout: `mode`, `now`, `t` (u64), `duration`, `leeway` (u32), `key`, `key2`,
/// `stream`, `rand` (fields), `url` (rest). `mode & 7`: 0 Huawei A decimal, 1 A hex, 2 B,
/// 3 D, 4 Alibaba A (5 to 7 as 0 to 2). `(mode >> 3) & 3`: 0 verify `url`; 1 build from the
/// fields and verify; 2 the same with one signed character changed (`mode >> 5`). The key
/// ring is `key2, key` when `key2` is not empty. `duration` is brought into Huawei's range
/// 60 to 2592000 unless `mode >> 5 == 7`.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, t, duration, leeway) = (input.byte(), input.u64(), input.u64(), input.u32(), input.u32());
    let (key, key2, stream, rand, given) = (input.field(), input.field(), input.field(), input.field(), input.rest());
    let method = match mode & 7 {
        0 | 5 => Method::A(TimeFormat::Decimal),
        1 | 6 => Method::A(TimeFormat::Hex),
        2 | 7 => Method::B,
        3 => Method::D,
        _ => Method::Alibaba,
    };
    let duration = if mode >> 5 == 7 || method == Method::Alibaba { duration } else { 60 + duration % 2_591_941 };
    let ring: Vec<&[u8]> = if key2.is_empty() { vec![key] } else { vec![key2, key] };
    let url = match (mode >> 3) & 3 {
        0 | 3 => given.to_vec(),
        sub => {
            let Some(url) = build(method, key, stream, rand, t) else { return };
            if sub == 1 {
                let r = verify(method, &[key], stream, &url, now, duration, leeway);
                let want = if method != Method::Alibaba && !(60..=2_592_000).contains(&duration) {
                    Err(Error::InvalidArgument)
                } else if method == Method::D && !UrlAuth::key_valid(key) {
                    // Built with a loaded key, which shows only its length; verified with the
                    // raw key, whose characters break Huawei's rule.
                    Err(Error::InvalidKey)
                } else if reference::fresh(last_valid(method, t, duration), now, leeway) {
                    Ok(0)
                } else {
                    Err(Error::Expired)
                };
                assert_eq!(r, want, "a built URL: {}", String::from_utf8_lossy(&url));
                url
            } else {
                let changed = change_signed(method, &url, usize::from(mode >> 5));
                assert!(
                    verify(method, &[key], stream, &changed, now, duration, leeway).is_err(),
                    "{}",
                    String::from_utf8_lossy(&changed)
                );
                changed
            }
        }
    };
    verify_agrees(method, &ring, stream, &url, now, duration, leeway);
}

/// The last second a URL starting at `start` is valid, before leeway: A and Alibaba include
/// `start + duration`, B and D end just before it.
fn last_valid(method: Method, start: u64, duration: u32) -> u64 {
    match method {
        Method::A(_) | Method::Alibaba => start.saturating_add(u64::from(duration)),
        Method::B | Method::D => start.saturating_add(u64::from(duration) - 1),
    }
}

/// A URL built by livesign (`/app/{stream}?{query}`; `/app/x?{query}` for B and D), or `None` when the builder
/// refused the inputs (for a documented reason).
fn build(method: Method, key: &[u8], stream: &[u8], rand: &[u8], t: u64) -> Option<Vec<u8>> {
    let (Ok(stream), Ok(rand)) = (std::str::from_utf8(stream), std::str::from_utf8(rand)) else { return None };
    let uri = format!("/app/{stream}");
    let q = match method {
        Method::A(f) => huawei::url_a_build(key, &uri, t, f, rand, "0"),
        Method::B => huawei::url_b_build(key, stream, t),
        Method::D => HmacKey::new(key).and_then(|k| huawei::url_d_build(&k, stream, t)),
        Method::Alibaba => alibaba::url_a_build(key, &uri, t, rand, "0"),
    };
    match q {
        // B and D take the stream name as a parameter: their URL path is not signed.
        Ok(q) if matches!(method, Method::B | Method::D) => Some(format!("/app/x?{q}").into_bytes()),
        Ok(q) => Some(format!("{uri}?{q}").into_bytes()),
        Err(e) => {
            let part = |s: &str| (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric());
            // Printable, no `?` / `#` / `\`, and no `.` / `..` segment (dots also as `%2e`).
            let dot_segment =
                uri.split('/').any(|s| matches!(s.to_ascii_lowercase().replace("%2e", ".").as_str(), "." | ".."));
            let path_ok = !dot_segment && uri.bytes().all(|b| b > b' ' && b < 0x7f && !b"?#\\".contains(&b));
            let args_ok = match method {
                Method::A(TimeFormat::Hex) => path_ok && part(rand) && t < (1 << 32),
                Method::A(_) | Method::Alibaba => path_ok && part(rand),
                Method::B | Method::D => !stream.is_empty() && stream.len() <= 256 && reference::eight_hex_digits(t),
            };
            let key_ok = match method {
                Method::Alibaba => (1..=1024).contains(&key.len()),
                Method::D => key.len() == 32,
                _ => UrlAuth::key_valid(key),
            };
            let loads = (1..=1024).contains(&key.len());
            let want = if method == Method::D && !loads {
                Error::InvalidKey
            } else if !args_ok {
                Error::InvalidArgument
            } else {
                assert!(!key_ok, "{method:?} refused valid inputs: {uri:?} {rand:?}");
                Error::InvalidKey
            };
            assert_eq!(e, want, "{method:?}");
            None
        }
    }
}

/// Changes one character of the signed parts of a built URL (the hash or secret, the time,
/// the path or stream, `rand`).
fn change_signed(method: Method, url: &[u8], pick: usize) -> Vec<u8> {
    let (path, query) = url_parts(url).unwrap();
    let part: &[u8] = match method {
        Method::A(_) | Method::Alibaba => {
            let v = query_value(query, b"auth_key").unwrap();
            if pick.is_multiple_of(2) { v } else { &path[1..] }
        }
        Method::B => query_value(query, if pick.is_multiple_of(2) { &b"txSecret"[..] } else { b"txTime" }).unwrap(),
        Method::D => query_value(query, if pick.is_multiple_of(2) { &b"hwSecret"[..] } else { b"hwTime" }).unwrap(),
    };
    let at = part.as_ptr() as usize - url.as_ptr() as usize;
    let mut changed = reference::change_one(part, pick / 2);
    for c in &mut changed {
        if b"?#&=-".contains(c) {
            *c = b'x';
        }
    }
    if changed == part {
        changed = reference::change_one(part, pick / 2 + 1);
    }
    [&url[..at], &changed, &url[at + part.len()..]].concat()
}

fn verify(
    method: Method,
    ring: &[&[u8]],
    stream: &[u8],
    url: &[u8],
    now: u64,
    duration: u32,
    leeway: u32,
) -> Result<usize, Error> {
    let text = std::str::from_utf8(stream).map_err(|_| Error::InvalidArgument);
    match method {
        Method::A(f) => huawei::url_a_verify(ring, url, f, now, duration, leeway),
        Method::B => huawei::url_b_verify(ring, text?, url, now, duration, leeway),
        Method::D => {
            let keys: Result<Vec<HmacKey>, Error> = ring.iter().map(|k| HmacKey::new(k)).collect();
            let text = text?;
            // As the C raw-key function does: the argument checks, then Huawei's full key rule.
            if !(60..=2_592_000).contains(&duration)
                || text.is_empty()
                || text.len() > 256
                || url.len() > 8192
                || ring.is_empty()
                || ring.len() > 8
            {
                return Err(Error::InvalidArgument);
            }
            if !ring.iter().all(|k| UrlAuth::key_valid(k)) {
                return Err(Error::InvalidKey);
            }
            huawei::url_d_verify(&keys?, text, url, now, duration, leeway)
        }
        Method::Alibaba => alibaba::url_a_verify(ring, url, now, duration, leeway),
    }
}

/// What a URL signs for `key`, and its start time, by the reference: `None` when it is not
/// readable under the method's rules.
fn reference_sign(method: Method, key: &[u8], stream: &[u8], url: &[u8]) -> Option<(bool, u64)> {
    let (path, query) = url_parts(url)?;
    match method {
        Method::A(_) | Method::Alibaba => {
            let value = query_value(query, b"auth_key")?;
            let parts: Vec<&[u8]> = value.split(|&b| b == b'-').collect();
            let [time, rand, uid, hash] = parts[..] else { return None };
            if [time, rand, uid, hash].iter().any(|p| p.is_empty())
                || hash.len() != 32
                || !hash.iter().all(u8::is_ascii_hexdigit)
            {
                return None;
            }
            let start = match method {
                Method::A(TimeFormat::Hex) => reference::auth_key_hex_time(time)?,
                _ => reference::decimal(time)?,
            };
            let want = md5_hex(&[path, b"-", time, b"-", rand, b"-", uid, b"-", key]);
            Some((hex_either_case(hash, &want), start))
        }
        Method::B => {
            let (secret, time) = (query_value(query, b"txSecret")?, query_value(query, b"txTime")?);
            // Hex only, as Huawei documents it (Tencent's decimal form is not read), and exactly
            // 8 digits: it is joined to the stream name.
            let start = reference::joined_hex_time(time)?;
            if secret.len() != 32 || !secret.iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c)) {
                return None;
            }
            Some((md5_hex(&[key, stream, time]).as_bytes() == secret, start))
        }
        Method::D => {
            let (secret, time) = (query_value(query, b"hwSecret")?, query_value(query, b"hwTime")?);
            let start = reference::joined_hex_time(time)?;
            if secret.len() != 64 || !secret.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            Some((hex_either_case(secret, &hmac_hex(key, &[stream, time].concat())), start))
        }
    }
}

/// The C function for `method` on the same inputs.
#[allow(clippy::too_many_arguments)]
fn c_verify(
    method: Method,
    ring: &[&[u8]],
    stream: &[u8],
    url: &[u8],
    now: u64,
    duration: u32,
    leeway: u32,
    matched: &mut usize,
) -> u32 {
    let slices: Vec<livesign_slice> = ring.iter().map(|k| livesign_slice::of(k)).collect();
    let (kp, kn, sp, sn, up, un) =
        (slices.as_ptr(), slices.len(), stream.as_ptr(), stream.len(), url.as_ptr(), url.len());
    // SAFETY: every pointer is valid for its length; matched is writable.
    (unsafe {
        match method {
            Method::A(f) => livesign_huawei_url_a_verify(
                kp,
                kn,
                up,
                un,
                u32::from(f == TimeFormat::Hex),
                now,
                duration,
                leeway,
                matched,
            ),
            Method::B => livesign_huawei_url_b_verify(kp, kn, sp, sn, up, un, now, duration, leeway, matched),
            Method::D => livesign_huawei_url_d_verify(kp, kn, sp, sn, up, un, now, duration, leeway, matched),
            Method::Alibaba => livesign_alibaba_url_a_verify(kp, kn, up, un, now, duration, leeway, matched),
        }
    }) as u32
}

/// The Rust, C (and for D, loaded-key) verifiers agree with each other and the reference.
fn verify_agrees(method: Method, ring: &[&[u8]], stream: &[u8], url: &[u8], now: u64, duration: u32, leeway: u32) {
    let ours = verify(method, ring, stream, url, now, duration, leeway);
    let mut matched = usize::MAX;
    let c = c_verify(method, ring, stream, url, now, duration, leeway, &mut matched);
    assert_eq!(c, ours.map_or_else(Error::code, |_| 0), "{method:?}");
    assert_eq!(matched, ours.unwrap_or(usize::MAX));
    if method == Method::D && ring.iter().all(|k| k.len() == 32) && !ring.is_empty() && ring.len() <= 8 {
        let ctxs: Vec<livesign_hmac_key> = ring
            .iter()
            .map(|k| {
                let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
                // SAFETY: ctx is writable; k is valid for its length.
                unsafe { assert_eq!(livesign_hmac_key_init(ctx.as_mut_ptr(), k.as_ptr(), k.len()) as u32, 0) };
                // SAFETY: initialised just above.
                unsafe { ctx.assume_init() }
            })
            .collect();
        // SAFETY: ctxs holds ring.len() contexts; the other inputs are valid.
        let keyed = unsafe {
            livesign_huawei_url_d_verify_keyed(
                ctxs.as_ptr(),
                ctxs.len(),
                stream.as_ptr(),
                stream.len(),
                url.as_ptr(),
                url.len(),
                now,
                duration,
                leeway,
                core::ptr::null_mut(),
            )
        };
        // Loaded keys show only their length: the characters rule is not checked.
        if ring.iter().all(|k| UrlAuth::key_valid(k)) {
            assert_eq!(keyed as u32, c);
        } else {
            assert_ne!(keyed as u32, 255);
        }
    }
    let signs: Vec<Option<(bool, u64)>> = ring.iter().map(|k| reference_sign(method, k, stream, url)).collect();
    match ours {
        Ok(i) => {
            assert!(url.len() <= 8192 && stream.len() <= 256);
            let (good, start) = signs[i].expect("the reference reads every accepted URL");
            assert!(good, "{method:?}: the reported key does not sign the URL");
            assert!(signs[..i].iter().all(|s| !s.unwrap().0), "an earlier key signs it too");
            assert!(reference::fresh(last_valid(method, start, duration), now, leeway));
        }
        Err(Error::SignatureMismatch) => {
            assert!(signs.iter().all(|s| !s.expect("a mismatch needs a readable URL").0));
        }
        Err(Error::Expired) => {
            let (_, start) = signs.iter().flatten().find(|s| s.0).expect("expiry needs a matching key");
            assert!(!reference::fresh(last_valid(method, *start, duration), now, leeway));
        }
        Err(Error::Malformed | Error::InvalidArgument | Error::InvalidKey) => {}
        Err(other) => panic!("undocumented error {other:?}"),
    }
}

/// A seed.
#[allow(clippy::too_many_arguments)]
pub fn seed(
    mode: u8,
    now: u64,
    t: u64,
    duration: u32,
    leeway: u32,
    key: &[u8],
    key2: &[u8],
    stream: &[u8],
    rand: &[u8],
    url: &[u8],
) -> Vec<u8> {
    Writer::new()
        .byte(mode)
        .u64(now)
        .u64(t)
        .u32(duration)
        .u32(leeway)
        .field(key)
        .field(key2)
        .field(stream)
        .field(rand)
        .rest(url)
}

/// Seeds: huawei.json's URL examples and others.json's Alibaba URL, as given and rebuilt.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let all =
        super::seeds::vectors_of(vectors, "huawei").into_iter().chain(super::seeds::vectors_of(vectors, "others"));
    for v in all {
        let b = |n: &str| super::seeds::bytes(v, &["inputs", n]);
        let name = format!("url-{}", v["id"].as_str().unwrap_or("?"));
        let key = b("key");
        let (mode, time, stream, url): (u8, Vec<u8>, Vec<u8>, Vec<u8>) = match v["algo"].as_str().unwrap_or("") {
            "huawei_url_auth_a" => {
                let time = b("timestamp");
                let hex = time.iter().any(|c| c.is_ascii_alphabetic());
                let url = [b("uri"), b"?".to_vec(), super::seeds::bytes(v, &["query"])].concat();
                (u8::from(hex), time, b("uri"), url)
            }
            "huawei_url_auth_b" => (
                2,
                b("txTime"),
                b("stream"),
                format!(
                    "/livetest/x?txSecret={}&txTime={}",
                    v["expected"].as_str().unwrap_or(""),
                    v["inputs"]["txTime"].as_str().unwrap_or("")
                )
                .into_bytes(),
            ),
            "huawei_url_auth_d" => (
                3,
                b("hwTime"),
                b("stream"),
                format!(
                    "/livetest/x?hwSecret={}&hwTime={}",
                    v["expected"].as_str().unwrap_or(""),
                    v["inputs"]["hwTime"].as_str().unwrap_or("")
                )
                .into_bytes(),
            ),
            "alibaba_url_auth_a" => {
                (4, b("timestamp"), b("uri"), [b("uri"), b"?".to_vec(), super::seeds::bytes(v, &["query"])].concat())
            }
            _ => continue,
        };
        let t = reference::decimal(&time).or_else(|| hex_time(&time)).unwrap_or(0);
        out.push((name.clone(), seed(mode, t, t, 60, 0, &key, b"", &stream, b"0", &url)));
        out.push((
            name.clone(),
            seed(mode, t + 3600, t, 60, 0, &key, b"0123456789abcdefABCDEF0123456789", &stream, b"0", &url),
        ));
        let plain_stream: &[u8] = if mode == 2 || mode == 3 { &stream } else { b"huawei1" };
        for sub in [1u8, 2, 2 | 4, 2 | 8, 2 | 12] {
            out.push((
                name.clone(),
                seed(mode | sub << 3, t, t, 60, 0, &key, b"", plain_stream, b"477b3bbc253f467b8def6711128c7bec", b""),
            ));
        }
    }
    out
}
