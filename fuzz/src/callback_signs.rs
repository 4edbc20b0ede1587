//! Callback signatures over fields the caller reads from the request: Huawei recording
//! callbacks (HMACSHA256 and MD5 sign types), Huawei SparkRTC recording callbacks, Alibaba
//! callbacks. Against a reference (md-5 and hmac crates, each scheme's documented time rule):
//! a signature verifies only when it is the reference's (hex, either case) and in time; the
//! signers write the reference's signature; the raw-key, loaded-key and Rust functions agree.

use livesign::ffi::alibaba::livesign_alibaba_callback_verify;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei_record::{
    livesign_huawei_record_md5_verify, livesign_huawei_record_verify, livesign_huawei_record_verify_keyed,
    livesign_huawei_sparkrtc_verify, livesign_huawei_sparkrtc_verify_keyed,
};
use livesign::huawei::{self, RecordFields};
use livesign::{Error, HmacKey, alibaba};

use super::input::{Input, Writer};
use super::reference::{self, hex_either_case, hmac_hex, md5_hex};

/// Input layout: `mode`, `now`, `ts` (u64), `leeway` (u32), `key`, six fields `f`, `given`
/// (rest). `mode & 3` picks the scheme: 0 recording HMACSHA256 (`f` are event_type,
/// publish_domain, app, stream, download_url, play_url; `ts` is auth_timestamp), 1 recording
/// MD5, 2 SparkRTC (`f[0]` rand, `f[1]` the timestamp header, `f[2]` the body), 3 Alibaba
/// (`f[0]` domain, `f[1]` the timestamp header). `(mode >> 2) & 3` picks the signature: 0
/// `given`, 1 the reference's, 2 the reference's with one character changed (`mode >> 4`),
/// 3 the reference's in uppercase.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let (mode, now, ts, leeway) = (input.byte(), input.u64(), input.u64(), input.u32());
    let key = input.field();
    let f: Vec<&[u8]> = (0..6).map(|_| input.field()).collect();
    let given = input.rest();
    let scheme = mode & 3;
    let right = reference_sign(scheme, key, ts, &f);
    let sign = match (mode >> 2) & 3 {
        0 => given.to_vec(),
        1 => right.clone().into_bytes(),
        2 => reference::change_one(right.as_bytes(), usize::from(mode >> 4)),
        _ => right.to_ascii_uppercase().into_bytes(),
    };
    let r = verify_agrees(scheme, key, ts, &f, &sign, now, leeway);
    if (mode >> 2) & 3 == 2 {
        assert!(r.is_err(), "a changed signature verified");
    }
    signers_agree(scheme, key, ts, &f, &right);
}

/// The reference signature (lowercase hex) of a scheme.
fn reference_sign(scheme: u8, key: &[u8], ts: u64, f: &[&[u8]]) -> String {
    match scheme {
        0 => hmac_hex(key, &[ts.to_string().as_bytes(), &f.concat()].concat()),
        1 => md5_hex(&[key, ts.to_string().as_bytes()]),
        2 => hmac_hex(key, &[f[0], f[1], f[2]].concat()),
        _ => md5_hex(&[f[0], b"|", f[1], b"|", key]),
    }
}

/// The send time a scheme reads, and whether the callback is in time at `now`.
fn in_time(scheme: u8, ts: u64, f: &[&[u8]], now: u64, leeway: u32) -> Option<bool> {
    match scheme {
        // HMACSHA256 joins auth_timestamp to event_type: only 10 digits are a time.
        0 => reference::ten_digits(ts).then(|| reference::fresh(ts, now, leeway)),
        1 => Some(reference::fresh(ts, now, leeway)),
        2 => {
            // 10 digits are seconds, 13 milliseconds; any other length is no timestamp.
            let t = reference::decimal(f[1])?;
            let seconds = match f[1].len() {
                10 => t,
                13 => t / 1000,
                _ => return None,
            };
            // A send time: within the leeway on both sides.
            Some(reference::fresh(seconds, now, leeway) && u128::from(seconds) <= u128::from(now) + u128::from(leeway))
        }
        _ => {
            let t = reference::decimal(f[1])?;
            Some(reference::fresh(t, now, leeway) && u128::from(t) <= u128::from(now) + u128::from(leeway))
        }
    }
}

fn text(b: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(b).map_err(|_| Error::InvalidArgument)
}

