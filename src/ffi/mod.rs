//! The C ABI: a thin shell over the safe API. Every exported function checks its pointers,
//! runs its body inside `boundary` (so no panic crosses into C), and writes only into
//! caller-provided memory. This is the only module allowed to use `unsafe`.
#![allow(unsafe_code)]
// The pointer contract (valid for its length when non-NULL, outputs not aliasing inputs) is
// the same for every function and is stated once, in the header preamble (cbindgen.toml).
#![allow(clippy::missing_safety_doc)]

pub mod alibaba;
pub(crate) mod buffer;
pub mod common;
pub mod hmac_key;
pub mod huawei;
pub mod huawei_record;
pub mod huawei_url;
/// cbindgen:ignore
#[cfg(feature = "jni")]
mod jni;
pub mod json;
pub mod limits;
pub mod slice;
pub mod status;
pub mod tencent;
pub mod tencent_api;
pub mod tencent_url;
pub mod trtc;
pub mod trtc_callback;
pub mod trtc_rest;

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::Error;
use status::livesign_status;

/// Runs an exported function's body: `Ok` becomes `LIVESIGN_OK`, an error its status, and a
/// panic `LIVESIGN_INTERNAL`. Only the body is wrapped (rustls-ffi style), so cbindgen still
/// sees plain `extern "C"` signatures.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Error>) -> livesign_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => livesign_status::LIVESIGN_OK,
        Ok(Err(e)) => e.into(),
        Err(_) => livesign_status::LIVESIGN_INTERNAL,
    }
}

/// [`boundary`] for the exports that answer with a value instead of a status (a size, a
/// static entry): `fallback` on any error, a panic included.
pub(crate) fn boundary_or<T>(fallback: T, body: impl FnOnce() -> Result<T, Error>) -> T {
    catch_unwind(AssertUnwindSafe(body)).ok().and_then(Result::ok).unwrap_or(fallback)
}

/// An input `(ptr, len)`: NULL with length 0 is the empty input, NULL with a length is
/// `InvalidArgument`, and so is a length no Rust slice can have.
///
/// # Safety
/// When `ptr` is not NULL it must point to `len` readable bytes that stay unchanged for `'a`.
pub(crate) unsafe fn input<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], Error> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(Error::InvalidArgument) };
    }
    if len > isize::MAX as usize {
        return Err(Error::InvalidArgument);
    }
    // SAFETY: ptr is non-NULL, u8 has alignment 1, len fits isize, and the caller guarantees
    // len readable bytes for 'a.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Text from C: UTF-8 or `InvalidArgument`. Names, ids and domains are nearly always ASCII,
/// which `is_ascii` checks a word at a time; `from_utf8` walks short strings byte by byte
/// (a tenth of a Huawei notification's signing time).
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    if bytes.is_ascii() {
        // SAFETY: ASCII is valid UTF-8.
        return Ok(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    core::str::from_utf8(bytes).map_err(|_| Error::InvalidArgument)
}

/// A text input: [`input`], then UTF-8 (anything else is `InvalidArgument`).
///
/// # Safety
/// As for [`input`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize) -> Result<&'a str, Error> {
    // SAFETY: forwarded to the caller's guarantee.
    utf8(unsafe { input(ptr, len) }?)
}

/// An input as [`input`] reads it, at most `max` bytes long (`InvalidArgument` otherwise), for
/// functions that must report a limit before they load a key.
///
/// # Safety
/// As for [`input`].
pub(crate) unsafe fn bounded<'a>(ptr: *const u8, len: usize, max: usize) -> Result<&'a [u8], Error> {
    // SAFETY: forwarded to the caller's guarantee.
    let bytes = unsafe { input(ptr, len) }?;
    crate::limits::check(bytes, max)?;
    Ok(bytes)
}

/// A text input as [`text`] reads it, at most `max` bytes long (`InvalidArgument` otherwise).
///
/// # Safety
/// As for [`input`].
pub(crate) unsafe fn bounded_text<'a>(ptr: *const u8, len: usize, max: usize) -> Result<&'a str, Error> {
    // SAFETY: forwarded to the caller's guarantee.
    utf8(unsafe { bounded(ptr, len, max) }?)
}

/// A fixed-size output of `N` bytes; NULL is `InvalidArgument`. The pointer is only checked
/// here; [`write_fixed`] writes it once the result is known, so no Rust reference to the
/// caller's output ever coexists with references to its inputs.
pub(crate) fn output(ptr: *mut u8) -> Result<*mut u8, Error> {
    if ptr.is_null() { Err(Error::InvalidArgument) } else { Ok(ptr) }
}

/// Copies a finished fixed-size result to the caller.
///
/// # Safety
/// `out` must be non-NULL and point to `N` writable bytes.
pub(crate) unsafe fn write_fixed<const N: usize>(out: *mut u8, src: &[u8; N]) {
    // SAFETY: the caller guarantees N writable bytes at out; `copy` tolerates overlap with
    // any input the caller may have aliased.
    unsafe { core::ptr::copy(src.as_ptr(), out, N) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_body_becomes_internal() {
        let status = boundary(|| panic!("deliberate test panic"));
        assert_eq!(status, livesign_status::LIVESIGN_INTERNAL);
        assert_eq!(status as u32, 255);
    }

    #[test]
    fn results_map_to_statuses() {
        assert_eq!(boundary(|| Ok(())), livesign_status::LIVESIGN_OK);
        assert_eq!(boundary(|| Err(Error::Expired)), livesign_status::LIVESIGN_EXPIRED);
    }

    #[test]
    fn input_pointer_rules() {
        // SAFETY: NULL pointers are never dereferenced by `input`.
        unsafe {
            assert_eq!(input(core::ptr::null(), 0), Ok(&[][..]));
            assert_eq!(input(core::ptr::null(), 1), Err(Error::InvalidArgument));
        }
        let data = [1u8, 2, 3];
        // SAFETY: data is 3 readable bytes.
        assert_eq!(unsafe { input(data.as_ptr(), 3) }, Ok(&data[..]));
        // SAFETY: a length above isize::MAX is rejected before any dereference.
        assert_eq!(unsafe { input(data.as_ptr(), usize::MAX) }, Err(Error::InvalidArgument));
        assert_eq!(output(core::ptr::null_mut()), Err(Error::InvalidArgument));
        // SAFETY: both are valid for their lengths (or NULL with 0).
        unsafe {
            assert_eq!(text(b"ok".as_ptr(), 2), Ok("ok"));
            assert_eq!(text(core::ptr::null(), 0), Ok(""));
            assert_eq!(text(b"\xff".as_ptr(), 1), Err(Error::InvalidArgument));
        }
    }
}
