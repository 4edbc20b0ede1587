//! Secret hygiene of the Rust side: `HmacKey` is zeroised when dropped (observed without
//! undefined behaviour), no public type that can hold key material shows it through `Debug`
//! or `Display`, errors carry no input, and every comparison of secret-derived bytes in
//! `src/` is one of the listed constant-time sites. (The C context `livesign_hmac_key` is
//! observed being wiped from C by `tests/c/hmac_key.c`.)

use core::mem::{MaybeUninit, size_of};
use std::path::Path;

use livesign::ffi::hmac_key::livesign_hmac_key;
use livesign::ffi::slice::livesign_slice;
use livesign::trtc::{self, UserSig, callback, rest};
use livesign::{Error, HmacKey, alibaba, huawei, tencent};

const KEY: &[u8] = b"Key9SecretMaterial0123456789abcd";

/// `HmacKey` is two SHA-256 states and a length: 72 bytes, no padding, so all of its bytes
/// can be read as `u8` at any time.
const HMAC_KEY_SIZE: usize = 32 + 32 + 8;
const _: () = assert!(size_of::<HmacKey>() == HMAC_KEY_SIZE);

fn bytes_of(slot: &MaybeUninit<HmacKey>) -> [u8; HMAC_KEY_SIZE] {
    // SAFETY: the slot holds HMAC_KEY_SIZE initialised bytes (a value without padding, or what
    // its Drop left behind); MaybeUninit keeps the storage alive after the drop, and reading
    // it as plain bytes asserts nothing about the dropped value.
    unsafe { core::ptr::read(slot.as_ptr().cast::<[u8; HMAC_KEY_SIZE]>()) }
}

/// Drops the key in place and returns its bytes before and after.
fn drop_and_observe(key: HmacKey) -> ([u8; HMAC_KEY_SIZE], [u8; HMAC_KEY_SIZE]) {
    let mut slot = MaybeUninit::new(key);
    let before = bytes_of(&slot);
    // SAFETY: the slot holds a live HmacKey, dropped exactly once here and never used again.
    unsafe { core::ptr::drop_in_place(slot.as_mut_ptr()) };
    (before, bytes_of(&slot))
}

/// Asserts that only the 8 bytes of `key_len` survive a drop: both states are zero.
fn assert_zeroised(before: &[u8; HMAC_KEY_SIZE], after: &[u8; HMAC_KEY_SIZE], key_len: usize) {
    let len_bytes = key_len.to_ne_bytes();
    let at = (0..HMAC_KEY_SIZE)
        .step_by(8)
        .find(|&i| before[i..i + 8] == len_bytes && after[i..i + 8] == len_bytes)
        .expect("the key length field");
    let states = |b: &[u8; HMAC_KEY_SIZE]| [&b[..at], &b[at + 8..]].concat();
    assert!(states(before).iter().filter(|&&b| b != 0).count() > 32, "a live key holds its states");
    assert!(states(after).iter().all(|&b| b == 0), "dropping left key material: {after:02x?}");
}

#[test]
fn hmac_key_is_zeroised_on_drop() {
    for key in [KEY, b"k", &[0xa5; 64], &[0x5a; 200]] {
        let (before, after) = drop_and_observe(HmacKey::new(key).unwrap());
        assert_zeroised(&before, &after, key.len());
    }
}

#[test]
fn every_clone_is_zeroised_on_drop_and_leaves_the_original_intact() {
    let original = HmacKey::new(KEY).unwrap();
    let (before, after) = drop_and_observe(original.clone());
    assert_zeroised(&before, &after, KEY.len());
    let body = b"{}";
    assert_eq!(callback::sign_keyed(&original, body).unwrap(), callback::sign(KEY, body).unwrap());
}

/// Whether a type implements `Debug`, decided at compile time (an inherent associated const
/// wins over the blanket trait's when its bound holds).
trait NoDebug {
    const DEBUG: bool = false;
}
impl<T: ?Sized> NoDebug for T {}
struct Probe<T: ?Sized>(core::marker::PhantomData<T>);
impl<T: ?Sized + core::fmt::Debug> Probe<T> {
    const DEBUG: bool = true;
}

