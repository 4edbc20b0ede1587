//! Every vector of `huawei.json` and the Alibaba and SparkRTC vectors of `others.json`,
//! through the safe API and the C API (raw and keyed keys). Huawei's printed examples must
//! come out byte for byte, and the doc's wrong `.sdp` value must be rejected.

mod support;

use std::collections::BTreeMap;

use livesign::ffi::alibaba::*;
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::huawei::*;
use livesign::ffi::huawei_record::*;
use livesign::ffi::huawei_url::*;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::status::livesign_status::{self, *};
use livesign::huawei::{self, Notification, RecordFields, TimeFormat};
use livesign::{Error, HmacKey, alibaba};
use serde_json::Value;

fn s<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut x = v;
    for p in path {
        x = &x[*p];
    }
    x.as_str().unwrap_or_else(|| panic!("{}: {path:?} is not a string", v["id"]))
}

fn hmac_ctx(key: &[u8]) -> livesign_hmac_key {
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable and key valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) }, LIVESIGN_OK);
    // SAFETY: initialised by the successful call above.
    unsafe { ctx.assume_init() }
}

/// Calls a C builder `(…, out, out_cap, out_len)` and returns the text it wrote.
fn c_text(f: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status) -> Result<String, livesign_status> {
    let mut buf = [0u8; 512];
    let mut len = usize::MAX;
    match f(buf.as_mut_ptr(), buf.len(), &mut len) {
        LIVESIGN_OK => Ok(String::from_utf8(buf[..len].to_vec()).unwrap()),
        st => Err(st),
    }
}

fn c_fixed<const N: usize>(f: impl FnOnce(*mut u8) -> livesign_status) -> Result<String, livesign_status> {
    let mut out = [0u8; N];
    match f(out.as_mut_ptr()) {
        LIVESIGN_OK => Ok(String::from_utf8(out.to_vec()).unwrap()),
        st => Err(st),
    }
}

fn ring(keys: &[&[u8]]) -> Vec<livesign_slice> {
    keys.iter().map(|k| livesign_slice::of(k)).collect()
}

/// A 32-character Huawei URL key that is not `key`.
const OTHER_URL_KEY: &[u8] = b"0ther0therOTHER0ther0therOTHER00";

fn check_url_a(v: &Value) {
    let id = s(v, &["id"]);
    let (uri, ts, rand, uid, key) = (
        s(v, &["inputs", "uri"]),
        s(v, &["inputs", "timestamp"]),
        s(v, &["inputs", "rand"]),
        s(v, &["inputs", "uid"]),
        s(v, &["inputs", "key"]).as_bytes(),
    );
    let (format, c_format, start) = match ts.parse::<u64>() {
        Ok(t) => (TimeFormat::Decimal, LIVESIGN_HUAWEI_TIME_DECIMAL, t),
        Err(_) => (TimeFormat::Hex, LIVESIGN_HUAWEI_TIME_HEX, u64::from_str_radix(ts, 16).unwrap()),
    };
    let expected = s(v, &["expected"]);
    let query = s(v, &["query"]);
    assert_eq!(s(v, &["string_to_sign"]), format!("{uri}-{ts}-{rand}-{uid}-{}", std::str::from_utf8(key).unwrap()));
    assert!(query.ends_with(expected), "{id}");

    assert_eq!(huawei::url_a_build(key, uri, start, format, rand, uid).unwrap().as_str(), query, "{id}");
    // SAFETY: every pointer is valid for its length.
    let c = c_text(|o, cap, len| unsafe {
        livesign_huawei_url_a_build(
            key.as_ptr(),
            key.len(),
            uri.as_ptr(),
            uri.len(),
            start,
            c_format,
            rand.as_ptr(),
            rand.len(),
            uid.as_ptr(),
            uid.len(),
            o,
            cap,
            len,
        )
    });
    assert_eq!(c.as_deref(), Ok(query), "{id}");
    if let Some(doc) = v["doc_expected"].as_str() {
        assert_eq!(doc, expected, "{id}: Huawei's printed value");
    }

    let url = format!("rtmp://push.example.com{uri}?{query}");
    let keys: [&[u8]; 2] = [OTHER_URL_KEY, key];
    assert_eq!(huawei::url_a_verify(&[key], url.as_bytes(), format, start, 60, 0), Ok(0), "{id}");
    assert_eq!(huawei::url_a_verify(&keys, url.as_bytes(), format, start + 60, 60, 0), Ok(1), "{id}");
    assert_eq!(huawei::url_a_verify(&keys, url.as_bytes(), format, start + 61, 60, 0), Err(Error::Expired), "{id}");
    let r = ring(&keys);
    let mut matched = 99usize;
    // SAFETY: r and url are valid for their lengths; matched is writable.
    let st = unsafe {
        livesign_huawei_url_a_verify(r.as_ptr(), r.len(), url.as_ptr(), url.len(), c_format, start, 60, 0, &mut matched)
    };
    assert_eq!((st, matched), (LIVESIGN_OK, 1), "{id}");

    if let Some(erratum) = v["doc_erratum"].as_str() {
        // The doc's printed hash for this URI: the first 32-hex-digit word of the erratum note.
        let printed = erratum
            .split(|c: char| !c.is_ascii_hexdigit())
            .find(|w| w.len() == 32)
            .unwrap_or_else(|| panic!("{id}: no printed hash in the erratum"));
        assert_ne!(printed, expected, "{id}");
        let doc_url = format!("{uri}?auth_key={ts}-{rand}-{uid}-{printed}");
        assert_eq!(
            huawei::url_a_verify(&[key], doc_url.as_bytes(), format, start, 60, 0),
            Err(Error::SignatureMismatch),
            "{id}: the doc's printed value must not verify"
        );
    }
}

