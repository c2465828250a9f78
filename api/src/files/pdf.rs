//! A minimal PDF writer: one A4 page of text lines in Helvetica. Enough for demo
//! documents and simple printable reports, without a PDF dependency.

/// Escapes text for a PDF string literal; characters outside Latin-1 become `?`
/// (the standard fonts speak WinAnsi, which covers Dutch).
fn escape(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        match ch {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            c if (c as u32) < 0x20 => out.push(' '),
            c if (c as u32) < 0x80 => out.push(c),
            c if (c as u32) <= 0xFF => out.push_str(&format!("\\{:03o}", c as u32)),
            _ => out.push('?'),
        }
    }
    out
}

/// A one-page PDF with a title and lines of text.
pub fn simple(title: &str, lines: &[&str]) -> Vec<u8> {
    let mut content = format!("BT /F1 16 Tf 56 780 Td ({}) Tj ET\n", escape(title));
    for (i, line) in lines.iter().take(45).enumerate() {
        let y = 750 - 16 * i as i32;
        content.push_str(&format!("BT /F1 11 Tf 56 {y} Td ({}) Tj ET\n", escape(line)));
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cross_reference_points_at_each_object() {
        let pdf = simple("Plan van aanpak", &["Regel één (met haakjes)", "Tweede regel"]);
        let text = String::from_utf8_lossy(&pdf).to_string();
        assert!(text.starts_with("%PDF-1.4"));
        let xref_at: usize =
            text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(text[xref_at..].starts_with("xref"));
        for (i, line) in text[xref_at..].lines().skip(3).take(5).enumerate() {
            let off: usize = line[..10].parse().unwrap();
            assert!(text[off..].starts_with(&format!("{} 0 obj", i + 1)), "object {} at {off}", i + 1);
        }
        assert!(text.contains("\\(met haakjes\\)"));
        assert!(text.contains("Regel \\351\\351n"), "Latin-1 as octal escapes");
    }
}
