//! JNI exports for the Kotlin wrapper (`bindings/kotlin`, `io.livesign.LiveSign`), built with
//! the cargo feature `jni`. Each export borrows the Java arrays (no copy, via
//! `Get/ReleasePrimitiveArrayCritical`), calls the C function of the same operation and
//! returns its status; the Kotlin side turns statuses into `LiveSignException`s. Only key
//! contexts live on the native heap (a boxed `livesign_hmac_key`, wiped and freed by
//! `HmacKey.close()`), because Java arrays can be moved by the GC and never reliably wiped.
//! Java `long`s carry the bits of the C `uint64_t`s.

use core::ffi::c_void;

use jni_sys::{JNI_ABORT, JNIEnv, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jstring};

use super::common::{livesign_abi_version, livesign_status_str, livesign_version};
use super::hmac_key::{livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
use super::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use super::status::livesign_status;

// One file per provider, like the C exports.
mod tencent;
mod trtc;

const INTERNAL: jint = livesign_status::LIVESIGN_INTERNAL as jint;

/// The calling thread's JNI environment.
struct Env(*mut JNIEnv);

impl Env {
    /// Borrows a Java primitive array as `(ptr, element count)` for the duration of `f`
    /// (NULL → empty). The array is released without copy-back unless `write` is set.
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

    /// Writes `values` into the start of a Java `long[]` (ignored when NULL).
    ///
    /// # Safety
    /// As for [`Env::borrow`]; the array holds at least `values.len()` elements.
    unsafe fn set_longs(&self, array: jlongArray, values: &[jlong]) {
        if !array.is_null() {
            // SAFETY: valid env and live long[] (caller); reads values.len() locals.
            unsafe { ((**self.0).v1_2.SetLongArrayRegion)(self.0, array, 0, values.len() as i32, values.as_ptr()) };
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

/// `(offset, len)` of a slice inside the input it views (base `base`), for Kotlin to cut the
/// string out of its own array; `(-1, 0)` for an absent field.
fn span(base: *const u8, s: livesign_slice) -> [jlong; 2] {
    if s.ptr.is_null() { [-1, 0] } else { [(s.ptr as usize - base as usize) as jlong, s.len as jlong] }
}

/// Runs a `(out, out_cap, out_len)` call with a Java output array (NULL = size query) and
/// reports `*out_len` in `out_len[0]`.
///
/// # Safety
/// As for [`Env::borrow`]; `call` calls no JNI function.
unsafe fn variable(
    env: &Env,
    out: jbyteArray,
    out_len: jintArray,
    call: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status,
) -> jint {
    let mut len = 0usize;
    // SAFETY: forwarded to the caller's guarantee.
    let s = flat(unsafe { env.borrow(out, true, |o, ol| status(call(o, ol, &mut len))) });
    // SAFETY: as above.
    unsafe { env.set_int(out_len, jint::try_from(len).unwrap_or(jint::MAX)) };
    s
}

/// Borrows a key ring passed as all keys concatenated plus their lengths.
///
/// # Safety
/// As for [`Env::borrow`]; `f` calls no JNI function.
unsafe fn with_ring(
    env: &Env,
    joined: jbyteArray,
    lens: jintArray,
    f: impl FnOnce(*const livesign_slice, usize) -> jint,
) -> jint {
    // SAFETY: forwarded to the caller's guarantee; the int[] is borrowed like a byte[] (its
    // length is ll elements); every pointer made below stays inside the borrowed regions.
    flat(unsafe {
        env.borrow(joined, false, |k, kl| {
            env.borrow(lens, false, |l, ll| {
                let n = ll; // GetArrayLength counts elements: ll jints
                if n == 0 || n > LIVESIGN_MAX_KEYS {
                    return status(livesign_status::LIVESIGN_INVALID_ARGUMENT);
                }
                let mut ring = [livesign_slice::EMPTY; LIVESIGN_MAX_KEYS];
                let mut offset = 0usize;
                for (i, slot) in ring.iter_mut().take(n).enumerate() {
                    // l points to n jints; the JVM aligns int[] elements.
                    let len = l.cast::<jint>().add(i).read();
                    let Ok(len) = usize::try_from(len) else {
                        return status(livesign_status::LIVESIGN_INVALID_ARGUMENT);
                    };
                    if offset + len > kl {
                        return status(livesign_status::LIVESIGN_INVALID_ARGUMENT);
                    }
                    // offset + len <= kl: inside the borrowed key bytes.
                    *slot = livesign_slice { ptr: k.add(offset), len };
                    offset += len;
                }
                f(ring.as_ptr(), n)
            })
        })
        .and_then(|r| r)
    })
}