fn check_url_b(v: &Value) {
    let id = s(v, &["id"]);
    let (key, stream, tx_time) =
        (s(v, &["inputs", "key"]).as_bytes(), s(v, &["inputs", "stream"]), s(v, &["inputs", "txTime"]));
    let (expected, query) = (s(v, &["expected"]), s(v, &["query"]));
    assert_eq!(s(v, &["string_to_sign"]).as_bytes(), [key, stream.as_bytes(), tx_time.as_bytes()].concat(), "{id}");
    assert_eq!(query, format!("txSecret={expected}&txTime={tx_time}"), "{id}");
    let start = u64::from_str_radix(tx_time, 16).unwrap();
    assert_eq!(v["inputs"]["txTime_decimal"].as_u64(), Some(start), "{id}");
    // Huawei's example writes txTime in lowercase, as the builder does.
    assert_eq!(format!("{start:x}"), tx_time, "{id}");
    if let Some(doc) = v["doc_expected"].as_str() {
        assert_eq!(doc, expected, "{id}: Huawei's printed value");
    }

    assert_eq!(huawei::url_b_build(key, stream, start).unwrap().as_str(), query, "{id}");
    // SAFETY: every pointer is valid for its length.
    let c = c_text(|o, cap, len| unsafe {
        livesign_huawei_url_b_build(key.as_ptr(), key.len(), stream.as_ptr(), stream.len(), start, o, cap, len)
    });
    assert_eq!(c.as_deref(), Ok(query), "{id}");
    // Byte-identical to Tencent's txSecret: Tencent's own function gives the same secret.
    assert_eq!(livesign::tencent::url::secret(key, stream.as_bytes(), tx_time.as_bytes()).unwrap().as_str(), expected);

    // Huawei's example URL, with its 1249 s duration: valid while txTime + 1249 > now.
    let url = format!("http://test-play.example.com/livetest/{stream}.flv?{query}");
    let keys: [&[u8]; 2] = [OTHER_URL_KEY, key];
    assert_eq!(huawei::url_b_verify(&[key], stream, url.as_bytes(), start, 1249, 0), Ok(0), "{id}");
    assert_eq!(huawei::url_b_verify(&keys, stream, url.as_bytes(), start + 1248, 1249, 0), Ok(1), "{id}");
    assert_eq!(huawei::url_b_verify(&keys, stream, url.as_bytes(), start + 1249, 1249, 0), Err(Error::Expired));
    assert_eq!(
        huawei::url_b_verify(&[OTHER_URL_KEY], stream, url.as_bytes(), start, 1249, 0),
        Err(Error::SignatureMismatch)
    );
    // txTime is signed as written: the same instant in uppercase is another secret.
    let upper = url.replace(tx_time, &tx_time.to_uppercase());
    assert_eq!(huawei::url_b_verify(&[key], stream, upper.as_bytes(), start, 1249, 0), Err(Error::SignatureMismatch));
    let r = ring(&keys);
    let (mut ok, mut late) = (99usize, 99usize);
    // SAFETY: every pointer is valid for its length; the matched pointers are writable.
    let (st_ok, st_late) = unsafe {
        (
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                r.len(),
                stream.as_ptr(),
                stream.len(),
                url.as_ptr(),
                url.len(),
                start + 1248,
                1249,
                0,
                &mut ok,
            ),
            livesign_huawei_url_b_verify(
                r.as_ptr(),
                r.len(),
                stream.as_ptr(),
                stream.len(),
                url.as_ptr(),
                url.len(),
                start + 1249,
                1249,
                0,
                &mut late,
            ),
        )
    };
    assert_eq!((st_ok, ok, st_late, late), (LIVESIGN_OK, 1, LIVESIGN_EXPIRED, 99), "{id}");
}

