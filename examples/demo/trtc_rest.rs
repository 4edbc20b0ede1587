//! Tencent Chat / TRTC server side: a REST request URL, the OK and FAIL response envelopes with
//! what their error codes mean, and a TRTC event callback checked through the C API.

use livesign::ffi::trtc_callback::{livesign_trtc_callback_check_time, livesign_trtc_callback_verify};
use livesign::ffi::trtc_rest::livesign_trtc_rest_url;
use livesign::trtc::callback;
use livesign::trtc::rest::{self, RequestUrl, Response, Retry};

use super::text;

/// The administrator's UserSig is generated here with the spec's c1 key and clock (a REST
/// caller makes one per request or reuses one until it expires).
const SDKAPPID: u64 = 1400000000;
const SECRET_KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const NOW: u64 = 1700000000;

/// Seed 002's example response.
const OK_BODY: &[u8] = br#"{
"ActionStatus": "OK",
"ErrorInfo": "",
"ErrorCode": 0,
"RequestId": "Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504"
}"#;

/// A failure as Tencent reports it (the text is seed 002's for 60018).
const FAIL_BODY: &[u8] = br#"{"ActionStatus":"FAIL","ErrorInfo":"The request is too frequent, please try again later.","ErrorCode":60018,"RequestId":"Id-1f0c-O-Seq-77"}"#;

/// The `tencent.trtc.callback` vector: Tencent's documented body with its tabs and newlines,
/// and a callback key of our own.
const CALLBACK_KEY: &[u8] = b"123654";
const CALLBACK_BODY: &[u8] = b"{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
const CALLBACK_SIGN: &[u8] = b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";

/// What a verification case shows: a label, the key, the body and the Sign header.
type Case<'a> = (&'a str, &'a [u8], &'a [u8], &'a [u8]);

pub fn run() -> Result<(), livesign::Error> {
    rest_url()?;
    responses()?;
    callbacks()
}

fn rest_url() -> Result<(), livesign::Error> {
    println!("Tencent Chat / TRTC REST request URL (seed 002)");
    let mut sig = [0u8; 512];
    let key = livesign::HmacKey::new(SECRET_KEY)?;
    let sig_len = livesign::trtc::usersig_gen(&key, SDKAPPID, "administrator", 86400, NOW, &[], &mut sig)?;
    let usersig = &sig[..sig_len];
    let request = RequestUrl::new(
        "im_open_login_svc",
        "account_import",
        SDKAPPID,
        "administrator",
        usersig,
        99999999, // the caller's random number: livesign reads no random source
    );
    let mut buf = [0u8; 1024];
    let n = request.write(&mut buf)?;
    println!("  usersig: generated for the administrator, valid one day from {NOW}");
    println!("  POST {}", String::from_utf8_lossy(&buf[..n]));
    println!("  body: {{...}} (the command's JSON; {{}} when it takes nothing)");

    // The same through the C API, for an identifier that needs percent-encoding, with a size
    // query first (out = NULL, out_cap = 0) as a C caller sizing its buffer would.
    let (service, command, identifier) = (b"openim", b"sendmsg", "管理员 admin".as_bytes());
    let mut needed = 0usize;
    for (out, cap) in [(core::ptr::null_mut(), 0), (buf.as_mut_ptr(), buf.len())] {
        // SAFETY: every input is valid for its length; out is NULL with 0 or buf with its size.
        let status = unsafe {
            livesign_trtc_rest_url(
                b"adminapisgp.im.qcloud.com".as_ptr(),
                25,
                service.as_ptr(),
                service.len(),
                command.as_ptr(),
                command.len(),
                SDKAPPID,
                identifier.as_ptr(),
                identifier.len(),
                usersig.as_ptr(),
                usersig.len(),
                7,
                out,
                cap,
                &mut needed,
            )
        };
        println!("  C API, out_cap {cap:>4}: {status:?} ({}), *out_len = {needed}", text(status));
    }
    println!("  POST {}", String::from_utf8_lossy(&buf[..needed]));
    println!();
    Ok(())
}

