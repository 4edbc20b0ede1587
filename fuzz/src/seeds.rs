//! Seed corpora, built from the vector files (`tests/vectors/*.json`) and a few documented
//! examples, in each target's input layout. `tests/fuzz_regressions.rs` runs every seed through
//! its target's invariants on each `cargo test`, and writes them out as files for
//! `.ci/fuzz.sh` when `LIVESIGN_FUZZ_SEEDS` names a directory. Nothing here is committed as
//! a corpus: the seeds are rebuilt from the vectors each time.

use std::path::Path;

use serde_json::Value;

use super::{
    callback_signs, ffi, ffi_more, huawei_notify, inflate, rest, tencent, tencent_api, tencent_callback, tencent_url,
    trtc_callback, url_auth, usersig,
};

/// One seed input for one target.
pub struct Seed {
    /// The fuzz target (a name in [`super::TARGETS`]).
    pub target: &'static str,
    /// A file name, unique within the target.
    pub name: String,
    /// The input.
    pub bytes: Vec<u8>,
}

/// Seed 002's documented response envelope, and variants of it.
const ENVELOPES: [&str; 4] = [
    "{\n\"ActionStatus\": \"OK\",\n\"ErrorInfo\": \"\",\n\"ErrorCode\": 0,\n\"RequestId\": \"Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504\"\n}",
    r#"{"ActionStatus":"FAIL","ErrorInfo":"bad \"json\" \u00e9\ud83d\ude00","ErrorCode":60003,"RequestId":"Id-2","ErrorList":[{"To_Account":"a","ErrorCode":70107}]}"#,
    r#"{"ActionStatus":"FAIL","ErrorCode":60003,"ErrorCode":0,"ErrorInfo":"","RequestId":""}"#,
    r#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":-9223372036854775808,"RequestId":"x","Deep":[[[[{"a":1e400}]]]]}"#,
];

/// A real UserSig (Tencent base64 of a stored-zlib document) and seed 002's example shape.
const USERSIG: &[u8] = b"eJwtzM0KgkAUBeB3udtC7h1n-AJaV7J-hC3-Ukg*VXI_";

/// Every seed: the vectors' and the documented examples'.
pub fn all(vectors_dir: &Path) -> Vec<Seed> {
    let mut seeds = Vec::new();
    let mut add = |target: &'static str, name: String, bytes: Vec<u8>| {
        let name = format!("{name}-{}", seeds.iter().filter(|s: &&Seed| s.target == target).count());
        seeds.push(Seed { target, name, bytes });
    };
    let mut files: Vec<_> = std::fs::read_dir(vectors_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", vectors_dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read(&path).unwrap();
        let doc: Value = serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        docs.push((stem.clone(), doc.clone()));
        add("json", stem.clone(), text);
        let mut strings = Vec::new();
        leaves(&doc, &mut strings);
        for s in strings {
            let b = s.as_bytes().to_vec();
            add("base64", stem.clone(), b.clone());
            if s.contains(['/', '?', '=']) {
                add("url", stem.clone(), b.clone());
            }
            if s.starts_with('{') {
                add("json", stem.clone(), b.clone());
                add("rest_response", stem.clone(), rest::response_seed(b"CallbackTs", &b));
            }
        }
        for v in doc["vectors"].as_array().into_iter().flatten() {
            vector_seeds(v, &mut add);
        }
    }
    for (i, envelope) in ENVELOPES.iter().enumerate() {
        let body = envelope.as_bytes();
        add("rest_response", "seed002".into(), rest::response_seed(b"ErrorList", body));
        add("json", "seed002".into(), body.to_vec());
        add("ffi", "seed002".into(), ffi::seed(11, u32::MAX, 0, 0, 0, b"", b"", b"", body));
        add("ffi", "seed002".into(), ffi::seed(12, u32::MAX, 0, 0, 0, b"ErrorList", b"", b"", body));
        add("base64", "seed002".into(), i.to_string().into_bytes());
    }
    let parts: [&[u8]; 4] = [b"", b"im_open_login_svc", b"account_import", b"administrator"];
    add("rest_url", "seed002".into(), rest::url_seed(1400000000, 99999999, 255, parts, USERSIG));
    let parts: [&[u8]; 4] = [b"adminapisgp.im.qcloud.com:443", b"s", b"c", "a b&c=d/é~._-".as_bytes()];
    add("rest_url", "seed002".into(), rest::url_seed(u64::MAX, u32::MAX, 40, parts, b"AA__"));
    let url_d = [&b"administrator\n"[..], USERSIG].concat();
    add("ffi", "seed002".into(), ffi::seed(10, u32::MAX, 1400000000, 99999999, 250, b"", b"svc", b"cmd", &url_d));
    for url in [
        &b"rtmp://push.example.com:1935/live/test?txSecret=ab&txTime=5C271099#frag"[..],
        b"https://push.example.com:8443/live/test.flv?txSecret=ab&txTime=5C271099#frag",
        b"rtmp://h/live/test?txSecret=ab&txTime=5C271099&x=/room2",
        b"/live/t.flv?a=1&a=2&b",
        b"/live/t.flv?txTime=1&TX%54ime=2&b",
    ] {
        add("url", "example".into(), url.to_vec());
    }
    add("ffi", "misc".into(), ffi::seed(13, 0, 60007, 0, 3, b"", b"", b"", b""));
    add("ffi", "null".into(), ffi::seed(2, 0b01, 0, 0, 0, b"key", b"", b"", b""));
    for (target, seeder) in SEEDERS {
        for (name, bytes) in seeder(&docs) {
            add(target, name, bytes);
        }
    }
    seeds
}

