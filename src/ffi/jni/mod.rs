//! JNI exports for the Kotlin wrapper (`bindings/kotlin`, `io.livesign.LiveSign`), built with
//! the cargo feature `jni`. Each export pins the Java arrays it gets (no copy, via
//! `Get/ReleasePrimitiveArrayCritical`), calls the C function of the same operation and
//! returns its status; the Kotlin side turns statuses into `LiveSignException`s. Only key
//! contexts live on the native heap (a boxed `livesign_hmac_key`, wiped and freed by
//! `HmacKey.close()`), because Java arrays can be moved by the GC and never reliably wiped.
//! Java `long`s carry the bits of the C `uint64_t`s.
//!
//! JNI forbids every other JNI call while a critical region is open, so an export pins all
//! its arrays at once with [`Env::pin`] (lengths read first), runs only livesign inside, and
//! writes its results back (`set_int`, `set_longs`, strings) after the regions are closed.

use core::ffi::{c_char, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};

use jni_sys::{
    JNI_ABORT, JNIEnv, jarray, jbyteArray, jclass, jint, jintArray, jlong, jlongArray, jobjectArray, jstring,
};

use super::common::{livesign_abi_version, livesign_status_str, livesign_version};
use super::hmac_key::{WIPED, livesign_hmac_key, livesign_hmac_key_init, livesign_hmac_key_wipe};
use super::json::livesign_json_unescape;
use super::limits::{
    livesign_max_body_len, livesign_max_id_len, livesign_max_key_len, livesign_max_response_len, livesign_max_url_len,
};
use super::slice::{LIVESIGN_MAX_KEYS, livesign_slice};
use super::status::livesign_status;

// One file per provider, like the C exports.
mod alibaba;
mod huawei;
mod tencent;
mod trtc;

const INTERNAL: jint = livesign_status::LIVESIGN_INTERNAL as jint;
const INVALID_ARGUMENT: jint = livesign_status::LIVESIGN_INVALID_ARGUMENT as jint;

/// A Java primitive array handed to an export (NULL allowed), and whether livesign writes it.
#[derive(Clone, Copy)]
struct Array {
    raw: jarray,
    write: bool,
}

/// An array livesign only reads.
fn ro(raw: jarray) -> Array {
    Array { raw, write: false }
}

/// An array livesign writes (copied back when released).
fn rw(raw: jarray) -> Array {
    Array { raw, write: true }
}

/// A pinned array: its first element and its element count; `(NULL, 0)` for a NULL or empty
/// array (livesign's empty input, or a size query for an output).
type Pinned = (*mut u8, usize);

/// The calling thread's JNI environment.
struct Env(*mut JNIEnv);

impl Env {
    /// Pins `arrays` for the duration of `f`, which gets each as a [`Pinned`]. All lengths are
    /// read before the first critical region opens; the regions are released in reverse order,
    /// without copy-back for read-only arrays. `Err(LIVESIGN_INTERNAL)` when the VM cannot pin
    /// an array (it then has an OutOfMemoryError pending) or `f` panics.
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread; each array is NULL or a live
    /// primitive array reference; `f` calls no JNI function.
    unsafe fn pin<const N: usize, R>(&self, arrays: [Array; N], f: impl FnOnce([Pinned; N]) -> R) -> Result<R, jint> {
        // SAFETY: self.0 is a valid JNIEnv (caller), whose function table is JNI 1.2+.
        let table = unsafe { (**self.0).v1_2 };
        let mut pinned: [Pinned; N] = [(core::ptr::null_mut(), 0); N];
        for (slot, a) in pinned.iter_mut().zip(&arrays) {
            if !a.raw.is_null() {
                // SAFETY: a live array (caller); no critical region is open yet.
                slot.1 = usize::try_from(unsafe { (table.GetArrayLength)(self.0, a.raw) }).unwrap_or(0);
            }
        }
        let mut ok = true;
        for (slot, a) in pinned.iter_mut().zip(&arrays) {
            if slot.1 == 0 {
                continue;
            }
            // SAFETY: a live non-empty array (caller); nesting critical regions is allowed.
            let p = unsafe { (table.GetPrimitiveArrayCritical)(self.0, a.raw, core::ptr::null_mut()) };
            if p.is_null() {
                slot.1 = 0;
                ok = false;
                break;
            }
            slot.0 = p.cast::<u8>();
        }
        // The glue inside (array views, the C call) is where a JNI export's work happens: a
        // panic there is LIVESIGN_INTERNAL with the regions released, not an aborted VM.
        let guarded = || catch_unwind(AssertUnwindSafe(|| f(pinned))).map_err(|_| INTERNAL);
        let result = if ok { guarded() } else { Err(INTERNAL) };
        for (slot, a) in pinned.iter().zip(&arrays).rev() {
            if !slot.0.is_null() {
                let mode = if a.write { 0 } else { JNI_ABORT };
                // SAFETY: releases exactly a region opened above (allowed with an exception
                // pending).
                unsafe { (table.ReleasePrimitiveArrayCritical)(self.0, a.raw, slot.0.cast::<c_void>(), mode) };
            }
        }
        result
    }