/// Every spelling of the key a formatter might produce.
fn leaks(text: &str) -> bool {
    let key = std::str::from_utf8(KEY).unwrap();
    let hex: String = KEY.iter().map(|b| format!("{b:02x}")).collect();
    let list = format!("{:?}", KEY);
    text.contains(key) || text.contains(&hex) || text.contains(&list[1..list.len() - 1]) || text.contains("Secret")
}

#[test]
fn types_that_hold_keys_never_show_them() {
    // HmacKey: only the length.
    let k = HmacKey::new(KEY).unwrap();
    let shown = format!("{k:?} {k:#?}");
    assert!(!leaks(&shown) && shown.contains("key_len: 32"), "{shown}");
    // The C context has no Debug at all (and no Display): nothing to print by mistake.
    const { assert!(!Probe::<livesign_hmac_key>::DEBUG) };
    // The probe sees Debug where there is one.
    const { assert!(Probe::<HmacKey>::DEBUG) };
    // A key ring element is a pointer and a length, never the bytes.
    let ring = [livesign_slice::of(KEY)];
    let shown = format!("{ring:?}");
    assert!(!leaks(&shown) && shown.contains("len: 32"), "{shown}");
    // A REST request carries the administrator's UserSig, which works like a password.
    let usersig = b"U2VjcmV0U2lnbmF0dXJlTWF0ZXJpYWw_";
    let r = rest::RequestUrl::new("svc", "cmd", 1, "admin", usersig, 7);
    let shown = format!("{r:?} {r:#?}");
    assert!(!shown.contains("U2VjcmV0") && shown.contains("<32 bytes>"), "{shown}");
    // A generated UserSig or PrivateMapKey is a bearer credential: only its length shows.
    let k = HmacKey::new(KEY).unwrap();
    for token in [
        UserSig::new(&k, 1400000000, "admin", 86400, 1700000000, b"").unwrap(),
        UserSig::private_map_key(&k, 1400000000, "admin", 86400, 1700000000, trtc::Room::Id(7), 255).unwrap(),
    ] {
        let shown = format!("{token:?} {token:#?}");
        assert!(!shown.contains(&token.as_str()[..12]) && shown.contains(" bytes>"), "{shown}");
    }
    // A loaded key in a key ring, or in any struct deriving Debug around it.
    let ring = [HmacKey::new(KEY).unwrap(), HmacKey::new(b"another key").unwrap()];
    let shown = format!("{ring:?} {ring:#?}");
    assert!(!leaks(&shown) && shown.contains("key_len: 32"), "{shown}");
    // The types that hold no key cannot show one: what a verifier returns is built from the
    // input (checked for a verified UserSig: its fields, never the key's bytes or states).
    let info = trtc::usersig_verify(
        &k,
        1400000000,
        "admin",
        UserSig::new(&k, 1400000000, "admin", 60, 1, b"").unwrap().as_bytes(),
        1,
        0,
    )
    .unwrap();
    let shown = format!("{info:?}");
    assert!(!leaks(&shown) && shown.contains("admin"), "{shown}");
}

