//! `livesign_slice`: a borrowed `(ptr, len)` view, used for key rings passed in and for parsed
//! fields handed back as views into the caller's own input.

use super::input;
use crate::Error;
use crate::keyring::MAX_KEYS;

/// A borrowed byte string: `len` bytes at `ptr`, no NUL. Fields handed back by livesign point
/// into the caller's own input and live as long as it does; `ptr` is NULL when the field is
/// absent. A present but empty field has a non-NULL `ptr` and `len` 0 only where its struct
/// says so (`livesign_tencent_event`, `livesign_tencent_api_response`); elsewhere an empty
/// value is `{NULL, 0}` as well.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct livesign_slice {
    /// First byte; NULL for an absent value (a present empty value may point anywhere).
    pub ptr: *const u8,
    /// Number of bytes.
    pub len: usize,
}

/// Most keys a verifier takes in one key ring.
pub const LIVESIGN_MAX_KEYS: usize = 8;
const _: () = assert!(LIVESIGN_MAX_KEYS == MAX_KEYS);

impl livesign_slice {
    /// The empty/absent slice.
    pub const EMPTY: Self = Self { ptr: core::ptr::null(), len: 0 };

    /// A view of `bytes` (which must outlive every use of the slice on the C side).
    pub fn of(bytes: &[u8]) -> Self {
        if bytes.is_empty() { Self::EMPTY } else { Self { ptr: bytes.as_ptr(), len: bytes.len() } }
    }

    /// A view of a field that is present, even when it is empty: `ptr` stays non-NULL (it
    /// points where the empty value sits in the caller's input), so C can tell `""` from an
    /// absent field.
    pub fn present(bytes: &[u8]) -> Self {
        Self { ptr: bytes.as_ptr(), len: bytes.len() }
    }

    /// The bytes, under the same NULL rules as any input.
    ///
    /// # Safety
    /// A non-NULL `ptr` must point to `len` readable bytes that stay unchanged for `'a`.
    pub(crate) unsafe fn bytes<'a>(&self) -> Result<&'a [u8], Error> {
        // SAFETY: forwarded to the caller's guarantee.
        unsafe { input(self.ptr, self.len) }
    }
}

impl Default for livesign_slice {
    fn default() -> Self {
        Self::EMPTY
    }
}

/// Up to `LIVESIGN_MAX_KEYS` keys read from a C array of slices.
pub(crate) struct Keys<'a> {
    keys: [&'a [u8]; MAX_KEYS],
    n: usize,
}

impl<'a> Keys<'a> {
    /// Reads `n` key slices. NULL with `n > 0`, `n == 0` and `n > LIVESIGN_MAX_KEYS` are
    /// `InvalidArgument`, as is any key slice that breaks the NULL rules.
    ///
    /// # Safety
    /// A non-NULL `ptr` must point to `n` slices, each valid as [`livesign_slice::bytes`] says.
    pub(crate) unsafe fn read(ptr: *const livesign_slice, n: usize) -> Result<Self, Error> {
        if ptr.is_null() || n == 0 || n > MAX_KEYS {
            return Err(Error::InvalidArgument);
        }
        // SAFETY: ptr is non-NULL and the caller guarantees n slices; n <= MAX_KEYS.
        let slices = unsafe { core::slice::from_raw_parts(ptr, n) };
        let mut keys: [&'a [u8]; MAX_KEYS] = [&[]; MAX_KEYS];
        for (k, s) in keys.iter_mut().zip(slices) {
            // SAFETY: the caller guarantees each slice is valid for 'a.
            *k = unsafe { s.bytes() }?;
        }
        Ok(Self { keys, n })
    }

    pub(crate) fn as_slice(&self) -> &[&'a [u8]] {
        &self.keys[..self.n]
    }
}

/// Writes the index of the matching key where the caller asked for it.
///
/// # Safety
/// `matched` is NULL or points to a writable `size_t`.
pub(crate) unsafe fn report_match(matched: *mut usize, index: usize) {
    if !matched.is_null() {
        // SAFETY: non-NULL, and the caller guarantees it is writable.
        unsafe { matched.write(index) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_rings_follow_the_pointer_rules() {
        let a = b"primary";
        let ring = [livesign_slice::of(a), livesign_slice::of(b"backup")];
        // SAFETY: ring and its keys outlive the calls; NULL cases are rejected before use.
        unsafe {
            let keys = Keys::read(ring.as_ptr(), 2).unwrap();
            assert_eq!(keys.as_slice(), [&a[..], b"backup"]);
            assert!(Keys::read(core::ptr::null(), 1).is_err());
            assert!(Keys::read(ring.as_ptr(), 0).is_err());
            assert!(Keys::read(ring.as_ptr(), LIVESIGN_MAX_KEYS + 1).is_err());
            let bad = [livesign_slice { ptr: core::ptr::null(), len: 3 }];
            assert!(Keys::read(bad.as_ptr(), 1).is_err());
            let mut m = 7usize;
            report_match(&mut m, 1);
            assert_eq!(m, 1);
            report_match(core::ptr::null_mut(), 1);
        }
        assert_eq!(livesign_slice::of(b""), livesign_slice::EMPTY);
    }
}
