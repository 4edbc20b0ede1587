//! JNI exports of the Tencent Cloud Live (CSS) operations for `io.livesign.Tencent`.

use jni_sys::{JNIEnv, jbyteArray, jclass, jint, jlong};

use super::{Env, flat, status};
use crate::ffi::status::livesign_status;
use crate::ffi::tencent::{livesign_tencent_sign, livesign_tencent_sign_len, livesign_tencent_verify};

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
    let env = Env(env);
    // SAFETY: JVM-provided env and arrays; the closures call only livesign (no JNI); out is
    // checked to hold LIVESIGN_TENCENT_SIGN_LEN bytes before it is written.
    flat(unsafe {
        env.borrow(key, false, |k, kl| {
            env.borrow(out, true, |o, ol| {
                if ol < livesign_tencent_sign_len() {
                    return status(livesign_status::LIVESIGN_INVALID_ARGUMENT);
                }
                status(livesign_tencent_sign(k, kl, t as u64, o))
            })
        })
        .and_then(|r| r)
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
    let env = Env(env);
    // SAFETY: JVM-provided env and arrays; the closures call only livesign (no JNI).
    flat(unsafe {
        env.borrow(key, false, |k, kl| {
            env.borrow(sign, false, |s, sl| {
                status(livesign_tencent_verify(k, kl, t as u64, s, sl, now as u64, leeway_s as u32))
            })
        })
        .and_then(|r| r)
    })
}
