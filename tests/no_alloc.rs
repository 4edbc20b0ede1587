//! A counting global allocator proves that signing, verifying, building and reading never touch
//! the heap, through the safe API and through the C API, on every code path (one-block and
//! multi-block MD5, success and each failure).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use livesign::ffi::common::livesign_json_unescape;
use livesign::ffi::slice::livesign_slice;
use livesign::ffi::tencent::*;
use livesign::ffi::tencent_api::*;
use livesign::ffi::tencent_url::*;
use livesign::tencent::{api, callback, errors, url};

struct Counting;

thread_local! {
    // Per thread, so the test harness's own allocations on other threads do not count.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> u64 {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn counter_sees_allocations() {
    // Guards the guard: a counter that never counts would make the other test vacuous.
    assert!(allocations_during(|| drop(std::hint::black_box(vec![1u8; 10]))) >= 1);
}

#[test]
fn tencent_sign_and_verify_never_allocate() {
    let short = b"5d41402abc4b2a76b9719d911017c592";
    let long = [b'x'; 200];
    let keys: [&[u8]; 3] = [short, &long, b""];
    let mut out = [0u8; 32];
    let n = allocations_during(|| {
        for key in keys {
            for t in [0, 1471850187, u64::MAX] {
                let s = livesign::tencent::sign(key, t);
                let bytes = s.map(|s| *s.as_bytes()).unwrap_or([b'0'; 32]);
                for (sign, now) in
                    [(&bytes[..], t), (&bytes[..], 0), (b"zz", 0), (b"00000000000000000000000000000000", 0)]
                {
                    let _ = std::hint::black_box(livesign::tencent::verify(key, t, sign, now, 0));
                    // SAFETY: all buffers are valid for the lengths passed.
                    unsafe {
                        let _ = livesign_tencent_verify(key.as_ptr(), key.len(), t, sign.as_ptr(), sign.len(), now, 0);
                    }
                }
                // SAFETY: key is valid for its length; out holds 32 bytes.
                let _ = unsafe { livesign_tencent_sign(key.as_ptr(), key.len(), t, out.as_mut_ptr()) };
            }
        }
    });
    assert_eq!(n, 0, "signing or verifying allocated {n} times");
}

#[test]
fn tencent_callbacks_never_allocate() {
    let key = b"callbackKey123";
    let good = br#"{"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","event_type":1,"stream_id":"a\u00e9","app":"x","appname":"live","channel_id":"c"}"#;
    let string_t = br#"{"t":"1703732078","sign":"3751b0bc2a028ea73beb2b7b167d2e04"}"#;
    let bodies: [&[u8]; 7] = [
        good,
        string_t,
        br#"{"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e05"}"#,
        br#"{"t":1703732078,"sign":"3751b0bc2a028ea73beb2b7b167d2e04","t":1}"#,
        br#"{"t":1703732078,"sign":"3751b0bc"#,
        br#"{"t":01,"sign":"x"}"#,
        b"\xff",
    ];
    let mut event = core::mem::MaybeUninit::<livesign_tencent_event>::uninit();
    let mut slice = livesign_slice::EMPTY;
    let mut buf = [0u8; 64];
    let mut len = 0usize;
    let n = allocations_during(|| {
        for body in bodies {
            for now in [0, 1703732078, u64::MAX] {
                let r = std::hint::black_box(callback::verify(key, body, now, 5));
                if let Ok(e) = r {
                    let _ = std::hint::black_box(e.field(b"app"));
                    let _ = std::hint::black_box(e.stream_id.map(|s| s.unescape_into(&mut buf)));
                }
                // SAFETY: all buffers are valid for the lengths passed.
                unsafe {
                    let _ = livesign_tencent_callback_verify(
                        key.as_ptr(),
                        key.len(),
                        body.as_ptr(),
                        body.len(),
                        now,
                        5,
                        event.as_mut_ptr(),
                    );
                }
            }
            let _ = std::hint::black_box(callback::field(body, b"stream_id"));
            // SAFETY: all buffers are valid for the lengths passed.
            unsafe {
                let _ = livesign_tencent_callback_field(body.as_ptr(), body.len(), b"sign".as_ptr(), 4, &mut slice);
            }
        }
        for raw in [&br#"a\u00e9\ud83d\ude00"#[..], b"plain", br"bad\x\q"] {
            // SAFETY: all buffers are valid for the lengths passed.
            unsafe {
                let _ = livesign_json_unescape(raw.as_ptr(), raw.len(), buf.as_mut_ptr(), buf.len(), &mut len);
                let _ = livesign_json_unescape(raw.as_ptr(), raw.len(), core::ptr::null_mut(), 0, &mut len);
            }
        }
    });
    assert_eq!(n, 0, "callback operations allocated {n} times");
}

