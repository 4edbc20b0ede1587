//! The C test of the Tencent CSS callbacks, URLs, legacy API and error catalog
//! (`tests/c/tencent_css.c`), run on every vector of `tx_url.json`.

mod support;

#[test]
fn c_tencent_css() {
    let doc = support::vectors("tx_url.json");
    let mut input = String::new();
    let token = |v: &serde_json::Value| {
        let s = v.as_str().unwrap();
        assert!(!s.is_empty() && !s.contains(char::is_whitespace), "the C driver reads tokens: {s:?}");
        s.to_owned()
    };
    let urls = doc["url_auth"]["vectors"].as_array().unwrap();
    for v in urls {
        input += &format!(
            "url {} {} {} {} {} {}\n",
            token(&v["key"]),
            token(&v["stream_name"]),
            v["expiry_unix"].as_u64().unwrap(),
            token(&v["tx_time"]),
            token(&v["tx_secret"]),
            token(&v["url"]),
        );
    }
    let callbacks = doc["callback_sign"]["vectors"].as_array().unwrap();
    for v in callbacks {
        input +=
            &format!("callback {} {} {}\n", token(&v["callback_key"]), v["t"].as_u64().unwrap(), token(&v["sign"]));
    }
    let exe = support::c::build("tencent_css");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains(&format!("{} vectors", urls.len() + callbacks.len())), "{summary}");
}
