//! Criterion benches for Tencent CSS: `t + sign`, event callbacks, push/play URLs, legacy API
//! requests and responses, and the error catalog, through the safe API and the C API (targets
//! and the side-by-side comparison against OpenSSL come with the performance issue).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent::*;
use livesign::ffi::tencent_api::*;
use livesign::ffi::tencent_url::*;
use livesign::tencent::{api, callback, errors, url};

const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";
const T: u64 = 1471850187;

fn sign(c: &mut Criterion) {
    let sign = livesign::tencent::sign(KEY, T).unwrap();
    c.bench_function("tencent/sign", |b| b.iter(|| livesign::tencent::sign(black_box(KEY), black_box(T))));
    c.bench_function("tencent/verify", |b| {
        b.iter(|| livesign::tencent::verify(black_box(KEY), black_box(T), black_box(sign.as_bytes()), T, 0))
    });
    c.bench_function("tencent/c_sign", |b| {
        let mut out = [0u8; 32];
        // SAFETY: KEY is KEY.len() readable bytes and out holds LIVESIGN_TENCENT_SIGN_LEN bytes.
        b.iter(|| unsafe { livesign_tencent_sign(black_box(KEY.as_ptr()), KEY.len(), black_box(T), out.as_mut_ptr()) })
    });
    c.bench_function("tencent/c_verify", |b| {
        // SAFETY: both buffers are valid for the lengths passed.
        b.iter(|| unsafe {
            livesign_tencent_verify(KEY.as_ptr(), KEY.len(), black_box(T), sign.as_bytes().as_ptr(), 32, T, 0)
        })
    });
}

/// A push-started callback as Tencent sends it (about 400 bytes).
const CALLBACK_KEY: &[u8] = b"callbackKey123";
const CALLBACK_BODY: &[u8] = br#"{"app":"push.example.com","appid":1250000000,"appname":"live","channel_id":"room_42","errcode":0,"errmsg":"ok","event_time":1703731478,"event_type":1,"height":720,"node":"100.121.160.92","sequence":"6674468118806626493","set_id":2,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","stream_id":"room_42","stream_param":"txSecret=40f38f69f8a2e7dc4e4e7d8a21e8bb3d&txTime=5DEBEC80","t":1703732078,"user_ip":"119.29.94.245","width":1280}"#;

