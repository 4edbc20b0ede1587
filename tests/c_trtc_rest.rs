//! The C tests of the TRTC REST API (`tests/c/trtc_rest.c`, fed seed 002's error table) and
//! of TRTC event callbacks (`tests/c/trtc_callback.c`, fed the `tencent.trtc.callback` vector
//! of `others.json`).

#[path = "support/seed_002.rs"]
mod seed_002;
mod support;

#[test]
fn c_trtc_rest() {
    let input: String = seed_002::CODES.iter().map(|(code, text)| format!("{code} {text}\n")).collect();
    let exe = support::c::build("trtc_rest");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains(&format!("{} codes", seed_002::CODES.len())), "{summary}");
}

#[test]
fn c_trtc_callback() {
    let doc = support::vectors("others.json");
    let mut input = String::new();
    for v in doc["vectors"].as_array().unwrap().iter().filter(|v| v["algo"] == "tencent_trtc_event_callback") {
        let key = v["inputs"]["key"].as_str().unwrap();
        let body = v["inputs"]["body"].as_str().unwrap();
        let sign = v["expected"].as_str().unwrap();
        input += &format!("{key} {} {sign}\n", support::hex(body.as_bytes()));
    }
    assert_eq!(input.lines().count(), 1, "others.json has one TRTC callback vector: review this test if it changed");
    let exe = support::c::build("trtc_callback");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains("1 vectors"), "{summary}");
}