fn check_url_d(v: &Value, subject_field: &str) {
    let id = s(v, &["id"]);
    let (key, subject, hw_time) =
        (s(v, &["inputs", "key"]).as_bytes(), s(v, &["inputs", subject_field]), s(v, &["inputs", "hwTime"]));
    let expected = s(v, &["expected"]);
    assert_eq!(s(v, &["hmac_key"]).as_bytes(), key, "{id}");
    assert_eq!(s(v, &["message"]), format!("{subject}{hw_time}"), "{id}");
    let start = u64::from_str_radix(hw_time, 16).unwrap();
    let hkey = HmacKey::new(key).unwrap();
    let canonical = format!("{start:x}") == hw_time;

    if canonical {
        assert_eq!(huawei::url_d_secret(&hkey, subject, start).unwrap().as_str(), expected, "{id}");
        let built = huawei::url_d_build(&hkey, subject, start).unwrap();
        assert_eq!(built.as_str(), format!("hwSecret={expected}&hwTime={hw_time}"), "{id}");
        if let Some(q) = v["query"].as_str() {
            assert_eq!(built.as_str(), q, "{id}");
        }
        // SAFETY: every pointer is valid for its length.
        let c = c_text(|o, cap, len| unsafe {
            livesign_huawei_url_d_build(key.as_ptr(), key.len(), subject.as_ptr(), subject.len(), start, o, cap, len)
        });
        assert_eq!(c.as_deref(), Ok(built.as_str()), "{id}");
        let ctx = hmac_ctx(key);
        // SAFETY: as above.
        let c = c_text(|o, cap, len| unsafe {
            livesign_huawei_url_d_build_keyed(&ctx, subject.as_ptr(), subject.len(), start, o, cap, len)
        });
        assert_eq!(c.as_deref(), Ok(built.as_str()), "{id}");
    } else {
        // A time not in the builder's lowercase form is signed as written: the verifier must
        // take the literal text.
        assert_ne!(huawei::url_d_secret(&hkey, subject, start).unwrap().as_str(), expected, "{id}");
    }
    if let Some(doc) = v["doc_expected"].as_str() {
        assert_eq!(doc, expected, "{id}: Huawei's printed value");
    }

    let url = format!("http://play.example.com/live/{subject}.m3u8?hwSecret={expected}&hwTime={hw_time}");
    let other = HmacKey::new(OTHER_URL_KEY).unwrap();
    let keys = [other.clone(), hkey.clone()];
    assert_eq!(huawei::url_d_verify(&keys, subject, url.as_bytes(), start, 60, 0), Ok(1), "{id}");
    assert_eq!(huawei::url_d_verify(&keys, subject, url.as_bytes(), start + 59, 60, 0), Ok(1), "{id}");
    assert_eq!(huawei::url_d_verify(&keys, subject, url.as_bytes(), start + 60, 60, 0), Err(Error::Expired), "{id}");
    let r = ring(&[OTHER_URL_KEY, key]);
    let ctxs = [hmac_ctx(OTHER_URL_KEY), hmac_ctx(key)];
    let (mut m1, mut m2) = (9usize, 9usize);
    // SAFETY: every pointer is valid for its length; matched pointers are writable.
    let (st1, st2) = unsafe {
        (
            livesign_huawei_url_d_verify(
                r.as_ptr(),
                2,
                subject.as_ptr(),
                subject.len(),
                url.as_ptr(),
                url.len(),
                start,
                60,
                0,
                &mut m1,
            ),
            livesign_huawei_url_d_verify_keyed(
                ctxs.as_ptr(),
                2,
                subject.as_ptr(),
                subject.len(),
                url.as_ptr(),
                url.len(),
                start,
                60,
                0,
                &mut m2,
            ),
        )
    };
    assert_eq!((st1, m1, st2, m2), (LIVESIGN_OK, 1, LIVESIGN_OK, 1), "{id}");
    if let Some(wrong) = v["must_not_equal"].as_str() {
        assert_ne!(wrong, expected);
        let bad = url.replace(expected, wrong);
        assert_eq!(huawei::url_d_verify(&keys, subject, bad.as_bytes(), start, 60, 0), Err(Error::SignatureMismatch));
    }
}