/// The Rust, C raw-key and C loaded-key verifiers agree with each other and the reference.
fn verify_agrees(
    scheme: u8,
    key: &[u8],
    ts: u64,
    f: &[&[u8]],
    sign: &[u8],
    now: u64,
    leeway: u32,
) -> Result<(), Error> {
    let ours: Result<(), Error> = (|| match scheme {
        0 => {
            let fields = RecordFields {
                auth_timestamp: ts,
                event_type: text(f[0])?,
                publish_domain: text(f[1])?,
                app: text(f[2])?,
                stream: text(f[3])?,
                download_url: text(f[4])?,
                play_url: text(f[5])?,
            };
            fields.check()?;
            huawei::record_verify(&HmacKey::new(key)?, &fields, sign, now, leeway)
        }
        1 => huawei::record_md5_verify(key, ts, sign, now, leeway),
        2 => {
            let (rand, t) = (text(f[0])?, text(f[1])?);
            if rand.len() > 256 || t.len() > 256 || f[2].len() > 1 << 20 {
                return Err(Error::InvalidArgument);
            }
            huawei::sparkrtc_verify(&HmacKey::new(key)?, rand, t, f[2], sign, now, leeway)
        }
        _ => alibaba::callback_verify(key, text(f[0])?, text(f[1])?, sign, now, leeway),
    })();
    let p = |b: &[u8]| (b.as_ptr(), b.len());
    let (k, s) = (p(key), p(sign));
    let g: Vec<(*const u8, usize)> = f.iter().map(|x| p(x)).collect();
    // SAFETY: every pointer is valid for its length.
    let c = unsafe {
        match scheme {
            0 => livesign_huawei_record_verify(
                k.0, k.1, ts, g[0].0, g[0].1, g[1].0, g[1].1, g[2].0, g[2].1, g[3].0, g[3].1, g[4].0, g[4].1, g[5].0,
                g[5].1, s.0, s.1, now, leeway,
            ),
            1 => livesign_huawei_record_md5_verify(k.0, k.1, ts, s.0, s.1, now, leeway),
            2 => livesign_huawei_sparkrtc_verify(
                k.0, k.1, g[0].0, g[0].1, g[1].0, g[1].1, g[2].0, g[2].1, s.0, s.1, now, leeway,
            ),
            _ => livesign_alibaba_callback_verify(k.0, k.1, g[0].0, g[0].1, g[1].0, g[1].1, s.0, s.1, now, leeway),
        }
    };
    assert_eq!(c as u32, ours.map_or_else(Error::code, |()| 0), "scheme {scheme}");
    if (scheme == 0 || scheme == 2) && HmacKey::new(key).is_ok() {
        let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
        // SAFETY: ctx is writable; key is valid.
        unsafe { assert_eq!(livesign_hmac_key_init(ctx.as_mut_ptr(), k.0, k.1) as u32, 0) };
        let ctx = ctx.as_ptr();
        // SAFETY: ctx was initialised; every other pointer is valid for its length.
        let keyed = unsafe {
            if scheme == 0 {
                livesign_huawei_record_verify_keyed(
                    ctx, ts, g[0].0, g[0].1, g[1].0, g[1].1, g[2].0, g[2].1, g[3].0, g[3].1, g[4].0, g[4].1, g[5].0,
                    g[5].1, s.0, s.1, now, leeway,
                )
            } else {
                livesign_huawei_sparkrtc_verify_keyed(
                    ctx, g[0].0, g[0].1, g[1].0, g[1].1, g[2].0, g[2].1, s.0, s.1, now, leeway,
                )
            }
        };
        assert_eq!(keyed, c, "the loaded key");
    }
    let right = reference_sign(scheme, key, ts, f);
    let key_ok = match scheme {
        0 | 1 => (32..=1024).contains(&key.len()),
        _ => (1..=1024).contains(&key.len()),
    };
    match ours {
        Ok(()) => {
            assert!(key_ok && hex_either_case(sign, &right), "scheme {scheme}: a wrong signature verified");
            assert_eq!(in_time(scheme, ts, f, now, leeway), Some(true));
        }
        Err(Error::SignatureMismatch) => assert!(!hex_either_case(sign, &right)),
        Err(Error::Expired) => {
            assert!(hex_either_case(sign, &right));
            assert_eq!(in_time(scheme, ts, f, now, leeway), Some(false));
        }
        Err(Error::InvalidKey) => assert!(!key_ok),
        Err(Error::Malformed | Error::InvalidArgument) => {}
        Err(other) => panic!("undocumented error {other:?}"),
    }
    if scheme == 0 && key_ok && !reference::ten_digits(ts) {
        assert!(matches!(ours, Err(Error::Malformed | Error::InvalidArgument)), "a {ts} auth_timestamp: {ours:?}");
    }
    ours
}