#[test]
fn tencent_urls_never_allocate() {
    let key: &[u8] = b"e12c46f2612d5106e2034781ab261ca3";
    let long_key = [b'k'; 200];
    let keys: [&[u8]; 3] = [b"backup", &long_key, key];
    let ring = [livesign_slice::of(b"backup"), livesign_slice::of(&long_key), livesign_slice::of(key)];
    let urls: [&[u8]; 6] = [
        b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099",
        b"/live/test.flv?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=5C271099",
        b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6ff&txTime=5C271099",
        b"rtmp://livepush.tcloud.com/live/test?txSecret=f85a2ab363fe4deaffef9754d79da6fe&txTime=1735689600",
        b"rtmp://livepush.tcloud.com/test?txSecret=x",
        b"not a url",
    ];
    let mut out = [0u8; 256];
    let mut len = 0usize;
    let mut matched = 0usize;
    let mut info = core::mem::MaybeUninit::<livesign_tencent_url_info>::uninit();
    let mut secret = [0u8; 32];
    let n = allocations_during(|| {
        for u in urls {
            for now in [0, 1546064025, u64::MAX] {
                let _ = std::hint::black_box(url::verify(&keys, u, 60, now, 0));
                // SAFETY: all buffers are valid for the lengths passed.
                unsafe {
                    let _ = livesign_tencent_url_verify(
                        ring.as_ptr(),
                        ring.len(),
                        u.as_ptr(),
                        u.len(),
                        60,
                        now,
                        0,
                        &mut matched,
                        info.as_mut_ptr(),
                    );
                }
            }
        }
        for kind in [
            LIVESIGN_TENCENT_URL_RTMP,
            LIVESIGN_TENCENT_URL_WEBRTC,
            LIVESIGN_TENCENT_URL_FLV,
            LIVESIGN_TENCENT_URL_HLS,
            0,
        ] {
            for (stream, k) in [(&b"test"[..], key), (b"bad.flv", key), (b"test", b"")] {
                let _ = std::hint::black_box(livesign_tencent_url_build_len(kind, 19, 4, stream.len(), 1546064025));
                // SAFETY: all buffers are valid for the lengths passed.
                unsafe {
                    let d = b"livepush.tcloud.com";
                    let _ = livesign_tencent_url_build(
                        kind,
                        d.as_ptr(),
                        d.len(),
                        b"live".as_ptr(),
                        4,
                        stream.as_ptr(),
                        stream.len(),
                        k.as_ptr(),
                        k.len(),
                        1546064025,
                        out.as_mut_ptr(),
                        out.len(),
                        &mut len,
                    );
                    let _ = livesign_tencent_url_build(
                        kind,
                        d.as_ptr(),
                        d.len(),
                        b"live".as_ptr(),
                        4,
                        stream.as_ptr(),
                        stream.len(),
                        k.as_ptr(),
                        k.len(),
                        1546064025,
                        core::ptr::null_mut(),
                        0,
                        &mut len,
                    );
                }
            }
        }
        let _ = std::hint::black_box(url::build(url::UrlKind::Hls, b"h", b"live", b"s", key, 1, &mut out));
        for tx_time in [&b"5C271099"[..], b"1735689600", b"zz"] {
            let _ = std::hint::black_box(url::secret(key, b"test", tx_time));
            // SAFETY: all buffers are valid for the lengths passed.
            unsafe {
                let _ = livesign_tencent_url_secret(
                    key.as_ptr(),
                    key.len(),
                    b"test".as_ptr(),
                    4,
                    tx_time.as_ptr(),
                    tx_time.len(),
                    secret.as_mut_ptr(),
                );
            }
        }
    });
    assert_eq!(n, 0, "URL operations allocated {n} times");
}