    /// Whether a Java exception is pending (an OutOfMemoryError from a failed pin or string):
    /// JNI then allows only a few functions, so the writers below do nothing and the Java
    /// side sees the exception.
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread, outside any critical region.
    unsafe fn exception_pending(&self) -> bool {
        // SAFETY: valid env (caller); ExceptionCheck is allowed with an exception pending.
        unsafe { ((**self.0).v1_2.ExceptionCheck)(self.0) }
    }

    /// Writes `v` into `array[0]` of a Java `int[]` (ignored when NULL or when an exception is
    /// pending).
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread, outside any critical region;
    /// `array` is NULL or a live `int[]` with at least one element.
    unsafe fn set_int(&self, array: jintArray, v: jint) {
        // SAFETY: forwarded to the caller's guarantee.
        if !array.is_null() && !unsafe { self.exception_pending() } {
            // SAFETY: valid env and live int[] (caller); writes one element from a local.
            unsafe { ((**self.0).v1_2.SetIntArrayRegion)(self.0, array, 0, 1, &v) };
        }
    }

    /// Writes `values` into the start of a Java `long[]` (ignored when NULL or when an
    /// exception is pending).
    ///
    /// # Safety
    /// As for [`Env::set_int`]; the array holds at least `values.len()` elements.
    unsafe fn set_longs(&self, array: jlongArray, values: &[jlong]) {
        // SAFETY: forwarded to the caller's guarantee.
        if !array.is_null() && !unsafe { self.exception_pending() } {
            let n = jint::try_from(values.len()).unwrap_or(0);
            // SAFETY: valid env and live long[] (caller); reads n locals.
            unsafe { ((**self.0).v1_2.SetLongArrayRegion)(self.0, array, 0, n, values.as_ptr()) };
        }
    }

    /// A new Java string from a static NUL-terminated C string; Java `null` for NULL or when an
    /// exception is pending.
    ///
    /// # Safety
    /// `self.0` is the JNI environment of the current thread, outside any critical region;
    /// `s` is NULL or a static NUL-terminated ASCII string.
    unsafe fn string(&self, s: *const c_char) -> jstring {
        // SAFETY: forwarded to the caller's guarantee.
        if s.is_null() || unsafe { self.exception_pending() } {
            return core::ptr::null_mut();
        }
        // SAFETY: valid env (caller); s is a static NUL-terminated ASCII string.
        unsafe { ((**self.0).v1_2.NewStringUTF)(self.0, s) }
    }

    /// Stores a new Java string from a static C string at `array[index]` of a `String[]`;
    /// false when the VM ran out of memory (an exception is then pending: stop there).
    ///
    /// # Safety
    /// As for [`Env::string`]; `array` is a live `String[]` longer than `index`.
    unsafe fn set_string(&self, array: jobjectArray, index: jint, s: *const c_char) -> bool {
        // SAFETY: forwarded to the caller's guarantee.
        let value = unsafe { self.string(s) };
        if value.is_null() {
            return false;
        }
        // SAFETY: valid env, live String[] and index inside it (caller); value is a String.
        unsafe { ((**self.0).v1_2.SetObjectArrayElement)(self.0, array, index, value) };
        true
    }
}

fn status(s: livesign_status) -> jint {
    s as jint
}

/// A count of seconds from Kotlin (an `Int`: a leeway, validity, duration or maximum age) as
/// the C `uint32_t`. A negative one is out of range (`Err`: answer
/// `LIVESIGN_INVALID_ARGUMENT`), never reinterpreted as about 4.29e9 s: a leeway of -1 would
/// otherwise accept any expired token.
fn seconds(s: jint) -> Result<u32, ()> {
    u32::try_from(s).map_err(drop)
}