#[test]
fn errors_carry_no_input() {
    let body = br#"{"CallbackTs":1}"#;
    let mut errors: Vec<Error> = vec![
        tencent::verify(KEY, 1, b"00000000000000000000000000000000", 0, 0).unwrap_err(),
        tencent::verify(KEY, 1, KEY, 0, 0).unwrap_err(),
        tencent::sign(b"", 1).unwrap_err(),
        callback::verify(KEY, body, b"AAAA").unwrap_err(),
        callback::verify(b"Key9Secret_", body, b"AAAA").unwrap_err(),
        callback::verify(KEY, body, callback::sign(b"Key9Other", body).unwrap().as_bytes()).unwrap_err(),
        callback::verify_ring(&[KEY, b"Key9Other"], body, KEY).unwrap_err(),
        callback::check_key(b"Key9 Secret").unwrap_err(),
        HmacKey::new(b"").unwrap_err(),
        rest::RequestUrl::new("svc", "cmd", 1, "admin", &[KEY, b"!"].concat(), 7).required_len().unwrap_err(),
        rest::Response::parse(KEY).unwrap_err(),
    ];
    errors.push(rest::RequestUrl::new("svc", "cmd", 1, "admin", b"AAAA", 7).write(&mut [0; 4]).unwrap_err());
    // Every other verifier, with the key in reach of its error.
    let hk = HmacKey::new(KEY).unwrap();
    let token = UserSig::new(&hk, 1, "u", 60, 1, b"").unwrap();
    let url = format!("/live/s?txSecret={}&txTime=5", "0".repeat(32));
    errors.extend([
        trtc::usersig_verify(&hk, 2, "u", token.as_bytes(), 1, 0).unwrap_err(),
        trtc::usersig_verify(&HmacKey::new(b"other").unwrap(), 1, "u", token.as_bytes(), 1, 0).unwrap_err(),
        trtc::usersig_inspect(KEY).unwrap_err(),
        tencent::callback::verify(KEY, br#"{"t":1,"sign":"00000000000000000000000000000000"}"#, 0, 0).unwrap_err(),
        tencent::url::verify(&[KEY], url.as_bytes(), 0, 0, 0).unwrap_err(),
        huawei::Notification::verify(&hk, b"{}", 0, 0).unwrap_err(),
        huawei::url_d_verify(std::slice::from_ref(&hk), "s", b"/a/s?hwSecret=00&hwTime=1", 0, 60, 0).unwrap_err(),
        huawei::url_b_verify(&[KEY], "s", url.as_bytes(), 0, 60, 0).unwrap_err(),
        huawei::record_md5_verify(KEY, 1, &[b'0'; 32], 0, 0).unwrap_err(),
        huawei::sparkrtc_verify(&hk, "r", "1700000000", b"{}", &[b'0'; 64], 0, 0).unwrap_err(),
        alibaba::callback_verify(KEY, "d", "1", &[b'0'; 32], 1, 0).unwrap_err(),
        alibaba::url_a_verify(&[KEY], b"/a/s?auth_key=1-0-0-00000000000000000000000000000000", 1, 60, 0).unwrap_err(),
    ]);
    for e in errors {
        let shown = format!("{e} {e:?} {e:#?}");
        assert!(!leaks(&shown), "{shown}");
        assert!(shown.len() < 120, "an error is a fixed message: {shown}");
    }
}

#[test]
fn signs_compare_equal_exactly_when_their_bytes_do() {
    // Their PartialEq is constant time (text::ct_eq): a sign is key-derived.
    let a = tencent::sign(KEY, 1).unwrap();
    assert_eq!(a, tencent::sign(KEY, 1).unwrap());
    assert_ne!(a, tencent::sign(KEY, 2).unwrap());
    let b = callback::sign(b"Key9", b"x").unwrap();
    assert_eq!(b, callback::sign(b"Key9", b"x").unwrap());
    assert_ne!(b, callback::sign(b"Key9", b"y").unwrap());
    // Built queries (constant-time PartialEq too): equal exactly when their text is.
    let q = |t| huawei::url_b_build(KEY, "s", t).unwrap();
    assert_eq!(q(0x5eed5888), q(0x5eed5888));
    assert_ne!(q(0x5eed5888), q(0x5eed5889));
    let a = |t| alibaba::url_a_build(KEY, "/a/s", t, "0", "0").unwrap();
    assert_ne!(a(0xf), a(0xff), "different lengths");
    let r = alibaba::url_a_build(KEY, "/a/s", 1, "0", "0").unwrap();
    assert_eq!(r, alibaba::url_a_build(KEY, "/a/s", 1, "0", "0").unwrap());
    assert_ne!(r, alibaba::url_a_build(KEY, "/a/t", 1, "0", "0").unwrap());
}

/// The source of `src/` without its `#[cfg(test)]` modules (wherever they sit in a file).
fn production_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                out.push((path.to_string_lossy().into_owned(), without_test_modules(&src)));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// `src` with every `#[cfg(test)] mod name { ... }` removed: braces are matched outside string
/// and character literals.
fn without_test_modules(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let open = after.find('{').expect("a test module has a body");
        rest = &after[open + matching_brace(&after[open..]) + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `}` that closes the `{` at the start of `s`.
fn matching_brace(s: &str) -> usize {
    let b = s.as_bytes();
    let find = |from: usize, pat: &[u8]| from + b[from..].windows(pat.len()).position(|w| w == pat).unwrap();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            // A raw string (no escapes): skip to its closing quote and hashes.
            b'"' if i > 0 && matches!(b[i - 1], b'r' | b'#') => {
                let hashes = b[..i].iter().rev().take_while(|&&c| c == b'#').count();
                let close = [&b"\""[..], &vec![b'#'; hashes]].concat();
                i = find(i + 1, &close) + close.len() - 1;
            }
            // A plain string: skip escapes up to the closing quote.
            b'"' => {
                i += 1;
                while b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            // A character literal ('{', '\'', '\u{7b}'), not a lifetime.
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'\'' if b.get(i + 1) == Some(&b'\\') => i = find(i + 3, b"'"),
            _ => {}
        }
        i += 1;
    }
    panic!("unbalanced braces")
}

/// Every place `src/` compares secret-derived bytes, each with `text::ct_eq` (verifiers with
/// `ct_eq_wipe`, which also wipes the MAC they computed): (file, the code on the line, what it
/// checks). A new site must be added here (and use one of them): the list is what the
/// hardening note reports.
const CONSTANT_TIME_SITES: [(&str, &str, &str); 18] = [
    (
        "src/alibaba/callback.rs",
        "ct_eq_wipe(&mut digest(key, domain, timestamp.as_bytes()), &claimed)",
        "Alibaba ALI-LIVE-SIGNATURE (MD5)",
    ),
    (
        "src/authkey.rs",
        "ct_eq_wipe(&mut digest(u.path, &parts, k), &claimed)",
        "auth_key md5hash: Huawei URL method A, Alibaba URL type A (every key of the ring)",
    ),
    ("src/huawei/notify.rs", "ct_eq_wipe(&mut expected, &claimed)", "Huawei notification auth_sign (HMAC-SHA256)"),
    (
        "src/huawei/record.rs",
        "ct_eq_wipe(&mut mac(key, f), &claimed)",
        "Huawei recording callback, HMACSHA256 sign type",
    ),
    (
        "src/huawei/record.rs",
        "ct_eq_wipe(&mut md5::md5(&[key, Decimal::new(auth_timestamp).as_bytes()]), &claimed)",
        "Huawei recording callback, MD5 sign type",
    ),
    (
        "src/huawei/sparkrtc.rs",
        "ct_eq_wipe(&mut key.mac(&[rand.as_bytes(), timestamp.as_bytes(), body]), &claimed)",
        "Huawei SparkRTC X-Rtc-Signature",
    ),
    (
        "src/huawei/url_d.rs",
        "ct_eq_wipe(&mut k.mac(&[stream.as_bytes(), time]), &claimed)",
        "Huawei URL method D hwSecret (every key of the ring)",
    ),
    (
        "src/tencent/sign.rs",
        "ct_eq_wipe(&mut digest(key, t), &claimed)",
        "Tencent t + sign (API calls and CSS event callbacks)",
    ),
    (
        "src/text.rs",
        "ct_eq(&self.0, &other.0)",
        "PartialEq of Hex<N>: every hex signature type (tencent::Sign, Huawei, Alibaba signs)",
    ),
    ("src/trtc/callback.rs", "ct_eq(&self.0, &other.0)", "PartialEq of the TRTC callback Sign"),
    (
        "src/trtc/callback.rs",
        "ct_eq_wipe(&mut key.mac(&[body]), &claimed)",
        "TRTC callback Sign (raw key and loaded key)",
    ),
    ("src/trtc/callback.rs", "ct_eq_wipe(&mut m, c)", "TRTC callback Sign, key ring (raw and loaded keys)"),
    (
        "src/trtc/usersig_verify.rs",
        "ct_eq_wipe(&mut mac, &fields.sig)",
        "UserSig / PrivateMapKey TLS.sig (HMAC-SHA256, over our identity or the token's own)",
    ),
    (
        "src/txsecret.rs",
        "ct_eq_wipe(&mut digest(key, path.stream, tx_time), &claimed)",
        "txSecret: Tencent push/play URLs, Huawei URL method B (every key of the ring)",
    ),
    (
        "src/url.rs",
        "ct_eq(self.as_bytes(), other.as_bytes())",
        "PartialEq of SignedQuery (built auth_key / txSecret / hwSecret queries)",
    ),
    (
        "src/text.rs",
        "fn ct_eq(a: &[u8], b: &[u8]) -> bool",
        "the definition: lengths are public, contents compared with subtle",
    ),
    (
        "src/text.rs",
        "fn ct_eq_wipe(expected: &mut [u8], claimed: &[u8]) -> bool",
        "ct_eq, then the verifier's own MAC is wiped (every verifier above but the PartialEqs)",
    ),
    ("src/text.rs", "let eq = ct_eq(expected, claimed);", "ct_eq_wipe's comparison"),
];

/// Words that mark a value derived from a key (a digest, a MAC, a signature being checked).
const SECRET_WORDS: [&str; 9] =
    ["mac(", "digest(", "md5(", "sha256(", "hmac_sha256", "claimed", "finish()", ".sig", "secret("];

#[test]
fn secret_comparisons_are_the_listed_constant_time_sites() {
    let sources = production_sources();
    let mut found = Vec::new();
    for (path, code) in &sources {
        let rel = &path[path.find("src/").unwrap()..];
        for line in code.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            // subtle's own `.ct_eq(` is what text::ct_eq is made of.
            let subtle_inside_ct_eq = rel == "src/text.rs" && line.contains(".ct_eq(");
            let ct = line.contains("ct_eq(") || line.contains("ct_eq_wipe(");
            if ct && !line.starts_with("use ") && !subtle_inside_ct_eq {
                let site = CONSTANT_TIME_SITES.iter().position(|(f, s, _)| *f == rel && line.contains(s));
                assert!(site.is_some(), "unlisted ct_eq site in {rel}: {line}");
                found.push(site.unwrap());
            }
            // Digests, MACs and signs never meet `==` / `!=` outside ct_eq.
            let secret = SECRET_WORDS.iter().any(|s| line.contains(s));
            let compares = line.contains("==") || line.contains("!=");
            assert!(!(secret && compares && !ct), "variable-time compare in {rel}: {line}");
        }
    }
    found.sort();
    found.dedup();
    let missing: Vec<_> = (0..CONSTANT_TIME_SITES.len()).filter(|i| !found.contains(i)).collect();
    assert!(
        missing.is_empty(),
        "listed sites disappeared: {:?}",
        missing.iter().map(|&i| CONSTANT_TIME_SITES[i]).collect::<Vec<_>>()
    );
    for (file, code, what) in CONSTANT_TIME_SITES {
        println!("{file}: {code}  // {what}");
    }
    // The key, sign and credential types compare in constant time or not at all.
    for (file, ty) in [
        ("src/text.rs", "pub struct Hex"),
        ("src/trtc/callback.rs", "pub struct Sign"),
        ("src/digest/hmac.rs", "pub struct HmacKey"),
        ("src/url.rs", "pub struct SignedQuery"),
        ("src/trtc/usersig.rs", "pub struct UserSig"),
        ("src/ffi/hmac_key.rs", "pub struct livesign_hmac_key"),
    ] {
        let code = &sources.iter().find(|(p, _)| p.ends_with(file)).unwrap().1;
        let before = &code[..code.find(ty).unwrap_or_else(|| panic!("{file}: no {ty}"))];
        let derive = before.rsplit("#[derive(").next().unwrap();
        assert!(!derive.split(')').next().unwrap().contains("PartialEq"), "{file}: {ty} derives PartialEq");
    }
}

#[test]
fn the_test_module_stripper_keeps_code_after_a_test_module() {
    let src =
        "a\n#[cfg(test)]\nmod tests {\n fn f() { let s = \"}{\"; let c = '}'; let q = '\\''; let r = r#\"}\"#; }\n}\nb";
    assert_eq!(without_test_modules(src), "a\n\nb");
}
