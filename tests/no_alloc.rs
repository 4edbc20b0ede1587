//! A counting global allocator proves that signing and verifying never touch the heap,
//! through the safe API and through the C API, on every code path (one-block and multi-block
//! MD5, success and each failure; UserSig tokens of every official format).

mod support;

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
