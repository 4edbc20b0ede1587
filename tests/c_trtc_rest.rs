//! The C test of the TRTC REST API (`tests/c/trtc_rest.c`, fed seed 002's error table).

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
