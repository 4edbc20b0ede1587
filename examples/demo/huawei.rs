//! Huawei Cloud Live: seed 004's stream notification verified through the C API, an
//! out-of-order PUBLISH_DONE / PUBLISH pair put in order, and the URL validation examples of
//! Huawei's documentation (including the `.sdp` one the document gets wrong).

use livesign::HmacKey;
use livesign::ffi::huawei::*;
use livesign::ffi::status::livesign_status;
use livesign::huawei::{self, TimeFormat};

use super::text;

/// A notification key (Huawei's console takes 32 to 128 characters).
const KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
/// Seed 004's example: `auth_timestamp` six seconds after the push started.
const AUTH_TS: u64 = 1587954140;
/// The URL validation key of Huawei's documentation.
const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";

fn body(event: &str, sign: &str) -> String {
    format!(
        r#"{{"domain":"push.example.com","app":"live","stream":"example_stream","user_args":"cdn=hw","client_ip":"100.111.*.*","node_ip":"112.11.*.*","publish_timestamp":"1587954134","event":"{event}","auth_timestamp":{AUTH_TS},"auth_sign":"{sign}"}}"#
    )
}

fn verify(body: &str, now: u64) -> (livesign_status, livesign_huawei_event) {
    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
    // SAFETY: KEY and body are valid for their lengths; ev is writable (always filled).
    let st = unsafe {
        livesign_huawei_callback_verify(
            KEY.as_ptr(),
            KEY.len(),
            body.as_ptr(),
            body.len(),
            now,
            LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S,
            ev.as_mut_ptr(),
        )
    };
    // SAFETY: livesign_huawei_callback_verify writes the event on every path.
    (st, unsafe { ev.assume_init() })
}

fn show(s: livesign::ffi::slice::livesign_slice) -> String {
    if s.ptr.is_null() {
        return String::new();
    }
    // SAFETY: the slice points into a body that is still alive.
    String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(s.ptr, s.len) }).into_owned()
}

fn apply(state: &mut livesign_huawei_stream, ev: &livesign_huawei_event) -> &'static str {
    let mut verdict = 0;
    // SAFETY: all three pointers are valid.
    let st = unsafe { livesign_huawei_stream_apply(state, ev, &mut verdict) };
    match (st, verdict) {
        (livesign_status::LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_LIVE) => "LIVE",
        (livesign_status::LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_ENDED) => "ENDED",
        (livesign_status::LIVESIGN_OK, LIVESIGN_HUAWEI_STREAM_STALE) => "STALE (ignore it)",
        _ => "error",
    }
}

