//! TLSSigAPIv2 UserSig through the safe Rust API: every shared vector (4 official
//! implementations), the Go tokens reproduced byte for byte, the order of statuses, expiry
//! boundaries, every JSON and zlib variation the official SDKs produce, and properties.

mod support;

use livesign::trtc::{self, Room, UserSig, usersig_gen, usersig_inspect, usersig_len, usersig_verify};
use livesign::{Error, HmacKey};
use proptest::prelude::*;
use support::usersig::{self as tok, Vector};

fn key(v: &Vector) -> HmacKey {
    HmacKey::new(v.key.as_bytes()).unwrap()
}

/// Our token for a vector's inputs (a PrivateMapKey when the vector is one).
fn generate(v: &Vector) -> UserSig {
    let k = key(v);
    match (v.roomid, &v.roomstr) {
        (Some(room), _) => UserSig::private_map_key(
            &k,
            v.sdkappid,
            &v.identifier,
            v.expire,
            v.time,
            Room::Id(room),
            v.privilege.unwrap(),
        ),
        (_, Some(name)) => UserSig::private_map_key(
            &k,
            v.sdkappid,
            &v.identifier,
            v.expire,
            v.time,
            Room::Name(name.as_bytes()),
            v.privilege.unwrap(),
        ),
        _ => UserSig::new(&k, v.sdkappid, &v.identifier, v.expire, v.time, v.userbuf.as_deref().unwrap_or_default()),
    }
    .unwrap_or_else(|e| panic!("{} {}: {e}", v.case, v.imp))
}

#[test]
fn the_vector_file_is_what_this_test_expects() {
    let all = tok::vectors();
    let count = |imp: &str| all.iter().filter(|v| v.imp == imp).count();
    // The spec announces 40 vectors (c1..c10 × 4); the file holds c1..c9 × 4. c10's u32
    // edges are covered by the PrivateMapKey tests and the interop tests instead.
    assert_eq!(all.len(), 36);
    assert_eq!([count("python"), count("node"), count("cpp"), count("go")], [9, 9, 9, 9]);
}

#[test]
fn every_vector_is_self_consistent() {
    for v in tok::vectors() {
        let name = format!("{} {}", v.case, v.imp);
        assert_eq!(tok::hmac_b64(v.key.as_bytes(), v.hmac_content.as_bytes()), v.sig_field, "{name}");
        assert_eq!(
            tok::sig(v.key.as_bytes(), &v.identifier, v.sdkappid, v.time, v.expire, v.userbuf.as_deref()),
            v.sig_field,
            "{name}"
        );
        assert_eq!(tok::doc_of(&v.usersig), v.json_doc.as_bytes(), "{name}");
        assert_eq!(support::hex(&tok::zlib_of(&v.usersig)[..2]), v.zlib_header_hex, "{name}");
    }
}

#[test]
fn every_vector_verifies_until_it_expires() {
    for v in tok::vectors() {
        let name = format!("{} {}", v.case, v.imp);
        let k = key(&v);
        let t = v.usersig.as_bytes();
        let end = v.time + v.expire;
        for now in [v.time, end, 0] {
            let info =
                usersig_verify(&k, v.sdkappid, &v.identifier, t, now, 0).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                (info.sdkappid(), info.time(), info.expire(), info.expires_at()),
                (v.sdkappid, v.time, v.expire, end)
            );
            assert_eq!(info.identifier(), v.identifier, "{name}");
            assert_eq!(info.userbuf(), v.userbuf.as_deref(), "{name}");
        }
        assert_eq!(
            usersig_verify(&k, v.sdkappid, &v.identifier, t, end + 1, 0).map(|_| ()),
            Err(Error::Expired),
            "{name}"
        );
        assert!(usersig_verify(&k, v.sdkappid, &v.identifier, t, end + 1, 1).is_ok(), "{name}: leeway");
        assert_eq!(usersig_verify(&k, v.sdkappid, &v.identifier, t, end + 2, 1).map(|_| ()), Err(Error::Expired));

        let wrong = HmacKey::new(format!("{}x", v.key).as_bytes()).unwrap();
        assert_eq!(
            usersig_verify(&wrong, v.sdkappid, &v.identifier, t, v.time, 0).map(|_| ()),
            Err(Error::SignatureMismatch),
            "{name}"
        );
        // A forged token is a mismatch even long after it would have expired.
        assert_eq!(
            usersig_verify(&wrong, v.sdkappid, &v.identifier, t, end + 1000, 0).map(|_| ()),
            Err(Error::SignatureMismatch)
        );
        for (sdkappid, identifier) in
            [(v.sdkappid + 1, v.identifier.clone()), (v.sdkappid, format!("{}x", v.identifier))]
        {
            assert_eq!(
                usersig_verify(&k, sdkappid, &identifier, t, v.time, 0).map(|_| ()),
                Err(Error::IdentityMismatch),
                "{name}"
            );
            // Only a genuine token is another identity's (its own escaped identifier and
            // sdkappid are what the key is checked against), and that before the expiry.
            assert_eq!(
                usersig_verify(&k, sdkappid, &identifier, t, end + 1, 0).map(|_| ()),
                Err(Error::IdentityMismatch),
                "{name}"
            );
            assert_eq!(
                usersig_verify(&wrong, sdkappid, &identifier, t, v.time, 0).map(|_| ()),
                Err(Error::SignatureMismatch),
                "{name}"
            );
        }

        let info = usersig_inspect(t).unwrap();
        assert_eq!(
            (info.sdkappid(), info.identifier(), info.time(), info.expire()),
            (v.sdkappid, &*v.identifier, v.time, v.expire)
        );
        assert_eq!(info.userbuf(), v.userbuf.as_deref(), "{name}");
    }
}

