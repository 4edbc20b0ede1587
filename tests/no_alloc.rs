//! A counting global allocator proves that signing, verifying, building and reading never touch
//! the heap, through the safe API and through the C API, on every code path (one-block and
//! multi-block MD5, success and each failure).

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use livesign::ffi::json::livesign_json_unescape;
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
    use livesign::tencent::url::TxTimeForm;
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
                for form in [TxTimeForm::Hex, TxTimeForm::Decimal] {
                    let _ = std::hint::black_box(url::verify_form(&keys, u, form, 60, now, 0));
                }
                for form in [LIVESIGN_TENCENT_TX_TIME_HEX, LIVESIGN_TENCENT_TX_TIME_DECIMAL, 9] {
                    // SAFETY: all buffers are valid for the lengths passed.
                    let _ = unsafe {
                        livesign_tencent_url_verify_form(
                            ring.as_ptr(),
                            ring.len(),
                            u.as_ptr(),
                            u.len(),
                            form,
                            60,
                            now,
                            0,
                            &mut matched,
                            info.as_mut_ptr(),
                        )
                    };
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
                let _ = std::hint::black_box(callback::verify_ring_keyed(core::slice::from_ref(&loaded), body, s));
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
                    let _ = livesign_trtc_callback_verify_ring_keyed(
                        &ctx,
                        1,
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

mod huawei_alibaba {
    use super::allocations_during;
    use livesign::ffi::alibaba::*;
    use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
    use livesign::ffi::huawei::*;
    use livesign::ffi::huawei_record::*;
    use livesign::ffi::huawei_url::*;
    use livesign::ffi::json::livesign_json_unescape;
    use livesign::ffi::slice::livesign_slice;
    use livesign::huawei::{self, EventKind, Notification, RecordFields, StreamState, TimeFormat};
    use livesign::{HmacKey, alibaba};
    use std::hint::black_box;

    const KEY: &[u8] = b"0123456789abcdefghijklmnopqrstuvWXYZ";
    const URL_KEY: &[u8] = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
    const BODY: &str = r#"{"domain":"push.example.com","app":"live","stream":"example_stream","user_args":"a\u003db",
        "client_ip":"100.111.*.*","node_ip":"112.11.*.*","publish_timestamp":"1587954134","event":"PUBLISH",
        "auth_timestamp":1587954140,"auth_sign":"881453d45e1c4bdf4dbd4aeeeca4246805a575aa0d94d2319e19d17a1162c9bc"}"#;
    const ESCAPED: &str = r#"{"domain":"push.example.com","app":"live","stream":"example\u005fstream","event":"PUBL\u0049SH",
        "auth_timestamp":1587954140,"auth_sign":"881453D45E1C4BDF4DBD4AEEECA4246805A575AA0D94D2319E19D17A1162C9BC"}"#;

    fn ctx(key: &[u8]) -> livesign_hmac_key {
        let mut c = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
        // SAFETY: c is writable; key valid for its length.
        let _ = unsafe { livesign_hmac_key_init(c.as_mut_ptr(), key.as_ptr(), key.len()) };
        // SAFETY: initialised above.
        unsafe { c.assume_init() }
    }

    #[test]
    fn notifications_ordering_and_ids_never_allocate() {
        let hkey = HmacKey::new(KEY).unwrap();
        let c = ctx(KEY);
        let t = 1587954140;
        let bodies = [BODY, ESCAPED, "{}", "not json", &BODY[..100]];
        let mut out = [0u8; 256];
        let n = allocations_during(|| {
            for body in bodies {
                for now in [t, t + 1000] {
                    if let Ok(n) = black_box(Notification::verify(&hkey, body.as_bytes(), now, 300)) {
                        let _ = black_box(n.event_id(&mut out));
                        let _ = black_box(n.replay_id(&mut out));
                        let mut s = StreamState::new();
                        let _ = black_box(s.apply(n.kind, n.publish_time.unwrap_or(0)));
                        let _ = black_box(s.apply(EventKind::Unknown, 0));
                    }
                    let mut ev = core::mem::MaybeUninit::<livesign_huawei_event>::uninit();
                    // SAFETY: all pointers are valid for their lengths.
                    unsafe {
                        let _ = livesign_huawei_callback_verify(
                            KEY.as_ptr(),
                            KEY.len(),
                            body.as_ptr(),
                            body.len(),
                            now,
                            300,
                            ev.as_mut_ptr(),
                        );
                        let _ = livesign_huawei_callback_verify_keyed(
                            &c,
                            body.as_ptr(),
                            body.len(),
                            now,
                            300,
                            ev.as_mut_ptr(),
                        );
                        let ev = ev.assume_init();
                        let mut len = 0usize;
                        let _ = livesign_huawei_event_id(&ev, out.as_mut_ptr(), out.len(), &mut len);
                        let _ = livesign_huawei_event_id(&ev, core::ptr::null_mut(), 0, &mut len);
                        let _ = livesign_huawei_replay_id(&ev, out.as_mut_ptr(), out.len(), &mut len);
                        let _ = livesign_huawei_replay_id(&ev, core::ptr::null_mut(), 0, &mut len);
                        let mut state = livesign_huawei_stream::default();
                        let mut verdict = 0u32;
                        let _ = livesign_huawei_stream_apply(&mut state, &ev, &mut verdict);
                        let _ = livesign_json_unescape(
                            ev.user_args.ptr,
                            ev.user_args.len,
                            out.as_mut_ptr(),
                            out.len(),
                            &mut len,
                        );
                    }
                }
            }
            let _ = black_box(huawei::sign(&hkey, "PUBLISH", "d", "a", "s", t));
            // SAFETY: all pointers are valid for their lengths; out holds 64 bytes.
            unsafe {
                let p = b"PUBLISH";
                let _ = livesign_huawei_sign(
                    KEY.as_ptr(),
                    KEY.len(),
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    t,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_sign_keyed(
                    &c,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    t,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_sign(
                    KEY.as_ptr(),
                    3,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    p.as_ptr(),
                    7,
                    t,
                    out.as_mut_ptr(),
                );
            }
        });
        assert_eq!(n, 0, "Huawei notifications allocated {n} times");
    }

    #[test]
    fn urls_never_allocate() {
        let hkey = HmacKey::new(URL_KEY).unwrap();
        let c = [ctx(URL_KEY), ctx(URL_KEY)];
        let ring = [livesign_slice::of(b"0ther0therOTHER0ther0therOTHER00"), livesign_slice::of(URL_KEY)];
        let mut out = [0u8; 256];
        let n = allocations_during(|| {
            for format in [TimeFormat::Decimal, TimeFormat::Hex] {
                let q =
                    huawei::url_a_build(URL_KEY, "/livetest/huawei1.flv", 1592639100, format, "477b3bbc", "0").unwrap();
                let mut url = [0u8; 256];
                let prefix = b"/livetest/huawei1.flv?";
                url[..prefix.len()].copy_from_slice(prefix);
                url[prefix.len()..prefix.len() + q.as_bytes().len()].copy_from_slice(q.as_bytes());
                let url = &url[..prefix.len() + q.as_bytes().len()];
                for now in [1592639100, u64::MAX] {
                    let _ = black_box(huawei::url_a_verify(&[URL_KEY], url, format, now, 60, 0));
                    let _ = black_box(huawei::url_a_verify(&[URL_KEY], b"junk", format, now, 60, 0));
                    let mut m = 0usize;
                    // SAFETY: all pointers are valid for their lengths.
                    unsafe {
                        let _ = livesign_huawei_url_a_verify(
                            ring.as_ptr(),
                            2,
                            url.as_ptr(),
                            url.len(),
                            1,
                            now,
                            60,
                            0,
                            &mut m,
                        );
                    }
                }
            }
            let q = huawei::url_d_build(&hkey, "huawei1", 0x5eed5888).unwrap();
            let _ = black_box(huawei::url_d_secret(&hkey, "huawei1", 0x5eed5888));
            let mut url = [0u8; 256];
            url[..6].copy_from_slice(b"/a/b?x");
            url[5..5 + q.as_bytes().len()].copy_from_slice(q.as_bytes());
            let url = &url[..5 + q.as_bytes().len()];
            for now in [0x5eed5888, u64::MAX] {
                let _ = black_box(huawei::url_d_verify(core::slice::from_ref(&hkey), "huawei1", url, now, 60, 0));
                let mut m = 0usize;
                // SAFETY: all pointers are valid for their lengths.
                unsafe {
                    let _ = livesign_huawei_url_d_verify(
                        ring.as_ptr(),
                        2,
                        b"huawei1".as_ptr(),
                        7,
                        url.as_ptr(),
                        url.len(),
                        now,
                        60,
                        0,
                        &mut m,
                    );
                    let _ = livesign_huawei_url_d_verify_keyed(
                        c.as_ptr(),
                        2,
                        b"huawei1".as_ptr(),
                        7,
                        url.as_ptr(),
                        url.len(),
                        now,
                        60,
                        0,
                        &mut m,
                    );
                }
            }
            let q = huawei::url_b_build(URL_KEY, "huawei1", 0x5eed5888).unwrap();
            let _ = black_box(huawei::url_b_build(b"bad", "huawei1", 1));
            let mut url = [0u8; 256];
            url[..5].copy_from_slice(b"/a/b?");
            url[5..5 + q.as_bytes().len()].copy_from_slice(q.as_bytes());
            let url = &url[..5 + q.as_bytes().len()];
            for now in [0x5eed5888, u64::MAX] {
                let _ = black_box(huawei::url_b_verify(&[URL_KEY], "huawei1", url, now, 60, 0));
                let _ = black_box(huawei::url_b_verify(&[URL_KEY], "huawei1", b"junk", now, 60, 0));
                let mut m = 0usize;
                // SAFETY: all pointers are valid for their lengths.
                unsafe {
                    let _ = livesign_huawei_url_b_verify(
                        ring.as_ptr(),
                        2,
                        b"huawei1".as_ptr(),
                        7,
                        url.as_ptr(),
                        url.len(),
                        now,
                        60,
                        0,
                        &mut m,
                    );
                }
            }
            let mut len = 0usize;
            // SAFETY: all pointers are valid for their lengths.
            unsafe {
                let (k, s) = (URL_KEY, b"huawei1");
                let _ = livesign_huawei_url_b_build(
                    k.as_ptr(),
                    32,
                    s.as_ptr(),
                    7,
                    0x5eed5888,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut len,
                );
                let _ =
                    livesign_huawei_url_b_build(k.as_ptr(), 32, s.as_ptr(), 7, 1, core::ptr::null_mut(), 0, &mut len);
                let _ = livesign_huawei_url_a_build(
                    k.as_ptr(),
                    32,
                    b"/a".as_ptr(),
                    2,
                    1,
                    0,
                    b"0".as_ptr(),
                    1,
                    b"0".as_ptr(),
                    1,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut len,
                );
                let _ = livesign_huawei_url_a_build(
                    k.as_ptr(),
                    32,
                    b"/a".as_ptr(),
                    2,
                    1,
                    0,
                    b"0".as_ptr(),
                    1,
                    b"0".as_ptr(),
                    1,
                    core::ptr::null_mut(),
                    0,
                    &mut len,
                );
                let _ = livesign_huawei_url_d_build(
                    k.as_ptr(),
                    32,
                    s.as_ptr(),
                    7,
                    1,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut len,
                );
                let _ = livesign_huawei_url_d_build_keyed(&c[0], s.as_ptr(), 7, 1, out.as_mut_ptr(), 3, &mut len);
                let ali = b"alikey12345";
                let _ = livesign_alibaba_url_a_build(
                    ali.as_ptr(),
                    11,
                    b"/app/stream".as_ptr(),
                    11,
                    1740562218,
                    b"0".as_ptr(),
                    1,
                    b"0".as_ptr(),
                    1,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut len,
                );
                let r = [livesign_slice::of(ali)];
                let url = &out[..len];
                let mut full = [0u8; 256];
                full[..12].copy_from_slice(b"/app/stream?");
                full[12..12 + url.len()].copy_from_slice(url);
                let mut m = 0usize;
                let _ = livesign_alibaba_url_a_verify(
                    r.as_ptr(),
                    1,
                    full.as_ptr(),
                    12 + url.len(),
                    1740562218,
                    1800,
                    0,
                    &mut m,
                );
                let _ = black_box(alibaba::url_a_verify(&[ali], &full[..12 + url.len()], 1740562218, 1800, 0));
            }
        });
        assert_eq!(n, 0, "URL signing allocated {n} times");
    }

    #[test]
    fn recording_sparkrtc_and_alibaba_callbacks_never_allocate() {
        let key = b"abcdefghijklmnopqrstuvwxyz012345";
        let hkey = HmacKey::new(key).unwrap();
        let c = ctx(key);
        let f = RecordFields {
            auth_timestamp: 1700000000,
            event_type: "RECORD_OVER",
            publish_domain: "d",
            app: "a",
            stream: "s",
            ..Default::default()
        };
        let mut out = [0u8; 64];
        let n = allocations_during(|| {
            let sign = huawei::record_sign(&hkey, &f).unwrap();
            let _ = black_box(huawei::record_verify(&hkey, &f, sign.as_bytes(), 1700000000, 300));
            let md5 = huawei::record_md5_sign(key, 1700000000).unwrap();
            let _ = black_box(huawei::record_md5_verify(key, 1700000000, md5.as_bytes(), u64::MAX, 300));
            let spark = huawei::sparkrtc_sign(&hkey, "r", "1700000000", b"{}").unwrap();
            let _ =
                black_box(huawei::sparkrtc_verify(&hkey, "r", "1700000000", b"{}", spark.as_bytes(), 1700000000, 300));
            let ali = alibaba::callback_sign(b"yourkey", "learn.aliyundoc.com", 1519375990).unwrap();
            let _ = black_box(alibaba::callback_verify(
                b"yourkey",
                "learn.aliyundoc.com",
                "1519375990",
                ali.as_bytes(),
                0,
                300,
            ));
            // SAFETY: all pointers are valid for their lengths; out holds 64 bytes.
            unsafe {
                let (e, d) = (b"RECORD_OVER", b"d");
                let _ = livesign_huawei_record_sign(
                    key.as_ptr(),
                    32,
                    1,
                    e.as_ptr(),
                    11,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_record_sign_keyed(
                    &c,
                    1,
                    e.as_ptr(),
                    11,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_record_verify(
                    key.as_ptr(),
                    32,
                    1,
                    e.as_ptr(),
                    11,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    out.as_ptr(),
                    64,
                    1,
                    0,
                );
                let _ = livesign_huawei_record_verify_keyed(
                    &c,
                    1,
                    e.as_ptr(),
                    11,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    d.as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    core::ptr::null(),
                    0,
                    out.as_ptr(),
                    64,
                    1,
                    0,
                );
                let _ = livesign_huawei_record_md5_sign(key.as_ptr(), 32, 1, out.as_mut_ptr());
                let _ = livesign_huawei_record_md5_verify(key.as_ptr(), 32, 1, out.as_ptr(), 32, 1, 0);
                let (r, t, b) = (b"r", b"1700000000", b"{}");
                let _ = livesign_huawei_sparkrtc_sign(
                    key.as_ptr(),
                    32,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_sparkrtc_sign_keyed(
                    &c,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_mut_ptr(),
                );
                let _ = livesign_huawei_sparkrtc_verify(
                    key.as_ptr(),
                    32,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_ptr(),
                    64,
                    1700000000,
                    0,
                );
                let _ = livesign_huawei_sparkrtc_verify_keyed(
                    &c,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_ptr(),
                    64,
                    1700000000,
                    0,
                );
                let _ = livesign_huawei_sparkrtc_verify_unit(
                    key.as_ptr(),
                    32,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_ptr(),
                    64,
                    LIVESIGN_HUAWEI_SPARKRTC_UNIT_SECONDS,
                    1700000000,
                    0,
                );
                let _ = livesign_huawei_sparkrtc_verify_unit_keyed(
                    &c,
                    r.as_ptr(),
                    1,
                    t.as_ptr(),
                    10,
                    b.as_ptr(),
                    2,
                    out.as_ptr(),
                    64,
                    LIVESIGN_HUAWEI_SPARKRTC_UNIT_MILLISECONDS,
                    1700000000,
                    0,
                );
                let (k, dom, ts) = (b"yourkey", b"learn.aliyundoc.com", b"1519375990");
                let _ = livesign_alibaba_callback_sign(
                    k.as_ptr(),
                    7,
                    dom.as_ptr(),
                    dom.len(),
                    1519375990,
                    out.as_mut_ptr(),
                );
                let _ = livesign_alibaba_callback_verify(
                    k.as_ptr(),
                    7,
                    dom.as_ptr(),
                    dom.len(),
                    ts.as_ptr(),
                    10,
                    out.as_ptr(),
                    32,
                    1519375990,
                    300,
                );
            }
        });
        assert_eq!(n, 0, "callback signing allocated {n} times");
    }
}

#[test]
fn usersig_and_privmap_never_allocate() {
    use livesign::HmacKey;
    use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init};
    use livesign::ffi::trtc::*;
    use livesign::trtc::{self, Room};

    // Everything that allocates (reading the vectors) happens before the count starts.
    let vectors = support::usersig::vectors();
    let keys: Vec<HmacKey> = vectors.iter().map(|v| HmacKey::new(v.key.as_bytes()).unwrap()).collect();
    let mut ctx = std::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    let raw = b"5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
    // SAFETY: ctx is writable; raw is valid for its length.
    assert_eq!(unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), raw.as_ptr(), raw.len()) } as u32, 0);
    // SAFETY: initialised just above.
    let ctx = unsafe { ctx.assume_init() };
    let mut out = [0u8; LIVESIGN_USERSIG_MAX_LEN];
    let mut out_len = 0usize;
    let mut info = std::mem::MaybeUninit::<livesign_usersig_info>::uninit();
    let mut parsed = std::mem::MaybeUninit::<livesign_privmap_info>::uninit();
    let mut ok = 0;

    let n = allocations_during(|| {
        for (v, key) in vectors.iter().zip(&keys) {
            let t = v.usersig.as_bytes();
            for now in [v.time, v.time + v.expire + 1] {
                ok += usize::from(trtc::usersig_verify(key, v.sdkappid, &v.identifier, t, now, 0).is_ok());
                let _ = std::hint::black_box(trtc::usersig_verify(key, v.sdkappid + 1, &v.identifier, t, now, 0));
                // SAFETY: every buffer is valid for the length passed; info is writable.
                unsafe {
                    let s = livesign_usersig_verify(
                        v.sdkappid,
                        v.key.as_ptr(),
                        v.key.len(),
                        v.identifier.as_ptr(),
                        v.identifier.len(),
                        t.as_ptr(),
                        t.len(),
                        now,
                        0,
                        info.as_mut_ptr(),
                    );
                    let _ = std::hint::black_box(s);
                }
            }
            let inspected = trtc::usersig_inspect(t).map(|i| i.userbuf().map(<[u8]>::len));
            std::hint::black_box(&inspected);
            // SAFETY: t is valid for its length; info and parsed are writable.
            unsafe {
                let _ = livesign_usersig_inspect(t.as_ptr(), t.len(), info.as_mut_ptr());
                let i = info.assume_init_ref();
                let _ = livesign_privmap_parse(i.userbuf.as_ptr(), i.userbuf_len, parsed.as_mut_ptr());
            }
            let _ = trtc::usersig_gen(key, v.sdkappid, &v.identifier, v.expire, v.time, b"abc", &mut out);
            if let Ok(u) = trtc::usersig_inspect(t) {
                let _ = std::hint::black_box(u.userbuf().map(trtc::privmap_parse));
            }
            let room = v.roomstr.as_deref().map_or(Room::Id(v.roomid.unwrap_or(7)), |s| Room::Name(s.as_bytes()));
            let _ = trtc::privmap_gen(key, v.sdkappid, &v.identifier, v.expire, v.time, room, 255, &mut out);
        }
        // The C generators, raw and keyed, and their failure paths.
        let id = b"xiaojun";
        // SAFETY: every buffer is valid for the length passed; ctx is loaded.
        unsafe {
            let _ = livesign_usersig_gen(
                1,
                raw.as_ptr(),
                64,
                id.as_ptr(),
                7,
                1,
                2,
                b"ub".as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_usersig_gen_keyed(
                1,
                &ctx,
                id.as_ptr(),
                7,
                1,
                2,
                std::ptr::null(),
                0,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_usersig_gen_keyed(
                1,
                &ctx,
                id.as_ptr(),
                7,
                1,
                2,
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
                0,
                &mut out_len,
            );
            let _ = livesign_usersig_len(1, id.as_ptr(), 7, 1, 2, 3);
            let _ =
                livesign_usersig_verify_keyed(1, &ctx, id.as_ptr(), 7, out.as_ptr(), out_len, 2, 0, info.as_mut_ptr());
            let _ =
                livesign_usersig_verify_keyed(1, &ctx, id.as_ptr(), 7, b"junk".as_ptr(), 4, 2, 0, info.as_mut_ptr());
            let _ = livesign_privmap_gen(
                1,
                raw.as_ptr(),
                64,
                id.as_ptr(),
                7,
                1,
                2,
                3,
                255,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_privmap_gen_keyed(
                1,
                &ctx,
                id.as_ptr(),
                7,
                1,
                2,
                3,
                255,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_privmap_gen_roomstr(
                1,
                raw.as_ptr(),
                64,
                id.as_ptr(),
                7,
                1,
                2,
                b"r".as_ptr(),
                1,
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_privmap_gen_roomstr_keyed(
                1,
                &ctx,
                id.as_ptr(),
                7,
                1,
                2,
                b"r".as_ptr(),
                1,
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
            let _ = livesign_privmap_gen_roomstr_keyed(
                1,
                &ctx,
                "é".as_ptr(),
                2,
                1,
                2,
                b"r".as_ptr(),
                1,
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len,
            );
        }
    });
    assert_eq!(ok, vectors.len(), "every vector verified inside the counted region");
    assert_eq!(n, 0, "UserSig / PrivateMapKey code allocated {n} times");
}

/// The key context's life cycle (loading short, block-sized and hashed long keys, refusing
/// bad ones, wiping) and every constant, size and message function.
#[test]
fn key_contexts_and_constant_functions_never_allocate() {
    use livesign::ffi::alibaba::livesign_alibaba_sign_len;
    use livesign::ffi::common::{livesign_abi_version, livesign_status_str, livesign_version};
    use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
    use livesign::ffi::huawei::livesign_huawei_sign_len;
    use livesign::ffi::huawei_record::livesign_huawei_record_md5_len;
    use livesign::ffi::limits::*;
    use livesign::ffi::trtc::livesign_usersig_max_len;
    use livesign::ffi::trtc_callback::livesign_trtc_callback_sign_len;

    let long = [b'k'; 2048];
    let mut ctx = core::mem::MaybeUninit::<livesign_hmac_key>::uninit();
    let n = allocations_during(|| {
        for len in [0, 1, 32, 64, 65, 1024, 1025, 2048] {
            // SAFETY: ctx is writable; long holds at least len bytes.
            unsafe {
                let _ = std::hint::black_box(livesign_hmac_key_init(ctx.as_mut_ptr(), long.as_ptr(), len));
                livesign_hmac_key_wipe(ctx.as_mut_ptr());
            }
        }
        // SAFETY: NULL context and NULL key with a length are the failures under test.
        unsafe {
            let _ = std::hint::black_box(livesign_hmac_key_init(core::ptr::null_mut(), long.as_ptr(), 4));
            let _ = std::hint::black_box(livesign_hmac_key_init(ctx.as_mut_ptr(), core::ptr::null(), 4));
            livesign_hmac_key_wipe(core::ptr::null_mut());
        }
        for status in [0, 1, 7, 8, 255, u32::MAX] {
            std::hint::black_box(livesign_status_str(status));
        }
        std::hint::black_box((livesign_abi_version(), livesign_version()));
        std::hint::black_box([
            livesign_max_body_len(),
            livesign_max_response_len(),
            livesign_max_url_len(),
            livesign_max_id_len(),
            livesign_max_key_len(),
            livesign_tencent_sign_len(),
            livesign_tencent_tx_secret_len(),
            livesign_trtc_callback_sign_len(),
            livesign_usersig_max_len(),
            livesign_huawei_sign_len(),
            livesign_huawei_record_md5_len(),
            livesign_alibaba_sign_len(),
        ]);
    });
    assert_eq!(n, 0, "key contexts or constant functions allocated {n} times");
}

/// "Every exported function" must mean every one: each function of the header is called by
/// this file (by its whole name, outside comments), so a new export cannot skip the count.
#[test]
fn every_header_function_is_counted_here() {
    let names = support::header::functions(&support::header::text());
    assert!(names.len() > 80, "found only {} functions", names.len());
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/no_alloc.rs")).unwrap();
    let code: String = src.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let missing: Vec<&String> = names.iter().filter(|n| !support::header::calls(&code, n)).collect();
    assert!(missing.is_empty(), "tests/no_alloc.rs never calls {missing:?}");
}
