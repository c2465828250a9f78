//! What a file really is, from its first bytes.

/// A file type Poort accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// PDF.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// Word document (OOXML).
    Docx,
}

impl Kind {
    /// The content type sent back on download.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    /// The file name extension that matches.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Docx => "docx",
        }
    }
}

/// The type of `bytes`, or `None` for anything Poort does not accept (executables,
/// HTML, archives that are not Word documents, …).
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    if bytes.starts_with(b"%PDF-") {
        Some(Kind::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Kind::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Kind::Jpeg)
    } else if bytes.starts_with(b"PK\x03\x04")
        && contains(bytes, b"word/")
        && contains(bytes, b"[Content_Types].xml")
    {
        Some(Kind::Docx)
    } else {
        None
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A file name safe to send in `Content-Disposition` and to show: no paths, no
/// control or quoting characters, at most 150 characters, and the extension of
/// what the file really is.
pub fn safe_name(name: &str, kind: Kind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    let clean: String = stem
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | '/' | ';' | '<' | '>'))
        .take(150)
        .collect();
    let clean = clean.trim();
    let stem = if clean.is_empty() { "document" } else { clean };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(Kind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(Kind::Png));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Kind::Jpeg));
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"MZ\x90\x00"), None, "a Windows executable");
        assert_eq!(sniff(b"PK\x03\x04 just a zip"), None);
        assert_eq!(sniff(b"PK\x03\x04 [Content_Types].xml word/document.xml"), Some(Kind::Docx));
    }

    #[test]
    fn names_lose_paths_and_get_the_real_extension() {
        assert_eq!(safe_name("../../etc/passwd", Kind::Pdf), "passwd.pdf");
        assert_eq!(safe_name("C:\\Users\\x\\Plan van aanpak.exe", Kind::Pdf), "Plan van aanpak.pdf");
        assert_eq!(safe_name("a\"b;c.pdf", Kind::Pdf), "abc.pdf");
        assert_eq!(safe_name("", Kind::Png), "document.png");
    }
}
