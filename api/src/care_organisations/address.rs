//! Checking an organisation's address and phone as typed, and placing the address on the
//! map: exact coordinates when an integration sends them, otherwise the centre of the
//! postcode region (Poort has no geocoder), flagged as approximate.

use sea_orm::Set;
use shared::networks::{Address, AddressInput, geo, rules};

use crate::{entities::organisation, error::Validation};

/// Column limits of `organisations` (migration 000022).
const MAX_STREET: usize = 120;
const MAX_HOUSE_NUMBER: usize = 20;
const MAX_CITY: usize = 80;
const MAX_PHONE: usize = 30;

/// Checks `input`, reporting problems under `field.…` (e.g. `address.postcode`).
pub fn place(input: &AddressInput, field: &str, v: &mut Validation) -> Option<Address> {
    let mut ok = true;
    for (name, value, max) in [
        ("street", &input.street, MAX_STREET),
        ("house_number", &input.house_number, MAX_HOUSE_NUMBER),
        ("city", &input.city, MAX_CITY),
    ] {
        if let Err(p) = shared::validation::check_name(value, max) {
            v.add(&format!("{field}.{name}"), p);
            ok = false;
        }
    }
    let postcode = rules::normalise_postcode(&input.postcode);
    if postcode.is_none() {
        v.add_code(
            &format!("{field}.postcode"),
            "invalid_postcode",
            "is not a Dutch postcode (1234 AB)".into(),
        );
    }
    let coordinates = match (input.latitude, input.longitude) {
        (Some(lat), Some(lon)) if geo::valid_coordinates(lat, lon) => Some((lat, lon, false)),
        (None, None) => postcode.as_deref().and_then(geo::region_centre).map(|(lat, lon)| (lat, lon, true)),
        _ => {
            // One without the other, or off the globe: a typo we should not guess around.
            v.add_code(
                &format!("{field}.latitude"),
                "invalid_coordinates",
                "give both latitude and longitude, as WGS84 degrees".into(),
            );
            None
        }
    };
    let (postcode, (latitude, longitude, approximate)) = (postcode?, coordinates?);
    ok.then(|| Address {
        street: input.street.trim().to_string(),
        house_number: input.house_number.trim().to_string(),
        postcode,
        city: input.city.trim().to_string(),
        latitude,
        longitude,
        approximate,
    })
}

/// A phone number as typed: empty means none; otherwise digits with the usual separators.
pub fn phone(typed: Option<&str>, v: &mut Validation) -> Option<String> {
    let typed = typed.map(str::trim).filter(|p| !p.is_empty())?;
    let allowed = typed.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    if typed.chars().count() > MAX_PHONE {
        v.add("phone", shared::validation::FieldProblem::TooLong(MAX_PHONE));
        None
    } else if !allowed || digits < 6 {
        v.add_code("phone", "invalid_phone", "is not a phone number".into());
        None
    } else {
        Some(typed.to_string())
    }
}

/// Writes an address (or clears it) on an organisation about to be saved.
pub fn set_on(m: &mut organisation::ActiveModel, address: Option<&Address>) {
    m.street = Set(address.map(|a| a.street.clone()));
    m.house_number = Set(address.map(|a| a.house_number.clone()));
    m.postcode = Set(address.map(|a| a.postcode.clone()));
    m.city = Set(address.map(|a| a.city.clone()));
    m.latitude = Set(address.map(|a| a.latitude));
    m.longitude = Set(address.map(|a| a.longitude));
    m.coordinates_approximate = Set(address.is_some_and(|a| a.approximate));
}

/// The stored address of an organisation, when it has a complete one.
pub fn of(o: &organisation::Model) -> Option<Address> {
    Some(Address {
        street: o.street.clone()?,
        house_number: o.house_number.clone()?,
        postcode: o.postcode.clone()?,
        city: o.city.clone()?,
        latitude: o.latitude?,
        longitude: o.longitude?,
        approximate: o.coordinates_approximate,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn input(postcode: &str, lat: Option<f64>, lon: Option<f64>) -> AddressInput {
        AddressInput {
            street: "Biltstraat".into(),
            house_number: "12a".into(),
            postcode: postcode.into(),
            city: "Utrecht".into(),
            latitude: lat,
            longitude: lon,
        }
    }

    #[test]
    fn a_typed_address_lands_on_its_region_and_exact_coordinates_win() {
        let mut v = Validation::default();
        let a = place(&input("3572an", None, None), "address", &mut v).unwrap();
        assert_eq!(a.postcode, "3572 AN");
        assert!(a.approximate);
        let exact = place(&input("3572 AN", Some(52.09), Some(5.13)), "address", &mut v).unwrap();
        assert_eq!((exact.latitude, exact.longitude, exact.approximate), (52.09, 5.13, false));
        assert!(v.finish().is_ok());
    }

    #[test]
    fn bad_postcodes_half_coordinates_and_phones_are_named() {
        let mut v = Validation::default();
        assert!(place(&input("35720", None, None), "address", &mut v).is_none());
        assert!(place(&input("3572 AN", Some(52.0), None), "address", &mut v).is_none());
        assert_eq!(phone(Some("  "), &mut v), None);
        assert_eq!(phone(Some("030 123 45 67"), &mut v).as_deref(), Some("030 123 45 67"));
        assert_eq!(phone(Some("bel me"), &mut v), None);
        let body = v.finish().unwrap_err().body();
        assert_eq!(body.fields["address.postcode"].code, "invalid_postcode");
        assert_eq!(body.fields["address.latitude"].code, "invalid_coordinates");
        assert_eq!(body.fields["phone"].code, "invalid_phone");
    }
}
