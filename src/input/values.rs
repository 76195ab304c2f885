//! `.json` files: the JSON values a stream holds, each with the line it starts on: the elements
//! of a top-level array of records, or values one after another (JSON Lines, or objects spread
//! over several lines, as a pretty-printer writes them).
//!
//! The values are found by their brackets and strings, not parsed: each is then parsed and
//! checked as a JSON line is. A string cannot hold a line break in JSON, so a value broken
//! inside a string ends at the end of its line, and the next line starts afresh, as in JSON
//! Lines: one broken record does not take the rest of the file with it.

use super::fill;
use std::io::{self, BufRead};

/// One value found in the stream.
pub enum Found {
    /// The value's bytes, and the line it starts on (1-based).
    Value(Vec<u8>, u64),
    /// A value longer than the limit, skipped: its length in bytes and its line.
    TooLong(u64, u64),
    /// The end of the stream.
    End,
}

/// Splits a stream into JSON values.
pub struct ValueSplitter {
    /// The line the next byte is on.
    line: u64,
    /// True inside a top-level array, whose elements are the values.
    in_array: bool,
    /// True once something other than blank space was seen: a `[` after that is a value.
    started: bool,
}

impl ValueSplitter {
    pub fn new() -> ValueSplitter {
        ValueSplitter {
            line: 1,
            in_array: false,
            started: false,
        }
    }

    /// The line the next byte is on.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next value, keeping at most `max` bytes of it in `buf`.
    pub fn next(
        &mut self,
        reader: &mut dyn BufRead,
        buf: &mut Vec<u8>,
        max: u64,
    ) -> io::Result<Found> {
        buf.clear();
        // Blank space, and the separators and brackets of the top-level array, between values.
        loop {
            let Some(b) = peek_byte(reader)? else {
                return Ok(Found::End);
            };
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                0xef if !self.started && skip_bom(reader)? => continue,
                b'[' if !self.started => self.in_array = true,
                b',' if self.in_array => {}
                b']' if self.in_array => self.in_array = false,
                _ => break,
            }
            self.started |= !b.is_ascii_whitespace();
            reader.consume(1);
        }
        self.started = true;
        let line = self.line;
        let mut depth: u32 = 0;
        let mut in_string = false;
        let mut escaped = false;
        let mut total: u64 = 0;
        loop {
            let available = fill(reader)?;
            if available.is_empty() {
                return Ok(finish(buf, total, max, line));
            }
            let mut end = None;
            for (i, &b) in available.iter().enumerate() {
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                    } else if b == b'\n' {
                        // Broken: the value ends with its line, which stays counted.
                        end = Some(i);
                        break;
                    }
                    continue;
                }
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i + 1);
                            break;
                        }
                    }
                    b'\n' | b',' | b']' | b'}' if depth == 0 => {
                        // The end of a value that is not an object or an array.
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            let n = end.unwrap_or(available.len());
            let chunk = &available[..n];
            self.line += chunk.iter().filter(|&&b| b == b'\n').count() as u64;
            total += n as u64;
            if total <= max {
                buf.extend_from_slice(chunk);
            } else {
                buf.clear();
            }
            reader.consume(n);
            if end.is_some() {
                if n == 0 && total == 0 {
                    // A stray `]` or `}` alone: taken as a value of its own, which is not JSON.
                    buf.push(peek_byte(reader)?.unwrap_or(b' '));
                    reader.consume(1);
                    total = 1;
                }
                return Ok(finish(buf, total, max, line));
            }
        }
    }
}

fn finish(buf: &mut Vec<u8>, total: u64, max: u64, line: u64) -> Found {
    if total > max {
        buf.clear();
        Found::TooLong(total, line)
    } else {
        Found::Value(std::mem::take(buf), line)
    }
}

fn peek_byte(reader: &mut dyn BufRead) -> io::Result<Option<u8>> {
    Ok(fill(reader)?.first().copied())
}

/// Consumes a byte order mark when the stream is at one.
fn skip_bom(reader: &mut dyn BufRead) -> io::Result<bool> {
    let bom = "\u{feff}".as_bytes();
    let available = reader.fill_buf()?;
    if available.starts_with(bom) {
        reader.consume(bom.len());
        return Ok(true);
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, u64)> {
        let mut reader = io::BufReader::with_capacity(7, text.as_bytes());
        let mut splitter = ValueSplitter::new();
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match splitter.next(&mut reader, &mut buf, 1000).unwrap() {
                Found::Value(v, line) => out.push((String::from_utf8(v).unwrap(), line)),
                Found::TooLong(n, line) => out.push((format!("too long: {n}"), line)),
                Found::End => return out,
            }
        }
    }

    #[test]
    fn array_elements_with_their_lines() {
        let text = "[\n  {\"text\": \"a [b] {c}\"},\n  {\"text\":\n    \"d\\\"\"}\n]\n";
        assert_eq!(
            values(text),
            [
                ("{\"text\": \"a [b] {c}\"}".to_owned(), 2),
                ("{\"text\":\n    \"d\\\"\"}".to_owned(), 3)
            ]
        );
    }

    #[test]
    fn values_one_after_another_and_broken_ones_end_with_their_line() {
        let text = "\u{feff}{\"a\": 1}\n{\"b\": \"broken\n{\"c\": 2}\n\n{\n  \"d\": [1, 2]\n}\n";
        assert_eq!(
            values(text),
            [
                ("{\"a\": 1}".to_owned(), 1),
                ("{\"b\": \"broken".to_owned(), 2),
                ("{\"c\": 2}".to_owned(), 3),
                ("{\n  \"d\": [1, 2]\n}".to_owned(), 5),
            ]
        );
    }

    #[test]
    fn scalars_and_stray_brackets_are_values_that_fail_later() {
        assert_eq!(
            values("[1, \"x\"]\n}\n"),
            [
                ("1".to_owned(), 1),
                ("\"x\"".to_owned(), 1),
                ("}".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn a_long_value_is_skipped_whole() {
        let long = format!(
            "[{{\"text\": \"{}\"}}, {{\"text\": \"b\"}}]",
            "x".repeat(2000)
        );
        assert_eq!(
            values(&long),
            [
                ("too long: 2012".to_owned(), 1),
                ("{\"text\": \"b\"}".to_owned(), 1)
            ]
        );
    }
}
