//! The byte layout of a structured fuzz input, read by the targets ([`Input`]) and written by
//! the seed corpora ([`Writer`]), so that a seed means to a target exactly what it was built
//! to mean.
//!
//! Fixed-size numbers are little-endian; a field is one length byte (0–255) and that many
//! bytes; the last field takes whatever is left. Reading never fails: past the end, numbers
//! are 0 and fields are empty, so every byte string is a valid input.

/// Reads the fields of a fuzz input in order.
pub struct Input<'a> {
    rest: &'a [u8],
}

impl<'a> Input<'a> {
    /// Starts at the first byte of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { rest: data }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        let (head, tail) = self.rest.split_at(n.min(self.rest.len()));
        self.rest = tail;
        head
    }

    fn number<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        let head = self.take(N);
        b[..head.len()].copy_from_slice(head);
        b
    }

    /// One byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        self.number::<1>()[0]
    }

    /// A little-endian `u32`.
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.number())
    }

    /// A little-endian `u64`.
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.number())
    }

    /// A length byte and up to that many bytes.
    pub fn field(&mut self) -> &'a [u8] {
        let len = usize::from(self.byte());
        self.take(len)
    }

    /// Everything not read yet.
    pub fn rest(self) -> &'a [u8] {
        self.rest
    }
}

/// Builds a fuzz input field by field, in the order the target reads them.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// An empty input.
    pub fn new() -> Self {
        Self::default()
    }

    /// One byte.
    pub fn byte(mut self, b: u8) -> Self {
        self.bytes.push(b);
        self
    }

    /// A little-endian `u32`.
    pub fn u32(mut self, v: u32) -> Self {
        self.bytes.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// A little-endian `u64`.
    pub fn u64(mut self, v: u64) -> Self {
        self.bytes.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// A length byte and the bytes (at most 255 of them).
    pub fn field(mut self, f: &[u8]) -> Self {
        let len = u8::try_from(f.len()).expect("a fuzz input field holds at most 255 bytes");
        self.bytes.push(len);
        self.bytes.extend_from_slice(f);
        self
    }

    /// The last field, and the finished input.
    pub fn rest(mut self, r: &[u8]) -> Vec<u8> {
        self.bytes.extend_from_slice(r);
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_and_reader_agree() {
        let data = Writer::new().byte(7).u32(0xdead_beef).u64(u64::MAX - 1).field(b"key").field(b"").rest(b"body");
        let mut i = Input::new(&data);
        assert_eq!((i.byte(), i.u32(), i.u64()), (7, 0xdead_beef, u64::MAX - 1));
        assert_eq!((i.field(), i.field()), (&b"key"[..], &b""[..]));
        assert_eq!(i.rest(), b"body");
        let mut short = Input::new(&[5, 1, 2]);
        assert_eq!(short.field(), &[1, 2]);
        assert_eq!((short.u64(), short.byte(), short.field()), (0, 0, &b""[..]));
    }
}