/// The parsed vector files: (file stem, document).
pub type Vectors = [(String, Value)];

/// A target's seed builder: (name, input) pairs from the vectors.
type Seeder = fn(&Vectors) -> Vec<(String, Vec<u8>)>;

/// The targets whose seeds their own module builds from the vectors.
const SEEDERS: &[(&str, Seeder)] = &[
    ("inflate", inflate::seeds),
    ("tencent_callback", tencent_callback::seeds),
    ("tencent_url", tencent_url::seeds),
    ("tencent_api", tencent_api::seeds),
    ("usersig", usersig::seeds),
    ("huawei_notify", huawei_notify::seeds),
    ("url_auth", url_auth::seeds),
    ("callback_signs", callback_signs::seeds),
    ("ffi", ffi_more::seeds),
];

/// Every vector of a file: the objects of its `vectors` array and of the `vectors` arrays one
/// level down (tx_url.json groups its vectors by scheme).
pub fn vectors_of<'a>(docs: &'a Vectors, stem: &str) -> Vec<&'a Value> {
    let Some((_, doc)) = docs.iter().find(|(s, _)| s == stem) else { return Vec::new() };
    let mut out: Vec<&Value> = doc["vectors"].as_array().into_iter().flatten().collect();
    for group in doc.as_object().into_iter().flat_map(|o| o.values()) {
        out.extend(group["vectors"].as_array().into_iter().flatten());
    }
    out
}

/// A string member of a vector as bytes (empty when absent).
pub fn bytes(v: &Value, path: &[&str]) -> Vec<u8> {
    let mut x = v;
    for p in path {
        x = &x[*p];
    }
    match x {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Number(n) => n.to_string().into_bytes(),
        _ => Vec::new(),
    }
}

/// Every string in a JSON document.
fn leaves(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
        Value::Object(o) => o.values().for_each(|x| leaves(x, out)),
        _ => {}
    }
}

/// The target inputs one vector stands for.
fn vector_seeds(v: &Value, add: &mut impl FnMut(&'static str, String, Vec<u8>)) {
    let s = |x: &Value| x.as_str().map(|s| s.as_bytes().to_vec());
    // tencent_sign.json: {key, t, sign | status}.
    if let (Some(key), Some(t)) = (s(&v["key"]), v["t"].as_u64()) {
        let sign = s(&v["sign"]).unwrap_or_else(|| b"b17971b51ba0fe5916ddcd96692e9fb3".to_vec());
        add("tencent_verify", "tencent_sign".into(), tencent::seed(&key, t, t, 0, 0, &sign));
        add("tencent_verify", "tencent_sign".into(), tencent::seed(&key, t, t.wrapping_add(1), 0, 1, b""));
        add("ffi", "tencent_sign".into(), ffi::seed(0, u32::MAX, t, 0, 0, &key, b"", b"", b""));
        add("ffi", "tencent_sign".into(), ffi::seed(1, u32::MAX, t, t, 0, &key, &sign, b"", b""));
    }
    // others.json: TRTC event callbacks {inputs: {key, body}, expected}.
    if v["algo"] == "tencent_trtc_event_callback" {
        let (key, body, sign) =
            (s(&v["inputs"]["key"]).unwrap(), s(&v["inputs"]["body"]).unwrap(), s(&v["expected"]).unwrap());
        let sent =
            serde_json::from_slice::<Value>(&body).ok().and_then(|b| b["CallbackTs"].as_u64()).unwrap_or(0) / 1000;
        add("trtc_callback", "others".into(), trtc_callback::seed(0, sent + 300, 300, &key, &sign, &body));
        add("trtc_callback", "others".into(), trtc_callback::seed(1, sent + 301, 300, &key, b"", &body));
        add("trtc_callback", "others".into(), trtc_callback::seed(2, sent, 0, &key, b"", &body));
        add("json", "others".into(), body.clone());
        let ring = [&key[..], b",oldKey1"].concat();
        for op in 3..=9 {
            // The keyed operations read a context choice first: 1 = loaded from the key.
            let choices = if op == 5 || op == 7 { u32::MAX - 2 } else { u32::MAX };
            add("ffi", "others".into(), ffi::seed(op, choices, sent, 0, 300, &key, &sign, &ring, &body));
        }
        add("ffi", "others".into(), ffi::seed(8, u32::MAX, 0, 0, 2, &key, &sign, &ring, &body));
    }
}
