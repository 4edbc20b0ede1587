//! Tencent TRTC / Chat UserSig (TLSSigAPIv2) on the spec's worked example (c1), through the C
//! API as a C program would call it: generate, verify, an expired and a foreign token with
//! their statuses, inspect an official token without its key, and a PrivateMapKey.

use livesign::ffi::status::livesign_status;
use livesign::ffi::trtc::*;

use super::text;

/// The console key, sdkappid and user of spec example c1 (and `tests/vectors/usersig.json`).
const KEY: &[u8] = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
const SDKAPPID: u64 = 1400000000;
const USER: &[u8] = b"xiaojun";
/// 180 days, the official SDKs' default lifetime.
const EXPIRE: u64 = 15552000;
/// 2023-11-14 22:13:20 UTC: when the token is issued (the clock is always a parameter).
const NOW: u64 = 1700000000;
/// What Tencent's official Python package (PyPI 1.1) makes for the same inputs and clock.
const PYTHON_TOKEN: &str = "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__";

fn verify(sdkappid: u64, key: &[u8], user: &[u8], token: &[u8], now: u64) -> livesign_status {
    // SAFETY: every buffer is valid for the length passed; info may be NULL.
    unsafe {
        livesign_usersig_verify(
            sdkappid,
            key.as_ptr(),
            key.len(),
            user.as_ptr(),
            user.len(),
            token.as_ptr(),
            token.len(),
            now,
            0,
            std::ptr::null_mut(),
        )
    }
}

fn show(info: &livesign_usersig_info) -> String {
    let id = String::from_utf8_lossy(&info.identifier[..info.identifier_len]);
    let userbuf = if info.has_userbuf == 1 { format!("{} bytes", info.userbuf_len) } else { "none".into() };
    format!(
        "sdkappid={} identifier={id:?} time={} expire={} expires_at={} userbuf={userbuf}",
        info.sdkappid, info.time, info.expire, info.expires_at
    )
}

pub fn run() -> Result<(), livesign::Error> {
    println!("Tencent TRTC / Chat UserSig (TLSSigAPIv2, spec example c1)");
    let mut token = [0u8; LIVESIGN_USERSIG_MAX_LEN];
    let mut len = 0usize;
    // SAFETY: every buffer is valid for the length passed; no userbuf (NULL, 0).
    let status = unsafe {
        livesign_usersig_gen(
            SDKAPPID,
            KEY.as_ptr(),
            KEY.len(),
            USER.as_ptr(),
            USER.len(),
            EXPIRE,
            NOW,
            std::ptr::null(),
            0,
            token.as_mut_ptr(),
            token.len(),
            &mut len,
        )
    };
    let token = &token[..len];
    println!("  livesign_usersig_gen -> {status:?}, {len} characters (the official Go SDK's token, byte for byte):");
    println!("  {}", String::from_utf8_lossy(token));
    println!();

    /// What the checker expects: app, key, user, and its clock.
    struct Check<'a>(&'a str, u64, &'a [u8], &'a [u8], u64);
    let other_key = b"0000000000000000000000000000000000000000000000000000000000000000";
    let cases = [
        Check("the token, at issue time", SDKAPPID, KEY, USER, NOW),
        Check("the token, on its last valid second", SDKAPPID, KEY, USER, NOW + EXPIRE),
        Check("expired: one second later", SDKAPPID, KEY, USER, NOW + EXPIRE + 1),
        Check("foreign: checked for another sdkappid", 1400000001, KEY, USER, NOW),
        Check("foreign: checked for another user", SDKAPPID, KEY, b"xiaoming", NOW),
        Check("forged: checked under another key", SDKAPPID, other_key, USER, NOW),
    ];
    println!("livesign_usersig_verify (leeway 0 s):");
    for Check(what, sdkappid, key, user, now) in cases {
        let status = verify(sdkappid, key, user, token, now);
        println!("  {what:<42} -> {:<28} ({})", format!("{status:?}"), text(status));
    }
    let status = verify(SDKAPPID, KEY, USER, PYTHON_TOKEN.as_bytes(), NOW);
    println!("  {:<42} -> {:<28} ({})", "the official Python SDK's token", format!("{status:?}"), text(status));
    println!();

    println!("livesign_usersig_inspect (no key): why is this UserSig refused?");
    let mut info = std::mem::MaybeUninit::<livesign_usersig_info>::uninit();
    let mut corrupt = PYTHON_TOKEN.as_bytes().to_vec();
    corrupt.truncate(corrupt.len() - 10);
    for (what, t) in [("the official Python SDK's token", PYTHON_TOKEN.as_bytes()), ("the same, truncated", &corrupt)] {
        // SAFETY: t is valid for its length; info is writable.
        let status = unsafe { livesign_usersig_inspect(t.as_ptr(), t.len(), info.as_mut_ptr()) };
        // SAFETY: inspect writes the whole struct, fields or zeros, whenever info is non-NULL.
        let info = unsafe { info.assume_init_ref() };
        let fields = if status == livesign_status::LIVESIGN_OK { show(info) } else { "a corrupt string".into() };
        println!("  {what:<34} -> {:<20} {fields}", format!("{status:?}"));
    }
    println!();

    println!("PrivateMapKey (spec example c8: room 10000, every privilege, 300 s):");
    let mut pmk = [0u8; LIVESIGN_USERSIG_MAX_LEN];
    // SAFETY: every buffer is valid for the length passed.
    let status = unsafe {
        livesign_privmap_gen(
            SDKAPPID,
            KEY.as_ptr(),
            KEY.len(),
            USER.as_ptr(),
            USER.len(),
            300,
            NOW,
            10000,
            LIVESIGN_PRIVMAP_ALL,
            pmk.as_mut_ptr(),
            pmk.len(),
            &mut len,
        )
    };
    println!("  livesign_privmap_gen -> {status:?}: {}", String::from_utf8_lossy(&pmk[..len]));
    // SAFETY: pmk[..len] is valid; info is writable.
    let status = unsafe {
        livesign_usersig_verify(
            SDKAPPID,
            KEY.as_ptr(),
            KEY.len(),
            USER.as_ptr(),
            USER.len(),
            pmk.as_ptr(),
            len,
            NOW,
            0,
            info.as_mut_ptr(),
        )
    };
    // SAFETY: verify writes the whole struct whenever info is non-NULL.
    let info = unsafe { info.assume_init_ref() };
    let mut grant = std::mem::MaybeUninit::<livesign_privmap_info>::uninit();
    // SAFETY: the userbuf copy is valid for userbuf_len bytes; grant is writable.
    let parsed = unsafe { livesign_privmap_parse(info.userbuf.as_ptr(), info.userbuf_len, grant.as_mut_ptr()) };
    // SAFETY: parse writes the whole struct whenever it is non-NULL.
    let grant = unsafe { grant.assume_init_ref() };
    println!(
        "  verify -> {status:?}; parse -> {parsed:?}: room {} privileges {:#04x} until {}",
        grant.roomid, grant.privileges, grant.expires_at
    );
    Ok(())
}
