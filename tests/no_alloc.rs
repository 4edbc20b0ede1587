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
