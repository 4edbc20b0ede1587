//! The C test of the Huawei API (`tests/c/huawei.c`), run on every vector of `huawei.json` and
//! the SparkRTC vector of `others.json`.

mod support;

use serde_json::Value;

fn hex(s: &str) -> String {
    if s.is_empty() { "-".to_owned() } else { support::hex(s.as_bytes()) }
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{}: {key}", v["id"]))
}

fn line(v: &Value) -> Option<String> {
    let i = &v["inputs"];
    let key = hex(s(i, "key"));
    Some(match s(v, "algo") {
        "huawei_stream_notify" => {
            let correct = v["correct_sign"].as_str().unwrap_or_else(|| s(v, "expected"));
            let presented = v["presented_sign"].as_str().unwrap_or(correct);
            let status = match &v["expected_valid"] {
                Value::Bool(false) => "3",
                _ => "0", // valid, or the either-case policy (accepted)
            };
            format!(
                "notify {key} {} {} {} {} {} {correct} {presented} {status}",
                hex(s(i, "event")),
                hex(s(i, "domain")),
                hex(s(i, "app")),
                hex(s(i, "stream")),
                i["auth_timestamp"].as_u64().unwrap()
            )
        }
        "huawei_url_auth_a" => {
            let ts = s(i, "timestamp");
            let format = if ts.bytes().all(|b| b.is_ascii_digit()) { 0 } else { 1 };
            let wrong = v["doc_erratum"].as_str().map_or("-".to_owned(), |e| {
                e.split(|c: char| !c.is_ascii_hexdigit()).find(|w| w.len() == 32).unwrap().to_owned()
            });
            format!(
                "url_a {key} {} {ts} {format} {} {} {} {wrong}",
                hex(s(i, "uri")),
                hex(s(i, "rand")),
                hex(s(i, "uid")),
                s(v, "query")
            )
        }
        "huawei_url_auth_b" => {
            let tx_time = s(i, "txTime");
            assert_eq!(s(v, "query"), format!("txSecret={}&txTime={tx_time}", s(v, "expected")));
            format!("url_b {key} {} {tx_time} {}", hex(s(i, "stream")), s(v, "expected"))
        }
        "huawei_url_auth_d" | "huawei_mss_a" => {
            let subject = i.get("stream").or(i.get("uri")).and_then(Value::as_str).unwrap();
            let wrong = v["must_not_equal"].as_str().unwrap_or("-");
            format!("url_d {key} {} {} {} {wrong}", hex(subject), s(i, "hwTime"), s(v, "expected"))
        }
        "huawei_record_callback_hmacsha256" => format!(
            "record {key} {} {} {} {} {} {} {} {}",
            s(i, "auth_timestamp"),
            hex(s(i, "event_type")),
            hex(s(i, "publish_domain")),
            hex(s(i, "app")),
            hex(s(i, "stream")),
            hex(s(i, "download_url")),
            hex(s(i, "play_url")),
            s(v, "expected")
        ),
        "huawei_record_callback_md5" => format!("record_md5 {key} {} {}", s(i, "auth_timestamp"), s(v, "expected")),
        "huawei_sparkrtc_record_callback" => format!(
            "sparkrtc {key} {} {} {} {}",
            hex(s(i, "X-Rtc-Rand")),
            hex(s(i, "X-Rtc-Timestamp")),
            hex(s(i, "body")),
            s(v, "expected")
        ),
        // Other providers.
        "tencent_trtc_event_callback" | "alibaba_live_callback" | "alibaba_url_auth_a" => {
            return None;
        }
        other => panic!("{}: unknown algo {other}", v["id"]),
    })
}

#[test]
fn c_huawei() {
    let mut input = String::new();
    let mut count = 0;
    for file in ["huawei.json", "others.json"] {
        for v in support::vectors(file)["vectors"].as_array().unwrap() {
            if let Some(l) = line(v) {
                input += &l;
                input.push('\n');
                count += 1;
            }
        }
    }
    assert_eq!(count, 17, "huawei.json has 16 vectors, others.json one SparkRTC vector");
    let exe = support::c::build("huawei");
    let summary = support::c::run(&exe, &[], &input);
    assert!(summary.contains(&format!("{count} vectors")), "{summary}");
}