/// A notification body as Huawei sends it (seed 004's field order), signed with `sign`.
fn notify_body(v: &Value, sign: &str) -> String {
    let i = &v["inputs"];
    serde_json::json!({
        "domain": i["domain"], "app": i["app"], "stream": i["stream"],
        "user_args": "auth_info=yz1TG0PVN/5isfyrGrRj10gKPCWqSS2X02t6QsRrocH+mEq0gQ0g8k6KhalS84sQ+kDprFyqI0yajbYiFmUO8e45B7ryaS+MpJBlYkhwnuFLnRiKK/IXG7.33436b625354564f6e4d4d434f55&cdn=hw",
        "client_ip": "100.111.*.*", "node_ip": "112.11.*.*",
        "publish_timestamp": (i["auth_timestamp"].as_u64().unwrap() - 6).to_string(),
        "event": i["event"], "auth_timestamp": i["auth_timestamp"], "auth_sign": sign,
    })
    .to_string()
}

fn c_verify(key: &[u8], body: &str, now: u64, leeway: u32) -> (livesign_status, livesign_huawei_event) {
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: key and body are valid for their lengths; ev is writable (the call fills it).
    let st = unsafe {
        livesign_huawei_callback_verify(
            key.as_ptr(),
            key.len(),
            body.as_ptr(),
            body.len(),
            now,
            leeway,
            ev.as_mut_ptr(),
        )
    };
    // SAFETY: the call writes the event on every path.
    (st, unsafe { ev.assume_init() })
}