/// A time or lifetime written into a credential being made (a UserSig's `expire` and issue
/// time, a `t`, a URL or callback timestamp), from a Kotlin `Long`. A negative one is out of
/// range (`Err`: answer `LIVESIGN_INVALID_ARGUMENT`), never reinterpreted as about 1.8e19 s:
/// -1 would otherwise make a credential that never expires. (Verifiers keep the raw bits: a
/// negative `now` only fails closed.)
fn credential_time(s: jlong) -> Result<u64, ()> {
    u64::try_from(s).map_err(drop)
}

/// Flattens a pinned call: a failed pin already is a status.
fn flat(r: Result<jint, jint>) -> jint {
    r.unwrap_or_else(|e| e)
}

/// `(offset, len)` of a slice inside the input it views (pinned at `base`), for Kotlin to cut
/// the string out of its own array; `(-1, 0)` for an absent field and `(0, 0)` for a present
/// empty one (whose pointer livesign does not promise to place).
fn span(base: *const u8, s: livesign_slice) -> [jlong; 2] {
    if s.ptr.is_null() {
        return [-1, 0];
    }
    match (s.ptr as usize).checked_sub(base as usize) {
        Some(offset) if s.len > 0 => [offset as jlong, s.len as jlong],
        _ => [0, 0],
    }
}

/// A C field reader: `(body, body_len, name, name_len, *value)`.
type FieldReader = unsafe extern "C" fn(*const u8, usize, *const u8, usize, *mut livesign_slice) -> livesign_status;

/// Runs a field reader on a Java body and name, and fills `value_span` (a `long[2]`) with the
/// `(offset, len)` of the field's raw JSON text in `body` (see [`span`]).
///
/// # Safety
/// `env` is the JNI environment of the current thread; the arrays are live Java arrays (or
/// NULL); `read` follows the C contract of the header's field readers.
unsafe fn field_span(
    env: *mut JNIEnv,
    body: jbyteArray,
    name: jbyteArray,
    value_span: jlongArray,
    read: FieldReader,
) -> jint {
    let env = Env(env);
    let mut values = [-1 as jlong, 0];
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(body), ro(name)], |[(b, bl), (n, nl)]| {
            let mut v = livesign_slice::EMPTY;
            let s = read(b, bl, n, nl, &mut v);
            values = span(b, v);
            status(s)
        })
    });
    // SAFETY: as above, the regions are closed; Kotlin passes a long[2].
    unsafe { env.set_longs(value_span, &values) };
    s
}

/// Runs a `(out, out_cap, out_len)` call on a pinned output array (`(NULL, 0)`: a size query);
/// returns the status and `*out_len`, for `set_int` once the regions are closed.
fn variable(out: Pinned, call: impl FnOnce(*mut u8, usize, *mut usize) -> livesign_status) -> (jint, jint) {
    let mut len = 0usize;
    let s = status(call(out.0, out.1, &mut len));
    (s, jint::try_from(len).unwrap_or(jint::MAX))
}

/// Copies `src` to the start of a pinned output array (`(NULL, 0)` takes only an empty
/// `src`); false when it does not fit.
///
/// # Safety
/// `dst` is a pinned writable byte[] (see [`rw`]).
unsafe fn copy_out(dst: Pinned, src: &[u8]) -> bool {
    if src.len() > dst.1 {
        return false;
    }
    if !src.is_empty() {
        // SAFETY: dst.0 holds dst.1 >= src.len() pinned bytes, which do not overlap src (a
        // Rust value).
        unsafe { core::ptr::copy_nonoverlapping(src.as_ptr(), dst.0, src.len()) };
    }
    true
}

