//! A stack-only inflater for RFC 1951 deflate streams (stored, fixed-Huffman and
//! dynamic-Huffman blocks), made for UserSig tokens: small inputs, a bounded output buffer,
//! hostile bytes.
//!
//! Every malformed stream is `Malformed`, never a panic or a loop that does not consume input:
//! each block consumes at least 3 bits and each symbol at least 1, and every length, distance
//! and table index is checked. The output never grows past the caller's buffer: output that
//! does not fit is `BufferTooSmall`, so that a caller can start with a small buffer.
//!
//! Decoding is table-driven: one lookup of the next 9 (literal/length) or 8 (distance) bits
//! resolves every code that short, which covers the whole fixed-Huffman code. Longer codes,
//! which only dynamic blocks can have, fall back to canonical bit-by-bit decoding from the
//! code-length counts. Fixed-Huffman blocks (the format of the official Python, Node and C++
//! tokens) have a faster decoder of their own ([`fixed_codes`]), which the tests hold to the
//! table-driven one.
//!
//! Stricter than zlib on one point: the bits that pad a stored block's header and the final
//! block to a byte boundary must be zero (every known encoder writes zeros). Without this, a
//! token could be changed in those bits and still verify.

use crate::Error;

/// Longest code deflate allows.
const MAX_BITS: u32 = 15;

/// Block types a stream used, as a bit set (see [`Inflated::kinds`]).
pub(crate) const STORED: u8 = 1;
pub(crate) const FIXED: u8 = 2;
pub(crate) const DYNAMIC: u8 = 4;

/// Literal/length code: 288 symbols (286 and 287 are reserved), looked up 9 bits at a time.
type LitTable = Huffman<LIT_FAST, 288>;
/// Entries of the literal/length lookup table (9 bits).
const LIT_FAST: usize = 512;
/// Distance code: 32 symbols (30 and 31 are reserved), looked up 8 bits at a time.
type DistTable = Huffman<256, 32>;
/// The code-length code of a dynamic block header: 19 symbols, at most 7 bits.
type CodeLenTable = Huffman<128, 19>;

/// The order in which a dynamic header lists the code-length code lengths (RFC 1951 §3.2.7).
const CODE_LEN_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const LEN_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/// The fixed codes of RFC 1951 §3.2.6 as generic tables (the tests decode fixed blocks
/// through them too, to check the fast path against them).
const FIXED_LIT: LitTable = Huffman::from_lengths(&fixed_lit_lengths());
const FIXED_DIST: DistTable = Huffman::from_lengths(&[5; 32]);

/// What a fixed-block entry of [`FIXED_SYMBOLS`] stands for (bits 8–9 of the entry).
const LITERAL: u32 = 0;
const LENGTH: u32 = 1;
const END: u32 = 2;
const RESERVED: u32 = 3;

/// The fixed literal/length code by the next 9 input bits, every symbol resolved in one
/// lookup: `value << 16 | shift << 12 | kind << 8 | extra bits << 4 | code length`, where
/// the value is the literal byte or the length base, and for a length the shift is the code
/// length plus the extra bits: where its distance code starts.
static FIXED_SYMBOLS: [u32; 512] = fixed_symbols();
/// The fixed distance code by the next 5 input bits: `base << 8 | 5 + extra bits` (the bits
/// it takes); 0 for the reserved codes 30 and 31.
static FIXED_DISTANCES: [u32; 32] = fixed_distances();

const fn fixed_symbols() -> [u32; 512] {
    let lit = FIXED_LIT;
    let mut t = [0u32; 512];
    let mut i = 0;
    while i < 512 {
        let e = lit.fast[i];
        let (sym, len) = (e >> 8, e & 15);
        t[i] = if sym < 256 {
            sym << 16 | LITERAL << 8 | len
        } else if sym == 256 {
            END << 8 | len
        } else if sym < 286 {
            let k = (sym - 257) as usize;
            let extra = LEN_EXTRA[k] as u32;
            (LEN_BASE[k] as u32) << 16 | (len + extra) << 12 | LENGTH << 8 | extra << 4 | len
        } else {
            RESERVED << 8 | len
        };
        i += 1;
    }
    t
}

const fn fixed_distances() -> [u32; 32] {
    let dist = FIXED_DIST;
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < 32 {
        let d = (dist.fast[i] >> 8) as usize;
        if d < 30 {
            t[i] = (DIST_BASE[d] as u32) << 8 | (5 + DIST_EXTRA[d] as u32);
        }
        i += 1;
    }
    t
}

const fn fixed_lit_lengths() -> [u8; 288] {
    let mut l = [8u8; 288];
    let mut i = 144;
    while i < 256 {
        l[i] = 9;
        i += 1;
    }
    while i < 280 {
        l[i] = 7;
        i += 1;
    }
    l
}

/// What [`inflate`] produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Inflated {
    /// Bytes written to the output.
    pub(crate) len: usize,
    /// Bytes of input the deflate stream occupied (what follows is the zlib trailer).
    pub(crate) consumed: usize,
    /// Block types seen: [`STORED`] | [`FIXED`] | [`DYNAMIC`].
    pub(crate) kinds: u8,
}

/// Which rules the inflater reads by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// livesign's: zlib's rules for Huffman codes (complete, except a literal/length or
    /// distance code of one symbol of length 1, or none), and zero padding bits (see the
    /// module docs). What every token is read with.
    Strict,
    /// miniz_oxide's: padding bits ignored, a literal/length or distance code of one symbol
    /// of any length allowed. Only for the differential tests, which show that these are the
    /// only places where livesign is stricter than miniz.
    #[cfg_attr(not(feature = "fuzzing"), allow(dead_code))]
    Miniz,
}

/// Inflates the raw deflate stream at the start of `src` into `out` under `rules` (livesign
/// reads tokens with [`Rules::Strict`]). Output that would not fit in `out` is
/// `BufferTooSmall` (with `needed` only a lower bound: decoding stops there), so that a caller
/// can try a small buffer first; every other failure is `Malformed`. With a larger buffer the
/// result is the same except where the smaller one overflowed.
pub(crate) fn inflate(src: &[u8], out: &mut [u8], rules: Rules) -> Result<Inflated, Error> {
    inflate_with(src, out, rules, fixed_codes)
}