fn check_notify(v: &Value) {
    let id = s(v, &["id"]);
    let i = &v["inputs"];
    let key = s(v, &["inputs", "key"]).as_bytes();
    let (event, domain, app, stream) = (s(i, &["event"]), s(i, &["domain"]), s(i, &["app"]), s(i, &["stream"]));
    let t = i["auth_timestamp"].as_u64().unwrap();
    if let Some(m) = v["message"].as_str() {
        assert_eq!(m, format!("{event}{domain}{app}{stream}{t}"), "{id}");
        assert_eq!(s(v, &["hmac_key"]).as_bytes(), key, "{id}");
    }
    let hkey = HmacKey::new(key).unwrap();
    let ctx = hmac_ctx(key);
    let ours = huawei::sign(&hkey, event, domain, app, stream, t).unwrap();
    // SAFETY: every pointer is valid for its length; out holds LIVESIGN_HUAWEI_SIGN_LEN bytes.
    let c = c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| unsafe {
        livesign_huawei_sign(
            key.as_ptr(),
            key.len(),
            event.as_ptr(),
            event.len(),
            domain.as_ptr(),
            domain.len(),
            app.as_ptr(),
            app.len(),
            stream.as_ptr(),
            stream.len(),
            t,
            o,
        )
    });
    // SAFETY: as above.
    let keyed = c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| unsafe {
        livesign_huawei_sign_keyed(
            &ctx,
            event.as_ptr(),
            event.len(),
            domain.as_ptr(),
            domain.len(),
            app.as_ptr(),
            app.len(),
            stream.as_ptr(),
            stream.len(),
            t,
            o,
        )
    });
    assert_eq!(c.as_deref(), Ok(ours.as_str()), "{id}");
    assert_eq!(keyed.as_deref(), Ok(ours.as_str()), "{id}");

    match s(v, &["kind"]) {
        "generated" => {
            let expected = s(v, &["expected"]);
            assert_eq!(ours.as_str(), expected, "{id}");
            let body = notify_body(v, expected);
            let n = Notification::verify(&hkey, body.as_bytes(), t, 0).unwrap();
            assert!(n.stream.eq_str(stream) && n.auth_timestamp == t, "{id}");
            let (st, ev) = c_verify(key, &body, t, 0);
            assert_eq!(st, LIVESIGN_OK, "{id}");
            let want_kind =
                if event == "PUBLISH" { LIVESIGN_HUAWEI_EVENT_PUBLISH } else { LIVESIGN_HUAWEI_EVENT_PUBLISH_DONE };
            assert_eq!((ev.event, ev.auth_timestamp, ev.publish_time, ev.publish_time_valid), (want_kind, t, t - 6, 1));
            // SAFETY: the slice points into `body`, which is alive.
            assert_eq!(unsafe { std::slice::from_raw_parts(ev.stream.ptr, ev.stream.len) }, stream.as_bytes());
            let (st, ev) = c_verify(key, &body, t + 1, 0);
            assert_eq!((st, ev.event, ev.stream.ptr.is_null()), (LIVESIGN_EXPIRED, 0, true), "{id}");
        }
        "negative" => {
            let presented = s(v, &["presented_sign"]);
            assert_eq!(v["expected_valid"], Value::Bool(false));
            assert_eq!(ours.as_str(), s(v, &["correct_sign"]), "{id}");
            let body = notify_body(v, presented);
            assert_eq!(Notification::verify(&hkey, body.as_bytes(), t, 0).err(), Some(Error::SignatureMismatch));
            assert_eq!(c_verify(key, &body, t, 0).0, LIVESIGN_SIGNATURE_MISMATCH, "{id}");
        }
        "negative-or-policy" => {
            // Policy: the claimed hex is decoded (either case) and the bytes are compared.
            let presented = s(v, &["presented_sign"]);
            assert_eq!(presented.to_ascii_lowercase(), s(v, &["correct_sign"]));
            assert_eq!(ours.as_str(), s(v, &["correct_sign"]), "{id}");
            let body = notify_body(v, presented);
            assert!(Notification::verify(&hkey, body.as_bytes(), t, 0).is_ok(), "{id}");
            assert_eq!(c_verify(key, &body, t, 0).0, LIVESIGN_OK, "{id}");
        }
        other => panic!("{id}: unknown kind {other}"),
    }
}

trait EqStr {
    fn eq_str(&self, s: &str) -> bool;
}

impl EqStr for livesign::JsonStr<'_> {
    fn eq_str(&self, s: &str) -> bool {
        self.bytes().eq(s.bytes())
    }
}

