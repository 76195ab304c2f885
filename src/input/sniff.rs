//! What a stream holds, read from its first bytes where its name does not say it: gzip (its
//! magic number), then JSON Lines (a first `{`), a JSON array of records (a first `[` then `{`
//! or `]`), or the text of one article.

use super::sources::Format;
use std::io::{self, BufRead, BufReader, Read};

/// The first two bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// How far the format is looked for: blank space longer than this before the first character
/// makes a text.
const LOOK_AHEAD: usize = 1 << 16;

/// A stream whose first bytes were read to look at them, and are given back first.
pub type Peeked = io::Chain<io::Cursor<Vec<u8>>, Box<dyn Read + Send>>;

/// Reads from `inner` until `enough` says the bytes read tell what is needed, or `limit` bytes,
/// or the end; gives the bytes read and the stream that reads them again.
fn peek(
    mut inner: Box<dyn Read + Send>,
    limit: usize,
    enough: impl Fn(&[u8]) -> bool,
) -> io::Result<(Vec<u8>, Peeked)> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while head.len() < limit && !enough(&head) {
        let want = chunk.len().min(limit - head.len());
        match inner.read(&mut chunk[..want]) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let again = io::Cursor::new(head.clone()).chain(inner);
    Ok((head, again))
}

/// The stream decompressed when it starts with gzip's magic number (several members one after
/// another, as `cat a.gz b.gz` makes, are read as one stream), else as it is.
pub fn gunzip_if_gzip(inner: Box<dyn Read + Send>) -> io::Result<Box<dyn Read + Send>> {
    let (head, stream) = peek(inner, GZIP_MAGIC.len(), |h| h.len() >= GZIP_MAGIC.len())?;
    Ok(if head.starts_with(&GZIP_MAGIC) {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            1 << 16,
            stream,
        )))
    } else {
        Box::new(stream)
    })
}

/// The format of a stream whose name does not say it, and the stream to read it from.
pub fn sniff_format(inner: Box<dyn Read + Send>) -> io::Result<(Format, Peeked)> {
    let (head, stream) = peek(inner, LOOK_AHEAD, |h| format_of(h).is_some())?;
    Ok((format_of(&head).unwrap_or(Format::Text), stream))
}

/// The format the first bytes show, or `None` while they show only blank space.
fn format_of(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let mut chars = head.iter().filter(|b| !b.is_ascii_whitespace());
    match chars.next()? {
        b'{' => Some(Format::JsonLines),
        b'[' => match chars.next()? {
            b'{' | b']' => Some(Format::Json),
            _ => Some(Format::Text),
        },
        _ => Some(Format::Text),
    }
}

/// A buffered stream over what is left to read.
pub fn buffered(inner: impl Read + Send + 'static) -> Box<dyn BufRead + Send> {
    Box::new(BufReader::with_capacity(1 << 16, inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(bytes: &[u8]) -> (Format, Vec<u8>) {
        let (format, mut stream) = sniff_format(Box::new(io::Cursor::new(bytes.to_vec()))).unwrap();
        let mut all = Vec::new();
        stream.read_to_end(&mut all).unwrap();
        (format, all)
    }

    #[test]
    fn first_characters_tell_the_format_and_nothing_is_lost() {
        for (bytes, format) in [
            (&b"{\"text\": \"a\"}\n"[..], Format::JsonLines),
            (b"\xef\xbb\xbf  \n{\"text\": 1}", Format::JsonLines),
            (b"[{\"text\": \"a\"}]", Format::Json),
            (b"[\n  ]", Format::Json),
            (b"[Video] Le president a dit.", Format::Text),
            (b"Le Mali est au Sahel.", Format::Text),
            (b"   ", Format::Text),
            (b"", Format::Text),
        ] {
            assert_eq!(sniffed(bytes), (format, bytes.to_vec()));
        }
    }

    #[test]
    fn gzip_is_read_by_its_magic_number() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"text\": \"a\"}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let mut out = String::new();
        gunzip_if_gzip(Box::new(io::Cursor::new(bytes)))
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "{\"text\": \"a\"}\n");
        let mut plain = String::new();
        gunzip_if_gzip(Box::new(io::Cursor::new(b"\x1f".to_vec())))
            .unwrap()
            .read_to_string(&mut plain)
            .unwrap();
        assert_eq!(plain, "\x1f");
    }
}