/// A fixed-Huffman block decoder: [`fixed_codes`], or in the tests the table path it must
/// equal.
type FixedDecoder = fn(&mut Bits<'_>, &mut [u8], &mut usize) -> Result<(), Error>;

#[inline(always)]
fn inflate_with(src: &[u8], out: &mut [u8], rules: Rules, fixed: FixedDecoder) -> Result<Inflated, Error> {
    let mut bits = Bits::new(src, rules);
    let mut written = 0;
    let mut kinds = 0;
    loop {
        let header = bits.take(3)?;
        match header >> 1 {
            0 => {
                kinds |= STORED;
                bits.stored(out, &mut written)?;
            }
            1 => {
                kinds |= FIXED;
                fixed(&mut bits, out, &mut written)?;
            }
            2 => {
                kinds |= DYNAMIC;
                // Built in place: returned, the 4 KiB of tables would be copied.
                let (mut lit, mut dist) = (LitTable::EMPTY, DistTable::EMPTY);
                dynamic_tables(&mut bits, &mut lit, &mut dist)?;
                codes(&mut bits, out, &mut written, &lit, &dist)?;
            }
            _ => return Err(Error::Malformed),
        }
        if header & 1 == 1 {
            break;
        }
    }
    bits.align_zero()?;
    Ok(Inflated { len: written, consumed: bits.consumed(), kinds })
}

/// LSB-first bit reader. Invariant: `acc` holds `n` (at most 63) unread bits: the real bits
/// just before `src[pos]`, then `virt` zero bits past the end of the input; above them, some
/// of the bits that follow in the input (a refill loads 8 bytes and counts only the whole
/// bytes that fit), then zeros. After a refill the bits up to bit 63 are all the input's own
/// (zeros past its end), counted or not.
///
/// Topping up with zeros past the end lets the hot paths assume at least 15 bits are always
/// there; reading into them is caught right after the read that did it ([`Bits::overrun`]).
#[derive(Clone, Copy)]
struct Bits<'a> {
    src: &'a [u8],
    pos: usize,
    acc: u64,
    n: u32,
    virt: u32,
    rules: Rules,
}

impl<'a> Bits<'a> {
    fn new(src: &'a [u8], rules: Rules) -> Self {
        Self { src, pos: 0, acc: 0, n: 0, virt: 0, rules }
    }

    /// Tops `acc` up with whole bytes to 56 to 63 bits (zeros past the end of the input).
    /// Without a branch on `n`, so that it costs little when `acc` is full already.
    #[inline(always)]
    fn refill(&mut self) {
        if let Some(word) = self.src.get(self.pos..).and_then(<[u8]>::first_chunk::<8>) {
            // The bits above `n` are either zeros or the very bits ORed in again here.
            self.acc |= u64::from_le_bytes(*word).wrapping_shl(self.n);
            self.pos += (63 - self.n as usize) / 8;
            self.n |= 56;
        } else {
            while self.n < 56 {
                match self.src.get(self.pos) {
                    Some(&b) => {
                        self.acc |= u64::from(b) << self.n;
                        self.pos += 1;
                    }
                    None => self.virt += 8,
                }
                self.n += 8;
            }
            // As the 8-byte load would: the next byte's bits above the counted ones.
            if let Some(&b) = self.src.get(self.pos) {
                self.acc |= u64::from(b) << self.n;
            }
        }
    }

    /// Whether bits past the end of the input have been consumed.
    #[inline(always)]
    fn overrun(&self) -> bool {
        self.n < self.virt
    }

    /// The next `k` (at most 16) bits as a number, consumed.
    #[inline(always)]
    fn take(&mut self, k: u32) -> Result<u32, Error> {
        if self.n < k {
            self.refill();
        }
        let v = (self.acc & ((1u64 << k) - 1)) as u32;
        self.acc >>= k;
        self.n -= k;
        if self.overrun() {
            return Err(Error::Malformed);
        }
        Ok(v)
    }

    /// Skips to the next byte boundary; the skipped bits must be zero (unless `Rules::Miniz`).
    fn align_zero(&mut self) -> Result<(), Error> {
        let pad = self.n % 8;
        if self.rules == Rules::Strict && self.acc & ((1u64 << pad) - 1) != 0 {
            return Err(Error::Malformed);
        }
        self.acc >>= pad;
        self.n -= pad;
        Ok(())
    }

    /// Bytes of real input consumed (after [`Bits::align_zero`], when no overrun).
    fn consumed(&self) -> usize {
        self.pos - ((self.n - self.virt) / 8) as usize
    }

    /// Decodes one symbol: one table lookup for short codes, canonical decoding otherwise.
    #[inline(always)]
    fn decode<const F: usize, const S: usize>(&mut self, h: &Huffman<F, S>) -> Result<u16, Error> {
        if self.n < MAX_BITS {
            self.refill();
        }
        let entry = h.fast[self.acc as usize & (F - 1)];
        if entry & 15 == 0 {
            return self.decode_slow(h);
        }
        // The length sits in the low bits (and nothing above it below bit 8) so that the
        // entry feeds the shift directly: lookup-then-shift is the inflater's critical path.
        self.acc >>= entry & 63;
        self.n -= entry & 15;
        if self.overrun() {
            return Err(Error::Malformed);
        }
        Ok((entry >> 8) as u16)
    }

