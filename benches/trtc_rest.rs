//! Criterion benches for the TRTC / Chat REST helpers and TRTC event callbacks, through the
//! C API (what C, Swift and Kotlin callers pay) and, for the main operations, the Rust API.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::trtc_callback::*;
use livesign::ffi::trtc_rest::*;
use livesign::trtc::{callback, rest};

const KEY: &[u8] = b"123654";
const BODY: &[u8] = b"{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
const SIGN: &[u8] = b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
const USERSIG: &[u8] = b"eAEArABT-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoieGlhb2p1biIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6MTU1NTIwMDAsIlRMUy50aW1lIjoxNzAwMDAwMDAwLCJUTFMuc2lnIjoiTHZBN2QvSXc3Z1NzbnNrdlZ6QkRQT0NDRGJ1TkN3NEdId1RDMGJpcCtCND0ifQoBAAD--9-DMfw_";
const RESPONSE: &[u8] = br#"{"ActionStatus":"FAIL","ErrorInfo":"The request is too frequent, please try again later.","ErrorCode":60018,"RequestId":"Id-70e312f1de024af5a36714b7b71da224-O-Seq-63504","ErrorList":[{"To_Account":"a","ErrorCode":70107}]}"#;

fn rest_benches(c: &mut Criterion) {
    let mut out = [0u8; 512];
    c.bench_function("trtc_rest/url", |b| {
        let r = rest::RequestUrl::new("im_open_login_svc", "account_import", 1400000000, "administrator", USERSIG, 7);
        b.iter(|| black_box(r).write(&mut out))
    });
    c.bench_function("trtc_rest/c_url", |b| {
        let mut len = 0usize;
        // SAFETY: all inputs are valid for their lengths; out holds out.len() bytes.
        b.iter(|| unsafe {
            livesign_trtc_rest_url(
                core::ptr::null(),
                0,
                b"im_open_login_svc".as_ptr(),
                17,
                b"account_import".as_ptr(),
                14,
                black_box(1400000000),
                b"administrator".as_ptr(),
                13,
                USERSIG.as_ptr(),
                USERSIG.len(),
                7,
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("trtc_rest/response_parse", |b| {
        b.iter(|| rest::Response::parse(black_box(RESPONSE)).map(|r| r.error_code()))
    });
    c.bench_function("trtc_rest/c_response_parse", |b| {
        let mut r = core::mem::MaybeUninit::<livesign_trtc_rest_response>::uninit();
        // SAFETY: RESPONSE is valid for its length; r is writable.
        b.iter(|| unsafe {
            livesign_trtc_rest_response_parse(black_box(RESPONSE).as_ptr(), RESPONSE.len(), r.as_mut_ptr())
        })
    });
    c.bench_function("trtc_rest/c_response_field", |b| {
        let mut v = livesign_slice::EMPTY;
        // SAFETY: RESPONSE and the name are valid for their lengths; v is writable.
        b.iter(|| unsafe {
            livesign_trtc_rest_response_field(
                black_box(RESPONSE).as_ptr(),
                RESPONSE.len(),
                b"ErrorList".as_ptr(),
                9,
                &mut v,
            )
        })
    });
    c.bench_function("trtc_rest/c_error_lookup", |b| {
        b.iter(|| {
            let code = black_box(60018);
            (
                livesign_trtc_rest_error_str(code),
                livesign_trtc_rest_error_category(code),
                livesign_trtc_rest_error_retry(code),
            )
        })
    });
}

fn callback_benches(c: &mut Criterion) {
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable; KEY is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), KEY.as_ptr(), KEY.len()) } as u32, 0);
    // SAFETY: initialised above.
    let ctx = unsafe { ctx.assume_init() };
    let mut out = [0u8; LIVESIGN_TRTC_CALLBACK_SIGN_LEN];
    c.bench_function("trtc_callback/verify", |b| b.iter(|| callback::verify(black_box(KEY), black_box(BODY), SIGN)));
    c.bench_function("trtc_callback/c_sign", |b| {
        // SAFETY: inputs are valid for their lengths; out holds the sign length.
        b.iter(|| unsafe {
            livesign_trtc_callback_sign(KEY.as_ptr(), KEY.len(), black_box(BODY).as_ptr(), BODY.len(), out.as_mut_ptr())
        })
    });
    c.bench_function("trtc_callback/c_sign_keyed", |b| {
        // SAFETY: ctx is loaded; inputs are valid; out holds the sign length.
        b.iter(|| unsafe {
            livesign_trtc_callback_sign_keyed(&ctx, black_box(BODY).as_ptr(), BODY.len(), out.as_mut_ptr())
        })
    });
    c.bench_function("trtc_callback/c_verify", |b| {
        // SAFETY: inputs are valid for their lengths.
        b.iter(|| unsafe {
            livesign_trtc_callback_verify(
                KEY.as_ptr(),
                KEY.len(),
                black_box(BODY).as_ptr(),
                BODY.len(),
                SIGN.as_ptr(),
                SIGN.len(),
            )
        })
    });
    c.bench_function("trtc_callback/c_verify_keyed", |b| {
        // SAFETY: ctx is loaded; inputs are valid for their lengths.
        b.iter(|| unsafe {
            livesign_trtc_callback_verify_keyed(&ctx, black_box(BODY).as_ptr(), BODY.len(), SIGN.as_ptr(), SIGN.len())
        })
    });
    c.bench_function("trtc_callback/c_verify_ring_2", |b| {
        let ring = [livesign_slice::of(b"oldCallbackKey1"), livesign_slice::of(KEY)];
        let mut matched = 0usize;
        // SAFETY: ring and inputs are valid for their lengths; matched is writable.
        b.iter(|| unsafe {
            livesign_trtc_callback_verify_ring(
                ring.as_ptr(),
                2,
                black_box(BODY).as_ptr(),
                BODY.len(),
                SIGN.as_ptr(),
                SIGN.len(),
                &mut matched,
            )
        })
    });
    c.bench_function("trtc_callback/c_key_check", |b| {
        // SAFETY: KEY is valid for its length.
        b.iter(|| unsafe { livesign_trtc_callback_key_check(black_box(KEY).as_ptr(), KEY.len()) })
    });
    c.bench_function("trtc_callback/c_check_time", |b| {
        let mut ts = 0u64;
        // SAFETY: BODY is valid for its length; ts is writable.
        b.iter(|| unsafe {
            livesign_trtc_callback_check_time(black_box(BODY).as_ptr(), BODY.len(), 1615554924, 300, &mut ts)
        })
    });
}

criterion_group!(benches, rest_benches, callback_benches);
criterion_main!(benches);
