//! JNI exports of the Tencent Cloud Live (CSS) operations for `io.livesign.Tencent`: `t +
//! sign`, event callbacks, push/play URLs, the legacy API and the error catalog.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jlong};

use super::{Env, INVALID_ARGUMENT, flat, ro, rw, status};
use crate::ffi::tencent::*;

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeTencentSignLen(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_tencent_sign_len() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentSign(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    t: jlong,
    out: jbyteArray,
) -> jint {
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign (no JNI); out is
    // checked to hold LIVESIGN_TENCENT_SIGN_LEN bytes before it is written.
    flat(unsafe {
        Env(env).pin([ro(key), rw(out)], |[(k, kl), (o, ol)]| {
            if ol < livesign_tencent_sign_len() {
                return INVALID_ARGUMENT;
            }
            status(livesign_tencent_sign(k, kl, t as u64, o))
        })
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeTencentVerify(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    t: jlong,
    sign: jbyteArray,
    now: jlong,
    leeway_s: jint,
) -> jint {
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign (no JNI).
    flat(unsafe {
        Env(env).pin([ro(key), ro(sign)], |[(k, kl), (s, sl)]| {
            status(livesign_tencent_verify(k, kl, t as u64, s, sl, now as u64, leeway_s as u32))
        })
    })
}
