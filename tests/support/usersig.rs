//! An independent UserSig toolkit for the tests (the `base64` and `miniz_oxide` crates,
//! serde_json, RustCrypto's `hmac`), so that livesign's own decoder is never checked against
//! itself.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{KeyInit, Mac};
use serde_json::Value;

/// One entry of `usersig.json`.
#[derive(Debug, Clone)]
pub struct Vector {
    pub case: String,
    pub imp: String,
    pub key: String,
    pub sdkappid: u64,
    pub identifier: String,
    pub expire: u64,
    pub time: u64,
    pub userbuf: Option<Vec<u8>>,
    pub usersig: String,
    pub hmac_content: String,
    pub sig_field: String,
    pub json_doc: String,
    pub zlib_header_hex: String,
    pub roomid: Option<u32>,
    pub roomstr: Option<String>,
    pub privilege: Option<u32>,
}

pub fn vectors() -> Vec<Vector> {
    let doc = super::vectors("usersig.json");
    doc["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k} in {v}")).to_owned();
            Vector {
                case: s("case"),
                imp: s("impl"),
                key: s("key"),
                sdkappid: v["sdkappid"].as_u64().unwrap(),
                identifier: s("identifier"),
                expire: v["expire"].as_u64().unwrap(),
                time: v["time"].as_u64().unwrap(),
                userbuf: v["userbuf_hex"].as_str().map(unhex),
                usersig: s("usersig"),
                hmac_content: s("hmac_content"),
                sig_field: s("sig_field"),
                json_doc: s("json_doc"),
                zlib_header_hex: s("zlib_header_hex"),
                roomid: v["roomid"].as_u64().map(|n| n as u32),
                roomstr: v["roomstr"].as_str().map(str::to_owned),
                privilege: v["privilege"].as_u64().map(|n| n as u32),
            }
        })
        .collect()
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// Tencent's alphabet to standard base64.
pub fn to_standard(token: &str) -> String {
    token.replace('*', "+").replace('-', "/").replace('_', "=")
}

/// Standard base64 to Tencent's alphabet.
pub fn to_tencent(b64: &str) -> String {
    b64.replace('+', "*").replace('/', "-").replace('=', "_")
}

/// The zlib stream inside a token.
pub fn zlib_of(token: &str) -> Vec<u8> {
    STANDARD.decode(to_standard(token)).expect("token base64")
}

/// The JSON document inside a token.
pub fn doc_of(token: &str) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec_zlib(&zlib_of(token)).expect("token zlib")
}

/// A token around any JSON document, compressed at `level` (0 = stored, 10 = max).
pub fn token_of(doc: &[u8], level: u8) -> String {
    to_tencent(&STANDARD.encode(miniz_oxide::deflate::compress_to_vec_zlib(doc, level)))
}

pub fn b64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// `TLS.sig` for the content of spec §1 step 2.
pub fn sig(key: &[u8], identifier: &str, sdkappid: u64, time: u64, expire: u64, userbuf: Option<&[u8]>) -> String {
    let mut content =
        format!("TLS.identifier:{identifier}\nTLS.sdkappid:{sdkappid}\nTLS.time:{time}\nTLS.expire:{expire}\n");
    if let Some(ub) = userbuf {
        content += &format!("TLS.userbuf:{}\n", b64(ub));
    }
    hmac_b64(key, content.as_bytes())
}

pub fn hmac_b64(key: &[u8], msg: &[u8]) -> String {
    let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    m.update(msg);
    b64(&m.finalize().into_bytes())
}

/// A parsed document.
pub fn json(doc: &[u8]) -> Value {
    serde_json::from_slice(doc).expect("token JSON")
}
