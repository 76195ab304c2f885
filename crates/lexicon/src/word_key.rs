//! A key for tables of words: the word held inline, with one flag.

/// A word of at most 15 bytes held inline, with one flag: a hash map key of 16 bytes, compared
/// without following a pointer, for the lexicon's table of forms and the per-thread cache of
/// words that `fouille-document` keeps. Small keys keep those tables small enough for the
/// processor's caches; longer words, a few in a hundred, are looked up directly.
///
/// The 16 bytes are two `u64`, so that comparing two keys is two comparisons and hashing them
/// two words, where an array of bytes would be compared by a call to `memcmp` and hashed with
/// its length (and a `u128` would align map entries to 16 bytes).
///
/// The default key is that of no word, which no token has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct WordKey(u64, u64);

impl WordKey {
    /// The key of `word` with `flag`, or `None` when the word is longer than 15 bytes.
    #[inline]
    pub fn new(word: &str, flag: bool) -> Option<WordKey> {
        // The 16 bytes: the length, and the flag in its high bit, then the word, zero-padded.
        // They are gathered with a few loads that may overlap, rather than copied into an array
        // of bytes, which costs a call to `memcpy` for every token of every text.
        let b = word.as_bytes();
        let n = b.len();
        let head = n as u64 | if flag { 0x80 } else { 0 };
        match n {
            0 => Some(WordKey(head, 0)),
            1..=3 => {
                let v = u64::from(b[0])
                    | u64::from(b[n / 2]) << (8 * (n / 2))
                    | u64::from(b[n - 1]) << (8 * (n - 1));
                Some(WordKey(head | v << 8, 0))
            }
            4..=7 => {
                let v = u64::from(le32(b, 0)?) | u64::from(le32(b, n - 4)?) << (8 * (n - 4));
                Some(WordKey(head | v << 8, 0))
            }
            8..=15 => {
                // Bytes 0 to 6 of the word after the head; bytes 7 to n-1 in the second word,
                // taken from the last 8 bytes and shifted down past those already taken.
                let first = le64(b, 0)?;
                let last = le64(b, n - 8)? >> (8 * (15 - n));
                Some(WordKey(head | first << 8, last))
            }
            _ => None,
        }
    }

    /// A hash of the key whose high bits are well mixed, for tables that index by them.
    #[inline]
    pub fn hash64(self) -> u64 {
        let h = (self.0 ^ self.1.rotate_left(29).wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^ (h >> 29)
    }
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn le64(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout the key is gathered into, written plainly.
    fn plain(word: &str, flag: bool) -> Option<WordKey> {
        let n = word.len();
        if n > 15 {
            return None;
        }
        let mut bytes = [0u8; 16];
        bytes[0] = n as u8 | if flag { 0x80 } else { 0 };
        bytes[1..=n].copy_from_slice(word.as_bytes());
        let (lo, hi) = bytes.split_at(8);
        Some(WordKey(
            u64::from_le_bytes(lo.try_into().unwrap()),
            u64::from_le_bytes(hi.try_into().unwrap()),
        ))
    }

    #[test]
    fn keys_are_gathered_as_laid_out_for_every_length() {
        let alphabet = "aéz'-Ô9€";
        for n in 0..=18 {
            for shift in 0..alphabet.chars().count() {
                let word: String = alphabet.chars().cycle().skip(shift).take(n).collect();
                for flag in [false, true] {
                    assert_eq!(
                        WordKey::new(&word, flag),
                        plain(&word, flag),
                        "{word:?} {flag}"
                    );
                }
            }
            let ascii = &"abcdefghijklmnopqr"[..n];
            assert_eq!(WordKey::new(ascii, true), plain(ascii, true), "{ascii}");
        }
    }

    #[test]
    fn word_keys_tell_words_and_flags_apart() {
        let key = |w: &str, f: bool| WordKey::new(w, f);
        assert_eq!(key("Paris", false), key("Paris", false));
        assert_ne!(key("Paris", false), key("Paris", true));
        assert_ne!(key("Paris", false), key("Pari", false));
        assert_ne!(key("a", false), key("a\0", false));
        assert_ne!(key("été", false), key("ete", false));
        assert!(key("quinze-octets15", false).is_some());
        assert_eq!(key("seize-octets-16b", false), None);
    }
}
