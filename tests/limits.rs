//! The input limits (`livesign::Limits`, `LIVESIGN_MAX_*` in C) at their edge for every class
//! of operation: an input of exactly the limit is read (and, where a signature can be made for
//! it, verifies), one byte more is `InvalidArgument` (`InvalidKey` for keys) before anything
//! else, even when everything else about the input is right. The C side of each limit is in
//! `tests/c/null_args.c`; huge and deeply nested JSON is in `tests/json_work.rs`.

use livesign::ffi::limits::*;
use livesign::ffi::trtc::{
    LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN, LIVESIGN_USERSIG_MAX_LEN, LIVESIGN_USERSIG_USERBUF_MAX_LEN,
};
use livesign::huawei::{self, Notification, RecordFields, TimeFormat};
use livesign::tencent::{self, api, callback as css, url::UrlKind};
use livesign::trtc::{self, Room, UserSig, callback, rest};
use livesign::{Error, HmacKey, Limits, alibaba};

const BODY: usize = Limits::MAX_BODY_LEN;
const RESPONSE: usize = Limits::MAX_RESPONSE_LEN;
const URL: usize = Limits::MAX_URL_LEN;
const ID: usize = Limits::MAX_ID_LEN;
const KEY: usize = Limits::MAX_KEY_LEN;
const IA: Error = Error::InvalidArgument;

/// A full-width time (10 decimal digits, 8 hex): the schemes that join a time to a text field
/// refuse shorter ones.
const T: u64 = 1_700_000_000;
const HUAWEI_KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCD";
const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";

/// `text` grown to exactly `len` bytes by `pad` repeated at the `{}` in `template`.
fn padded(template: &str, len: usize) -> String {
    let base = template.len() - 2;
    assert!(len >= base, "{template} is already longer than {len}");
    template.replace("{}", &"x".repeat(len - base))
}

#[test]
fn the_c_constants_and_their_twins_are_the_rust_limits() {
    assert_eq!(
        [
            LIVESIGN_MAX_BODY_LEN,
            LIVESIGN_MAX_RESPONSE_LEN,
            LIVESIGN_MAX_URL_LEN,
            LIVESIGN_MAX_ID_LEN,
            LIVESIGN_MAX_KEY_LEN
        ],
        [BODY, RESPONSE, URL, ID, KEY]
    );
    assert_eq!(
        [
            livesign_max_body_len(),
            livesign_max_response_len(),
            livesign_max_url_len(),
            livesign_max_id_len(),
            livesign_max_key_len()
        ],
        [1 << 20, 16 << 20, 8192, 256, 1024]
    );
    // The UserSig module's own limits are reused, not duplicated: its identifier limit is the
    // name limit, and its token and userbuf limits are the UserSig constants.
    assert_eq!(LIVESIGN_USERSIG_IDENTIFIER_MAX_LEN, ID);
    assert_eq!(
        (LIVESIGN_USERSIG_MAX_LEN, LIVESIGN_USERSIG_USERBUF_MAX_LEN),
        (UserSig::MAX_LEN, UserSig::MAX_USERBUF_LEN)
    );
}

#[test]
fn keys() {
    let (max, over) = (vec![b'k'; KEY], vec![b'k'; KEY + 1]);
    assert_eq!(HmacKey::new(&max).map(|k| k.key_len()), Ok(KEY));
    assert_eq!(HmacKey::new(&over).map(drop), Err(Error::InvalidKey));
    let s = tencent::sign(&max, 7).unwrap();
    assert_eq!(tencent::verify(&max, 7, s.as_bytes(), 7, 0), Ok(()));
    assert_eq!(tencent::sign(&over, 7), Err(Error::InvalidKey));
    assert_eq!(tencent::verify(&over, 7, s.as_bytes(), 7, 0), Err(Error::InvalidKey));
    let q = alibaba::url_a_build(&max, "/a/s", 7, "0", "0").unwrap();
    assert_eq!(alibaba::url_a_verify(&[&max], format!("/a/s?{q}").as_bytes(), 7, 60, 0), Ok(0));
    assert_eq!(alibaba::url_a_build(&over, "/a/s", 7, "0", "0"), Err(Error::InvalidKey));
    assert_eq!(alibaba::url_a_verify(&[&max, &over], format!("/a/s?{q}").as_bytes(), 7, 60, 0), Err(Error::InvalidKey));
    assert!(alibaba::callback_sign(&max, "d", 7).is_ok());
    assert_eq!(alibaba::callback_sign(&over, "d", 7), Err(Error::InvalidKey));
    assert!(huawei::record_md5_sign(&max, 7).is_ok());
    assert_eq!(huawei::record_md5_sign(&over, 7), Err(Error::InvalidKey));
    let mut buf = [0u8; 256];
    let n = tencent::url::build(UrlKind::Rtmp, b"h", b"live", b"s", &max, T, &mut buf).unwrap();
    assert_eq!(tencent::url::verify(&[&max], &buf[..n], 0, T, 0).map(|v| v.key_index), Ok(0));
    assert_eq!(tencent::url::verify(&[&over], &buf[..n], 0, T, 0).map(drop), Err(Error::InvalidKey));
}

