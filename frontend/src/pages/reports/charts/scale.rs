//! The value axis of a chart: a round top at or above the largest value, in a few even
//! steps, so the grid lines read 0 – 2 – 4 – 6 rather than 0 – 1,83 – 3,66.

/// A value axis from zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The highest value on the axis, ≥ every value drawn.
    pub top: f64,
    /// The distance between grid lines.
    pub step: f64,
}

/// At most this many steps between zero and the top.
const MAX_STEPS: f64 = 5.0;

impl Axis {
    /// An axis for values up to `max`; an axis of 0 to 1 when there is nothing above zero
    /// (so empty charts still have a frame, and nothing divides by zero).
    pub fn up_to(max: f64) -> Axis {
        if !(max.is_finite() && max > 0.0) {
            return Axis { top: 1.0, step: 0.25 };
        }
        let rough = max / MAX_STEPS;
        let magnitude = 10f64.powf(rough.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= rough * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        let top = (max / step - 1e-9).ceil().max(1.0) * step;
        Axis { top, step }
    }

    /// An axis of whole numbers (counts of cases): steps of at least one.
    pub fn counts_up_to(max: u32) -> Axis {
        let axis = Axis::up_to(f64::from(max.max(1)));
        let step = axis.step.max(1.0).round();
        Axis { top: (axis.top / step).ceil() * step, step }
    }

    /// The grid values, zero to top.
    pub fn ticks(&self) -> Vec<f64> {
        let steps = (self.top / self.step).round() as usize;
        (0..=steps).map(|i| i as f64 * self.step).collect()
    }

    /// Where `value` lies, from 0 (zero) to 1 (top), clamped.
    pub fn fraction(&self, value: f64) -> f64 {
        (value / self.top).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_is_round_and_covers_the_largest_value() {
        assert_eq!(Axis::up_to(4.3), Axis { top: 5.0, step: 1.0 });
        assert_eq!(Axis::up_to(7.9), Axis { top: 8.0, step: 2.0 });
        assert_eq!(Axis::up_to(10.0), Axis { top: 10.0, step: 2.0 });
        assert_eq!(Axis::up_to(0.37), Axis { top: 0.4, step: 0.1 });
        assert_eq!(Axis::up_to(12.0), Axis { top: 12.5, step: 2.5 });
        assert_eq!(Axis::up_to(100.0), Axis { top: 100.0, step: 20.0 });
    }

    #[test]
    fn nothing_above_zero_still_gives_an_axis() {
        assert_eq!(Axis::up_to(0.0), Axis { top: 1.0, step: 0.25 });
        assert_eq!(Axis::up_to(f64::NAN).top, 1.0);
        assert_eq!(Axis::up_to(0.0).ticks(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    }

    #[test]
    fn counts_step_in_whole_numbers() {
        assert_eq!(Axis::counts_up_to(0), Axis { top: 1.0, step: 1.0 });
        assert_eq!(Axis::counts_up_to(3), Axis { top: 3.0, step: 1.0 });
        assert_eq!(Axis::counts_up_to(7), Axis { top: 8.0, step: 2.0 });
        assert_eq!(Axis::counts_up_to(3).ticks(), vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn fractions_are_clamped_to_the_axis() {
        let axis = Axis::up_to(4.0);
        assert_eq!(axis.fraction(2.0), 0.5);
        assert_eq!(axis.fraction(-1.0), 0.0);
        assert_eq!(axis.fraction(9.0), 1.0);
    }
}
