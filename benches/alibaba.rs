//! Criterion benches for every Alibaba operation through the C API.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::alibaba::*;
use livesign::ffi::slice::livesign_slice;

const KEY: &[u8] = b"alikey12345";
const URL: &[u8] = b"rtmp://push.aliyundoc.com/app/stream?auth_key=1740562218-0-0-c69186ea43fa225e643bac4f66868cf3";
const CB_KEY: &[u8] = b"yourkey";
const DOMAIN: &[u8] = b"learn.aliyundoc.com";
const TS: &[u8] = b"1519375990";
const SIG: &[u8] = b"9e226fc2c250be266e3657e156f68c12";

fn alibaba(c: &mut Criterion) {
    let ring = [livesign_slice::of(b"secondary"), livesign_slice::of(KEY)];
    let mut out = [0u8; LIVESIGN_ALIBABA_URL_A_MAX_LEN];
    let (mut len, mut m) = (0usize, 0usize);
    c.bench_function("alibaba/url_a_build", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_alibaba_url_a_build(
                KEY.as_ptr(),
                KEY.len(),
                b"/app/stream".as_ptr(),
                11,
                black_box(1740562218),
                b"0".as_ptr(),
                1,
                b"0".as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        })
    });
    c.bench_function("alibaba/url_a_verify (2 keys)", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_alibaba_url_a_verify(
                ring.as_ptr(),
                2,
                black_box(URL).as_ptr(),
                URL.len(),
                1740562218,
                1800,
                0,
                &mut m,
            )
        })
    });
    c.bench_function("alibaba/callback_sign", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_alibaba_callback_sign(
                CB_KEY.as_ptr(),
                CB_KEY.len(),
                DOMAIN.as_ptr(),
                DOMAIN.len(),
                black_box(1519375990),
                out.as_mut_ptr(),
            )
        })
    });
    c.bench_function("alibaba/callback_verify", |b| {
        // SAFETY: every pointer is valid for the length passed.
        b.iter(|| unsafe {
            livesign_alibaba_callback_verify(
                CB_KEY.as_ptr(),
                CB_KEY.len(),
                DOMAIN.as_ptr(),
                DOMAIN.len(),
                black_box(TS).as_ptr(),
                TS.len(),
                SIG.as_ptr(),
                32,
                1519375990,
                300,
            )
        })
    });
}

criterion_group!(benches, alibaba);
criterion_main!(benches);