fn check_record(v: &Value) {
    let id = s(v, &["id"]);
    let i = &v["inputs"];
    let key = s(i, &["key"]).as_bytes();
    let t: u64 = s(i, &["auth_timestamp"]).parse().unwrap();
    let expected = s(v, &["expected"]);
    if s(v, &["algo"]) == "huawei_record_callback_md5" {
        assert_eq!(s(v, &["string_to_sign"]), format!("{}{t}", s(i, &["key"])));
        assert_eq!(huawei::record_md5_sign(key, t).unwrap().as_str(), expected, "{id}");
        assert_eq!(huawei::record_md5_verify(key, t, expected.as_bytes(), t, 0), Ok(()), "{id}");
        // SAFETY: key is valid for its length; out holds 32 bytes.
        let c = c_fixed::<LIVESIGN_HUAWEI_RECORD_MD5_LEN>(|o| unsafe {
            livesign_huawei_record_md5_sign(key.as_ptr(), key.len(), t, o)
        });
        assert_eq!(c.as_deref(), Ok(expected), "{id}");
        // SAFETY: as above.
        let st = unsafe {
            livesign_huawei_record_md5_verify(key.as_ptr(), key.len(), t, expected.as_ptr(), 32, t + 300, 300)
        };
        assert_eq!(st, LIVESIGN_OK, "{id}");
        return;
    }
    let f = RecordFields {
        auth_timestamp: t,
        event_type: s(i, &["event_type"]),
        publish_domain: s(i, &["publish_domain"]),
        app: s(i, &["app"]),
        stream: s(i, &["stream"]),
        download_url: s(i, &["download_url"]),
        play_url: s(i, &["play_url"]),
    };
    assert_eq!(
        s(v, &["message"]),
        format!("{t}{}{}{}{}{}{}", f.event_type, f.publish_domain, f.app, f.stream, f.download_url, f.play_url)
    );
    let hkey = HmacKey::new(key).unwrap();
    assert_eq!(huawei::record_sign(&hkey, &f).unwrap().as_str(), expected, "{id}");
    assert_eq!(huawei::record_verify(&hkey, &f, expected.as_bytes(), t, 0), Ok(()), "{id}");
    let ctx = hmac_ctx(key);
    let p = |x: &str| (x.as_ptr(), x.len());
    let (e, d, a, st_, dl, pl) =
        (p(f.event_type), p(f.publish_domain), p(f.app), p(f.stream), p(f.download_url), p(f.play_url));
    // SAFETY: every pointer is valid for its length; out holds 64 bytes.
    let c = c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| unsafe {
        livesign_huawei_record_sign(
            key.as_ptr(),
            key.len(),
            t,
            e.0,
            e.1,
            d.0,
            d.1,
            a.0,
            a.1,
            st_.0,
            st_.1,
            dl.0,
            dl.1,
            pl.0,
            pl.1,
            o,
        )
    });
    // SAFETY: as above.
    let keyed = c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| unsafe {
        livesign_huawei_record_sign_keyed(
            &ctx, t, e.0, e.1, d.0, d.1, a.0, a.1, st_.0, st_.1, dl.0, dl.1, pl.0, pl.1, o,
        )
    });
    assert_eq!((c.as_deref(), keyed.as_deref()), (Ok(expected), Ok(expected)), "{id}");
    // SAFETY: as above.
    let (v1, v2) = unsafe {
        (
            livesign_huawei_record_verify(
                key.as_ptr(),
                key.len(),
                t,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                st_.0,
                st_.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                expected.as_ptr(),
                64,
                t,
                0,
            ),
            livesign_huawei_record_verify_keyed(
                &ctx,
                t,
                e.0,
                e.1,
                d.0,
                d.1,
                a.0,
                a.1,
                st_.0,
                st_.1,
                dl.0,
                dl.1,
                pl.0,
                pl.1,
                expected.as_ptr(),
                64,
                t + 1,
                0,
            ),
        )
    };
    assert_eq!((v1, v2), (LIVESIGN_OK, LIVESIGN_EXPIRED), "{id}");
}