/// `{:?}` of what a token says (a support tool logs it): every member the vector states, the
/// identifier unescaped and the userbuf decoded, and not the fixed-size buffers behind them.
#[test]
fn debug_shows_the_decoded_members() {
    for v in tok::vectors() {
        let name = format!("{} {}", v.case, v.imp);
        let shown = format!("{:?}", usersig_inspect(v.usersig.as_bytes()).unwrap());
        for part in [
            format!("sdkappid: {}", v.sdkappid),
            format!("identifier: {:?}", v.identifier),
            format!("time: {}", v.time),
            format!("expire: {}", v.expire),
            format!("userbuf: {:?}", v.userbuf.as_deref()),
        ] {
            assert!(shown.contains(&part), "{name}: {part} not in {shown}");
        }
        assert!(
            shown.starts_with("UserSigInfo {") && shown.len() < 200 + 5 * v.userbuf.map_or(0, |u| u.len()),
            "{name}: {shown}"
        );
    }
}

/// The escaper behind the UserSig writer, as the fuzzer reaches it (`fuzz_api`): each Go
/// vector's document holds its identifier exactly as Go's `encoding/json` escaped it.
#[test]
fn the_writers_escaper_matches_the_go_documents() {
    use livesign::fuzz_api::json::escape;
    let mut seen = 0;
    for v in tok::vectors().into_iter().filter(|v| v.imp == "go" && !v.identifier.is_empty()) {
        let doc = &v.json_doc;
        let from = doc.find(r#""TLS.identifier":""#).unwrap() + r#""TLS.identifier":""#.len();
        let go = &doc[from..from + doc[from..].find(r#"","TLS.sdkappid""#).unwrap()];
        let mut buf = [0u8; 64];
        let n = escape(v.identifier.as_bytes(), &mut buf).unwrap_or_else(|e| panic!("{}: {e}", v.case));
        assert_eq!(&buf[..n], go.as_bytes(), "{}", v.case);
        if n > 0 {
            assert_eq!(escape(v.identifier.as_bytes(), &mut buf[..n - 1]), Err(Error::BufferTooSmall { needed: n }));
        }
        seen += 1;
    }
    // c6 is the one whose identifier Go escapes (`" \ < > &`).
    assert_eq!(seen, 8);
}

#[test]
fn generation_matches_every_vector() {
    let mut go = 0;
    for v in tok::vectors() {
        let name = format!("{} {}", v.case, v.imp);
        let ours = generate(&v);
        let doc = tok::json(&tok::doc_of(ours.as_str()));
        assert_eq!(doc["TLS.sig"], v.sig_field, "{name}");
        let userbuf_b64 = v.userbuf.as_deref().map(tok::b64);
        assert_eq!(doc["TLS.userbuf"].as_str(), userbuf_b64.as_deref(), "{name}");
        assert_eq!(support::hex(&tok::zlib_of(ours.as_str())[..2]), "7801");
        if v.imp == "go" {
            assert_eq!(ours.as_str(), v.usersig, "{name}: the Go SDK's token, byte for byte");
            go += 1;
        }
        let len = usersig_len(v.sdkappid, &v.identifier, v.expire, v.time, v.userbuf.as_ref().map_or(0, Vec::len));
        assert_eq!(len, Ok(ours.as_bytes().len()), "{name}");
        assert!(usersig_verify(&key(&v), v.sdkappid, &v.identifier, ours.as_bytes(), v.time + v.expire, 0).is_ok());
    }
    assert_eq!(go, 9);
}

#[test]
fn generation_into_a_buffer() {
    let k = HmacKey::new(b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e").unwrap();
    let whole = UserSig::new(&k, 1400000000, "xiaojun", 86400, 1700000000, b"abc").unwrap();
    let n = whole.as_bytes().len();
    let mut buf = vec![0u8; n];
    assert_eq!(usersig_gen(&k, 1400000000, "xiaojun", 86400, 1700000000, b"abc", &mut buf), Ok(n));
    assert_eq!(buf, whole.as_bytes());
    assert_eq!(
        usersig_gen(&k, 1400000000, "xiaojun", 86400, 1700000000, b"abc", &mut buf[..n - 1]),
        Err(Error::BufferTooSmall { needed: n })
    );
    assert_eq!(
        usersig_gen(&k, 1400000000, "xiaojun", 86400, 1700000000, b"abc", &mut []),
        Err(Error::BufferTooSmall { needed: n })
    );
    assert_eq!(whole.to_string(), whole.as_str());
    // A UserSig is a credential: Debug shows its length, never the token.
    assert_eq!(format!("{whole:?}"), format!("UserSig(<{n} bytes>)"));
    assert!(!format!("{whole:#?}").contains(&whole.as_str()[..8]));
}

const KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const APP: u64 = 1400000000;
const T: u64 = 1700000000;

fn verify_doc(doc: &[u8], identifier: &str, level: u8) -> Result<trtc::UserSigInfo, Error> {
    let t = tok::token_of(doc, level);
    usersig_verify(&HmacKey::new(KEY).unwrap(), APP, identifier, t.as_bytes(), T, 0)
}

#[test]
fn any_member_order_spacing_escape_and_compression() {
    let layouts: [fn(&str, &str) -> String; 3] = [
        |id, sig| {
            format!(
                r#"{{"TLS.sig":"{sig}","TLS.time":{T},"TLS.expire":3600,"TLS.sdkappid":{APP},"TLS.identifier":"{id}","TLS.ver":"2.0"}}"#
            )
        },
        |id, sig| {
            format!(
                "\n\t{{ \"TLS.ver\" : \"2.0\" ,\r\n \"TLS.identifier\" : \"{id}\" , \"TLS.sdkappid\" : {APP} , \"TLS.expire\" : 3600 , \"TLS.time\" : {T} , \"TLS.sig\" : \"{}\" }} \n",
                sig.replace('/', "\\/")
            )
        },
        // No TLS.ver; unknown members are ignored.
        |id, sig| {
            format!(
                r#"{{"x":[1,{{"y":null}}],"TLS.identifier":"{id}","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}","TLS.extra":true}}"#
            )
        },
    ];
    let ids = [
        ("xiaojun", "xiaojun"),
        (r"\u7528\u6237_Zo\u00eb\ud83d\ude00", "用户_Zoë😀"),
        (r#"a\"b\\c\/d\u003ce\u003e\u0026f"#, "a\"b\\c/d<e>&f"),
        (r"\u0000\b\f\n\r\t\u001F", "\u{0}\u{8}\u{c}\n\r\t\u{1f}"),
    ];
    for layout in layouts {
        for (id_json, id) in ids {
            let doc = layout(id_json, &tok::sig(KEY, id, APP, T, 3600, None));
            for level in [0, 1, 6, 9, 10] {
                let info = verify_doc(doc.as_bytes(), id, level).unwrap_or_else(|e| panic!("{e}: {doc}"));
                assert_eq!(info.identifier(), id);
            }
        }
    }
}

#[test]
fn userbuf_variants() {
    let sig_only = |ub: Option<&[u8]>, ub_json: &str| {
        let sig = tok::sig(KEY, "u", APP, T, 3600, ub);
        format!(
            r#"{{"TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T}{ub_json},"TLS.sig":"{sig}"}}"#
        )
    };
    // Python and Node write an empty userbuf as "" and sign an empty line.
    let info = verify_doc(sig_only(Some(b""), r#","TLS.userbuf":"""#).as_bytes(), "u", 6).unwrap();
    assert_eq!(info.userbuf(), Some(&b""[..]));
    // PHP escapes '/'.
    let ub = [0xffu8, 0xff, 0xfe, 0x3f];
    let json_ub = format!(r#","TLS.userbuf":"{}""#, tok::b64(&ub).replace('/', "\\/"));
    assert!(tok::b64(&ub).contains('/'));
    assert_eq!(verify_doc(sig_only(Some(&ub), &json_ub).as_bytes(), "u", 6).unwrap().userbuf(), Some(&ub[..]));
    // A userbuf the signature does not cover, or the reverse.
    assert_eq!(
        verify_doc(sig_only(None, r#","TLS.userbuf":"YWJj""#).as_bytes(), "u", 6).map(|_| ()),
        Err(Error::SignatureMismatch)
    );
    assert_eq!(verify_doc(sig_only(Some(b"abc"), "").as_bytes(), "u", 6).map(|_| ()), Err(Error::SignatureMismatch));
    // Non-canonical or non-string userbufs are malformed.
    for bad in [
        r#","TLS.userbuf":"YWJ""#,
        r#","TLS.userbuf":"YWJk=""#,
        r#","TLS.userbuf":"YWJ=""#,
        r#","TLS.userbuf":1"#,
        r#","TLS.userbuf":null"#,
    ] {
        assert_eq!(
            verify_doc(sig_only(Some(b"abc"), bad).as_bytes(), "u", 6).map(|_| ()),
            Err(Error::Malformed),
            "{bad}"
        );
    }
    // The largest userbuf fits; one more byte is outside livesign's bounds.
    let big = vec![7u8; UserSig::MAX_USERBUF_LEN];
    let json_ub = format!(r#","TLS.userbuf":"{}""#, tok::b64(&big));
    assert!(verify_doc(sig_only(Some(&big), &json_ub).as_bytes(), "u", 9).is_ok());
    let bigger = vec![7u8; UserSig::MAX_USERBUF_LEN + 1];
    let json_ub = format!(r#","TLS.userbuf":"{}""#, tok::b64(&bigger));
    assert_eq!(verify_doc(sig_only(Some(&bigger), &json_ub).as_bytes(), "u", 9).map(|_| ()), Err(Error::Malformed));
}

#[test]
fn go_omits_zero_and_empty_members() {
    let k = HmacKey::new(KEY).unwrap();
    // sdkappid 0, empty identifier, expire 0, time 0: all four omitted, as Go's omitempty does.
    let t = UserSig::new(&k, 0, "", 0, 0, b"").unwrap();
    let doc = tok::doc_of(t.as_str());
    let sig = tok::sig(KEY, "", 0, 0, 0, None);
    assert_eq!(String::from_utf8(doc).unwrap(), format!("{{\"TLS.ver\":\"2.0\",\"TLS.sig\":\"{sig}\"}}\n"));
    let info = usersig_verify(&k, 0, "", t.as_bytes(), 0, 0).unwrap();
    assert_eq!((info.sdkappid(), info.identifier(), info.time(), info.expire()), (0, "", 0, 0));
    assert_eq!(usersig_verify(&k, 0, "", t.as_bytes(), 1, 0).map(|_| ()), Err(Error::Expired));
}

#[test]
fn malformed_documents() {
    let k = HmacKey::new(KEY).unwrap();
    let sig = tok::sig(KEY, "u", APP, T, 3600, None);
    let ok =
        format!(r#"{{"TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}"}}"#);
    assert!(verify_doc(ok.as_bytes(), "u", 6).is_ok());
    let bad = [
        ("duplicate sig", ok.replace("}", &format!(r#","TLS.sig":"{sig}"}}"#))),
        ("duplicate time", ok.replace("{", &format!(r#"{{"TLS.time":{T},"#))),
        ("duplicate by escape", ok.replace("{", &format!(r#"{{"TLS.\u0074ime":{T},"#))),
        ("duplicate ver", ok.replace("{", r#"{"TLS.ver":"2.0","TLS.ver":"2.0","#)),
        ("missing sig", ok.replace(&format!(r#","TLS.sig":"{sig}""#), "")),
        ("short sig", ok.replace(&sig, &sig[4..])),
        ("sig of 33 bytes", ok.replace(&sig, &tok::b64(&[1; 33]))),
        ("sig not base64", ok.replace(&sig, &sig.replace('=', "A"))),
        ("sig a number", ok.replace(&format!(r#""{sig}""#), "1")),
        ("identifier a number", ok.replace(r#""u""#, "7")),
        ("time a string", ok.replace(&format!(":{T}"), &format!(":\"{T}\""))),
        ("time negative", ok.replace(&format!(":{T}"), &format!(":-{T}"))),
        ("time fractional", ok.replace(&format!(":{T}"), &format!(":{T}.0"))),
        ("time exponent", ok.replace(&format!(":{T}"), ":17e8")),
        ("time null", ok.replace(&format!(":{T}"), ":null")),
        ("time over u64", ok.replace(&format!(":{T}"), ":18446744073709551616")),
        ("trailing garbage", format!("{ok}x")),
        ("array", format!("[{ok}]")),
        ("lone surrogate", ok.replace(r#""u""#, r#""\ud800""#)),
        ("invalid UTF-8", ok.replace(r#""u""#, "\"\u{7f}\"")),
        ("truncated", ok[..ok.len() - 1].to_owned()),
    ];
    for (what, doc) in bad {
        let doc = if what == "invalid UTF-8" {
            let mut d = doc.into_bytes();
            let i = d.iter().position(|&b| b == 0x7f).unwrap();
            d[i] = 0xff;
            d
        } else {
            doc.into_bytes()
        };
        for level in [0, 6] {
            let t = tok::token_of(&doc, level);
            assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).map(|_| ()), Err(Error::Malformed), "{what}");
            assert_eq!(usersig_inspect(t.as_bytes()).map(|_| ()), Err(Error::Malformed), "{what}");
        }
    }
    // Outer layers.
    let good = tok::token_of(ok.as_bytes(), 6);
    let zlib = tok::zlib_of(&good);
    let b64 = |z: &[u8]| tok::to_tencent(&tok::b64(z));
    let outer: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("standard alphabet", tok::to_standard(&good)),
        ("padding stripped", good.trim_end_matches('_').to_owned()),
        ("whitespace", format!("{} ", good)),
        ("raw deflate", b64(&miniz_oxide::deflate::compress_to_vec(ok.as_bytes(), 6))),
        ("gzip-like header", b64(&[&[0x1f, 0x8b][..], &zlib[2..]].concat())),
        ("adler32 wrong", b64(&[&zlib[..zlib.len() - 1], &[zlib[zlib.len() - 1] ^ 1]].concat())),
        ("bytes after adler32", b64(&[&zlib[..], &[0]].concat())),
        ("plain JSON", b64(ok.as_bytes())),
        ("within the length limit", "A".repeat(UserSig::MAX_LEN)),
    ];
    for (what, t) in outer {
        assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).map(|_| ()), Err(Error::Malformed), "{what}");
    }
    // Longer than any token livesign (or an official SDK, within livesign's bounds) writes: the
    // length limit (LIVESIGN_USERSIG_MAX_LEN), an argument out of range.
    let too_long = "A".repeat(UserSig::MAX_LEN + 1);
    assert_eq!(usersig_verify(&k, APP, "u", too_long.as_bytes(), T, 0).map(|_| ()), Err(Error::InvalidArgument));
    assert_eq!(usersig_inspect(too_long.as_bytes()).map(|_| ()), Err(Error::InvalidArgument));
}

/// The official Go verifier reads the document with `encoding/json` into a struct, which
/// matches member names case-insensitively (Unicode simple folding: `ſ` is an `s`, the Kelvin
/// sign `K` a `k`) and keeps the last match. A member that is one of the signed names under
/// that folding but not its exact spelling would make Go read another value than livesign
/// (Go, checked with go1.19: `"TLS.identifier":"u","tls.identifier":"bob"` reads "bob"), so
/// it is malformed; names that merely look alike are unknown members, as for Go.
#[test]
fn member_names_go_folds_onto_a_signed_one_are_malformed() {
    let k = HmacKey::new(KEY).unwrap();
    let sig = tok::sig(KEY, "u", APP, T, 3600, None);
    let ok =
        format!(r#"{{"TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}"}}"#);
    let with = |member: &str| ok.replace('}', &format!(",{member}}}"));
    for member in [
        r#""tls.identifier":"bob""#,
        r#""TLS.IDENTIFIER":"bob""#,
        r#""TLS.Expire":99999999"#,
        r#""tls.time":1"#,
        r#""TLS.SdKaPpId":1"#,
        r#""TLS.sd\u212aappid":1"#,
        "\"TLS.sd\u{212a}appid\":1",
        r#""TLS.\u017fig":"AAAA""#,
        "\"TL\u{17f}.sig\":\"AAAA\"",
        r#""tls.userbuf":"YWJj""#,
        r#""tls.ver":"x""#,
        r#""TLS.\u0053IG":"AAAA""#,
    ] {
        let doc = with(member);
        for level in [0, 6] {
            let t = tok::token_of(doc.as_bytes(), level);
            assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).map(|_| ()), Err(Error::Malformed), "{doc}");
            assert_eq!(usersig_inspect(t.as_bytes()).map(|_| ()), Err(Error::Malformed), "{doc}");
        }
    }
    // Go folds none of these onto a signed name: they stay unknown members.
    for member in [
        r#""TLS.s\u0131g":"x""#,
        r#""TLS.S\u0130G":"x""#,
        r#""TLS.sig ":"x""#,
        r#""TLS_sig":"x""#,
        r#""TLS.sigs":"x""#,
        r#""TLS.tim":1"#,
        r#""":1"#,
    ] {
        let doc = with(member);
        let info = verify_doc(doc.as_bytes(), "u", 6).unwrap_or_else(|e| panic!("{e}: {doc}"));
        assert_eq!(info.identifier(), "u");
    }
}

/// PHP's `json_encode` escapes `/` as `\/`, control characters as `\u00XX` and everything
/// above ASCII as `\uXXXX`, so its documents are the longest an official SDK writes. At
/// livesign's limits (a 256-byte identifier, a 1024-byte userbuf whose base64 is all `/`) they
/// fit the 4096-byte document limit, except when the identifier is mostly control characters
/// (6 bytes each once escaped): that one is outside livesign's bounds, as documented.
#[test]
fn php_documents_fit_unless_the_identifier_is_control_characters() {
    fn php_escape(s: &str) -> String {
        let mut o = String::new();
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '/' => o.push_str("\\/"),
                '\n' => o.push_str("\\n"),
                '\r' => o.push_str("\\r"),
                '\t' => o.push_str("\\t"),
                '\u{8}' => o.push_str("\\b"),
                '\u{c}' => o.push_str("\\f"),
                c if !(' '..='\u{7f}').contains(&c) => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        o.push_str(&format!("\\u{unit:04x}"));
                    }
                }
                c => o.push(c),
            }
        }
        o
    }
    let k = HmacKey::new(KEY).unwrap();
    let userbuf = [0xffu8; UserSig::MAX_USERBUF_LEN];
    let doc = |id: &str| {
        let sig = tok::sig(KEY, id, APP, T, 3600, Some(&userbuf));
        format!(
            r#"{{"TLS.ver":"2.0","TLS.identifier":"{}","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.userbuf":"{}","TLS.sig":"{}"}}"#,
            php_escape(id),
            php_escape(&tok::b64(&userbuf)),
            php_escape(&sig)
        )
    };
    for id in ["😀".repeat(64), "\"".repeat(256), "用".repeat(85), "\u{1}".repeat(197)] {
        let d = doc(&id);
        assert!(d.len() <= 4096, "{}", d.len());
        let t = tok::token_of(d.as_bytes(), 6);
        let info = usersig_verify(&k, APP, &id, t.as_bytes(), T, 0).unwrap_or_else(|e| panic!("{e}: {}", d.len()));
        assert_eq!((info.identifier(), info.userbuf()), (&*id, Some(&userbuf[..])));
    }
    let id = "\u{1}".repeat(UserSig::MAX_IDENTIFIER_LEN);
    let d = doc(&id);
    assert!(d.len() > 4096);
    let t = tok::token_of(d.as_bytes(), 6);
    assert_eq!(usersig_verify(&k, APP, &id, t.as_bytes(), T, 0).map(|_| ()), Err(Error::Malformed));
}

#[test]
fn oversized_documents_are_malformed() {
    let sig = tok::sig(KEY, "u", APP, T, 3600, None);
    let doc = |pad: usize| {
        format!(
            r#"{{"pad":"{}","TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}"}}"#,
            "p".repeat(pad)
        )
    };
    let base = doc(0).len();
    assert!(verify_doc(doc(4096 - base).as_bytes(), "u", 9).is_ok(), "a 4096-byte document is accepted");
    assert_eq!(verify_doc(doc(4097 - base).as_bytes(), "u", 9).map(|_| ()), Err(Error::Malformed));
    // Identifier limits: 256 bytes is the most a token may carry and a caller may ask for.
    let long = "i".repeat(257);
    let k = HmacKey::new(KEY).unwrap();
    assert_eq!(usersig_verify(&k, APP, &long, b"x", T, 0).map(|_| ()), Err(Error::InvalidArgument));
    let sig = tok::sig(KEY, &long, APP, T, 3600, None);
    let d = format!(
        r#"{{"TLS.identifier":"{long}","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}"}}"#
    );
    assert_eq!(usersig_inspect(tok::token_of(d.as_bytes(), 6).as_bytes()).map(|_| ()), Err(Error::Malformed));
}

/// The signed content has the numbers in decimal; the verifier takes them from the
/// document's text, which must then be exactly that decimal: present zeros and the largest
/// values verify, any other spelling of a number does not.
#[test]
fn numbers_are_signed_as_their_decimal_text() {
    let k = HmacKey::new(KEY).unwrap();
    for (sdkappid, time, expire) in [(0, 0, 0), (0, T, 0), (u64::MAX, u64::MAX, u64::MAX), (APP, 1, 10)] {
        let sig = tok::sig(KEY, "u", sdkappid, time, expire, None);
        let doc = format!(
            r#"{{"TLS.identifier":"u","TLS.sdkappid":{sdkappid},"TLS.expire":{expire},"TLS.time":{time},"TLS.sig":"{sig}"}}"#
        );
        for level in [0, 6] {
            let t = tok::token_of(doc.as_bytes(), level);
            let info =
                usersig_verify(&k, sdkappid, "u", t.as_bytes(), time, 0).unwrap_or_else(|e| panic!("{e}: {doc}"));
            assert_eq!((info.sdkappid(), info.time(), info.expire()), (sdkappid, time, expire));
        }
    }
    let sig = tok::sig(KEY, "u", APP, 0, 10, None);
    for time in ["-0", "00", "0.0", "0e0", "-0.0"] {
        let doc = format!(
            r#"{{"TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":10,"TLS.time":{time},"TLS.sig":"{sig}"}}"#
        );
        let t = tok::token_of(doc.as_bytes(), 6);
        assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), 0, 0).map(|_| ()), Err(Error::Malformed), "{time}");
    }
}

/// A document of exactly `len` bytes (at least 120) for identifier "u", padded with
/// `pad_byte(i)`.
fn doc_of_len(len: usize, pad_byte: impl Fn(usize) -> u8) -> Vec<u8> {
    let sig = tok::sig(KEY, "u", APP, T, 3600, None);
    let rest =
        format!(r#"","TLS.identifier":"u","TLS.sdkappid":{APP},"TLS.expire":3600,"TLS.time":{T},"TLS.sig":"{sig}"}}"#);
    let pad = len - rest.len() - r#"{"pad":""#.len();
    let mut doc = br#"{"pad":""#.to_vec();
    doc.extend((0..pad).map(pad_byte));
    doc.extend_from_slice(rest.as_bytes());
    assert_eq!(doc.len(), len);
    doc
}

/// Letters that deflate cannot shorten much, so that the token grows with the document.
fn letter(i: usize) -> u8 {
    b'a' + ((i * 7919 + i / 5 * 31) % 26) as u8
}

/// Decoding tries small buffers first (tokens up to 256 characters with documents up to 512
/// bytes, then up to 512 characters and 768 bytes) and the full-size ones when the document
/// is larger: every document and token size around those limits, in every compression,
/// decodes alike.
#[test]
fn documents_around_the_small_buffer_sizes() {
    let k = HmacKey::new(KEY).unwrap();
    let mut token_lens = std::collections::BTreeSet::new();
    let mut doc_lens = std::collections::BTreeSet::new();
    for len in (170..=300).chain(330..=430).chain(490..=530).chain(740..=800) {
        for pad_byte in [letter as fn(usize) -> u8, |_| b'p'] {
            let doc = doc_of_len(len, pad_byte);
            for level in [0, 1, 6, 9] {
                let t = tok::token_of(&doc, level);
                let info =
                    usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).unwrap_or_else(|e| panic!("{len} {level}: {e}"));
                assert_eq!((info.identifier(), info.expire()), ("u", 3600));
                assert!(usersig_inspect(t.as_bytes()).is_ok());
                token_lens.insert(t.len());
                doc_lens.insert(len);
            }
        }
    }
    for limit in [252, 256, 260, 508, 512, 516] {
        assert!(token_lens.contains(&limit), "no token of {limit} characters");
    }
    for limit in [512, 513, 768, 769] {
        assert!(doc_lens.contains(&limit), "no document of {limit} bytes");
    }
}

/// The C API promises verification and inspection under 32 KiB of stack: checked on a
/// thread with 32 KiB in all (its own bookkeeping takes about 5), on the largest documents
/// and on every decoding path (small buffers, then the full-size ones; dynamic, fixed and
/// stored blocks), through the Rust and the C entry points. Unoptimised builds use far
/// larger frames (about 50 KiB here), so the bound holds for optimised ones only. The
/// largest accepted token (`UserSig::MAX_LEN` characters, a stored 3124-byte document) and
/// the largest document (4096 bytes, compressed) are both among them; tokens over the length
/// limit are refused before anything is decoded.
#[test]
fn verify_and_inspect_fit_in_32_kib_of_stack() {
    use livesign::ffi::trtc::{livesign_usersig_info, livesign_usersig_inspect, livesign_usersig_verify};
    let mut tokens = Vec::new();
    for doc in [doc_of_len(4096, letter), doc_of_len(4096, |_| b'p'), doc_of_len(3124, letter), doc_of_len(700, letter)]
    {
        for level in [0, 1, 9] {
            tokens.push(tok::token_of(&doc, level));
        }
    }
    assert!(tokens.iter().any(|t| t.len() == UserSig::MAX_LEN), "no token of the largest accepted length");
    assert!(tokens.iter().any(|t| t.len() > UserSig::MAX_LEN), "no token over the limit");
    std::thread::Builder::new()
        .stack_size(if cfg!(debug_assertions) { 128 } else { 32 } * 1024)
        .spawn(move || {
            let k = HmacKey::new(KEY).unwrap();
            let mut info: Box<std::mem::MaybeUninit<livesign_usersig_info>> = Box::new_uninit();
            for t in &tokens {
                let accepted = t.len() <= UserSig::MAX_LEN;
                let (want, c_want) =
                    if accepted { (Ok(()), 0) } else { (Err(Error::InvalidArgument), Error::InvalidArgument.code()) };
                assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).map(drop), want);
                assert_eq!(usersig_inspect(t.as_bytes()).map(drop), want);
                // SAFETY: valid pointers and lengths; `info` is writable.
                unsafe {
                    let s = livesign_usersig_verify(
                        APP,
                        KEY.as_ptr(),
                        KEY.len(),
                        b"u".as_ptr(),
                        1,
                        t.as_ptr(),
                        t.len(),
                        T,
                        0,
                        info.as_mut_ptr(),
                    );
                    assert_eq!(s as u32, c_want);
                    assert_eq!(livesign_usersig_inspect(t.as_ptr(), t.len(), info.as_mut_ptr()) as u32, c_want);
                }
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn expiry_boundaries_saturate() {
    let k = HmacKey::new(KEY).unwrap();
    // Tokens past INT64_MAX are not livesign's (it refuses to write them, since the official
    // verifiers read int64) but other SDKs' (Python's integers have no bound).
    let foreign = |expire: u64, time: u64| {
        let sig = tok::sig(KEY, "u", APP, time, expire, None);
        let doc = format!(
            r#"{{"TLS.ver": "2.0", "TLS.identifier": "u", "TLS.sdkappid": {APP}, "TLS.expire": {expire}, "TLS.time": {time}, "TLS.sig": "{sig}"}}"#
        );
        tok::token_of(doc.as_bytes(), 6)
    };
    let near_end = u64::MAX - 5;
    assert_eq!(UserSig::new(&k, APP, "u", 10, near_end, b"").map(drop), Err(Error::InvalidArgument));
    let t = foreign(10, near_end);
    let info = usersig_verify(&k, APP, "u", t.as_bytes(), u64::MAX, 0).unwrap();
    assert_eq!(info.expires_at(), u64::MAX, "time + expire saturates instead of wrapping into the past");
    let t = foreign(u64::MAX, u64::MAX);
    assert!(usersig_verify(&k, APP, "u", t.as_bytes(), u64::MAX, u32::MAX).is_ok());
    // The latest token livesign writes.
    let t = UserSig::new(&k, APP, "u", 10, UserSig::MAX_EXPIRES_AT - 10, b"").unwrap();
    assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), u64::MAX, 0).map(|i| i.expires_at()), Err(Error::Expired));
    let info = usersig_verify(&k, APP, "u", t.as_bytes(), UserSig::MAX_EXPIRES_AT, 0).unwrap();
    assert_eq!(info.expires_at(), i64::MAX as u64);
    // expire 0 is valid in its own second only.
    let t = UserSig::new(&k, APP, "u", 0, T, b"").unwrap();
    assert!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).is_ok());
    assert_eq!(usersig_verify(&k, APP, "u", t.as_bytes(), T + 1, 0).map(|_| ()), Err(Error::Expired));
    assert!(usersig_verify(&k, APP, "u", t.as_bytes(), T + 1, 1).is_ok());
    // The leeway saturates too.
    let t = foreign(1, u64::MAX - 1);
    assert!(usersig_verify(&k, APP, "u", t.as_bytes(), u64::MAX, u32::MAX).is_ok());
    // A token issued in the future is accepted, as the official verifiers accept it.
    let t = UserSig::new(&k, APP, "u", 60, T + 3600, b"").unwrap();
    assert!(usersig_verify(&k, APP, "u", t.as_bytes(), T, 0).is_ok());
}

/// Every position, every other character of the alphabet (and a few outside it): a
/// livesign (or Go: the same stored format) token changed in one character never verifies.
/// This reaches the bits that random changes rarely hit, such as the padding bits of the
/// stored block headers, which livesign requires to be zero for exactly this reason.
///
/// Huffman-compressed tokens (Python, Node, C++) are different: deflate is not canonical, and
/// a match may point at another identical copy of the same bytes. Such a change decodes to the
/// very same document, so the claims and their signature are untouched (anyone could also just
/// recompress the document); for those tokens the test checks exactly that.
#[test]
fn every_single_character_substitution_fails() {
    let k = HmacKey::new(KEY).unwrap();
    let mut tokens: Vec<(u64, String, Vec<u8>, HmacKey, u64)> = vec![
        (
            APP,
            "xiaojun".into(),
            UserSig::new(&k, APP, "xiaojun", 86400, T, b"").unwrap().as_bytes().to_vec(),
            k.clone(),
            T,
        ),
        (
            APP,
            "用户".into(),
            UserSig::new(&k, APP, "用户", 86400, T, b"\x00\xff").unwrap().as_bytes().to_vec(),
            k.clone(),
            T,
        ),
    ];
    // One official token of each implementation (c7: with a userbuf).
    for v in tok::vectors().into_iter().filter(|v| v.case.starts_with("c7")) {
        tokens.push((v.sdkappid, v.identifier.clone(), v.usersig.clone().into_bytes(), key(&v), v.time));
    }
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_+/= ";
    let (mut tried, mut same_document) = (0, 0);
    for (sdkappid, id, t, k, now) in &tokens {
        assert!(usersig_verify(k, *sdkappid, id, t, *now, 0).is_ok());
        let stored = tok::zlib_of(std::str::from_utf8(t).unwrap())[2] & 0b110 == 0;
        for i in 0..t.len() {
            for &c in alphabet {
                if c == t[i] {
                    continue;
                }
                let mut bad = t.clone();
                bad[i] = c;
                tried += 1;
                if usersig_verify(k, *sdkappid, id, &bad, *now, 0).is_err() {
                    continue;
                }
                let (t, bad) = (std::str::from_utf8(t).unwrap(), std::str::from_utf8(&bad).unwrap());
                assert!(!stored, "{id}: character {i} of a stored token changed to {:?} still verifies", c as char);
                assert_eq!(
                    tok::doc_of(bad),
                    tok::doc_of(t),
                    "a changed compressed token verified with another document"
                );
                same_document += 1;
            }
        }
    }
    assert!(tried > 50_000, "{tried}");
    assert!(same_document < 50, "{same_document} equivalent encodings: suspiciously many");
}

fn identifier() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9_-]{0,32}",
        "\\PC{0,40}",
        proptest::collection::vec(proptest::char::any(), 0..60).prop_map(|c| c.into_iter().collect::<String>()),
    ]
    .prop_filter("at most 256 bytes", |s| s.len() <= UserSig::MAX_IDENTIFIER_LEN)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn round_trip(
        id in identifier(),
        userbuf in proptest::collection::vec(any::<u8>(), 0..200),
        sdkappid in any::<u64>(),
        expire in prop_oneof![Just(0u64), 0..100_000_000u64, Just(UserSig::MAX_EXPIRES_AT / 2 + 1)],
        now in prop_oneof![Just(0u64), 1_600_000_000..1_900_000_000u64, Just(UserSig::MAX_EXPIRES_AT / 2)],
    ) {
        let k = HmacKey::new(KEY).unwrap();
        let t = UserSig::new(&k, sdkappid, &id, expire, now, &userbuf).unwrap();
        prop_assert_eq!(usersig_len(sdkappid, &id, expire, now, userbuf.len()), Ok(t.as_bytes().len()));
        let info = usersig_verify(&k, sdkappid, &id, t.as_bytes(), now, 0).unwrap();
        prop_assert_eq!(info.identifier(), &*id);
        prop_assert_eq!(info.userbuf(), (!userbuf.is_empty()).then_some(&userbuf[..]));
        prop_assert_eq!((info.sdkappid(), info.time(), info.expire()), (sdkappid, now, expire));
        // An independent decoder agrees on every member and on the signature.
        let doc = tok::json(&tok::doc_of(t.as_str()));
        prop_assert_eq!(doc["TLS.sig"].as_str().unwrap(), tok::sig(KEY, &id, sdkappid, now, expire, (!userbuf.is_empty()).then_some(&userbuf[..])));
        prop_assert_eq!(doc["TLS.identifier"].as_str().unwrap_or(""), &*id);
        // Every token livesign writes ends by INT64_MAX, so its next second exists.
        prop_assert_eq!(usersig_verify(&k, sdkappid, &id, t.as_bytes(), now + expire + 1, 0).map(|_| ()), Err(Error::Expired));
    }

    #[test]
    fn any_one_byte_change_fails(
        id in identifier(),
        userbuf in proptest::collection::vec(any::<u8>(), 0..40),
        at in any::<usize>(),
        to in any::<u8>(),
    ) {
        let k = HmacKey::new(KEY).unwrap();
        let t = UserSig::new(&k, APP, &id, 86400, T, &userbuf).unwrap();
        let mut bad = t.as_bytes().to_vec();
        let i = at % bad.len();
        prop_assume!(bad[i] != to);
        bad[i] = to;
        let r = usersig_verify(&k, APP, &id, &bad, T, 0);
        prop_assert!(r.is_err(), "byte {} changed to {:?} still verifies", i, to as char);
        // Truncations fail too.
        prop_assert!(usersig_verify(&k, APP, &id, &t.as_bytes()[..i], T, 0).is_err());
    }

    #[test]
    fn arbitrary_input_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let k = HmacKey::new(KEY).unwrap();
        let _ = usersig_inspect(&bytes);
        let _ = usersig_verify(&k, APP, "u", &bytes, T, 0);
    }

    #[test]
    fn corrupted_compressed_tokens_never_verify(
        level in 0u8..10,
        at in any::<usize>(),
        x in 1u8..=255,
    ) {
        let sig = tok::sig(KEY, "u", APP, T, 3600, None);
        let doc = format!(r#"{{"TLS.ver": "2.0", "TLS.identifier": "u", "TLS.sdkappid": {APP}, "TLS.expire": 3600, "TLS.time": {T}, "TLS.sig": "{sig}"}}"#);
        let mut z = miniz_oxide::deflate::compress_to_vec_zlib(doc.as_bytes(), level);
        let k = HmacKey::new(KEY).unwrap();
        let good = tok::to_tencent(&tok::b64(&z));
        prop_assert!(usersig_verify(&k, APP, "u", good.as_bytes(), T, 0).is_ok());
        let i = at % z.len();
        z[i] ^= x;
        let bad = tok::to_tencent(&tok::b64(&z));
        let result = usersig_verify(&k, APP, "u", bad.as_bytes(), T, 0);
        // A change that zlib itself reads as the same document (e.g. the header's FLEVEL bits,
        // which are informational) is another spelling of the same token, not a forgery: the
        // official verifiers accept it too. Every other change must fail.
        let same_document = miniz_oxide::inflate::decompress_to_vec_zlib(&z).is_ok_and(|d| d == doc.as_bytes());
        if !same_document {
            prop_assert!(result.is_err(), "a corrupted document verified: byte {i} ^ {x:#x}");
        }
    }
}
