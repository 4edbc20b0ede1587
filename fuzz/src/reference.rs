//! Independent implementations the invariants compare livesign with: the RustCrypto crates'
//! high-level APIs, the `base64` crate and `serde_json`, none of which livesign's own code uses.

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use hmac::{KeyInit, Mac};
use md5::Digest;

/// The base64 crate's strict engine: standard alphabet, `=` padding required and canonical,
/// no stray bits in the last symbol. Exactly the language livesign decodes.
pub const STRICT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(false),
);

/// Maps Tencent base64 text onto standard base64 text and back: swaps `*`/`+`, `-`/`/` and
/// `_`/`=`. A swap (not a one-way replacement) keeps it a bijection, so a `+` in Tencent text
/// becomes a `*` that the standard decoder refuses, as livesign's Tencent decoder must.
pub fn swap_alphabet(s: &[u8]) -> Vec<u8> {
    s.iter()
        .map(|&c| match c {
            b'*' => b'+',
            b'+' => b'*',
            b'-' => b'/',
            b'/' => b'-',
            b'_' => b'=',
            b'=' => b'_',
            c => c,
        })
        .collect()
}

/// Standard base64 of `bytes`.
pub fn base64_encode(bytes: &[u8]) -> String {
    STRICT.encode(bytes)
}

/// Strict standard base64 decoding.
pub fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    STRICT.decode(text).ok()
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Tencent CSS `sign`: lowercase hex MD5(key + decimal t).
pub fn tencent_sign(key: &[u8], t: u64) -> String {
    let mut h = md5::Md5::new();
    h.update(key);
    h.update(t.to_string().as_bytes());
    hex(&h.finalize())
}

/// HMAC-SHA256.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    m.update(msg);
    m.finalize().into_bytes().into()
}

/// `now <= expiry + leeway`, computed in 128 bits so nothing saturates or wraps.
pub fn fresh(expiry: u64, now: u64, leeway: u32) -> bool {
    u128::from(now) <= u128::from(expiry) + u128::from(leeway)
}

/// How deeply a JSON value nests (a scalar is 0, `[]` and `{}` are 1).
pub fn json_depth(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Array(a) => 1 + a.iter().map(json_depth).max().unwrap_or(0),
        serde_json::Value::Object(o) => 1 + o.values().map(json_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Percent-decoding (`%XX`, either case), byte for byte; `None` for a broken escape.
pub fn percent_decode(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' {
            let hex = std::str::from_utf8(s.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Some(out)
}
