//! Criterion benches for the operations every provider shares: loading and wiping an HMAC key
//! context, and the static status and version lookups.

use std::hint::black_box;
use std::mem::MaybeUninit;

use criterion::{Criterion, criterion_group, criterion_main};
use livesign::ffi::common::{livesign_status_str, livesign_version};
use livesign::ffi::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};

fn common(c: &mut Criterion) {
    let key = b"GCTbw44s6MPLh4GqgDpnfuFHgy25Enly";
    let long_key = [b'k'; 128];
    let mut ctx = MaybeUninit::<livesign_hmac_key>::uninit();
    for (name, k) in [("common/c_hmac_key_init_32", &key[..]), ("common/c_hmac_key_init_128", &long_key[..])] {
        c.bench_function(name, |b| {
            // SAFETY: ctx is writable; k is valid for its length.
            b.iter(|| unsafe { livesign_hmac_key_init(ctx.as_mut_ptr(), black_box(k.as_ptr()), k.len()) })
        });
    }
    // SAFETY: ctx was initialised above (and stays a valid context after a wipe).
    c.bench_function("common/c_hmac_key_wipe", |b| b.iter(|| unsafe { livesign_hmac_key_wipe(ctx.as_mut_ptr()) }));
    c.bench_function("common/c_status_str", |b| b.iter(|| livesign_status_str(black_box(3))));
    c.bench_function("common/c_version", |b| b.iter(|| livesign_version()));
}

criterion_group!(benches, common);
criterion_main!(benches);
