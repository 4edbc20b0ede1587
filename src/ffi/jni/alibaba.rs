//! JNI exports of the Alibaba Cloud ApsaraVideo Live operations for `io.livesign.Alibaba`: URL
//! signing type A and callback signatures.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jintArray, jlong};

use super::{Env, INVALID_ARGUMENT, credential_time, flat, ring, ro, rw, seconds, status, variable};
use crate::ffi::alibaba::*;

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeAlibabaSignLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_alibaba_sign_len() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeAlibabaUrlABuild(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    uri: jbyteArray,
    timestamp: jlong,
    rand: jbyteArray,
    uid: jbyteArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let Ok(timestamp) = credential_time(timestamp) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut len = 0;
    let arrays = [ro(key), ro(uri), ro(rand), ro(uid), rw(out)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin(arrays, |[(k, kl), (u, ul), (r, rl), (i, il), o]| {
            let (s, l) =
                variable(o, |o, oc, ol| livesign_alibaba_url_a_build(k, kl, u, ul, timestamp, r, rl, i, il, o, oc, ol));
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeAlibabaUrlAVerify(
    env: *mut JNIEnv,
    _: jclass,
    joined_keys: jbyteArray,
    key_lens: jintArray,
    url: jbyteArray,
    now: jlong,
    validity_s: jint,
    leeway_s: jint,
    matched: jintArray,
) -> jint {
    let Ok(validity_s) = seconds(validity_s) else { return INVALID_ARGUMENT };
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let env = Env(env);
    let mut index = 0usize;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(joined_keys), ro(key_lens), ro(url)], |[keys, lens, (u, ul)]| match ring(keys, lens) {
            Ok((ring, n)) => status(livesign_alibaba_url_a_verify(
                ring.as_ptr(),
                n,
                u,
                ul,
                now as u64,
                validity_s,
                leeway_s,
                &mut index,
            )),
            Err(e) => e,
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(matched, index as jint) };
    s
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeAlibabaCallbackSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    domain: jbyteArray,
    timestamp: jlong,
    out: jbyteArray,
) -> jint {
    let Ok(timestamp) = credential_time(timestamp) else { return INVALID_ARGUMENT };
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign; out is checked to
    // hold LIVESIGN_ALIBABA_SIGN_LEN bytes.
    flat(unsafe {
        Env(env).pin([ro(key), ro(domain), rw(out)], |[(k, kl), (d, dl), (o, ol)]| {
            if ol < livesign_alibaba_sign_len() {
                return INVALID_ARGUMENT;
            }
            status(livesign_alibaba_callback_sign(k, kl, d, dl, timestamp, o))
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeAlibabaCallbackVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    domain: jbyteArray,
    timestamp: jbyteArray,
    signature: jbyteArray,
    now: jlong,
    leeway_s: jint,
) -> jint {
    let Ok(leeway_s) = seconds(leeway_s) else { return INVALID_ARGUMENT };
    let arrays = [ro(key), ro(domain), ro(timestamp), ro(signature)];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    flat(unsafe {
        Env(env).pin(arrays, |[(k, kl), (d, dl), (t, tl), (s, sl)]| {
            status(livesign_alibaba_callback_verify(k, kl, d, dl, t, tl, s, sl, now as u64, leeway_s))
        })
    })
}
