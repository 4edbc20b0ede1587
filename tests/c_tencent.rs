//! The C test of Tencent `t + sign` and the common contract (`tests/c/tencent_sign.c`), run
//! on every vector of `tencent_sign.json`.

mod support;

#[test]
fn c_tencent_sign() {
    let doc = support::vectors("tencent_sign.json");
    let mut input = String::new();
    let vectors = doc["vectors"].as_array().unwrap();
    for v in vectors {
        let key = v["key"].as_str().unwrap().as_bytes();
        let key = if key.is_empty() { "-".to_owned() } else { support::hex(key) };
        let t = v["t"].as_u64().unwrap();
        match (v["sign"].as_str(), v["status"].as_str()) {
            (Some(sign), _) => input += &format!("{key} {t} sign {sign}\n"),
            (None, Some(status)) => input += &format!("{key} {t} status {}\n", support::status_named(status) as u32),
            _ => panic!("vector without sign or status: {v}"),
        }
    }
    let exe = support::c::build("tencent_sign");
    let summary = support::c::run(&exe, &[env!("CARGO_PKG_VERSION")], &input);
    assert!(summary.contains(&format!("{} vectors", vectors.len())), "{summary}");
}