    /// Canonical decoding one bit at a time (codes longer than the table, unassigned codes,
    /// the end of the input).
    #[cold]
    fn decode_slow<const F: usize, const S: usize>(&mut self, h: &Huffman<F, S>) -> Result<u16, Error> {
        let (mut code, mut first, mut index) = (0u32, 0u32, 0u32);
        for len in 1..=MAX_BITS as usize {
            code |= self.take(1)?;
            let count = u32::from(h.count[len]);
            if code.wrapping_sub(first) < count {
                return h.symbol.get((index + code - first) as usize).copied().ok_or(Error::Malformed);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(Error::Malformed)
    }

    /// A stored block (after its 3 header bits).
    fn stored(&mut self, out: &mut [u8], written: &mut usize) -> Result<(), Error> {
        self.align_zero()?;
        let len = self.take(16)?;
        if len ^ self.take(16)? != 0xffff {
            return Err(Error::Malformed);
        }
        let end = written.checked_add(len as usize).filter(|&e| e <= out.len()).ok_or(overflow(out.len()))?;
        let mut at = *written;
        // Whole real bytes already in the bit buffer first (n is a multiple of 8 after the
        // alignment); then only zeros past the end may be left in it, and the rest is one
        // copy from the input.
        while at < end && self.n - self.virt >= 8 {
            out[at] = self.acc as u8;
            self.acc >>= 8;
            self.n -= 8;
            at += 1;
        }
        let rest = end - at;
        if rest > 0 {
            (self.acc, self.n, self.virt) = (0, 0, 0);
            let stop = self.pos.checked_add(rest).ok_or(Error::Malformed)?;
            let src = self.src.get(self.pos..stop).ok_or(Error::Malformed)?;
            out[at..end].copy_from_slice(src);
            self.pos = stop;
        }
        *written = end;
        Ok(())
    }
}

/// Decodes literal/length and distance codes until the end-of-block symbol.
fn codes(
    reader: &mut Bits<'_>,
    out: &mut [u8],
    written: &mut usize,
    lit: &LitTable,
    dist: &DistTable,
) -> Result<(), Error> {
    // A local copy keeps the reader's state in registers in this hot loop.
    let mut bits = Bits { ..*reader };
    let mut at = *written;
    loop {
        if bits.n < 32 {
            bits.refill();
        }
        // A literal whose code the table resolves, nearly every symbol of a token, straight
        // from the entry, in a branch of its own; everything else looks its entry up again
        // through `decode`. One lookup feeding both cases measured about 10% slower on a
        // Node token's block (the literal store no longer has a path to itself).
        let e = lit.fast[bits.acc as usize & (LIT_FAST - 1)];
        let code_len = e & 15;
        if code_len != 0 && e >> 8 < 256 {
            bits.acc >>= code_len;
            bits.n -= code_len;
            if bits.overrun() {
                return Err(Error::Malformed);
            }
            let cap = out.len();
            *out.get_mut(at).ok_or(overflow(cap))? = (e >> 8) as u8;
            at += 1;
            continue;
        }
        let sym = bits.decode(lit)?;
        if sym < 256 {
            let cap = out.len();
            *out.get_mut(at).ok_or(overflow(cap))? = sym as u8;
            at += 1;
            continue;
        }
        if sym == 256 {
            break;
        }
        let i = usize::from(sym - 257);
        let (&base, &extra) = LEN_BASE.get(i).zip(LEN_EXTRA.get(i)).ok_or(Error::Malformed)?;
        let len = usize::from(base) + bits.take(u32::from(extra))? as usize;
        let d = usize::from(bits.decode(dist)?);
        let (&dbase, &dextra) = DIST_BASE.get(d).zip(DIST_EXTRA.get(d)).ok_or(Error::Malformed)?;
        let distance = usize::from(dbase) + bits.take(u32::from(dextra))? as usize;
        if distance > at {
            return Err(Error::Malformed);
        }
        at = copy_match(out, at, distance, len)?;
    }
    *written = at;
    *reader = bits;
    Ok(())
}

/// The output does not fit the caller's buffer (the caller may retry with a larger one).
fn overflow(cap: usize) -> Error {
    Error::BufferTooSmall { needed: cap + 1 }
}

/// `0x01` in every byte: one flag bit per byte of a word.
const BYTE_FLAGS: u64 = 0x0101_0101_0101_0101;

/// How many of the first 7 bytes of `w` (the next input bits, LSB first) are, one after
/// another, 8-bit fixed literal codes, in bits (8 per code, 0 to 56): `00110000` to
/// `10111111` read first bit first, i.e. a byte whose first two bits differ, or that starts
/// `0011`. No table, no loop, and the result is a shift count as it stands: this is the
/// inflater's critical path.
#[inline(always)]
fn literal_run_bits(w: u64) -> u32 {
    let (b1, b2, b3) = (w >> 1, w >> 2, w >> 3);
    let literal = (w ^ b1) | (b2 & b3 & !(w | b1));
    // Byte 7 counts as the end of any run: the caller has 56 bits for sure.
    ((!literal & BYTE_FLAGS) | 1 << 56).trailing_zeros()
}

/// The literals that the bytes of `w` encode if they are 8-bit fixed codes: each byte's bits
/// reversed (codes are sent first bit = most significant), minus `0x30`. A byte that is no
/// such code gives garbage, in it and the bytes after it, which [`literal_run_bits`] excludes.
#[inline(always)]
fn literals(w: u64) -> u64 {
    let w = (w & 0x5555_5555_5555_5555) << 1 | (w >> 1) & 0x5555_5555_5555_5555;
    let w = (w & 0x3333_3333_3333_3333) << 2 | (w >> 2) & 0x3333_3333_3333_3333;
    let w = (w & 0x0f0f_0f0f_0f0f_0f0f) << 4 | (w >> 4) & 0x0f0f_0f0f_0f0f_0f0f;
    w.wrapping_sub(0x30 * BYTE_FLAGS)
}

/// Decodes a fixed-Huffman block (the official SDKs' format) up to its end-of-block symbol:
/// what [`codes`] does with the fixed tables, faster. Runs of 8-bit literals (all of ASCII)
/// are decoded up to 7 at a time straight from the bits; every other symbol, with its extra
/// bits and distance, in one table lookup each.
#[inline(never)]
fn fixed_codes(reader: &mut Bits<'_>, out: &mut [u8], written: &mut usize) -> Result<(), Error> {
    let mut bits = Bits { ..*reader };
    let mut at = *written;
    // At the top of the loop at least 56 bits are there. The refills are unconditional
    // (a no-op when full): whether one is needed depends on the run length, which no branch
    // predictor guesses.
    bits.refill();
    loop {
        // The next symbol's 9 bits, for the table lookup. After a run of literals they are
        // taken before the refill, off its latency: they lie below bit 57 of the bits the run
        // was decoded from (the run is at most 48 bits then), which hold the input as it
        // stands (see [`Bits`]).
        let mut peek = bits.acc;
        // Up to 7 literals; the 8 bytes written cover them, the rest is scratch that later
        // output overwrites. Without 8 bytes of room, one symbol at a time below.
        if let Some(dst) = out.get_mut(at..at + 8) {
            let run = literal_run_bits(bits.acc);
            dst.copy_from_slice(&literals(bits.acc).to_le_bytes());
            at += run as usize / 8;
            bits.acc >>= run;
            bits.n -= run;
            if bits.overrun() {
                return Err(Error::Malformed);
            }
            peek = bits.acc;
            bits.refill();
            if run == 56 {
                continue;
            }
            // The next symbol is not an 8-bit literal.
        }
        // At least 32 bits are there: enough for the longest length code with its extra bits
        // (8 + 5) and the longest distance (5 + 13).
        let acc = bits.acc;
        let e = FIXED_SYMBOLS[peek as usize & 511];
        let code_len = e & 15;
        // Tests, not a `match`: a jump table is an indirect branch, predicted worse than
        // "a length again" (nearly every symbol that ends a literal run).
        let kind = e >> 8 & 3;
        if kind == LENGTH {
            let (extra, shift) = (e >> 4 & 15, e >> 12 & 15);
            let len = (e >> 16) as usize + ((acc >> code_len) & ((1 << extra) - 1)) as usize;
            let acc = acc >> shift;
            let d = FIXED_DISTANCES[acc as usize & 31];
            if d == 0 {
                return Err(Error::Malformed);
            }
            let dused = d & 31;
            let distance = (d >> 8) as usize + ((acc >> 5) & ((1 << (dused - 5)) - 1)) as usize;
            bits.acc = acc >> dused;
            bits.n -= shift + dused;
            if bits.overrun() || distance > at {
                return Err(Error::Malformed);
            }
            at = copy_match(out, at, distance, len)?;
        } else {
            if kind == RESERVED {
                return Err(Error::Malformed);
            }
            bits.acc >>= code_len;
            bits.n -= code_len;
            if bits.overrun() {
                return Err(Error::Malformed);
            }
            if kind == END {
                break;
            }
            let cap = out.len();
            *out.get_mut(at).ok_or(overflow(cap))? = (e >> 16) as u8;
            at += 1;
        }
        bits.refill();
    }
    *written = at;
    *reader = bits;
    Ok(())
}

/// Appends `len` bytes copied from `distance` bytes back (`1 <= distance <= at`) and returns
/// the new output length. A match may overlap the bytes it produces: 8 bytes at a time only
/// when each 8-byte piece is whole before it is read (distance >= 8), and when the overshoot
/// fits the buffer (it is scratch that later output overwrites). The first 16 bytes, all of
/// most matches in a UserSig, go without a loop: its exit is a branch no predictor guesses.
#[inline(always)]
fn copy_match(out: &mut [u8], at: usize, distance: usize, len: usize) -> Result<usize, Error> {
    let end = at + len;
    if end > out.len() {
        return Err(overflow(out.len()));
    }
    if distance >= 8 && end + 16 <= out.len() {
        copy8(out, at - distance, at);
        copy8(out, at + 8 - distance, at + 8);
        let mut k = at + 16;
        while k < end {
            copy8(out, k - distance, k);
            k += 8;
        }
    } else {
        for k in at..end {
            out[k] = out[k - distance];
        }
    }
    Ok(end)
}

/// Copies `out[from..from + 8]` to `to` (both in range: checked by the caller) as one
/// 8-byte load and store (`copy_within` calls `memmove`).
#[inline(always)]
fn copy8(out: &mut [u8], from: usize, to: usize) {
    if let Some(&word) = out.get(from..).and_then(<[u8]>::first_chunk::<8>)
        && let Some(dst) = out.get_mut(to..).and_then(<[u8]>::first_chunk_mut::<8>)
    {
        *dst = word;
    }
}

/// Reads a dynamic block's header and builds its two codes into `lit_table` and `dist_table`
/// ([`Huffman::EMPTY`] so far).
fn dynamic_tables(bits: &mut Bits<'_>, lit_table: &mut LitTable, dist_table: &mut DistTable) -> Result<(), Error> {
    let nlit = bits.take(5)? as usize + 257;
    let ndist = bits.take(5)? as usize + 1;
    let ncode = bits.take(4)? as usize + 4;
    if nlit > 286 || ndist > 30 {
        return Err(Error::Malformed);
    }
    let mut code_lens = [0u8; 19];
    for &sym in CODE_LEN_ORDER.iter().take(ncode) {
        code_lens[sym] = bits.take(3)? as u8;
    }
    let code_len_count = counts(&code_lens);
    check_counts(&code_len_count, true, Rules::Strict)?;
    let mut code_len_table = CodeLenTable::EMPTY;
    code_len_table.build(&code_lens, &code_len_count);

    // Literal/length and distance lengths form one sequence; a repeat may cross between them.
    // The codes' length counts are kept as the lengths are read, a repeat at once: counting
    // them one by one afterwards is a chain of dependent increments (most of them of the
    // count of 0) that cost more than the rest of the header.
    let mut lens = [0u8; 286 + 30];
    let mut count = [[0u16; 16]; 2];
    let total = nlit + ndist;
    let mut i = 0;
    while i < total {
        let sym = bits.decode(&code_len_table)?;
        if sym < 16 {
            // One length, most of the header: no run to fill or split.
            lens[i] = sym as u8;
            count[usize::from(i >= nlit)][usize::from(sym)] += 1;
            i += 1;
            continue;
        }
        let (value, repeat) = match sym {
            16 => {
                let prev = *i.checked_sub(1).and_then(|p| lens.get(p)).ok_or(Error::Malformed)?;
                (prev, 3 + bits.take(2)? as usize)
            }
            17 => (0, 3 + bits.take(3)? as usize),
            18 => (0, 11 + bits.take(7)? as usize),
            _ => return Err(Error::Malformed),
        };
        let end = i + repeat;
        if end > total {
            return Err(Error::Malformed);
        }
        lens[i..end].fill(value);
        let in_lit = end.min(nlit) - i.min(nlit);
        count[0][usize::from(value & 15)] += in_lit as u16;
        count[1][usize::from(value & 15)] += (repeat - in_lit) as u16;
        i = end;
    }
    let [lit_count, dist_count] = count;

    let mut lit = [0u8; 288];
    lit[..nlit].copy_from_slice(&lens[..nlit]);
    let mut dist = [0u8; 32];
    dist[..ndist].copy_from_slice(&lens[nlit..total]);
    if lit[256] == 0 {
        // No end-of-block code: the block could never end.
        return Err(Error::Malformed);
    }
    check_counts(&lit_count, false, bits.rules)?;
    check_counts(&dist_count, false, bits.rules)?;
    lit_table.build(&lit, &lit_count);
    dist_table.build(&dist, &dist_count);
    Ok(())
}

/// How many of `lengths` there are of each length (index 0: unused symbols).
const fn counts(lengths: &[u8]) -> [u16; 16] {
    let mut count = [0u16; 16];
    let mut s = 0;
    while s < lengths.len() {
        let l = (lengths[s] & 15) as usize;
        count[l] = count[l].wrapping_add(1);
        s += 1;
    }
    count
}

/// [`check_counts`] for the code of `lengths`.
#[cfg(test)]
fn check_lengths(lengths: &[u8], code_length_code: bool, rules: Rules) -> Result<(), Error> {
    check_counts(&counts(lengths), code_length_code, rules)
}

/// zlib's rules for the code with `count[len]` codes of each length (index 0 ignored): never
/// over-subscribed; complete, except that a literal/length or distance code may be a single
/// code of length 1 (of any length under [`Rules::Miniz`]), or empty.
fn check_counts(count: &[u16; 16], code_length_code: bool, rules: Rules) -> Result<(), Error> {
    let mut left = 1i32;
    let mut max = 0;
    let mut used = 0;
    for (len, &c) in count.iter().enumerate().skip(1) {
        left = 2 * left - i32::from(c);
        if left < 0 {
            return Err(Error::Malformed);
        }
        if c > 0 {
            max = len;
        }
        used += c;
    }
    let allowed_incomplete = !code_length_code && (max == 1 || (rules == Rules::Miniz && used == 1));
    if left > 0 && max != 0 && !allowed_incomplete {
        return Err(Error::Malformed);
    }
    Ok(())
}

/// A canonical Huffman code: a lookup table for codes of at most log2(F) bits, and the
/// counts and ordered symbols for canonical decoding of the longer ones.
struct Huffman<const F: usize, const S: usize> {
    /// Indexed by the next log2(F) input bits: `symbol << 8 | length`; 0 when the code there
    /// is longer than the table or unassigned.
    fast: [u32; F],
    /// Number of codes of each length (index 0 unused).
    count: [u16; 16],
    /// Symbols in canonical code order.
    symbol: [u16; S],
}

impl<const F: usize, const S: usize> Huffman<F, S> {
    /// No codes: every lookup goes to canonical decoding, which finds none.
    const EMPTY: Self = Self { fast: [0; F], count: [0; 16], symbol: [0; S] };

    /// Builds the code for `lengths` (one per symbol, 0 = unused). Every index is in range by
    /// construction (lengths are masked to 4 bits, table indices to the table size), so it
    /// cannot panic even on lengths [`check_counts`] would refuse; it runs at compile time
    /// for the fixed codes.
    const fn from_lengths(lengths: &[u8; S]) -> Self {
        let mut h = Self::EMPTY;
        h.fill(lengths, &counts(lengths), F);
        h
    }

    /// Makes this code, [`Huffman::EMPTY`] so far, the one for `lengths`, given their
    /// [`counts`], which the dynamic header reader keeps as it goes. The lookup table is
    /// filled for the longest code only (a token's dynamic codes are 7 bits or shorter, a
    /// quarter of the 9-bit table, and its distance codes 3 or 4 bits) and then doubled up to
    /// its size: one copy per doubling instead of one store per entry.
    fn build(&mut self, lengths: &[u8; S], count: &[u16; 16]) {
        let longest = (1..16).rev().find(|&l| count[l] != 0).unwrap_or(0);
        let mut size = 1 << longest.min(F.trailing_zeros() as usize);
        self.fill(lengths, count, size);
        // Every code fits in `size` bits, so its entries repeat every `size` entries.
        while size < F {
            let (filled, rest) = self.fast.split_at_mut(size);
            if let Some(next) = rest.get_mut(..size) {
                next.copy_from_slice(filled);
            }
            size *= 2;
        }
    }

    /// Fills this code, [`Huffman::EMPTY`] so far, for `lengths` with `count[len]` codes of
    /// each length: the symbols in canonical order, and the first `size` (a power of two, at
    /// most F) lookup entries for the codes of at most log2(`size`) bits.
    const fn fill(&mut self, lengths: &[u8; S], count: &[u16; 16], size: usize) {
        let fast_bits = size.trailing_zeros() as usize;
        let h = self;
        h.count = *count;
        h.count[0] = 0;
        let mut offset = [0u16; 16];
        let mut next_code = [0u32; 16];
        let mut code = 0u32;
        let mut len = 1;
        while len < 16 {
            code = code.wrapping_add(h.count[len - 1] as u32).wrapping_shl(1);
            next_code[len] = code;
            if len < 15 {
                offset[len + 1] = offset[len].wrapping_add(h.count[len]);
            }
            len += 1;
        }
        let mut s = 0;
        while s < S {
            let l = (lengths[s] & 15) as usize;
            if l != 0 {
                let o = offset[l] as usize;
                if o < S {
                    h.symbol[o] = s as u16;
                }
                offset[l] = offset[l].wrapping_add(1);
                let c = next_code[l];
                next_code[l] = c.wrapping_add(1);
                if l <= fast_bits {
                    // Codes are sent most significant bit first, but the reader sees bits
                    // LSB-first: index by the reversed code, every 2^l entries.
                    let mut i = ((c as u16).reverse_bits() >> (16 - l)) as usize;
                    while i < size && i < F {
                        h.fast[i] = (s as u32) << 8 | l as u32;
                        i += 1 << l;
                    }
                }
            }
            s += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inflate_vec(src: &[u8], cap: usize) -> Result<(Vec<u8>, Inflated), Error> {
        let mut out = vec![0u8; cap];
        let r = inflate(src, &mut out, Rules::Strict)?;
        out.truncate(r.len);
        Ok((out, r))
    }

    fn sample_inputs() -> Vec<Vec<u8>> {
        let mut seed = 0x1234_5678_9abc_def0u64;
        let mut rnd = |n: usize| -> Vec<u8> {
            (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect()
        };
        let json = br#"{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.expire":15552000,"TLS.time":1700000000,"TLS.sig":"LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}"#;
        let text: Vec<u8> = json.iter().copied().cycle().take(30_000).collect();
        let runs: Vec<u8> = (0..20_000u32).map(|i| (i / 300) as u8).collect();
        vec![Vec::new(), b"a".to_vec(), json.to_vec(), text, runs, rnd(1), rnd(100), rnd(70_000), vec![0; 100_000]]
    }

    #[test]
    fn miniz_streams_at_every_level() {
        let mut kinds_seen = 0;
        for data in sample_inputs() {
            for level in [0u8, 1, 6, 9] {
                let stream = miniz_oxide::deflate::compress_to_vec(&data, level);
                let (out, r) = inflate_vec(&stream, data.len()).unwrap_or_else(|e| panic!("level {level}: {e}"));
                assert_eq!(out, data, "level {level}, {} bytes", data.len());
                assert_eq!(r.consumed, stream.len());
                if level == 0 {
                    assert_eq!(r.kinds, STORED, "level 0 stores");
                }
                kinds_seen |= r.kinds;
            }
        }
        assert_eq!(kinds_seen, STORED | FIXED | DYNAMIC, "the samples must exercise every block type");
    }

    /// A deflate stream of fixed-Huffman blocks (miniz still stores incompressible ones).
    fn fixed_stream(data: &[u8]) -> Vec<u8> {
        use miniz_oxide::deflate::core::{CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output, deflate_flags};
        let mut c = CompressorOxide::new(deflate_flags::TDEFL_FORCE_ALL_STATIC_BLOCKS | 128);
        let mut stream = Vec::new();
        let (status, _) = compress_to_output(&mut c, data, TDEFLFlush::Finish, |chunk| {
            stream.extend_from_slice(chunk);
            true
        });
        assert_eq!(status, TDEFLStatus::Done);
        stream
    }

    /// Inflates with the fast fixed-block path and with the generic table path, which must
    /// agree on everything: the result (error or lengths and block types) and the output.
    fn both_paths(src: &[u8], cap: usize) -> Result<(Vec<u8>, Inflated), Error> {
        let (mut fast, mut table) = (vec![0u8; cap], vec![0u8; cap]);
        let r = inflate(src, &mut fast, Rules::Strict);
        let reference =
            inflate_with(src, &mut table, Rules::Strict, |bits, out, at| codes(bits, out, at, &FIXED_LIT, &FIXED_DIST));
        assert_eq!(r, reference, "fast and table paths disagree on {src:02x?} into {cap} bytes");
        let r = r?;
        assert_eq!(fast[..r.len], table[..r.len]);
        fast.truncate(r.len);
        Ok((fast, r))
    }

    /// Inputs of exactly `len` bytes that reach every fixed-block path: ASCII (8-bit literal
    /// runs), all byte values (9-bit literals), matches at distances below and above 8,
    /// overlapping ones, and runs up to the longest match.
    fn inputs_of_len(len: usize) -> Vec<Vec<u8>> {
        let json = br#"{"TLS.ver": "2.0", "TLS.identifier": "xiaojun", "TLS.sdkappid": 1400000000, "TLS.sig": "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}"#;
        let mut v = vec![
            json.iter().copied().cycle().take(len).collect(),
            (0..len).map(|i| (i * i * 7 + i / 3) as u8).collect(),
            (0..len).map(|i| (i / 300) as u8).collect(),
        ];
        for period in [1usize, 2, 3, 7, 8, 9, 13] {
            v.push((0..len).map(|i| b"a-Zq\x90\xffz{0!~:@"[i % period]).collect());
        }
        v
    }

    #[test]
    fn every_length_and_block_type() {
        let lens = (0..=300).chain((301..4000).step_by(97));
        let mut kinds = 0;
        for len in lens {
            for data in inputs_of_len(len) {
                let streams = [
                    fixed_stream(&data),
                    miniz_oxide::deflate::compress_to_vec(&data, 0),
                    miniz_oxide::deflate::compress_to_vec(&data, 1),
                    miniz_oxide::deflate::compress_to_vec(&data, 9),
                ];
                for stream in streams {
                    for cap in [len, len + 7, len + 64] {
                        let (out, r) = both_paths(&stream, cap).unwrap_or_else(|e| panic!("{len} bytes: {e}"));
                        assert_eq!(out, data, "{len} bytes");
                        assert_eq!(r.consumed, stream.len());
                        kinds |= r.kinds;
                    }
                    if len > 0 {
                        let r = both_paths(&stream, len - 1);
                        assert!(matches!(r, Err(Error::BufferTooSmall { .. })), "{len} bytes into {}: {r:?}", len - 1);
                    }
                }
            }
        }
        assert_eq!(kinds, STORED | FIXED | DYNAMIC);
    }

    #[test]
    fn longest_matches_and_distance_code_29() {
        // Random bytes, then 300 of them again 31768 bytes later (distance code 29, with 13
        // extra bits), then runs that need length 258 (code 285).
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut data: Vec<u8> = (0..32768)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        data.extend_from_within(1000..1300);
        data.extend(std::iter::repeat_n(b'r', 2000));
        data.extend(b"abcdefghij".repeat(100));
        let stream = fixed_stream(&data);
        let (out, r) = both_paths(&stream, data.len()).unwrap();
        assert_eq!(out, data);
        assert_ne!(r.kinds & FIXED, 0, "miniz stores the random part, the rest is fixed blocks");
        assert!(stream.len() < 33_000, "the repeats must be matches: {} bytes", stream.len());
    }

    #[test]
    fn every_truncation_of_fixed_blocks() {
        for data in inputs_of_len(200).into_iter().chain([b"a".to_vec(), Vec::new()]) {
            let stream = fixed_stream(&data);
            for cut in 0..stream.len() {
                assert_eq!(both_paths(&stream[..cut], 4096).map(|_| ()), Err(Error::Malformed), "cut {cut}");
            }
        }
    }

    /// One final fixed-Huffman block of literals only (miniz would store short data).
    fn fixed_literals(data: &[u8]) -> Vec<u8> {
        // Huffman codes go most significant bit first.
        let code = |v: u32, k: u32| (v.reverse_bits() >> (32 - k), k);
        let mut fields = vec![(1, 1), (1, 2)];
        fields.extend(data.iter().map(|&b| match b {
            0..=143 => code(0x30 + u32::from(b), 8),
            _ => code(0x190 + u32::from(b) - 144, 9),
        }));
        fields.push((0, 7));
        pack(&fields)
    }

    /// A 9-bit literal (bytes 144 to 255) right after a run of 8-bit ones, at every bit
    /// alignment and position near the end of the input: where the bit reader refills byte by
    /// byte and the symbol's ninth bit lies in the byte it reads ahead.
    #[test]
    fn nine_bit_literals_after_literal_runs_near_the_end() {
        let ascii: Vec<u8> = (b'A'..=b'Z').chain(b'a'..=b'z').collect();
        // Leading 9-bit literals shift the bit alignment of what follows through all 8 values.
        for shift in 0..8 {
            for before in 0..=24 {
                for after in 0..=12 {
                    for high in [0x90u8, 0x91, 0xc3, 0xfe, 0xff] {
                        let mut data = vec![0xa5; shift];
                        data.extend_from_slice(&ascii[..before]);
                        data.push(high);
                        data.extend_from_slice(&ascii[before..before + after]);
                        let stream = fixed_literals(&data);
                        let (out, r) = both_paths(&stream, data.len() + 8).unwrap();
                        let what = format!("{shift} × 0xa5 + {before} + {high:#x} + {after}");
                        assert_eq!((out, r.consumed), (data, stream.len()), "{what}");
                    }
                }
            }
        }
    }

    #[test]
    fn forced_fixed_huffman_blocks() {
        let mut fixed_seen = 0;
        for data in sample_inputs() {
            let stream = fixed_stream(&data);
            let (out, r) = inflate_vec(&stream, data.len()).unwrap();
            assert_eq!(out, data);
            assert_eq!(r.kinds & DYNAMIC, 0);
            // miniz still stores incompressible (random) data.
            fixed_seen += usize::from(r.kinds & FIXED != 0);
        }
        assert!(fixed_seen >= 5, "only {fixed_seen} samples used fixed-Huffman blocks");
    }

    #[test]
    fn output_is_bounded_by_the_buffer() {
        let data = vec![b'x'; 5000];
        for level in [0u8, 1, 9] {
            let stream = miniz_oxide::deflate::compress_to_vec(&data, level);
            assert!(inflate_vec(&stream, 5000).is_ok());
            assert_eq!(
                inflate_vec(&stream, 4999).map(|_| ()),
                Err(Error::BufferTooSmall { needed: 5000 }),
                "level {level}"
            );
        }
    }

    #[test]
    fn every_truncation_is_malformed() {
        for data in sample_inputs().into_iter().take(4) {
            for level in [0u8, 1, 9] {
                let stream = miniz_oxide::deflate::compress_to_vec(&data, level);
                for cut in 0..stream.len() {
                    assert_eq!(
                        inflate_vec(&stream[..cut], data.len()).map(|_| ()),
                        Err(Error::Malformed),
                        "level {level} cut {cut}"
                    );
                }
            }
        }
    }

    /// Packs `(value, bit count)` pairs LSB-first, as deflate writes header fields.
    fn pack(fields: &[(u32, u32)]) -> Vec<u8> {
        let (mut acc, mut n, mut out) = (0u64, 0, Vec::new());
        for &(v, k) in fields {
            acc |= u64::from(v) << n;
            n += k;
            while n >= 8 {
                out.push(acc as u8);
                acc >>= 8;
                n -= 8;
            }
        }
        if n > 0 {
            out.push(acc as u8);
        }
        out
    }

    #[test]
    fn hand_made_streams() {
        // Stored "hi", final.
        assert_eq!(inflate_vec(&[1, 2, 0, 0xfd, 0xff, b'h', b'i'], 8).unwrap().0, b"hi");
        // Non-final empty stored block, then final empty fixed block (end-of-block = 7 zero bits).
        let (out, r) = inflate_vec(&[0, 0, 0, 0xff, 0xff, 0x03, 0x00], 8).unwrap();
        assert!(out.is_empty());
        assert_eq!(r.kinds, STORED | FIXED);
        // Fixed block: literal 'a' (0x30+0x61 = 0x91, 8 bits), then EOB: zlib's "a" stream.
        let stream = miniz_oxide::deflate::compress_to_vec(b"a", 6);
        assert_eq!(inflate_vec(&stream, 4).unwrap().0, b"a");
        // An overlapping match: 'a' then length 4 at distance 1 gives "aaaaa".
        let stream = miniz_oxide::deflate::compress_to_vec(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 9);
        assert_eq!(inflate_vec(&stream, 64).unwrap().0, b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    }

    #[test]
    fn malformed_streams() {
        let bad: Vec<(&str, Vec<u8>)> = vec![
            ("empty input", vec![]),
            ("reserved block type 3", pack(&[(1, 1), (3, 2)])),
            ("stored LEN/NLEN mismatch", vec![1, 2, 0, 0xfd, 0xfe, b'h', b'i']),
            // LEN | NLEN is all ones here, LEN ^ NLEN is not.
            ("stored NLEN not the complement of LEN", vec![1, 2, 0, 0xff, 0xff, b'h', b'i']),
            ("stored block longer than the input", vec![1, 3, 0, 0xfc, 0xff, b'h', b'i']),
            ("stored header padding not zero", vec![1 | 0x80, 2, 0, 0xfd, 0xff, b'h', b'i']),
            // Fixed block, end-of-block (7 zero bits: bits 3 to 9), padding bits 10 to 15.
            ("final padding not zero", vec![0x03, 0x80]),
            ("non-final block without a successor", vec![0, 0, 0, 0xff, 0xff]),
            // Fixed block, literal/length symbol 286 (code 11000110, 8 bits, sent MSB first).
            ("reserved length symbol 286", pack(&[(1, 1), (1, 2), (0b0110_0011, 8), (0, 7)])),
            // Fixed block: 'a', then length 3 (symbol 257 = 0000001) at distance symbol 30.
            (
                "reserved distance symbol 30",
                pack(&[(1, 1), (1, 2), (0b1000_1001, 8), (0b100_0000, 7), (0b01111, 5), (0, 7)]),
            ),
            // Fixed block: length 3 at distance 1 with no output yet.
            ("distance beyond the output", pack(&[(1, 1), (1, 2), (0b100_0000, 7), (0, 5), (0, 7)])),
            // Dynamic: HLIT = 287 symbols.
            ("too many literal/length codes", pack(&[(1, 1), (2, 2), (30, 5), (0, 5), (0, 4), (0, 32)])),
            ("too many distance codes", pack(&[(1, 1), (2, 2), (0, 5), (30, 5), (0, 4), (0, 32)])),
            // Dynamic: code-length code with a single length-1 code (incomplete).
            (
                "incomplete code-length code",
                pack(&[(1, 1), (2, 2), (0, 5), (0, 5), (0, 4), (1, 3), (0, 3), (0, 3), (0, 3), (0, 32)]),
            ),
            // Dynamic: three code-length codes of length 1 (over-subscribed).
            (
                "over-subscribed code-length code",
                pack(&[(1, 1), (2, 2), (0, 5), (0, 5), (0, 4), (1, 3), (1, 3), (1, 3), (0, 3), (0, 32)]),
            ),
            // Dynamic: code-length code {16: 1 bit, 17: 1 bit}; the first symbol is a repeat.
            (
                "repeat with no previous length",
                pack(&[
                    (1, 1),
                    (2, 2),
                    (0, 5),
                    (0, 5),
                    (0, 4),
                    (1, 3),
                    (1, 3),
                    (0, 3),
                    (0, 3),
                    (0, 1),
                    (0, 2),
                    (0, 32),
                ]),
            ),
            // Dynamic: code-length code {17: 1 bit, 18: 1 bit}; 18 × (11+127) zeros overruns 258.
            (
                "repeat past the last length",
                pack(&[
                    (1, 1),
                    (2, 2),
                    (0, 5),
                    (0, 5),
                    (0, 4),
                    (0, 3),
                    (1, 3),
                    (1, 3),
                    (0, 3),
                    (1, 1),
                    (127, 7),
                    (1, 1),
                    (127, 7),
                    (0, 32),
                ]),
            ),
            // Dynamic: code-length code {17: 1 bit, 18: 1 bit}; all 258 lengths zero (no EOB code).
            (
                "no end-of-block code",
                pack(&[
                    (1, 1),
                    (2, 2),
                    (0, 5),
                    (0, 5),
                    (0, 4),
                    (0, 3),
                    (1, 3),
                    (1, 3),
                    (0, 3),
                    (1, 1),
                    (127, 7),
                    (1, 1),
                    (109, 7),
                    (0, 32),
                ]),
            ),
        ];
        for (what, stream) in bad {
            assert_eq!(inflate_vec(&stream, 1024).map(|_| ()), Err(Error::Malformed), "{what}: {stream:02x?}");
        }
    }

    /// A final dynamic block that holds only its end-of-block symbol, with `nlit` literal/length
    /// and `ndist` distance code lengths in its header (RFC 1951 allows at most 286 and 30).
    fn dynamic_eob_only(nlit: u32, ndist: u32) -> Vec<u8> {
        // Code-length code: 18 (a run of zeros) "0", 0 "10", 1 "11"; sent in CODE_LEN_ORDER,
        // where 1 comes 18th.
        let mut fields = vec![(1, 1), (2, 2), (nlit - 257, 5), (ndist - 1, 5), (18 - 4, 4)];
        fields.extend([0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2].map(|len| (len, 3)));
        // A run of 11 to 138 zero lengths is one 18; a shorter one, single 0s.
        let zeros = |n: u32| if n >= 11 { vec![(0, 1), (n - 11, 7)] } else { vec![(0b01, 2); n as usize] };
        // Literals 0 to 255 unused, end-of-block (256) one bit long, the rest unused.
        fields.extend(zeros(138));
        fields.extend(zeros(118));
        fields.push((0b11, 2));
        fields.extend(zeros(nlit - 257 + ndist));
        // The block: end-of-block, code "0".
        fields.push((0, 1));
        pack(&fields)
    }

    #[test]
    fn dynamic_headers_within_the_symbol_counts() {
        for (nlit, ndist) in [(257, 1), (286, 1), (257, 30), (286, 30)] {
            let (out, r) = inflate_vec(&dynamic_eob_only(nlit, ndist), 8).unwrap();
            assert_eq!((out.len(), r.kinds), (0, DYNAMIC), "{nlit} + {ndist}");
        }
        // One count over its limit is enough, whatever the other.
        for (nlit, ndist) in [(287, 1), (288, 1), (257, 31), (257, 32), (287, 30), (286, 31)] {
            let stream = dynamic_eob_only(nlit, ndist);
            assert_eq!(inflate_vec(&stream, 8).map(|_| ()), Err(Error::Malformed), "{nlit} + {ndist}");
        }
    }

    #[test]
    fn padding_bits_under_each_rule() {
        // What zlib and miniz read (Rules::Miniz) and livesign refuses: non-zero padding.
        let mut out = [0u8; 8];
        for (stream, want) in [(&[1 | 0x80, 2, 0, 0xfd, 0xff, b'h', b'i'][..], &b"hi"[..]), (&[0x03, 0x80], b"")] {
            assert_eq!(inflate(stream, &mut out, Rules::Strict).map(|_| ()), Err(Error::Malformed));
            let r = inflate(stream, &mut out, Rules::Miniz).unwrap();
            assert_eq!((&out[..r.len], r.consumed), (want, stream.len()));
        }
        assert_eq!(
            inflate(&[1, 2, 0, 0xfd, 0xfe, b'h', b'i'], &mut out, Rules::Miniz).map(|_| ()),
            Err(Error::Malformed)
        );
    }

    #[test]
    fn code_length_rules() {
        let s = Rules::Strict;
        assert!(check_lengths(&[1, 1], true, s).is_ok());
        assert!(check_lengths(&[1, 0], true, s).is_err(), "incomplete code-length code");
        assert!(check_lengths(&[1, 0], false, s).is_ok(), "a single length-1 code is allowed");
        assert!(check_lengths(&[2, 0, 0], false, s).is_err(), "incomplete with a longer code");
        assert!(check_lengths(&[0, 0], false, s).is_ok(), "no codes at all");
        assert!(check_lengths(&[1, 1, 1], false, s).is_err(), "over-subscribed");
        assert!(check_lengths(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 15], false, s).is_ok());
        // miniz's leniency: one symbol of any length, never a code-length code or two symbols.
        let m = Rules::Miniz;
        assert!(check_lengths(&[2, 0, 0], false, m).is_ok());
        assert!(check_lengths(&[0, 15, 0], false, m).is_ok());
        assert!(check_lengths(&[2, 0, 0], true, m).is_err());
        assert!(check_lengths(&[2, 2, 0], false, m).is_err());
        assert!(check_lengths(&[1, 1, 1], false, m).is_err());
    }

    #[test]
    fn long_codes_use_the_slow_path() {
        // Skewed frequencies force dynamic codes longer than the 9-bit table.
        let mut data = Vec::new();
        for i in 0..40_000u32 {
            let b = match i.trailing_zeros() {
                0 => b'a',
                z => b'b' + z as u8,
            };
            data.push(b);
            if i % 97 == 0 {
                data.extend_from_slice(&i.to_le_bytes());
            }
        }
        let stream = miniz_oxide::deflate::compress_to_vec(&data, 9);
        let (out, r) = inflate_vec(&stream, data.len()).unwrap();
        assert_eq!(out, data);
        assert_ne!(r.kinds & DYNAMIC, 0);
    }

    /// A code built at run time (lookup entries up to the longest code, then doubled) is
    /// the one built at compile time (every entry filled), for any lengths, valid or not.
    fn built_alike<const F: usize, const S: usize>(lengths: &[u8; S]) {
        let mut built = Huffman::<F, S>::EMPTY;
        built.build(lengths, &counts(lengths));
        let filled = Huffman::<F, S>::from_lengths(lengths);
        assert_eq!(built.fast, filled.fast, "{lengths:?}");
        assert_eq!(built.count, filled.count, "{lengths:?}");
        assert_eq!(built.symbol, filled.symbol, "{lengths:?}");
    }

    #[test]
    fn built_codes_are_the_filled_ones() {
        built_alike::<LIT_FAST, 288>(&fixed_lit_lengths());
        built_alike::<256, 32>(&[5; 32]);
        built_alike::<256, 32>(&[0; 32]);
        let mut one = [0u8; 32];
        one[7] = 1;
        built_alike::<256, 32>(&one);
    }

    proptest::proptest! {
        #[test]
        fn runtime_codes_are_the_compile_time_ones(
            lit in proptest::collection::vec(0u8..16, 288),
            dist in proptest::collection::vec(0u8..4, 32),
            sparse in proptest::bool::ANY,
        ) {
            // Sparse lengths are what dynamic headers hold: mostly unused symbols.
            let thin = |v: &[u8]| -> Vec<u8> { v.iter().enumerate().map(|(i, &l)| if sparse && i % 3 != 0 { 0 } else { l }).collect() };
            built_alike::<LIT_FAST, 288>(&thin(&lit).try_into().unwrap());
            built_alike::<256, 32>(&thin(&dist).try_into().unwrap());
            built_alike::<128, 19>(&thin(&lit[..19]).try_into().unwrap());
        }

        #[test]
        fn arbitrary_bytes_never_panic(src in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let _ = inflate_vec(&src, 2048);
        }

        #[test]
        fn corrupted_fixed_blocks_decode_alike_on_both_paths(
            data in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            ascii in proptest::bool::ANY,
            at in proptest::num::usize::ANY,
            x in 1u8..=255,
            cap in 0usize..400,
        ) {
            let data: Vec<u8> = if ascii { data.iter().map(|&b| b"{}:, aeiouTLS.0123xy"[usize::from(b) % 20]).collect() } else { data };
            let mut stream = fixed_stream(&data);
            proptest::prop_assert_eq!(both_paths(&stream, data.len()).unwrap().0, data);
            let i = at % stream.len();
            stream[i] ^= x;
            let _ = both_paths(&stream, cap);
        }

        #[test]
        fn corrupted_streams_never_panic(
            data in proptest::collection::vec(0u8..8, 0..400),
            level in 0u8..10,
            at in proptest::num::usize::ANY,
            x in 1u8..=255,
        ) {
            let mut stream = miniz_oxide::deflate::compress_to_vec(&data, level);
            let (out, _) = inflate_vec(&stream, data.len()).unwrap();
            proptest::prop_assert_eq!(&out, &data);
            if !stream.is_empty() {
                let i = at % stream.len();
                stream[i] ^= x;
                let _ = inflate_vec(&stream, 4096);
            }
        }
    }
}
