//! Fast case-insensitive word lists for class, id and attribute checks.
//!
//! The collection pass asks of every element whether its class or id hints
//! at a date, a byline or page chrome. A compiled regex costs a search set-up
//! per call; these lists scan the (short) attribute once, testing a needle
//! only where its first byte occurs.

/// A list of lower-case needles found anywhere in a text, ASCII case-insensitively.
pub(crate) struct Needles {
    needles: &'static [&'static str],
    /// Per byte (either case): the needles starting with it, as a bit set.
    by_first: [u64; 256],
    /// Per byte (either case): the needles whose second byte it is. Most
    /// bytes of a class name start some needle ("d", "t", "p", "m"); few
    /// are followed by a needle's second byte, and the pair skips them.
    by_second: [u64; 256],
    /// Match only at the start of a class segment (after start, whitespace, `_` or `-`).
    segment_start: bool,
}

impl Needles {
    /// Needles matched anywhere (at most 64).
    pub const fn new(needles: &'static [&'static str]) -> Needles {
        Self::build(needles, false)
    }

    /// Needles matched at the start of a class segment only (`related-posts`,
    /// `l-sidebar`, `commentList`; not `unrelated`).
    pub const fn at_segment_start(needles: &'static [&'static str]) -> Needles {
        Self::build(needles, true)
    }

    const fn build(needles: &'static [&'static str], segment_start: bool) -> Needles {
        assert!(needles.len() <= 64, "at most 64 needles");
        let mut by_first = [0u64; 256];
        let mut by_second = [0u64; 256];
        let mut i = 0;
        while i < needles.len() {
            let n = needles[i].as_bytes();
            assert!(n.len() >= 2, "needles of two bytes or more");
            // Either case of the hay matches only a lower-case needle.
            let mut j = 0;
            while j < n.len() {
                assert!(!n[j].is_ascii_uppercase(), "lower-case needles");
                j += 1;
            }
            let b = n[0];
            by_first[b as usize] |= 1 << i;
            by_first[b.to_ascii_uppercase() as usize] |= 1 << i;
            let c = n[1];
            by_second[c as usize] |= 1 << i;
            by_second[c.to_ascii_uppercase() as usize] |= 1 << i;
            i += 1;
        }
        Needles {
            needles,
            by_first,
            by_second,
            segment_start,
        }
    }

    /// The needles found in `hay`, as a bit set in list order; stops once
    /// every bit of `wanted` is found.
    pub fn found(&self, hay: &str, wanted: u64) -> u64 {
        let h = hay.as_bytes();
        let mut found = 0u64;
        // A needle has two bytes or more: the last byte starts none.
        for i in 0..h.len().saturating_sub(1) {
            let mut cands =
                self.by_first[h[i] as usize] & self.by_second[h[i + 1] as usize] & !found;
            if cands == 0 {
                continue;
            }
            if self.segment_start
                && i > 0
                && !matches!(
                    h[i - 1],
                    b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'_' | b'-'
                )
            {
                continue;
            }
            let rest = &h[i + 1..];
            while cands != 0 {
                let k = cands.trailing_zeros() as usize;
                cands &= cands - 1;
                let n = &self.needles[k].as_bytes()[1..];
                if rest.len() >= n.len() && rest[..n.len()].eq_ignore_ascii_case(n) {
                    found |= 1 << k;
                    if found & wanted == wanted {
                        return found;
                    }
                }
            }
        }
        found
    }

    /// True when some needle occurs in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        self.found(hay, 0) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anywhere_ignoring_case() {
        const N: Needles = Needles::new(&["date", "byline"]);
        assert!(N.is_match("post-Date"));
        assert!(N.is_match("entryBYLINE x"));
        assert!(!N.is_match("dat byl"));
        assert!(!N.is_match(""));
        assert_eq!(N.found("byline-date", u64::MAX), 0b11);
    }

    #[test]
    fn segment_start_only() {
        const N: Needles = Needles::at_segment_start(&["related", "nav"]);
        assert!(N.is_match("related-posts"));
        assert!(N.is_match("l-relatedBox"));
        assert!(N.is_match("x nav"));
        assert!(!N.is_match("unrelated"));
        assert!(!N.is_match("canvas"));
    }

    #[test]
    fn non_ascii_needles() {
        const N: Needles = Needles::new(&["veröffentlicht"]);
        assert!(N.is_match("Veröffentlicht-am"));
        assert!(!N.is_match("veroffentlicht"));
    }
}
