//! The statistics' charts, drawn in Rust as inline SVG: no chart library, nothing but
//! the page's own stylesheet, and a `viewBox` so they scale to a phone or a printed page.

pub mod class_chart;
pub mod month_chart;
pub mod scale;

use leptos::prelude::*;

use self::scale::Axis;

/// The drawing's own units; the SVG is as wide as its box and keeps this ratio.
pub const VIEW_WIDTH: f64 = 480.0;
/// See [`VIEW_WIDTH`].
pub const VIEW_HEIGHT: f64 = 240.0;

/// The plotting area inside the drawing: room on the left for the value labels and
/// below for the month labels.
#[derive(Debug, Clone, Copy)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub below: f64,
}

impl Plot {
    /// The area of a chart with a value axis on the left and labels under it.
    pub fn for_axis() -> Plot {
        Plot { left: 52.0, top: 10.0, right: 6.0, below: 28.0 }
    }

    pub fn width(&self) -> f64 {
        VIEW_WIDTH - self.left - self.right
    }

    pub fn height(&self) -> f64 {
        VIEW_HEIGHT - self.top - self.below
    }

    /// The y of the zero line.
    pub fn bottom(&self) -> f64 {
        VIEW_HEIGHT - self.below
    }

    /// The horizontal grid lines with their values on the left.
    pub fn grid(self, axis: Axis, label: impl Fn(f64) -> String) -> impl IntoView {
        axis.ticks()
            .into_iter()
            .map(|v| {
                let y = self.bottom() - axis.fraction(v) * self.height();
                view! {
                    <line class="grid-line" x1=self.left x2=VIEW_WIDTH - self.right y1=y y2=y />
                    <text class="axis-label" x=self.left - 6.0 y=y + 4.0 text-anchor="end">{label(v)}</text>
                }
            })
            .collect_view()
    }
}