fn callbacks(c: &mut Criterion) {
    let now = 1703732078 - 600;
    c.bench_function("tencent/callback_verify", |b| {
        b.iter(|| callback::verify(black_box(CALLBACK_KEY), black_box(CALLBACK_BODY), now, 0))
    });
    c.bench_function("tencent/c_callback_verify", |b| {
        let mut event = core::mem::MaybeUninit::<livesign_tencent_event>::uninit();
        // SAFETY: key and body are valid for their lengths; event is writable.
        b.iter(|| unsafe {
            livesign_tencent_callback_verify(
                CALLBACK_KEY.as_ptr(),
                CALLBACK_KEY.len(),
                black_box(CALLBACK_BODY.as_ptr()),
                CALLBACK_BODY.len(),
                now,
                0,
                event.as_mut_ptr(),
            )
        })
    });
    c.bench_function("tencent/c_callback_field", |b| {
        let mut out = livesign_slice::EMPTY;
        // SAFETY: body and name are valid for their lengths; out is writable.
        b.iter(|| unsafe {
            livesign_tencent_callback_field(
                black_box(CALLBACK_BODY.as_ptr()),
                CALLBACK_BODY.len(),
                b"user_ip".as_ptr(),
                7,
                &mut out,
            )
        })
    });
    c.bench_function("tencent/c_json_unescape", |b| {
        let raw = br#"room \u00e9\ud83d\ude00 \"42\""#;
        let mut out = [0u8; 64];
        let mut len = 0usize;
        // SAFETY: all buffers are valid for the lengths passed.
        b.iter(|| unsafe {
            livesign::ffi::json::livesign_json_unescape(
                black_box(raw.as_ptr()),
                raw.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
}

const PUSH_KEY: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
const PUSH_URL: &[u8] =
    b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099";

fn urls(c: &mut Criterion) {
    let expiry = 1546064025;
    c.bench_function("tencent/url_build", |b| {
        let mut out = [0u8; 256];
        b.iter(|| {
            url::build(
                url::UrlKind::Rtmp,
                b"livepush.tcloud.com",
                b"live",
                black_box(b"test"),
                PUSH_KEY,
                expiry,
                &mut out,
            )
        })
    });
    c.bench_function("tencent/c_url_build", |b| {
        let mut out = [0u8; 256];
        let mut len = 0usize;
        let d = b"livepush.tcloud.com";
        // SAFETY: all buffers are valid for the lengths passed.
        b.iter(|| unsafe {
            livesign_tencent_url_build(
                LIVESIGN_TENCENT_URL_RTMP,
                d.as_ptr(),
                d.len(),
                b"live".as_ptr(),
                4,
                black_box(b"test".as_ptr()),
                4,
                PUSH_KEY.as_ptr(),
                PUSH_KEY.len(),
                expiry,
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("tencent/c_url_secret", |b| {
        let mut out = [0u8; 32];
        // SAFETY: all buffers are valid for the lengths passed.
        b.iter(|| unsafe {
            livesign_tencent_url_secret(
                PUSH_KEY.as_ptr(),
                PUSH_KEY.len(),
                black_box(b"test".as_ptr()),
                4,
                b"5C271099".as_ptr(),
                8,
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("tencent/url_verify_1_key", |b| {
        b.iter(|| url::verify(&[PUSH_KEY], black_box(PUSH_URL), 0, expiry, 0))
    });
    c.bench_function("tencent/url_verify_2_keys", |b| {
        b.iter(|| url::verify(&[b"backupKey2024", PUSH_KEY], black_box(PUSH_URL), 0, expiry, 0))
    });
    c.bench_function("tencent/c_url_verify_2_keys", |b| {
        let ring = [livesign_slice::of(b"backupKey2024"), livesign_slice::of(PUSH_KEY)];
        let mut matched = 0usize;
        let mut info = core::mem::MaybeUninit::<livesign_tencent_url_info>::uninit();
        // SAFETY: all buffers are valid for the lengths passed; matched and info are writable.
        b.iter(|| unsafe {
            livesign_tencent_url_verify(
                ring.as_ptr(),
                2,
                black_box(PUSH_URL.as_ptr()),
                PUSH_URL.len(),
                0,
                expiry,
                0,
                &mut matched,
                info.as_mut_ptr(),
            )
        })
    });
    c.bench_function("tencent/c_url_build_len", |b| {
        b.iter(|| {
            livesign_tencent_url_build_len(black_box(LIVESIGN_TENCENT_URL_HLS), 19, 4, 4, black_box(expiry))
                + livesign_tencent_tx_secret_len()
        })
    });
}

fn legacy_api(c: &mut Criterion) {
    let params = [
        livesign_tencent_api_param {
            kind: LIVESIGN_TENCENT_API_PARAM_STRING,
            name: livesign_slice::of(b"channel_id"),
            value: livesign_slice::of(b"8888_test123"),
        },
        livesign_tencent_api_param {
            kind: LIVESIGN_TENCENT_API_PARAM_NUMBER,
            name: livesign_slice::of(b"status"),
            value: livesign_slice::of(b"0"),
        },
    ];
    c.bench_function("tencent/api_build", |b| {
        let p = [
            api::Param { kind: api::ParamKind::String, name: b"channel_id", value: b"8888_test123" },
            api::Param { kind: api::ParamKind::Number, name: b"status", value: b"0" },
        ];
        let mut out = [0u8; 512];
        b.iter(|| api::build(api::Command::LiveChannelSetStatus, None, 1234, KEY, black_box(T), &p, &mut out))
    });
    c.bench_function("tencent/c_api_build", |b| {
        let mut out = [0u8; 512];
        let mut len = 0usize;
        // SAFETY: all buffers are valid for the lengths passed.
        b.iter(|| unsafe {
            livesign_tencent_api_build(
                LIVESIGN_TENCENT_API_LIVE_CHANNEL_SET_STATUS,
                core::ptr::null(),
                0,
                1234,
                KEY.as_ptr(),
                KEY.len(),
                black_box(T),
                params.as_ptr(),
                params.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    let body = br#"{"ret":1202,"retcode":1202,"errmsg":"","message":"invalid request\/request frequency exceeds limit","output":[]}"#;
    c.bench_function("tencent/c_api_response_read", |b| {
        let mut r = core::mem::MaybeUninit::<livesign_tencent_api_response>::uninit();
        // SAFETY: body is valid for its length; r is writable.
        b.iter(|| unsafe { livesign_tencent_api_response_read(black_box(body.as_ptr()), body.len(), r.as_mut_ptr()) })
    });
    c.bench_function("tencent/c_api_command_from_name", |b| {
        let mut code = 0u32;
        // SAFETY: the name is valid for its length; code is writable.
        b.iter(|| unsafe {
            livesign_tencent_api_command_from_name(black_box(b"Live_Tape_Stop".as_ptr()), 14, &mut code)
        })
    });
    c.bench_function("tencent/c_api_names", |b| {
        b.iter(|| (livesign_tencent_api_command_name(black_box(15)), livesign_tencent_api_default_base(black_box(1))))
    });
    c.bench_function("tencent/c_error_by_code", |b| b.iter(|| livesign_tencent_error_by_code(black_box(20601))));
    c.bench_function("tencent/c_error_by_http_status", |b| {
        b.iter(|| livesign_tencent_error_by_http_status(black_box(404)))
    });
    c.bench_function("tencent/error_by_message", |b| {
        b.iter(|| errors::by_message(black_box(b"invalid request/request frequency exceeds limit")))
    });
    c.bench_function("tencent/c_error_by_message", |b| {
        let m = b" internel/system error";
        // SAFETY: m is valid for its length.
        b.iter(|| unsafe { livesign_tencent_error_by_message(black_box(m.as_ptr()), m.len()) })
    });
}

criterion_group!(benches, sign, callbacks, urls, legacy_api);
criterion_main!(benches);
