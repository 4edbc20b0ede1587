//! Adler-32 (RFC 1950 §8.2), the checksum that closes every zlib stream.

/// The largest prime below 2^16.
const MOD: u32 = 65521;
/// The most bytes that can be summed before `b` may overflow a `u32` (zlib's NMAX).
const NMAX: usize = 5552;

/// A running Adler-32, fed in pieces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Adler32 {
    a: u32,
    b: u32,
}

impl Adler32 {
    pub(crate) const fn new() -> Self {
        Self { a: 1, b: 0 }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        for chunk in data.chunks(NMAX) {
            let (mut a, mut b) = (self.a, self.b);
            for &byte in chunk {
                a += u32::from(byte);
                b += a;
            }
            self.a = a % MOD;
            self.b = b % MOD;
        }
    }

    pub(crate) const fn finish(&self) -> u32 {
        (self.b << 16) | self.a
    }
}

/// Adler-32 of one byte string.
pub(crate) fn adler32(data: &[u8]) -> u32 {
    let mut h = Adler32::new();
    h.update(data);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(adler32(b""), 1);
        assert_eq!(adler32(b"a"), 0x0062_0062);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        // Long runs of 0xff stress the deferred modulo (zlib's NMAX bound).
        let ff = vec![0xffu8; 100_000];
        let mut slow = (1u32, 0u32);
        for &x in &ff {
            slow.0 = (slow.0 + u32::from(x)) % MOD;
            slow.1 = (slow.1 + slow.0) % MOD;
        }
        assert_eq!(adler32(&ff), (slow.1 << 16) | slow.0);
    }

    #[test]
    fn pieces_equal_the_whole() {
        let data: Vec<u8> = (0..20_000u32).map(|i| (i * 7 + 3) as u8).collect();
        for split in [0, 1, 5551, 5552, 5553, 12_345, 20_000] {
            let mut h = Adler32::new();
            h.update(&data[..split]);
            h.update(&data[split..]);
            assert_eq!(h.finish(), adler32(&data), "split {split}");
        }
    }
}
