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
