//! Tencent Cloud Live `t + sign` for the documented key, then a good, a forged and an expired
//! request checked through the C API, as a C program would see them; an event callback
//! verified; and a push URL with hotlink protection built and verified with a key ring.

use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent::{livesign_tencent_callback_verify, livesign_tencent_event, livesign_tencent_verify};
use livesign::ffi::tencent_url::{LIVESIGN_TENCENT_TX_TIME_HEX, livesign_tencent_url_verify_form};
use livesign::tencent::{self, callback, errors, url};

use super::text;

/// The CGI key of Tencent's worked example (seeds 001 and 003).
const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";
/// 2016-08-22 15:16:27 UTC+8 (the seed prints 15:17:27, a minute off; the integer is what is
/// signed): the request expires one minute after it was made.
const T: u64 = 1471850187;
/// 2016-08-22 15:15:27 UTC+8: when the request was made.
const NOW: u64 = T - 60;

pub fn run() -> Result<(), livesign::Error> {
    println!("Tencent Cloud Live t + sign (seed 003 example)");
    println!("  key  = the CGI key of Tencent's worked example (32 characters)");
    let sign = tencent::sign(KEY, T)?;
    println!("  t    = {T}");
    println!("  sign = {sign}");
    println!("  request query: ...&t={T}&sign={sign}");
    println!("  seed 000 (2021): t = 1626839220, sign = {}", tencent::sign(KEY, 1626839220)?);
    println!();

    let mut forged = *sign.as_bytes();
    forged[0] = if forged[0] == b'0' { b'1' } else { b'0' };
    let cases: [(&str, &[u8], u64); 3] = [
        ("good request, one minute before t", sign.as_bytes(), NOW),
        ("forged sign (one character changed)", &forged, NOW),
        ("good sign, received 2 s after t", sign.as_bytes(), T + 2),
    ];
    println!("Verification (now, leeway 0 s) through the C API:");
    for (what, s, now) in cases {
        // SAFETY: KEY and s are valid for the lengths passed.
        let status = unsafe { livesign_tencent_verify(KEY.as_ptr(), KEY.len(), T, s.as_ptr(), s.len(), now, 0) };
        println!("  {what:<40} now={now} -> {:<28} ({})", format!("{status:?}"), text(status));
    }
    println!();
    callbacks()?;
    println!();
    push_url()?;
    println!();
    println!("Error catalog: ret 1202 -> {:?}", errors::by_code(1202).map(|e| (e.message(), e.retry)));
    Ok(())
}

/// The callback key and `t` of the shared vector `callback_sign[0]`.
const CALLBACK_KEY: &[u8] = b"callbackKey123";
const CALLBACK_T: u64 = 1703732078;

fn callbacks() -> Result<(), livesign::Error> {
    println!("Tencent Cloud Live event callback (push started, event_type 1)");
    let sign = tencent::sign(CALLBACK_KEY, CALLBACK_T)?;
    let body = format!(
        r#"{{"app":"push.example.com","appname":"live","stream_id":"room_42","channel_id":"room_42","event_type":1,"t":{CALLBACK_T},"sign":"{sign}","node":"100.121.160.92"}}"#
    );
    println!("  body = {body}");
    let event = callback::verify(CALLBACK_KEY, body.as_bytes(), CALLBACK_T - 600, 0)?;
    let stream = event.stream_id.map(|s| String::from_utf8_lossy(s.raw()).into_owned());
    println!(
        "  Rust: event_type={:?} stream_id={stream:?} node={:?}",
        event.event_type,
        event.field(b"node")?.map(String::from_utf8_lossy)
    );
    let forged = body.replace(sign.as_str(), &"0".repeat(32));
    let cases: [(&str, &str, u64); 3] = [
        ("sent 600 s before t", &body, CALLBACK_T - 600),
        ("forged sign", &forged, CALLBACK_T - 600),
        ("replayed 1 s after t", &body, CALLBACK_T + 1),
    ];
    println!("  through the C API:");
    for (what, b, now) in cases {
        let mut e = core::mem::MaybeUninit::<livesign_tencent_event>::uninit();
        // SAFETY: the key and body are valid for their lengths; e is writable.
        let status = unsafe {
            livesign_tencent_callback_verify(
                CALLBACK_KEY.as_ptr(),
                CALLBACK_KEY.len(),
                b.as_ptr(),
                b.len(),
                now,
                0,
                e.as_mut_ptr(),
            )
        };
        // SAFETY: the call always writes the event (zero-filled on failure).
        let e = unsafe { e.assume_init() };
        println!("    {what:<24} -> {:<28} event_type={}", format!("{status:?}"), e.event_type);
    }
    Ok(())
}

/// The push key of Tencent's "Hotlink Protection URL Calculation" example, and a backup.
const PUSH_KEY: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
const BACKUP_KEY: &[u8] = b"backupKey2024";
/// 2018-12-29 14:13:45 +08:00, written 5C271099 in the example.
const EXPIRY: u64 = 1546064025;

fn push_url() -> Result<(), livesign::Error> {
    println!("Tencent Cloud Live push URL (txSecret / txTime)");
    let mut buf = [0u8; 256];
    let n = url::build(url::UrlKind::Rtmp, b"livepush.tcloud.com", b"live", b"test", PUSH_KEY, EXPIRY, &mut buf)?;
    let push = String::from_utf8_lossy(&buf[..n]).into_owned();
    println!("  built  = {push}");
    // Read txTime only in the form the builder writes (hex): no other cut of the signed bytes verifies.
    let v = url::verify_form(&[BACKUP_KEY, PUSH_KEY], push.as_bytes(), url::TxTimeForm::Hex, 0, EXPIRY - 3600, 0)?;
    println!(
        "  Rust: stream={} app={} expiry={} matched key #{}",
        String::from_utf8_lossy(v.stream_name),
        String::from_utf8_lossy(v.app),
        v.expiry,
        v.key_index
    );
    let ring = [livesign_slice::of(PUSH_KEY), livesign_slice::of(BACKUP_KEY)];
    let other_stream = push.replace("/live/test?", "/live/test2?");
    // Signed with the key, but with a decimal txTime, which this service never issues.
    let decimal = format!(
        "rtmp://livepush.tcloud.com/live/test?txSecret={}&txTime={EXPIRY}",
        url::secret(PUSH_KEY, b"test", EXPIRY.to_string().as_bytes())?
    );
    let cases: [(&str, &str, u64); 4] = [
        ("one hour before txTime", &push, EXPIRY - 3600),
        ("stream name changed", &other_stream, EXPIRY - 3600),
        ("one second after txTime", &push, EXPIRY + 1),
        ("decimal txTime", &decimal, EXPIRY - 3600),
    ];
    println!("  through the C API, keys [primary, backup], txTime read as hex only:");
    for (what, u, now) in cases {
        let mut matched = usize::MAX;
        // SAFETY: the ring and the URL are valid for their lengths; matched is writable.
        let status = unsafe {
            livesign_tencent_url_verify_form(
                ring.as_ptr(),
                ring.len(),
                u.as_ptr(),
                u.len(),
                LIVESIGN_TENCENT_TX_TIME_HEX,
                0,
                now,
                0,
                &mut matched,
                std::ptr::null_mut(),
            )
        };
        let matched = if matched == usize::MAX { "-".to_owned() } else { matched.to_string() };
        println!("    {what:<24} -> {:<28} matched={matched}", format!("{status:?}"));
    }
    Ok(())
}