pub fn run() -> Result<(), livesign::Error> {
    let key = HmacKey::new(KEY)?;
    println!("Huawei Cloud Live stream status notification (seed 004 example)");
    let publish_sign = huawei::sign(&key, "PUBLISH", "push.example.com", "live", "example_stream", AUTH_TS)?;
    let done_sign = huawei::sign(&key, "PUBLISH_DONE", "push.example.com", "live", "example_stream", AUTH_TS)?;
    println!("  auth_sign = HMAC-SHA256(key, event + domain + app + stream + auth_timestamp) = {publish_sign}");
    let publish = body("PUBLISH", publish_sign.as_str());
    let mut forged = publish_sign.to_string().into_bytes();
    forged[0] = if forged[0] == b'0' { b'1' } else { b'0' };
    let forged = body("PUBLISH", std::str::from_utf8(&forged).unwrap_or_default());
    println!("Verification (leeway {LIVESIGN_HUAWEI_DEFAULT_LEEWAY_S} s) through the C API:");
    for (what, b, now) in [
        ("the notification, 10 s after auth_timestamp", &publish, AUTH_TS + 10),
        ("forged auth_sign (one character changed)", &forged, AUTH_TS + 10),
        ("the notification replayed 6 minutes later", &publish, AUTH_TS + 360),
    ] {
        let (st, ev) = verify(b, now);
        println!("  {what:<44} -> {:<28} ({})", format!("{st:?}"), text(st));
        if st == livesign_status::LIVESIGN_OK {
            println!(
                "    event={} domain={} app={} stream={} publish_timestamp={}",
                show(ev.event_text),
                show(ev.domain),
                show(ev.app),
                show(ev.stream),
                ev.publish_time
            );
            let mut id = [0u8; 128];
            let mut len = 0;
            // SAFETY: ev is a verified event whose body is alive; id holds 128 bytes.
            let st = unsafe { livesign_huawei_replay_id(&ev, id.as_mut_ptr(), id.len(), &mut len) };
            if st == livesign_status::LIVESIGN_OK {
                println!("    replay id (signed fields: seen before = drop): {}", String::from_utf8_lossy(&id[..len]));
            }
            // SAFETY: as above.
            let st = unsafe { livesign_huawei_event_id(&ev, id.as_mut_ptr(), id.len(), &mut len) };
            if st == livesign_status::LIVESIGN_OK {
                println!("    event id (for idempotency): {}", String::from_utf8_lossy(&id[..len]));
            }
        }
    }
    println!();

    println!("Out-of-order pair: the session's PUBLISH_DONE arrives before its PUBLISH");
    let done = body("PUBLISH_DONE", done_sign.as_str());
    let (_, done_ev) = verify(&done, AUTH_TS + 1);
    let (_, publish_ev) = verify(&publish, AUTH_TS + 2);
    let mut state = livesign_huawei_stream::default();
    println!("  PUBLISH_DONE publish_timestamp={} -> {}", done_ev.publish_time, apply(&mut state, &done_ev));
    println!("  PUBLISH      publish_timestamp={} -> {}", publish_ev.publish_time, apply(&mut state, &publish_ev));
    println!(
        "  stream state: {} at publish_timestamp {} (a late PUBLISH never revives an ended session)",
        if state.state == LIVESIGN_HUAWEI_STREAM_ENDED { "ENDED" } else { "LIVE" },
        state.publish_timestamp
    );
    println!();

    println!("URL validation (Huawei's documented examples and key)");
    let rand = "477b3bbc253f467b8def6711128c7bec";
    for uri in ["/livetest/huawei1.flv", "/livetest/huawei1.sdp"] {
        let q = huawei::url_a_build(URL_KEY, uri, 1592639100, TimeFormat::Decimal, rand, "0")?;
        println!("  method A {uri}?{q}");
    }
    let doc_sdp = format!("/livetest/huawei1.sdp?auth_key=1592639100-{rand}-0-dd1b5ffa00cf26acec0c169ae1cfabea");
    let st = huawei::url_a_verify(&[URL_KEY], doc_sdp.as_bytes(), TimeFormat::Decimal, 1592639100, 1800, 0);
    println!(
        "  the doc's .sdp hash (a copy of the .flv one) -> {}",
        st.map_or_else(|e| e.to_string(), |_| "ok".into())
    );
    // Method B: Huawei's example (txTime 5eed5888, duration 1249 s), a backup key in front.
    let b = huawei::url_b_build(URL_KEY, "huawei1", 0x5eed5888)?;
    let b_url = format!("http://test-play.example.com/livetest/huawei1.flv?{b}");
    println!("  method B {b_url}");
    let ring: [&[u8]; 2] = [b"0ther0therOTHER0ther0therOTHER00", URL_KEY];
    for now in [0x5eed5888 + 1248, 0x5eed5888 + 1249] {
        let st = huawei::url_b_verify(&ring, "huawei1", b_url.as_bytes(), now, 1249, 0);
        println!(
            "    at txTime + {:4} s -> {}",
            now - 0x5eed5888,
            st.map_or_else(|e| e.to_string(), |k| format!("ok, key {k}"))
        );
    }
    let d = huawei::url_d_build(&HmacKey::new(URL_KEY)?, "huawei1", 0x5eed5888)?;
    println!("  method D rtmp://push.example.com/livetest/huawei1?{d}");
    Ok(())
}
