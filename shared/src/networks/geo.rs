//! Coordinates and distances. Poort has no geocoder (no network access to one is assumed):
//! an address typed without coordinates is placed at the centre of its two-digit postcode
//! region, which is enough to sort professionals "nearest first" across the country;
//! integrations that geocode send exact coordinates.

/// Mean Earth radius in km.
const EARTH_KM: f64 = 6371.0;

/// Approximate centres (latitude, longitude) of the Dutch two-digit postcode regions 10–99,
/// indexed by `region - 10`. Taken from the main town of each region.
const REGION_CENTRES: [(f64, f64); 90] = [
    (52.37, 4.89),
    (52.31, 4.95),
    (52.22, 5.17),
    (52.37, 5.22),
    (52.50, 4.95), // 10–14
    (52.46, 4.80),
    (52.64, 5.06),
    (52.75, 4.82),
    (52.63, 4.75),
    (52.48, 4.65), // 15–19
    (52.38, 4.64),
    (52.30, 4.65),
    (52.22, 4.45),
    (52.16, 4.49),
    (52.13, 4.66), // 20–24
    (52.07, 4.30),
    (52.01, 4.36),
    (52.06, 4.49),
    (52.01, 4.71),
    (51.94, 4.70), // 25–29
    (51.92, 4.48),
    (51.91, 4.36),
    (51.85, 4.30),
    (51.81, 4.67),
    (52.03, 5.08), // 30–34
    (52.09, 5.12),
    (52.14, 5.04),
    (52.09, 5.23),
    (52.16, 5.39),
    (52.03, 5.56), // 35–39
    (51.89, 5.43),
    (51.95, 5.23),
    (51.83, 4.97),
    (51.50, 3.61),
    (51.50, 3.89), // 40–44
    (51.33, 3.83),
    (51.50, 4.29),
    (51.53, 4.46),
    (51.59, 4.78),
    (51.64, 4.86), // 45–49
    (51.56, 5.09),
    (51.69, 5.07),
    (51.69, 5.30),
    (51.77, 5.45),
    (51.66, 5.62), // 50–54
    (51.40, 5.40),
    (51.44, 5.48),
    (51.48, 5.66),
    (51.53, 5.98),
    (51.37, 6.17), // 55–59
    (51.25, 5.71),
    (51.00, 5.87),
    (50.85, 5.69),
    (50.88, 5.95),
    (50.88, 6.02), // 60–64
    (51.84, 5.86),
    (51.81, 5.72),
    (52.03, 5.66),
    (51.98, 5.91),
    (51.93, 6.07), // 65–69
    (51.97, 6.29),
    (51.97, 6.72),
    (52.14, 6.20),
    (52.21, 5.97),
    (52.25, 6.16), // 70–74
    (52.22, 6.89),
    (52.36, 6.66),
    (52.58, 6.55),
    (52.78, 6.90),
    (52.72, 6.48), // 75–79
    (52.51, 6.09),
    (52.39, 6.27),
    (52.52, 5.47),
    (52.71, 5.75),
    (52.96, 5.92), // 80–84
    (52.97, 5.79),
    (53.03, 5.66),
    (53.06, 5.53),
    (53.18, 5.42),
    (53.20, 5.80), // 85–89
    (53.09, 5.84),
    (53.32, 6.00),
    (53.11, 6.10),
    (53.14, 6.43),
    (52.99, 6.56), // 90–94
    (52.99, 6.95),
    (53.16, 6.76),
    (53.22, 6.57),
    (53.28, 6.45),
    (53.32, 6.86), // 95–99
];

/// The centre of the postcode's region, for a valid Dutch postcode (`1234 AB`, `1234AB`).
pub fn region_centre(postcode: &str) -> Option<(f64, f64)> {
    let digits: String = postcode.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let region: usize = digits[..2].parse().ok()?;
    REGION_CENTRES.get(region.checked_sub(10)?).copied()
}

/// Great-circle distance in km (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().asin()
}

/// The factor that makes a longitude difference comparable to a latitude difference near
/// `latitude`. Queries order by `(lat - lat0)² + ((lon - lon0) · factor)²`, which is plain
/// arithmetic both SQLite and PostgreSQL compute, and within the Netherlands sorts the same
/// as the great-circle distance.
pub fn longitude_factor(latitude: f64) -> f64 {
    latitude.to_radians().cos()
}

/// Whether a latitude/longitude pair lies on Earth.
pub fn valid_coordinates(latitude: f64, longitude: f64) -> bool {
    latitude.is_finite() && longitude.is_finite() && latitude.abs() <= 90.0 && longitude.abs() <= 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_cover_ten_to_ninety_nine() {
        assert_eq!(region_centre("1012 AB"), Some((52.37, 4.89)));
        assert_eq!(region_centre("9999XX"), Some((53.32, 6.86)));
        assert_eq!(region_centre("0999 AB"), None);
        assert_eq!(region_centre("123 AB"), None);
    }

    #[test]
    fn amsterdam_to_utrecht_is_about_35_km() {
        let d = distance_km((52.3676, 4.9041), (52.0907, 5.1214));
        assert!((d - 34.4).abs() < 1.0, "{d}");
    }

    #[test]
    fn the_flat_approximation_orders_like_the_real_distance() {
        let home = (52.09, 5.12);
        let places = [(52.37, 4.89), (51.92, 4.48), (53.22, 6.57), (52.16, 5.39), (50.85, 5.69)];
        let k = longitude_factor(home.0);
        let flat = |p: &(f64, f64)| (p.0 - home.0).powi(2) + ((p.1 - home.1) * k).powi(2);
        let mut by_flat = places.to_vec();
        by_flat.sort_by(|a, b| flat(a).total_cmp(&flat(b)));
        let mut by_real = places.to_vec();
        by_real.sort_by(|a, b| distance_km(home, *a).total_cmp(&distance_km(home, *b)));
        assert_eq!(by_flat, by_real);
    }
}