#[test]
fn tencent_api_and_errors_never_allocate() {
    let key = b"5d41402abc4b2a76b9719d911017c592";
    let params = [
        livesign_tencent_api_param {
            kind: LIVESIGN_TENCENT_API_PARAM_STRING,
            name: livesign_slice::of(b"channel_id"),
            value: livesign_slice::of("a b/é".as_bytes()),
        },
        livesign_tencent_api_param {
            kind: LIVESIGN_TENCENT_API_PARAM_NUMBER,
            name: livesign_slice::of(b"status"),
            value: livesign_slice::of(b"0"),
        },
        livesign_tencent_api_param {
            kind: LIVESIGN_TENCENT_API_PARAM_NUMBER,
            name: livesign_slice::of(b"bad"),
            value: livesign_slice::of(b"x"),
        },
    ];
    let rust_params = [api::Param { kind: api::ParamKind::String, name: b"channel_id", value: b"8888_test123" }];
    let bodies: [&[u8]; 4] =
        [br#"{"ret":0,"message":"ok","output":[]}"#, br#"{"retcode":1202,"errmsg":"x"}"#, b"{}", b"{"];
    let mut out = [0u8; 512];
    let mut len = 0usize;
    let mut command = 0u32;
    let mut response = core::mem::MaybeUninit::<livesign_tencent_api_response>::uninit();
    let n = allocations_during(|| {
        for code in [LIVESIGN_TENCENT_API_GET_LIVE_STAT, LIVESIGN_TENCENT_API_LIVE_TAPE_STOP, 99] {
            for count in [0, 2, 3] {
                // SAFETY: all buffers are valid for the lengths passed.
                unsafe {
                    let _ = livesign_tencent_api_build(
                        code,
                        core::ptr::null(),
                        0,
                        1234,
                        key.as_ptr(),
                        key.len(),
                        1471850187,
                        params.as_ptr(),
                        count,
                        out.as_mut_ptr(),
                        out.len(),
                        &mut len,
                    );
                    let _ = livesign_tencent_api_build(
                        code,
                        core::ptr::null(),
                        0,
                        1234,
                        key.as_ptr(),
                        key.len(),
                        1471850187,
                        params.as_ptr(),
                        count,
                        core::ptr::null_mut(),
                        0,
                        &mut len,
                    );
                }
            }
            let _ = std::hint::black_box(livesign_tencent_api_command_name(code));
            let _ = std::hint::black_box(livesign_tencent_api_default_base(code));
        }
        for &c in api::Command::all() {
            let _ = std::hint::black_box(api::build(c, Some(b"http://h/p"), 1, key, 2, &rust_params, &mut out));
            let _ = std::hint::black_box(api::Command::from_name(c.name().as_bytes()));
        }
        // SAFETY: all buffers are valid for the lengths passed.
        unsafe {
            let _ = livesign_tencent_api_command_from_name(b"Live_Tape_Stop".as_ptr(), 14, &mut command);
            let _ = livesign_tencent_api_command_from_name(b"nope".as_ptr(), 4, &mut command);
        }
        for body in bodies {
            let _ = std::hint::black_box(api::read_response(body));
            // SAFETY: all buffers are valid for the lengths passed.
            unsafe {
                let _ = livesign_tencent_api_response_read(body.as_ptr(), body.len(), response.as_mut_ptr());
            }
        }
        for code in [0, 1202, 20601, 7] {
            let _ = std::hint::black_box(errors::by_code(code));
            let _ = std::hint::black_box(livesign_tencent_error_by_code(code));
        }
        for status in [403, 404, 500] {
            let _ = std::hint::black_box(errors::by_http_status(status));
            let _ = std::hint::black_box(livesign_tencent_error_by_http_status(status));
        }
        for text in [&b" Sign Invalid "[..], b"internel/system error", b"nope", b""] {
            let _ = std::hint::black_box(errors::by_message(text));
            // SAFETY: text is valid for its length.
            let _ = std::hint::black_box(unsafe { livesign_tencent_error_by_message(text.as_ptr(), text.len()) });
        }
    });
    assert_eq!(n, 0, "API and catalog operations allocated {n} times");
}

#[test]
fn trtc_rest_and_callback_never_allocate() {
    use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
    use livesign::ffi::slice::livesign_slice;
    use livesign::ffi::trtc_callback::*;
    use livesign::ffi::trtc_rest::*;
    use livesign::trtc::{callback, rest};

    let key = b"123654";
    let body: &[u8] = b"{\n\t\"EventGroupId\":\t1,\n\t\"EventType\":\t103,\n\t\"CallbackTs\":\t1615554923704,\n\t\"EventInfo\":\t{\n\t\t\"RoomId\":\t12345,\n\t\t\"EventTs\":\t1608441737,\n\t\t\"UserId\":\t\"test\",\n\t\t\"UniqueId\":\t1615554922656,\n\t\t\"Role\":\t20,\n\t\t\"Reason\":\t1\n\t}\n}";
    let good = b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Uo=";
    let signs: [&[u8]; 4] = [good, b"IncDMWHWRAoOHN72/K0wTTIY8pDyMINRLtBsmg3b+Up=", b"x", b""];
    let keys: [&[u8]; 4] = [key, b"123655", b"bad_key", b""];
    let ring = [livesign_slice::of(b"old"), livesign_slice::of(key)];
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    // SAFETY: ctx is writable and key is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), key.as_ptr(), key.len()) } as u32, 0);
    // SAFETY: initialised above.
    let ctx = unsafe { ctx.assume_init() };
    let loaded = livesign::HmacKey::new(key).unwrap();

    let bodies: [&[u8]; 5] = [
        br#"{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RequestId":"Id-1"}"#,
        br#"{"ActionStatus":"FAIL","ErrorInfo":"bad \"json\"","ErrorCode":60003,"RequestId":"Id-2","ErrorList":[1]}"#,
        br#"{"ActionStatus":"FAIL","ErrorCode":60003,"ErrorCode":0}"#,
        br#"{"ActionStatus":"OK","#,
        b"",
    ];
    let usersigs: [&[u8]; 3] = [b"eJwtzM0KgkAUBeB3udtC7h1n-AJaV7J-hC3-Ukg*VXI_", b"A=A=", b""];
    let mut out = [0u8; 512];
    let mut small = [0u8; 8];

    let n = allocations_during(|| {
        for k in keys {
            for s in signs {
                let _ = std::hint::black_box(callback::verify(k, body, s));
                let _ = std::hint::black_box(callback::verify_keyed(&loaded, body, s));
                let _ = std::hint::black_box(callback::verify_ring(&[b"old", k], body, s));
                // SAFETY: all buffers are valid for the lengths passed.
                unsafe {
                    let _ = livesign_trtc_callback_verify(
                        k.as_ptr(),
                        k.len(),
                        body.as_ptr(),
                        body.len(),
                        s.as_ptr(),
                        s.len(),
                    );
                    let _ = livesign_trtc_callback_verify_keyed(&ctx, body.as_ptr(), body.len(), s.as_ptr(), s.len());
                    let mut m = 0usize;
                    let _ = livesign_trtc_callback_verify_ring(
                        ring.as_ptr(),
                        ring.len(),
                        body.as_ptr(),
                        body.len(),
                        s.as_ptr(),
                        s.len(),
                        &mut m,
                    );
                }
            }
            let _ = std::hint::black_box(callback::sign(k, body));
            let _ = std::hint::black_box(callback::check_key(k));
            // SAFETY: all buffers are valid for the lengths passed; out holds 44 bytes.
            unsafe {
                let _ = livesign_trtc_callback_sign(k.as_ptr(), k.len(), body.as_ptr(), body.len(), out.as_mut_ptr());
                let _ = livesign_trtc_callback_key_check(k.as_ptr(), k.len());
            }
        }
        let _ = std::hint::black_box(callback::sign_keyed(&loaded, body));
        // SAFETY: all buffers are valid for the lengths passed; out holds 44 bytes.
        unsafe {
            let _ = livesign_trtc_callback_sign_keyed(&ctx, body.as_ptr(), body.len(), out.as_mut_ptr());
            let mut ts = 0u64;
            for (now, b) in [(0, body), (u64::MAX, body), (0, b"{}".as_slice())] {
                let _ = livesign_trtc_callback_check_time(b.as_ptr(), b.len(), now, 300, &mut ts);
            }
        }
        let _ = std::hint::black_box(callback::callback_ts(body).map(|ts| callback::check_age(ts, 0, 0)));

        for b in bodies {
            if let Ok(r) = std::hint::black_box(rest::Response::parse(b)) {
                let _ = std::hint::black_box((r.error_info(), r.request_id(), r.field("ErrorList")));
                let _ = std::hint::black_box(r.error_info_unescaped(&mut small));
            }
            let _ = std::hint::black_box(rest::field(b, "ErrorList"));
            // SAFETY: all buffers are valid for the lengths passed.
            unsafe {
                let mut r = core::mem::MaybeUninit::<livesign_trtc_rest_response>::uninit();
                let _ = livesign_trtc_rest_response_parse(b.as_ptr(), b.len(), r.as_mut_ptr());
                let mut v = livesign_slice::EMPTY;
                let _ = livesign_trtc_rest_response_field(b.as_ptr(), b.len(), b"ErrorList".as_ptr(), 9, &mut v);
            }
        }
        for code in [0, 60003, 60007, 60021, 70001] {
            let _ = std::hint::black_box(rest::lookup(code));
            let _ = std::hint::black_box((
                livesign_trtc_rest_error_str(code),
                livesign_trtc_rest_error_category(code),
                livesign_trtc_rest_error_retry(code),
            ));
        }
        for u in usersigs {
            for id in ["admin", "用户 Zoë", ""] {
                let r = rest::RequestUrl::new("openim", "sendmsg", 1400000000, id, u, 7);
                let _ = std::hint::black_box(r.write(&mut out));
                let _ = std::hint::black_box(r.write(&mut small));
                let _ = std::hint::black_box(r.required_len());
                let mut len = 0usize;
                for (buf, cap) in
                    [(out.as_mut_ptr(), out.len()), (small.as_mut_ptr(), small.len()), (core::ptr::null_mut(), 0)]
                {
                    // SAFETY: every input is valid for its length; buf holds cap bytes or is NULL with 0.
                    unsafe {
                        let _ = livesign_trtc_rest_url(
                            b"adminapisgp.im.qcloud.com".as_ptr(),
                            25,
                            b"openim".as_ptr(),
                            6,
                            b"sendmsg".as_ptr(),
                            7,
                            1400000000,
                            id.as_ptr(),
                            id.len(),
                            u.as_ptr(),
                            u.len(),
                            7,
                            buf,
                            cap,
                            &mut len,
                        );
                    }
                }
            }
        }
    });
    assert_eq!(n, 0, "TRTC REST or callback operations allocated {n} times");
}