#[test]
fn every_huawei_vector() {
    let doc = support::vectors("huawei.json");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for v in doc["vectors"].as_array().unwrap() {
        let algo = s(v, &["algo"]);
        match algo {
            "huawei_url_auth_a" => check_url_a(v),
            "huawei_url_auth_d" => check_url_d(v, "stream"),
            "huawei_mss_a" => check_url_d(v, "uri"),
            "huawei_stream_notify" => check_notify(v),
            "huawei_record_callback_hmacsha256" | "huawei_record_callback_md5" => check_record(v),
            "huawei_url_auth_b" => check_url_b(v),
            other => panic!("{}: unknown algo {other}: review this test", v["id"]),
        }
        *seen.entry(algo.to_owned()).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("huawei_url_auth_a", 3),
        ("huawei_url_auth_b", 1),
        ("huawei_url_auth_d", 2),
        ("huawei_stream_notify", 7),
        ("huawei_record_callback_hmacsha256", 1),
        ("huawei_record_callback_md5", 1),
        ("huawei_mss_a", 1),
    ]
    .into_iter()
    .map(|(k, n)| (k.to_owned(), n))
    .collect();
    assert_eq!(seen, expected, "the vector file changed: review this test");
}

#[test]
fn others_alibaba_and_sparkrtc_vectors() {
    let doc = support::vectors("others.json");
    let mut checked = Vec::new();
    for v in doc["vectors"].as_array().unwrap() {
        let id = s(v, &["id"]);
        let i = &v["inputs"];
        match s(v, &["algo"]) {
            "alibaba_live_callback" => {
                let (domain, ts, key) = (s(i, &["domain"]), s(i, &["timestamp"]), s(i, &["key"]).as_bytes());
                let expected = s(v, &["expected"]);
                assert_eq!(s(v, &["string_to_sign"]), format!("{domain}|{ts}|{}", s(i, &["key"])));
                assert_eq!(s(v, &["headers", "ALI-LIVE-TIMESTAMP"]), ts);
                assert_eq!(s(v, &["headers", "ALI-LIVE-SIGNATURE"]), expected);
                let t: u64 = ts.parse().unwrap();
                assert_eq!(alibaba::callback_sign(key, domain, t).unwrap().as_str(), expected, "{id}");
                assert_eq!(alibaba::callback_verify(key, domain, ts, expected.as_bytes(), t + 300, 300), Ok(()));
                // SAFETY: every pointer is valid for its length; out holds 32 bytes.
                let c = c_fixed::<LIVESIGN_ALIBABA_SIGN_LEN>(|o| unsafe {
                    livesign_alibaba_callback_sign(key.as_ptr(), key.len(), domain.as_ptr(), domain.len(), t, o)
                });
                assert_eq!(c.as_deref(), Ok(expected), "{id}");
                // SAFETY: as above.
                let st = unsafe {
                    livesign_alibaba_callback_verify(
                        key.as_ptr(),
                        key.len(),
                        domain.as_ptr(),
                        domain.len(),
                        ts.as_ptr(),
                        ts.len(),
                        expected.as_ptr(),
                        expected.len(),
                        t + 301,
                        300,
                    )
                };
                assert_eq!(st, LIVESIGN_EXPIRED, "{id}");
            }
            "alibaba_url_auth_a" => {
                let (uri, ts, rand, uid, key) =
                    (s(i, &["uri"]), s(i, &["timestamp"]), s(i, &["rand"]), s(i, &["uid"]), s(i, &["key"]).as_bytes());
                let (expected, query) = (s(v, &["expected"]), s(v, &["query"]));
                assert_eq!(s(v, &["string_to_sign"]), format!("{uri}-{ts}-{rand}-{uid}-{}", s(i, &["key"])));
                assert!(query.ends_with(expected));
                let t: u64 = ts.parse().unwrap();
                assert_eq!(alibaba::url_a_build(key, uri, t, rand, uid).unwrap().as_str(), query, "{id}");
                // The same construction as Huawei method A (Huawei's key rule aside).
                let url = format!("rtmp://push.aliyundoc.com{uri}?{query}");
                assert_eq!(alibaba::url_a_verify(&[b"secondary", key], url.as_bytes(), t + 1800, 1800, 0), Ok(1));
                // SAFETY: every pointer is valid for its length.
                let c = c_text(|o, cap, len| unsafe {
                    livesign_alibaba_url_a_build(
                        key.as_ptr(),
                        key.len(),
                        uri.as_ptr(),
                        uri.len(),
                        t,
                        rand.as_ptr(),
                        rand.len(),
                        uid.as_ptr(),
                        uid.len(),
                        o,
                        cap,
                        len,
                    )
                });
                assert_eq!(c.as_deref(), Ok(query), "{id}");
                let r = ring(&[key]);
                let mut m = 7usize;
                // SAFETY: as above; m is writable.
                let st = unsafe {
                    livesign_alibaba_url_a_verify(r.as_ptr(), 1, url.as_ptr(), url.len(), t + 1801, 1800, 0, &mut m)
                };
                assert_eq!((st, m), (LIVESIGN_EXPIRED, 7), "{id}");
            }
            "huawei_sparkrtc_record_callback" => {
                let (key, rand, ts, body) =
                    (s(i, &["key"]).as_bytes(), s(i, &["X-Rtc-Rand"]), s(i, &["X-Rtc-Timestamp"]), s(i, &["body"]));
                let expected = s(v, &["expected"]);
                assert_eq!(s(v, &["message"]), format!("{rand}{ts}{body}"));
                let hkey = HmacKey::new(key).unwrap();
                let t: u64 = ts.parse().unwrap();
                assert_eq!(huawei::sparkrtc_sign(&hkey, rand, ts, body.as_bytes()).unwrap().as_str(), expected);
                let ok = huawei::sparkrtc_verify(&hkey, rand, ts, body.as_bytes(), expected.as_bytes(), t + 10, 10);
                assert_eq!(ok, Ok(()), "{id}");
                let ctx = hmac_ctx(key);
                // SAFETY: every pointer is valid for its length; out holds 64 bytes.
                let (c, keyed) = unsafe {
                    (
                        c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| {
                            livesign_huawei_sparkrtc_sign(
                                key.as_ptr(),
                                key.len(),
                                rand.as_ptr(),
                                rand.len(),
                                ts.as_ptr(),
                                ts.len(),
                                body.as_ptr(),
                                body.len(),
                                o,
                            )
                        }),
                        c_fixed::<LIVESIGN_HUAWEI_SIGN_LEN>(|o| {
                            livesign_huawei_sparkrtc_sign_keyed(
                                &ctx,
                                rand.as_ptr(),
                                rand.len(),
                                ts.as_ptr(),
                                ts.len(),
                                body.as_ptr(),
                                body.len(),
                                o,
                            )
                        }),
                    )
                };
                assert_eq!((c.as_deref(), keyed.as_deref()), (Ok(expected), Ok(expected)), "{id}");
                // SAFETY: as above.
                let (v1, v2) = unsafe {
                    (
                        livesign_huawei_sparkrtc_verify(
                            key.as_ptr(),
                            key.len(),
                            rand.as_ptr(),
                            rand.len(),
                            ts.as_ptr(),
                            ts.len(),
                            body.as_ptr(),
                            body.len(),
                            expected.as_ptr(),
                            64,
                            t,
                            0,
                        ),
                        livesign_huawei_sparkrtc_verify_keyed(
                            &ctx,
                            rand.as_ptr(),
                            rand.len(),
                            ts.as_ptr(),
                            ts.len(),
                            body.as_ptr(),
                            body.len() - 1,
                            expected.as_ptr(),
                            64,
                            t,
                            0,
                        ),
                    )
                };
                assert_eq!((v1, v2), (LIVESIGN_OK, LIVESIGN_SIGNATURE_MISMATCH), "{id}");
            }
            // Tencent TRTC's event callback belongs to the TRTC module (another issue).
            "tencent_trtc_event_callback" => continue,
            other => panic!("{id}: unknown algo {other}: review this test"),
        }
        checked.push(id.to_owned());
    }
    assert_eq!(checked, ["alibaba.callback.signature", "alibaba.url.a", "huawei.sparkrtc.record_callback"]);
}
