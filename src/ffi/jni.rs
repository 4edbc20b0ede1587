//! JNI exports for the Kotlin wrapper (`bindings/kotlin`, `io.livesign.LiveSign`), built with
//! the cargo feature `jni`. Each export borrows the Java arrays (no copy, via
//! `Get/ReleasePrimitiveArrayCritical`), calls the C function of the same operation and
//! returns its status; the Kotlin side turns statuses into `LiveSignException`s. Only key
//! contexts live on the native heap (a boxed `livesign_hmac_key`, wiped and freed by
//! `HmacKey.close()`), because Java arrays can be moved by the GC and never reliably wiped.
//! Java `long`s carry the bits of the C `uint64_t`s.

use core::ffi::c_void;

use jni_sys::{JNI_ABORT, JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jstring};

use super::common::{livesign_abi_version, livesign_status_str, livesign_version};
use super::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
use super::status::livesign_status;
use super::tencent::{livesign_tencent_sign, livesign_tencent_sign_len, livesign_tencent_verify};

const INTERNAL: jint = livesign_status::LIVESIGN_INTERNAL as jint;

/// The calling thread's JNI environment.
struct Env(*mut JNIEnv);

impl Env {
    /// Borrows a Java `byte[]` as `(ptr, len)` for the duration of `f` (NULL → empty). The
    /// array is released without copy-back unless `write` is set.
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread; `array` is NULL or a live
    /// `byte[]` reference; `f` calls no JNI function (a critical region is open).
    unsafe fn borrow<R>(&self, array: jbyteArray, write: bool, f: impl FnOnce(*mut u8, usize) -> R) -> Result<R, jint> {
        if array.is_null() {
            return Ok(f(core::ptr::null_mut(), 0));
        }
        // SAFETY: self.0 is a valid JNIEnv (caller), whose function table is JNI 1.2+.
        let table = unsafe { (**self.0).v1_2 };
        // SAFETY: array is a live byte[] (caller).
        let len = unsafe { (table.GetArrayLength)(self.0, array) };
        // SAFETY: as above; a NULL result means the VM is out of memory.
        let ptr = unsafe { (table.GetPrimitiveArrayCritical)(self.0, array, core::ptr::null_mut()) }.cast::<u8>();
        if ptr.is_null() {
            return Err(INTERNAL);
        }
        let r = f(ptr, usize::try_from(len).unwrap_or(0));
        let mode = if write { 0 } else { JNI_ABORT };
        // SAFETY: releases exactly the region opened above.
        unsafe { (table.ReleasePrimitiveArrayCritical)(self.0, array, ptr.cast::<c_void>(), mode) };
        Ok(r)
    }

    /// Writes `v` into `array[0]` of a Java `int[]` (ignored when NULL).
    ///
    /// # Safety
    /// As for [`Env::borrow`].
    unsafe fn set_int(&self, array: jintArray, v: jint) {
        if !array.is_null() {
            // SAFETY: valid env and live int[] (caller); writes one element from a local.
            unsafe { ((**self.0).v1_2.SetIntArrayRegion)(self.0, array, 0, 1, &v) };
        }
    }

    /// A new Java string from a static NUL-terminated C string.
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread.
    unsafe fn string(&self, s: *const core::ffi::c_char) -> jstring {
        // SAFETY: valid env (caller); s is a static NUL-terminated ASCII string.
        unsafe { ((**self.0).v1_2.NewStringUTF)(self.0, s) }
    }
}

fn status(s: livesign_status) -> jint {
    s as jint
}

/// Flattens the borrow result: a failed borrow already is a status.
fn flat(r: Result<jint, jint>) -> jint {
    r.unwrap_or_else(|e| e)
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeVersion(env: *mut JNIEnv, _: jclass) -> jstring {
    // SAFETY: called by the JVM with its environment.
    unsafe { Env(env).string(livesign_version()) }
}

#[unsafe(no_mangle)]
pub extern "system" fn Java_io_livesign_LiveSign_nativeAbiVersion(_: *mut JNIEnv, _: jclass) -> jint {
    livesign_abi_version() as jint
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeStatusStr(
    env: *mut JNIEnv,
    _: jclass,
    code: jint,
) -> jstring {
    // SAFETY: called by the JVM with its environment.
    unsafe { Env(env).string(livesign_status_str(code as u32)) }
}

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

/// Loads a key into a new boxed context; returns its handle (0 on failure, with the status in
/// `status_out[0]`).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHmacKeyNew(
    env: *mut JNIEnv,
    _: jclass,
    key: jbyteArray,
    status_out: jintArray,
) -> jlong {
    let env = Env(env);
    let mut ctx = Box::new(core::mem::MaybeUninit::<livesign_hmac_key>::uninit());
    // SAFETY: JVM-provided env and array; the closure calls only livesign; ctx is writable.
    let s = flat(unsafe { env.borrow(key, false, |k, kl| status(livesign_hmac_key_init(ctx.as_mut_ptr(), k, kl))) });
    // SAFETY: as above.
    unsafe { env.set_int(status_out, s) };
    if s != 0 {
        return 0;
    }
    Box::into_raw(ctx) as jlong
}

/// Wipes and frees a context made by `nativeHmacKeyNew` (0 is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeHmacKeyFree(_: *mut JNIEnv, _: jclass, handle: jlong) {
    if handle != 0 {
        let ctx = handle as *mut livesign_hmac_key;
        // SAFETY: handle came from Box::into_raw in nativeHmacKeyNew and is freed once
        // (HmacKey.close() zeroes its handle first).
        unsafe {
            livesign_hmac_key_wipe(ctx);
            drop(Box::from_raw(ctx));
        }
    }
}
