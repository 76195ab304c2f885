//! Byte spans into a document, and their conversion to code point offsets.

use std::ops::Range;

/// A half-open range of byte offsets into a document's original text.
///
/// `&text[span.start..span.end]` is the surface text, and both ends are on `char` boundaries.
/// Spans found in a [`crate::ComposedText`] are brought back to the original with
/// [`crate::ComposedText::original`] before anything leaves the pipeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The surface text of the span. Returns `""` if the span does not fit `text`, so that a span
    /// from another document can never make analysis panic.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span as a byte range.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Converts byte offsets of one text into Unicode code point offsets.
///
/// Built once per document in O(n); each conversion is a binary search over the document's
/// multi-byte characters only, so ASCII-heavy French text costs little memory.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// For each multi-byte char: the byte offset just past it, and the number of extra bytes
    /// (beyond one per char) seen up to and including it.
    wide: Vec<(u32, u32)>,
    len: usize,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Runs of ASCII, most of French text, are skipped eight bytes at a time.
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            let Some(&lead) = bytes.get(i) else { break };
            if lead < 0x80 {
                i += 1;
                continue;
            }
            // `text` is UTF-8: the lead byte tells the char's width.
            let n = match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            extra += (n - 1) as u32;
            wide.push(((i + n) as u32, extra));
            i += n;
        }
        CharOffsets {
            wide,
            len: text.len(),
        }
    }

    /// The code point offset of byte offset `byte` (which should be on a char boundary; an offset
    /// inside a char maps to the char after it, an offset past the end to the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // Number of wide chars that end at or before `byte`.
        let k = self.wide.partition_point(|&(end, _)| end as usize <= byte);
        let extra = if k == 0 {
            0
        } else {
            self.wide[k - 1].1 as usize
        };
        byte - extra
    }

    /// The code point range of a byte span.
    pub fn char_range(&self, span: Span) -> Range<usize> {
        self.char_offset(span.start)..self.char_offset(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        let text = "l’État a dit « oui » 😀 e\u{301}t\u{202f}fin";
        let map = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_text_needs_no_table() {
        let map = CharOffsets::new("Le pays");
        assert!(map.wide.is_empty());
        assert_eq!(map.char_range(Span::new(3, 7)), 3..7);
    }

    #[test]
    fn span_text_never_panics() {
        assert_eq!(Span::new(2, 99).text("abc"), "");
        assert_eq!(Span::new(1, 2).text("é"), "");
    }
}
