//! Variable-size outputs: `(uint8_t *out, size_t out_cap, size_t *out_len)`.

use crate::Error;
use crate::text::Out;
use crate::url::SignedQuery;

/// A caller's output buffer and the place to report the length written or needed.
pub(crate) struct OutBuf<'a> {
    buf: &'a mut [u8],
    out_len: *mut usize,
}

impl<'a> OutBuf<'a> {
    /// Checks the triple: `out_len` NULL, `out` NULL with `out_cap > 0`, or a capacity no
    /// slice can have are `InvalidArgument`. `out` NULL with `out_cap == 0` is a size query.
    ///
    /// # Safety
    /// A non-NULL `out` must point to `out_cap` writable bytes not aliased by any input for
    /// `'a`; a non-NULL `out_len` must point to a writable `size_t`.
    pub(crate) unsafe fn new(out: *mut u8, out_cap: usize, out_len: *mut usize) -> Result<Self, Error> {
        if out_len.is_null() {
            return Err(Error::InvalidArgument);
        }
        if (out.is_null() && out_cap > 0) || out_cap > isize::MAX as usize {
            // SAFETY: out_len is non-NULL and the caller guarantees it writable.
            unsafe { out_len.write(0) };
            return Err(Error::InvalidArgument);
        }
        let buf: &mut [u8] = if out.is_null() {
            &mut []
        } else {
            // SAFETY: non-NULL, out_cap fits isize, and the caller guarantees out_cap writable
            // bytes that nothing else references for 'a.
            unsafe { core::slice::from_raw_parts_mut(out, out_cap) }
        };
        Ok(Self { buf, out_len })
    }

    /// The buffer to write into.
    pub(crate) fn buf(&mut self) -> &mut [u8] {
        self.buf
    }

    /// Reports a result: `*out_len` = bytes written on success, the size needed on
    /// `BufferTooSmall`, 0 on any other error. Build the `OutBuf` before checking the other
    /// inputs, so that every failure after a valid `out_len` reports through here.
    pub(crate) fn report(self, result: Result<usize, Error>) -> Result<(), Error> {
        let len = match result {
            Ok(n) => n,
            Err(Error::BufferTooSmall { needed }) => needed,
            Err(_) => 0,
        };
        // SAFETY: out_len was checked non-NULL in `new`, whose caller guaranteed it writable.
        unsafe { self.out_len.write(len) };
        result.map(drop)
    }

    /// Copies a query its builder wrote on the stack into the buffer (nothing is written when
    /// it does not fit) and reports it as [`OutBuf::report`] does.
    pub(crate) fn report_query(mut self, query: Result<SignedQuery, Error>) -> Result<(), Error> {
        let result = query.and_then(|q| {
            let mut out = Out::new(self.buf());
            out.push(q.as_bytes());
            out.finish()
        });
        self.report(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_written_needed_or_zero() {
        let mut buf = [0u8; 4];
        let mut len = 99usize;
        // SAFETY: buf and len are valid for the whole test.
        unsafe {
            let mut o = OutBuf::new(buf.as_mut_ptr(), 4, &mut len).unwrap();
            o.buf()[0] = 1;
            assert_eq!(o.report(Ok(1)), Ok(()));
            assert_eq!(len, 1);
            let o = OutBuf::new(core::ptr::null_mut(), 0, &mut len).unwrap();
            assert_eq!(o.report(Err(Error::BufferTooSmall { needed: 9 })), Err(Error::BufferTooSmall { needed: 9 }));
            assert_eq!(len, 9);
            let o = OutBuf::new(buf.as_mut_ptr(), 4, &mut len).unwrap();
            assert_eq!(o.report(Err(Error::Malformed)), Err(Error::Malformed));
            assert_eq!(len, 0);
            len = 5;
            assert!(OutBuf::new(core::ptr::null_mut(), 4, &mut len).is_err());
            assert_eq!(len, 0);
            assert!(OutBuf::new(buf.as_mut_ptr(), 4, core::ptr::null_mut()).is_err());
        }
    }

    #[test]
    fn copies_a_query_only_when_it_fits() {
        let query = || SignedQuery::write(|o| o.push(b"a=1&b=2"));
        let mut buf = [b'#'; 8];
        let mut len = 99usize;
        // SAFETY: buf and len are valid for the whole test.
        unsafe {
            let o = OutBuf::new(buf.as_mut_ptr(), 6, &mut len).unwrap();
            assert_eq!(o.report_query(query()), Err(Error::BufferTooSmall { needed: 7 }));
            assert_eq!((len, buf), (7, [b'#'; 8]));
            let o = OutBuf::new(buf.as_mut_ptr(), 8, &mut len).unwrap();
            assert_eq!(o.report_query(query()), Ok(()));
            assert_eq!((len, &buf[..7]), (7, &b"a=1&b=2"[..]));
            let o = OutBuf::new(buf.as_mut_ptr(), 8, &mut len).unwrap();
            assert_eq!(o.report_query(Err(Error::InvalidKey)), Err(Error::InvalidKey));
            assert_eq!(len, 0);
        }
    }
}