/// The signers write the reference's signature (or refuse for a documented reason).
fn signers_agree(scheme: u8, key: &[u8], ts: u64, f: &[&[u8]], right: &str) {
    let signed: Result<String, Error> = (|| match scheme {
        0 => {
            let fields = RecordFields {
                auth_timestamp: ts,
                event_type: text(f[0])?,
                publish_domain: text(f[1])?,
                app: text(f[2])?,
                stream: text(f[3])?,
                download_url: text(f[4])?,
                play_url: text(f[5])?,
            };
            Ok(huawei::record_sign(&HmacKey::new(key)?, &fields)?.to_string())
        }
        1 => Ok(huawei::record_md5_sign(key, ts)?.to_string()),
        2 => Ok(huawei::sparkrtc_sign(&HmacKey::new(key)?, text(f[0])?, text(f[1])?, f[2])?.to_string()),
        _ => {
            let t = reference::decimal(f[1]).ok_or(Error::Malformed)?;
            let s = alibaba::callback_sign(key, text(f[0])?, t)?.to_string();
            // Signed for the timestamp's canonical text, which is f[1] itself.
            Ok(s)
        }
    })();
    if scheme == 0 && !reference::ten_digits(ts) {
        assert!(matches!(signed, Err(Error::InvalidArgument | Error::InvalidKey)), "signed a {ts} auth_timestamp");
    }
    match signed {
        Ok(s) => assert_eq!(s, right, "scheme {scheme}"),
        Err(e) => assert!(matches!(e, Error::InvalidArgument | Error::InvalidKey | Error::Malformed), "{e:?}"),
    }
}

/// A seed.
#[allow(clippy::too_many_arguments)]
pub fn seed(mode: u8, now: u64, ts: u64, leeway: u32, key: &[u8], f: [&[u8]; 6], given: &[u8]) -> Vec<u8> {
    let w = Writer::new().byte(mode).u64(now).u64(ts).u32(leeway).field(key);
    f.iter().fold(w, |w, x| w.field(x)).rest(given)
}

/// Seeds: huawei.json's recording vectors, others.json's SparkRTC and Alibaba vectors.
pub fn seeds(vectors: &super::seeds::Vectors) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let all =
        super::seeds::vectors_of(vectors, "huawei").into_iter().chain(super::seeds::vectors_of(vectors, "others"));
    for v in all {
        let b = |n: &str| super::seeds::bytes(v, &["inputs", n]);
        let expected = super::seeds::bytes(v, &["expected"]);
        let name = format!("signs-{}", v["id"].as_str().unwrap_or("?"));
        let (scheme, ts, key, f): (u8, u64, Vec<u8>, [Vec<u8>; 6]) = match v["algo"].as_str().unwrap_or("") {
            "huawei_record_callback_hmacsha256" => (
                0,
                reference::decimal(&b("auth_timestamp")).unwrap_or(0),
                b("key"),
                [b("event_type"), b("publish_domain"), b("app"), b("stream"), b("download_url"), b("play_url")],
            ),
            "huawei_record_callback_md5" => {
                (1, reference::decimal(&b("auth_timestamp")).unwrap_or(0), b("key"), Default::default())
            }
            "huawei_sparkrtc_record_callback" => {
                let ts = b("timestamp");
                let t = reference::decimal(&ts).unwrap_or(0);
                let t = if ts.len() == 13 { t / 1000 } else { t };
                (2, t, b("key"), [b("rand"), ts, b("body"), vec![], vec![], vec![]])
            }
            "alibaba_live_callback" => {
                let ts = b("timestamp");
                (3, reference::decimal(&ts).unwrap_or(0), b("key"), [b("domain"), ts, vec![], vec![], vec![], vec![]])
            }
            _ => continue,
        };
        let f: [&[u8]; 6] = [&f[0], &f[1], &f[2], &f[3], &f[4], &f[5]];
        out.push((name.clone(), seed(scheme, ts, ts, 0, &key, f, &expected)));
        for sign_mode in [1u8, 2, 3, 2 | 4] {
            out.push((name.clone(), seed(scheme | sign_mode << 2, ts + 301, ts, 300, &key, f, b"")));
        }
        out.push((name, seed(scheme | 4, ts + 301, ts, 0, &key, f, b"")));
    }
    out
}