#[test]
fn signed_callback_bodies() {
    // Tencent CSS: a valid callback padded to exactly the limit verifies.
    let k = b"callbackKey";
    let s = tencent::sign(k, 1700000000).unwrap();
    let template = format!(r#"{{"t":1700000000,"sign":"{s}","pad":"{{}}"}}"#);
    let body = padded(&template, BODY);
    assert_eq!(css::verify(k, body.as_bytes(), 1700000000, 0).map(|e| e.t), Ok(1700000000));
    let over = padded(&template, BODY + 1);
    assert_eq!(css::verify(k, over.as_bytes(), 1700000000, 0).map(drop), Err(IA));
    assert_eq!(css::verify(b"", over.as_bytes(), 0, 0).map(drop), Err(IA), "before the key check");

    // TRTC: any body; the sign and its four verifiers.
    let key = b"Key9";
    let body = padded(r#"{"CallbackTs":1000,"p":"{}"}"#, BODY);
    let over = padded(r#"{"CallbackTs":1000,"p":"{}"}"#, BODY + 1);
    let sign = callback::sign(key, body.as_bytes()).unwrap();
    let hk = HmacKey::new(key).unwrap();
    assert_eq!(callback::verify(key, body.as_bytes(), sign.as_bytes()), Ok(()));
    assert_eq!(callback::verify_keyed(&hk, body.as_bytes(), sign.as_bytes()), Ok(()));
    assert_eq!(callback::verify_ring(&[key], body.as_bytes(), sign.as_bytes()), Ok(0));
    assert_eq!(callback::callback_ts(body.as_bytes()), Ok(1000));
    assert_eq!(callback::sign(key, over.as_bytes()), Err(IA));
    assert_eq!(callback::sign_keyed(&hk, over.as_bytes()), Err(IA));
    assert_eq!(callback::verify(b"bad key!", over.as_bytes(), sign.as_bytes()), Err(IA));
    assert_eq!(callback::verify_keyed(&hk, over.as_bytes(), sign.as_bytes()), Err(IA));
    assert_eq!(callback::verify_ring(&[], over.as_bytes(), sign.as_bytes()), Err(IA));
    assert_eq!(callback::callback_ts(over.as_bytes()), Err(IA));

    // Huawei notifications.
    let hk = HmacKey::new(HUAWEI_KEY).unwrap();
    let s = huawei::sign(&hk, "PUBLISH", "d", "a", "s", 1700000000).unwrap();
    let template = format!(
        r#"{{"event":"PUBLISH","domain":"d","app":"a","stream":"s","user_args":"{{}}","auth_timestamp":1700000000,"auth_sign":"{s}"}}"#
    );
    let body = padded(&template, BODY);
    assert!(Notification::verify(&hk, body.as_bytes(), 1700000000, 0).is_ok());
    let over = padded(&template, BODY + 1);
    assert_eq!(Notification::verify(&hk, over.as_bytes(), 1700000000, 0).map(drop), Err(IA));

    // SparkRTC.
    let body = vec![b'{'; BODY];
    let s = huawei::sparkrtc_sign(&hk, "r", "1700000000", &body).unwrap();
    assert_eq!(huawei::sparkrtc_verify(&hk, "r", "1700000000", &body, s.as_bytes(), 1700000000, 0), Ok(()));
    let over = vec![b'{'; BODY + 1];
    assert_eq!(huawei::sparkrtc_sign(&hk, "r", "1700000000", &over), Err(IA));
    assert_eq!(huawei::sparkrtc_verify(&hk, "r", "1700000000", &over, s.as_bytes(), 1700000000, 0), Err(IA));
}

#[test]
fn response_bodies() {
    let template = r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"r","ret":0,"output":"{}"}"#;
    let body = padded(template, RESPONSE);
    let over = padded(template, RESPONSE + 1);
    let r = rest::Response::parse(body.as_bytes()).unwrap();
    assert!(r.is_success());
    assert_eq!(r.field("output").unwrap().map(<[u8]>::len), Some(RESPONSE - template.len() + 4));
    assert_eq!(rest::field(body.as_bytes(), "RequestId"), Ok(Some(&b"\"r\""[..])));
    assert_eq!(api::read_response(body.as_bytes()).map(|r| r.code()), Ok(0));
    assert_eq!(css::field(body.as_bytes(), b"ret"), Ok(Some(&b"0"[..])));
    assert_eq!(rest::Response::parse(over.as_bytes()).map(drop), Err(IA));
    assert_eq!(rest::field(over.as_bytes(), "RequestId"), Err(IA));
    assert_eq!(api::read_response(over.as_bytes()).map(drop), Err(IA));
    assert_eq!(css::field(over.as_bytes(), b"ret"), Err(IA));
}

#[test]
fn urls() {
    // Tencent push/play URLs: a signed URL with padding in an unsigned parameter.
    let mut buf = [0u8; 256];
    let n = tencent::url::build(UrlKind::Flv, b"h", b"live", b"s", b"k", T, &mut buf).unwrap();
    let built = std::str::from_utf8(&buf[..n]).unwrap();
    let template = format!("{built}&pad={{}}");
    let (url, over) = (padded(&template, URL), padded(&template, URL + 1));
    assert_eq!(tencent::url::verify(&[b"k"], url.as_bytes(), 0, T, 0).map(|v| v.key_index), Ok(0));
    assert_eq!(tencent::url::verify(&[b"k"], over.as_bytes(), 0, T, 0).map(drop), Err(IA));
    assert_eq!(tencent::url::verify(&[], over.as_bytes(), 0, T, 0).map(drop), Err(IA));

    // Huawei A, B, D and Alibaba A.
    let a = huawei::url_a_build(URL_KEY, "/a/s", 7, TimeFormat::Decimal, "0", "0").unwrap();
    let b = huawei::url_b_build(URL_KEY, "s", T).unwrap();
    let hk = HmacKey::new(URL_KEY).unwrap();
    let d = huawei::url_d_build(&hk, "s", T).unwrap();
    let ali = alibaba::url_a_build(URL_KEY, "/a/s", 7, "0", "0").unwrap();
    for (q, check) in [
        (a, &(|u: &[u8]| huawei::url_a_verify(&[URL_KEY], u, TimeFormat::Decimal, 7, 60, 0)) as &dyn Fn(&[u8]) -> _),
        (b, &|u: &[u8]| huawei::url_b_verify(&[URL_KEY], "s", u, T, 60, 0)),
        (d, &|u: &[u8]| huawei::url_d_verify(std::slice::from_ref(&hk), "s", u, T, 60, 0)),
        (ali, &|u: &[u8]| alibaba::url_a_verify(&[URL_KEY], u, 7, 60, 0)),
    ] {
        let template = format!("/a/s?{q}&pad={{}}");
        assert_eq!(check(padded(&template, URL).as_bytes()), Ok(0), "{q}");
        assert_eq!(check(padded(&template, URL + 1).as_bytes()), Err(IA), "{q}");
    }

    // Built from a URL path or base: the auth_key URI (leaving room for `?` and the longest
    // query, so the URL built verifies), the legacy API base and values.
    use livesign::ffi::{alibaba::LIVESIGN_ALIBABA_URL_A_MAX_LEN, huawei_url::LIVESIGN_HUAWEI_URL_A_MAX_LEN};
    assert_eq!(LIVESIGN_ALIBABA_URL_A_MAX_LEN, LIVESIGN_HUAWEI_URL_A_MAX_LEN);
    let uri_max = URL - 1 - LIVESIGN_HUAWEI_URL_A_MAX_LEN;
    let uri = padded("/a/{}", uri_max);
    let a = huawei::url_a_build(URL_KEY, &uri, 7, TimeFormat::Hex, "0", "0").unwrap();
    let url = format!("{uri}?{}", a.as_str());
    assert_eq!(huawei::url_a_verify(&[URL_KEY], url.as_bytes(), TimeFormat::Hex, 7, 60, 0), Ok(0));
    let ali = alibaba::url_a_build(URL_KEY, &uri, 7, "0", "0").unwrap();
    assert_eq!(alibaba::url_a_verify(&[URL_KEY], format!("{uri}?{}", ali.as_str()).as_bytes(), 7, 60, 0), Ok(0));
    let uri = padded("/a/{}", uri_max + 1);
    assert_eq!(huawei::url_a_build(URL_KEY, &uri, 7, TimeFormat::Hex, "0", "0"), Err(IA));
    assert_eq!(alibaba::url_a_build(b"", &uri, 7, "0", "0"), Err(IA), "before the key check");
    let cmd = api::Command::LiveTapeStop;
    let mut out = vec![0u8; 3 * URL];
    let base = padded("http://h/{}", URL);
    assert!(api::build(cmd, Some(base.as_bytes()), 1, b"k", 7, &[], &mut out).is_ok());
    let base = padded("http://h/{}", URL + 1);
    assert_eq!(api::build(cmd, Some(base.as_bytes()), 1, b"", 7, &[], &mut out), Err(IA));
    fn param<'a>(name: &'a [u8], value: &'a [u8]) -> api::Param<'a> {
        api::Param { kind: api::ParamKind::String, name, value }
    }
    let (long_value, too_long_value) = (vec![b'v'; URL], vec![b'v'; URL + 1]);
    let (long_name, too_long_name) = (vec![b'n'; ID], vec![b'n'; ID + 1]);
    assert!(api::build(cmd, None, 1, b"k", 7, &[param(&long_name, &long_value)], &mut out).is_ok());
    assert_eq!(api::build(cmd, None, 1, b"k", 7, &[param(b"n", &too_long_value)], &mut out), Err(IA));
    assert_eq!(api::build(cmd, None, 1, b"k", 7, &[param(&too_long_name, b"v")], &mut out), Err(IA));

    // Recording file URLs are signed fields.
    let hk = HmacKey::new(HUAWEI_KEY).unwrap();
    let long = padded("https://h/{}", URL);
    let f = RecordFields { auth_timestamp: T, download_url: &long, play_url: &long, ..RecordFields::default() };
    let s = huawei::record_sign(&hk, &f).unwrap();
    assert_eq!(huawei::record_verify(&hk, &f, s.as_bytes(), T, 0), Ok(()));
    let longer = padded("https://h/{}", URL + 1);
    for f in [RecordFields { download_url: &longer, ..f }, RecordFields { play_url: &longer, ..f }] {
        assert_eq!(huawei::record_sign(&hk, &f), Err(IA));
        assert_eq!(huawei::record_verify(&hk, &f, s.as_bytes(), T, 0), Err(IA));
    }
}

#[test]
fn names() {
    let (max, over) = ("n".repeat(ID), "n".repeat(ID + 1));
    let mut buf = vec![0u8; 4 * ID];
    // Tencent URL parts and secrets. A domain's labels are at most 63 characters and its name
    // at most 253 (DNS), so the longest domains end in a port.
    let (m, o) = (max.as_bytes(), over.as_bytes());
    let host = format!("{0}.{0}.{0}.{1}:80", "h".repeat(63), "h".repeat(61));
    let (host_max, host_over) = (host.as_bytes(), format!("{host}0"));
    assert_eq!((host_max.len(), host_over.len()), (ID, ID + 1));
    for (d, a, s) in [(host_max, &b"live"[..], &b"s"[..]), (b"h", m, b"s"), (b"h", b"live", m)] {
        assert!(tencent::url::build(UrlKind::Hls, d, a, s, b"k", T, &mut buf).is_ok());
        let n = tencent::url::url_len(UrlKind::Hls, d.len(), a.len(), s.len(), T).unwrap();
        assert!(n > ID);
    }
    for (d, a, s) in [(host_over.as_bytes(), &b"live"[..], &b"s"[..]), (b"h", o, b"s"), (b"h", b"live", o)] {
        assert_eq!(tencent::url::build(UrlKind::Hls, d, a, s, b"", T, &mut buf), Err(IA));
        assert_eq!(tencent::url::url_len(UrlKind::Hls, d.len(), a.len(), s.len(), T), None);
    }
    assert!(tencent::url::secret(b"k", m, b"5C271099").is_ok());
    assert_eq!(tencent::url::secret(b"", o, b"5C271099"), Err(IA));

    // Huawei notification signs, method B and D stream names.
    let hk = HmacKey::new(HUAWEI_KEY).unwrap();
    assert!(huawei::sign(&hk, &max, &max, &max, &max, T).is_ok());
    for i in 0..4 {
        let mut f = ["e", "d", "a", "s"];
        f[i] = &over;
        let short = HmacKey::new(b"short").unwrap();
        assert_eq!(huawei::sign(&short, f[0], f[1], f[2], f[3], T), Err(IA), "field {i}");
    }
    let uk = HmacKey::new(URL_KEY).unwrap();
    let b = huawei::url_b_build(URL_KEY, &max, T).unwrap();
    assert_eq!(huawei::url_b_verify(&[URL_KEY], &max, format!("/a/x?{b}").as_bytes(), T, 60, 0), Ok(0));
    let d = huawei::url_d_build(&uk, &max, T).unwrap();
    assert_eq!(huawei::url_d_verify(std::slice::from_ref(&uk), &max, format!("/a/x?{d}").as_bytes(), T, 60, 0), Ok(0));
    assert_eq!(huawei::url_b_build(b"", &over, T), Err(IA));
    assert_eq!(huawei::url_b_verify(&[URL_KEY], &over, format!("/a/x?{b}").as_bytes(), T, 60, 0), Err(IA));
    assert_eq!(huawei::url_d_build(&hk, &over, T), Err(IA));
    assert_eq!(huawei::url_d_secret(&hk, &over, T), Err(IA));
    assert_eq!(
        huawei::url_d_verify(std::slice::from_ref(&uk), &over, format!("/a/x?{d}").as_bytes(), T, 60, 0),
        Err(IA)
    );

    // Recording callback names, SparkRTC headers, Alibaba domains and timestamps.
    let f = RecordFields {
        auth_timestamp: T,
        event_type: &max,
        publish_domain: &max,
        app: &max,
        stream: &max,
        ..RecordFields::default()
    };
    assert!(huawei::record_sign(&hk, &f).is_ok());
    for f in [
        RecordFields { event_type: &over, ..f },
        RecordFields { publish_domain: &over, ..f },
        RecordFields { app: &over, ..f },
        RecordFields { stream: &over, ..f },
    ] {
        assert_eq!(f.check(), Err(IA));
        assert_eq!(huawei::record_sign(&hk, &f), Err(IA));
    }
    let s = huawei::sparkrtc_sign(&hk, &max, "1700000000", b"").unwrap();
    assert_eq!(huawei::sparkrtc_verify(&hk, &max, "1700000000", b"", s.as_bytes(), 1700000000, 0), Ok(()));
    assert_eq!(huawei::sparkrtc_sign(&hk, &over, "1700000000", b""), Err(IA));
    assert_eq!(huawei::sparkrtc_verify(&hk, &over, "1700000000", b"", s.as_bytes(), 1700000000, 0), Err(IA));
    let long_time = format!("{}7", "0".repeat(ID));
    assert_eq!(huawei::sparkrtc_verify(&hk, "r", &long_time, b"", s.as_bytes(), 7, 0), Err(IA));
    let s = alibaba::callback_sign(b"k", &max, 7).unwrap();
    assert_eq!(alibaba::callback_verify(b"k", &max, "7", s.as_bytes(), 7, 0), Ok(()));
    assert_eq!(alibaba::callback_sign(b"", &over, 7), Err(IA));
    assert_eq!(alibaba::callback_verify(b"", &over, "7", s.as_bytes(), 7, 0), Err(IA));
    assert_eq!(alibaba::callback_verify(b"k", "d", &long_time, s.as_bytes(), 7, 0), Err(IA));

    // REST request parts.
    let t = "AAAA".as_bytes();
    assert!(rest::RequestUrl::new(&max, &max, 1, &max, t, 7).with_host(&host).required_len().is_ok());
    let o = over.as_str();
    for (h, s, c, i) in
        [(host_over.as_str(), "s", "c", "a"), ("h", o, "c", "a"), ("h", "s", o, "a"), ("h", "s", "c", o)]
    {
        let r = rest::RequestUrl::new(s, c, 1, i, t, 7).with_host(h);
        assert_eq!(r.required_len(), Err(IA));
    }

    // Field names.
    let body = format!(
        r#"{{"{max}":1,"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"r","t":1,"sign":"{}"}}"#,
        tencent::sign(b"k", 1).unwrap()
    );
    let b = body.as_bytes();
    assert_eq!(rest::field(b, &max), Ok(Some(&b"1"[..])));
    assert_eq!(rest::Response::parse(b).unwrap().field(&max), Ok(Some(&b"1"[..])));
    assert_eq!(css::field(b, max.as_bytes()), Ok(Some(&b"1"[..])));
    assert_eq!(css::verify(b"k", b, 1, 0).unwrap().field(max.as_bytes()), Ok(Some(&b"1"[..])));
    assert_eq!(rest::field(b, &over), Err(IA));
    assert_eq!(rest::Response::parse(b).unwrap().field(&over), Err(IA));
    assert_eq!(css::field(b, over.as_bytes()), Err(IA));
    assert_eq!(css::verify(b"k", b, 1, 0).unwrap().field(over.as_bytes()), Err(IA));
}

#[test]
fn tokens_identifiers_and_userbufs() {
    let k = HmacKey::new(b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e").unwrap();
    // The longest token livesign writes (every member at its widest, the times 19 digits
    // summing to MAX_EXPIRES_AT) is read back whole; the read limit keeps room for 20 digits.
    let id = "\u{1}".repeat(UserSig::MAX_IDENTIFIER_LEN);
    let (m, last) = (u64::MAX, UserSig::MAX_EXPIRES_AT);
    let token = UserSig::new(&k, m, &id, last / 2 + 1, last / 2, &[0xa5; UserSig::MAX_USERBUF_LEN]).unwrap();
    assert_eq!(token.as_bytes().len(), UserSig::MAX_LEN - 4);
    assert_eq!(trtc::usersig_verify(&k, m, &id, token.as_bytes(), last, 0).map(|i| i.identifier().len()), Ok(ID));
    assert_eq!(trtc::usersig_inspect(token.as_bytes()).map(|i| i.userbuf().map(<[u8]>::len)), Ok(Some(1024)));
    let over = [token.as_bytes(), b"AAAAA"].concat();
    assert_eq!(trtc::usersig_verify(&k, m, &id, &over, m, 0).map(drop), Err(IA));
    assert_eq!(trtc::usersig_inspect(&over).map(drop), Err(IA));
    // As a REST request's credential.
    let r = |t: &[u8]| rest::RequestUrl::new("s", "c", 1, "admin", t, 7).required_len().map(drop);
    let max_text = vec![b'A'; UserSig::MAX_LEN];
    assert_eq!(r(&max_text), Ok(()));
    assert_eq!(r(&[&max_text[..], b"AAAA"].concat()), Err(IA));
    // Identifiers: generation and verification.
    let over_id = "a".repeat(ID + 1);
    assert_eq!(trtc::usersig_gen(&k, 1, &over_id, 1, 1, b"", &mut [0; 8]), Err(IA));
    assert_eq!(trtc::usersig_verify(&k, 1, &over_id, token.as_bytes(), 7, 0).map(drop), Err(IA));
    // A PrivateMapKey userbuf of exactly the limit parses; one byte more is refused unread.
    let name = vec![b'r'; UserSig::MAX_USERBUF_LEN - 25 - ID];
    let pmk = UserSig::private_map_key(&k, 1, &"a".repeat(ID), 60, 7, Room::Name(&name), 255).unwrap();
    let info = trtc::usersig_verify(&k, 1, &"a".repeat(ID), pmk.as_bytes(), 7, 0).unwrap();
    let userbuf = info.userbuf().unwrap();
    assert_eq!(userbuf.len(), UserSig::MAX_USERBUF_LEN);
    assert_eq!(trtc::privmap_parse(userbuf).map(|p| p.room_name.map(<[u8]>::len)), Ok(Some(name.len())));
    assert_eq!(trtc::privmap_parse(&[userbuf, &[0]].concat()).map(drop), Err(IA));
}
