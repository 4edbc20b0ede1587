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
            // 8 bytes at a time with no chain from byte to byte: over bytes x0..x7, `a`
            // gains their sum and `b` gains 8·a + 8·x0 + 7·x1 + … + 1·x7. The sums are the
            // ones the byte loop would reach, so NMAX still bounds them.
            let (words, tail) = chunk.as_chunks::<8>();
            for w in words {
                let (sum, weighted) = sums8(u64::from_le_bytes(*w));
                b += 8 * a + weighted;
                a += sum;
            }
            for &byte in tail {
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

/// For the bytes x0..x7 of `w` (x0 lowest): their sum, and 8·x0 + 7·x1 + … + 1·x7. The
/// bytes go into 16-bit lanes (even ones, odd ones); one multiplication sums a word's
/// lanes with weights into its top lane (every partial sum stays below 2^16, so no lane
/// carries into the next, and what overflows 64 bits is unwanted anyway).
#[inline(always)]
fn sums8(w: u64) -> (u32, u32) {
    const LANES: u64 = 0x00ff_00ff_00ff_00ff;
    let (even, odd) = (w & LANES, (w >> 8) & LANES);
    let sum = (even + odd).wrapping_mul(0x0001_0001_0001_0001) >> 48;
    let weighted = (even.wrapping_mul(0x0008_0006_0004_0002) >> 48) + (odd.wrapping_mul(0x0007_0005_0003_0001) >> 48);
    (sum as u32, weighted as u32)
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

    /// The byte-at-a-time definition.
    fn reference(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in data {
            a = (a + u32::from(x)) % MOD;
            b = (b + a) % MOD;
        }
        (b << 16) | a
    }

    #[test]
    fn every_length_and_byte_value() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let data: Vec<u8> = (0..3000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        for len in 0..=data.len() {
            assert_eq!(adler32(&data[..len]), reference(&data[..len]), "{len}");
        }
        for byte in 0..=255u8 {
            for len in [1, 7, 8, 9, 16, 17, NMAX - 1, NMAX, NMAX + 1, 3 * NMAX + 5] {
                let run = vec![byte; len];
                assert_eq!(adler32(&run), reference(&run), "{byte:02x} x {len}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_definition(data in proptest::collection::vec(proptest::num::u8::ANY, 0..12_000)) {
            proptest::prop_assert_eq!(adler32(&data), reference(&data));
        }
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
