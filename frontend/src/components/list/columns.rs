//! Which columns a list shows: the person's remembered choice where it still makes sense,
//! the list's defaults otherwise. Pure, so it is tested on the host.

/// The columns to show, in the list's own order. `stored` is the remembered choice; names
/// the list no longer has are ignored, and a choice that leaves nothing falls back to the
/// defaults (a list without columns would look broken, not chosen).
pub fn visible_columns(
    all: &[&'static str],
    defaults: &[&'static str],
    stored: &[String],
) -> Vec<&'static str> {
    let chosen: Vec<&'static str> = all.iter().copied().filter(|c| stored.iter().any(|s| s == c)).collect();
    if chosen.is_empty() { all.iter().copied().filter(|c| defaults.contains(c)).collect() } else { chosen }
}

/// The choice after switching `column` on or off; `None` when nothing changes (the last
/// visible column cannot be switched off).
pub fn toggle(
    all: &[&'static str],
    current: &[&'static str],
    column: &'static str,
    on: bool,
) -> Option<Vec<&'static str>> {
    if on == current.contains(&column) || (!on && current.len() <= 1) {
        return None;
    }
    Some(all.iter().copied().filter(|c| if *c == column { on } else { current.contains(c) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&str; 4] = ["name", "kind", "period", "uploaded"];

    #[test]
    fn the_stored_choice_wins_in_the_lists_order_and_unknown_names_are_dropped() {
        let stored = vec!["uploaded".to_string(), "gone".to_string(), "name".to_string()];
        assert_eq!(visible_columns(&ALL, &["name", "kind"], &stored), vec!["name", "uploaded"]);
        assert_eq!(visible_columns(&ALL, &["name", "kind"], &[]), vec!["name", "kind"]);
        assert_eq!(visible_columns(&ALL, &["name"], &["gone".to_string()]), vec!["name"]);
    }

    #[test]
    fn toggling_keeps_the_order_and_never_empties_the_list() {
        assert_eq!(toggle(&ALL, &["name", "uploaded"], "kind", true), Some(vec!["name", "kind", "uploaded"]));
        assert_eq!(toggle(&ALL, &["name", "kind"], "name", false), Some(vec!["kind"]));
        assert_eq!(toggle(&ALL, &["name"], "name", false), None);
        assert_eq!(toggle(&ALL, &["name"], "name", true), None);
    }
}
