//! Criterion benches for Tencent CSS `t + sign` (targets and the side-by-side comparison
//! against OpenSSL come with the performance issue).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::tencent::{livesign_tencent_sign, livesign_tencent_verify};

const KEY: &[u8] = b"5d41402abc4b2a76b9719d911017c592";
const T: u64 = 1471850187;

fn tencent(c: &mut Criterion) {
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

criterion_group!(benches, tencent);
criterion_main!(benches);
