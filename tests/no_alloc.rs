//! A counting global allocator proves that signing and verifying never touch the heap,
//! through the safe API and through the C API, on every code path (one-block and multi-block
//! MD5, success and each failure).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use livesign::ffi::tencent::{livesign_tencent_sign, livesign_tencent_verify};

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
            let mut len = 0usize;
            // SAFETY: all pointers are valid for their lengths.
            unsafe {
                let (k, s) = (URL_KEY, b"huawei1");
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
