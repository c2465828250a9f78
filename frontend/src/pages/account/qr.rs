//! The QR code of an `otpauth://` URL, drawn as SVG in Rust: the secret stays
//! in the page, and SVG needs neither a canvas nor inline styles (CSP).

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Quiet zone around the code, in modules, as the QR standard asks.
const BORDER: i32 = 4;

/// One SVG path covering every dark module, and the side length in modules.
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + BORDER, y + BORDER));
            }
        }
    }
    Some((path, size + 2 * BORDER))
}

#[component]
pub fn QrCodeSvg(text: String, label: &'static str) -> impl IntoView {
    qr_path(&text).map(|(path, side)| {
        view! {
            <svg
                class="qr-code"
                viewBox=format!("0 0 {side} {side}")
                role="img"
                aria-label=label
                data-testid="totp-qr"
                shape-rendering="crispEdges"
            >
                <rect width=side.to_string() height=side.to_string() fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::qr_path;

    #[test]
    fn an_otpauth_url_becomes_a_square_with_a_quiet_zone() {
        let (path, side) =
            qr_path("otpauth://totp/Poort:anna?secret=JBSWY3DPEHPK3PXP&issuer=Poort").unwrap_or_default();
        assert!(side >= 21 + 8);
        assert!(path.starts_with("M4,4h1v1h-1z"), "the finder pattern starts in the corner");
    }
}
