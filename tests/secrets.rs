//! Secret hygiene of the Rust side: `HmacKey` is zeroised when dropped (observed without
//! undefined behaviour), no public type that can hold key material shows it through `Debug`
//! or `Display`, errors carry no input, and every comparison of secret-derived bytes in
//! `src/` is one of the listed constant-time sites. (The C context `livesign_hmac_key` is
//! observed being wiped from C by `tests/c/hmac_key.c`.)

use core::mem::{MaybeUninit, size_of};
use std::path::Path;

use livesign::ffi::hmac_key::livesign_hmac_key;
use livesign::ffi::slice::livesign_slice;
use livesign::trtc::{callback, rest};
use livesign::{Error, HmacKey, tencent};

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
}

/// The source of `src/` without its `#[cfg(test)]` modules.
fn production_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                let code = src.split("#[cfg(test)]").next().unwrap().to_owned();
                out.push((path.to_string_lossy().into_owned(), code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out.sort();
    out
}

/// Every place `src/` compares secret-derived bytes, each with `text::ct_eq`. A new site must
/// be added here (and use `ct_eq`): the list is what the hardening note reports.
const CONSTANT_TIME_SITES: [(&str, &str); 5] = [
    ("src/tencent/sign.rs", "ct_eq(&digest(key, t), &claimed)"),
    ("src/tencent/sign.rs", "ct_eq(&self.0, &other.0)"),
    ("src/trtc/callback.rs", "ct_eq(&key.mac(&[body]), &claimed)"),
    ("src/trtc/callback.rs", "ct_eq(&key.mac(&[body]), c)"),
    ("src/trtc/callback.rs", "ct_eq(&self.0, &other.0)"),
];

#[test]
fn secret_comparisons_are_the_listed_constant_time_sites() {
    let sources = production_sources();
    let mut found = Vec::new();
    for (path, code) in &sources {
        let rel = &path[path.find("src/").unwrap()..];
        for line in code.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
            // text.rs defines ct_eq (over subtle's ConstantTimeEq).
            if line.contains("ct_eq(") && rel != "src/text.rs" && !line.starts_with("use ") {
                let site = CONSTANT_TIME_SITES.iter().find(|(f, s)| *f == rel && line.contains(s));
                assert!(site.is_some(), "unlisted ct_eq site in {rel}: {line}");
                found.push(site.unwrap());
            }
            // Digests, MACs and signs never meet `==` / `!=` outside ct_eq.
            let secret = ["mac(", "digest(", "md5(", "sha256(", "hmac_sha256"].iter().any(|s| line.contains(s));
            assert!(
                !(secret && (line.contains("==") || line.contains("!="))),
                "variable-time compare in {rel}: {line}"
            );
        }
    }
    found.sort();
    found.dedup();
    assert_eq!(found.len(), CONSTANT_TIME_SITES.len(), "a listed site disappeared: {found:?}");
    // The key and sign types compare in constant time or not at all.
    for (file, ty) in [
        ("src/tencent/sign.rs", "pub struct Sign"),
        ("src/trtc/callback.rs", "pub struct Sign"),
        ("src/digest/hmac.rs", "pub struct HmacKey"),
    ] {
        let code = &sources.iter().find(|(p, _)| p.ends_with(file)).unwrap().1;
        let before = &code[..code.find(ty).unwrap()];
        let derive = before.rsplit("#[derive(").next().unwrap();
        assert!(!derive.split(')').next().unwrap().contains("PartialEq"), "{file}: {ty} derives PartialEq");
    }
}
