//! The C test of the Alibaba API (`tests/c/alibaba.c`), run on the Alibaba vectors of
//! `others.json`.

mod support;

fn hex(s: &str) -> String {
    if s.is_empty() { "-".to_owned() } else { support::hex(s.as_bytes()) }
}

#[test]
fn c_alibaba() {
    let mut input = String::new();
    let mut count = 0;
    for v in support::vectors("others.json")["vectors"].as_array().unwrap() {
        let i = &v["inputs"];
        let t = |k: &str| i[k].as_str().unwrap();
        match v["algo"].as_str().unwrap() {
            "alibaba_url_auth_a" => {
                input += &format!(
                    "url_a {} {} {} {} {} {}\n",
                    hex(t("key")),
                    hex(t("uri")),
                    t("timestamp"),
                    hex(t("rand")),
                    hex(t("uid")),
                    v["query"].as_str().unwrap()
                )
            }
            "alibaba_live_callback" => {
                input += &format!(
                    "callback {} {} {} {}\n",
                    hex(t("key")),
                    hex(t("domain")),
                    t("timestamp"),
                    v["expected"].as_str().unwrap()
                )
            }
            _ => continue,
        }
        count += 1;
    }
    assert_eq!(count, 2, "others.json has two Alibaba vectors");
    let exe = support::c::build("alibaba");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains("2 vectors"), "{summary}");
}