fn responses() -> Result<(), livesign::Error> {
    println!("REST response envelopes");
    for body in [OK_BODY, FAIL_BODY] {
        let r = Response::parse(body)?;
        println!(
            "  ActionStatus {:?}, ErrorCode {}, RequestId {}, success: {}",
            r.action_status(),
            r.error_code(),
            r.request_id(),
            r.is_success()
        );
        if let Some(e) = rest::lookup(r.error_code()) {
            let advice = match e.retry() {
                Retry::Backoff => "retry with exponential backoff",
                Retry::Never => "do not retry: fix the request or the set-up",
            };
            println!("    {}: \"{}\"", e.code(), e.message());
            println!("    category {:?}; {advice}", e.category());
        }
    }
    for code in [60003, 60008] {
        let e = rest::lookup(code).ok_or(livesign::Error::InvalidArgument)?;
        println!("  {code}: {:?}, {:?} (\"{}\")", e.category(), e.retry(), e.message());
    }
    let truncated = &FAIL_BODY[..FAIL_BODY.len() - 1];
    println!("  a truncated body -> {:?}", Response::parse(truncated).map(|_| ()));
    println!();
    Ok(())
}

fn callbacks() -> Result<(), livesign::Error> {
    println!("TRTC event callback (Sign = base64(HMAC-SHA256(key, raw body)))");
    println!(
        "  key  = {:?} (1 to 32 letters and digits, set in the TRTC console)",
        String::from_utf8_lossy(CALLBACK_KEY)
    );
    println!("  Sign = {}", callback::sign(CALLBACK_KEY, CALLBACK_BODY)?);
    let tampered = String::from_utf8_lossy(CALLBACK_BODY).replace("\"test\"", "\"evil\"");
    let compact: String = String::from_utf8_lossy(CALLBACK_BODY).chars().filter(|c| !c.is_whitespace()).collect();
    let mut forged = *b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
    forged[0] = b'J';
    let cases: [Case<'_>; 5] = [
        ("the documented body, raw bytes", CALLBACK_KEY, CALLBACK_BODY, CALLBACK_SIGN),
        ("the same JSON re-serialised", CALLBACK_KEY, compact.as_bytes(), CALLBACK_SIGN),
        ("UserId changed", CALLBACK_KEY, tampered.as_bytes(), CALLBACK_SIGN),
        ("forged Sign", CALLBACK_KEY, CALLBACK_BODY, &forged),
        ("key with '_' (not allowed)", b"123_654", CALLBACK_BODY, CALLBACK_SIGN),
    ];
    println!("  Verification through the C API:");
    for (what, key, body, sign) in cases {
        // SAFETY: all slices are valid for the lengths passed.
        let status = unsafe {
            livesign_trtc_callback_verify(key.as_ptr(), key.len(), body.as_ptr(), body.len(), sign.as_ptr(), sign.len())
        };
        println!("    {what:<34} -> {:<28} ({})", format!("{status:?}"), text(status));
    }
    let ring: [&[u8]; 2] = [b"oldCallbackKey1", CALLBACK_KEY];
    println!(
        "  key ring [old, current] -> matched index {:?}",
        callback::verify_ring(&ring, CALLBACK_BODY, CALLBACK_SIGN)
    );
    println!("  Replay window on CallbackTs = 1615554923704 ms, max age 300 s:");
    for now in [1615554923 + 10, 1615554923 + 301] {
        let mut ts = 0u64;
        // SAFETY: the body is valid for its length; ts is writable.
        let status = unsafe {
            livesign_trtc_callback_check_time(CALLBACK_BODY.as_ptr(), CALLBACK_BODY.len(), now, 300, &mut ts)
        };
        println!("    now={now} -> {:<28} ({})", format!("{status:?}"), text(status));
    }
    Ok(())
}