/// A key ring from all keys concatenated (`keys`) plus their lengths (`lens`, an `int[]`).
/// `Err(LIVESIGN_INVALID_ARGUMENT)` for 0 or more than `LIVESIGN_MAX_KEYS` keys, or lengths
/// that do not add up.
///
/// # Safety
/// `keys` and `lens` are pinned arrays (a byte[] and an int[]).
unsafe fn ring(keys: Pinned, lens: Pinned) -> Result<([livesign_slice; LIVESIGN_MAX_KEYS], usize), jint> {
    let (k, kl) = keys;
    let (l, n) = lens; // an int[]: n elements
    if n == 0 || n > LIVESIGN_MAX_KEYS {
        return Err(INVALID_ARGUMENT);
    }
    let mut ring = [livesign_slice::EMPTY; LIVESIGN_MAX_KEYS];
    let mut offset = 0usize;
    for (i, slot) in ring.iter_mut().take(n).enumerate() {
        // SAFETY: l points to n pinned jints (the JVM aligns int[] elements) and i < n.
        let len = unsafe { l.cast::<jint>().add(i).read() };
        let len = usize::try_from(len).map_err(|_| INVALID_ARGUMENT)?;
        let end = offset.checked_add(len).filter(|&end| end <= kl).ok_or(INVALID_ARGUMENT)?;
        if len > 0 {
            // SAFETY: offset + len <= kl: inside the pinned key bytes.
            *slot = livesign_slice { ptr: unsafe { k.add(offset) }, len };
        }
        offset = end;
    }
    Ok((ring, n))
}

/// Runs `f` on copies, side by side, of the contexts behind the pinned `long[]` of `handles`
/// (0 stands for a closed key and fails as a wiped context does), as the `_keyed` ring
/// verifiers take them; the copies are wiped afterwards. More than `LIVESIGN_MAX_KEYS` handles
/// is `LIVESIGN_INVALID_ARGUMENT`.
///
/// # Safety
/// `handles` is a pinned `long[]` whose non-zero elements are live boxed contexts
/// (`HmacKey.handle`).
unsafe fn with_contexts(handles: Pinned, f: impl FnOnce(*const livesign_hmac_key, usize) -> livesign_status) -> jint {
    let (h, n) = handles; // a long[]: n elements
    if n > LIVESIGN_MAX_KEYS {
        return INVALID_ARGUMENT;
    }
    let mut ring = [WIPED; LIVESIGN_MAX_KEYS];
    for (i, slot) in ring.iter_mut().take(n).enumerate() {
        // SAFETY: h points to n pinned jlongs (the JVM aligns long[] elements) and i < n.
        let ctx = unsafe { h.cast::<jlong>().add(i).read() } as *const livesign_hmac_key;
        if !ctx.is_null() {
            // SAFETY: a non-zero handle is a live boxed context (caller).
            *slot = unsafe { ctx.read() };
        }
    }
    let s = f(ring.as_ptr(), n);
    for slot in &mut ring {
        // SAFETY: a context on this stack.
        unsafe { livesign_hmac_key_wipe(slot) };
    }
    status(s)
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

/// The input limits (`livesign_max_*_len`) in the order of `io.livesign.LiveSign.Limits`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeLimits(env: *mut JNIEnv, _: jclass, out: jlongArray) {
    let limits = [
        livesign_max_body_len(),
        livesign_max_response_len(),
        livesign_max_url_len(),
        livesign_max_id_len(),
        livesign_max_key_len(),
    ];
    // SAFETY: called by the JVM with its environment; `out` is a long[5] (LiveSign.limits).
    unsafe { Env(env).set_longs(out, &limits.map(|n| n as jlong)) }
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

/// `livesign_json_unescape` into `out` (NULL: a size query); `out_len[0]` receives `*out_len`.
#[unsafe(no_mangle)]
pub unsafe extern "system" fn Java_io_livesign_LiveSign_nativeJsonUnescape(
    env: *mut JNIEnv,
    _: jclass,
    src: jbyteArray,
    out: jbyteArray,
    out_len: jintArray,
) -> jint {
    let env = Env(env);
    let mut len = 0;
    // SAFETY: JVM-provided env and arrays; the closure calls only livesign.
    let s = flat(unsafe {
        env.pin([ro(src), rw(out)], |[(s, sl), o]| {
            let (s, l) = variable(o, |o, oc, ol| livesign_json_unescape(s, sl, o, oc, ol));
            len = l;
            s
        })
    });
    // SAFETY: as above, the regions are closed.
    unsafe { env.set_int(out_len, len) };
    s
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
    let s = flat(unsafe { env.pin([ro(key)], |[(k, kl)]| status(livesign_hmac_key_init(ctx.as_mut_ptr(), k, kl))) });
    // SAFETY: as above, the region is closed.
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
        // SAFETY: handle came from Box::into_raw in nativeHmacKeyNew and is freed once:
        // HmacKey.close() runs once and first waits for the calls using it to return.
        unsafe {
            livesign_hmac_key_wipe(ctx);
            drop(Box::from_raw(ctx));
        }
    }
}
